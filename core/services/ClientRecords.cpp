#include "core/services/ClientRecords.h"

#include "core/intake/AnonymousProfiles.h"
#include "core/intake/DataQuality.h"
#include "core/intake/DateOfBirth.h"
#include "core/intake/IntakeJson.h"
#include "core/services/RecordSupport.h"
#include "core/services/Refusals.h"
#include "core/store/CaseNumbers.h"
#include "core/store/ChangeLog.h"
#include "core/store/ClientRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/ServiceRepository.h"
#include "core/store/Store.h"
#include "core/vault/OpenStore.h"
#include "core/vault/SearchIndex.h"
#include "core/vault/Vault.h"

namespace hearth {

namespace {
const QString kClientEntity = QStringLiteral("client");

void tidy(ClientProfile& c)
{
    for (QString* s : {&c.firstName, &c.middleName, &c.lastName, &c.nameSuffix, &c.alias, &c.additionalRaceEthnicity})
        *s = s->simplified();
    // Whether the number is the withheld form is decided here, from what is stored, not by the caller.
    c.ssnWithheld = false;
}

/// Impossible data: refused before anything is written.
Status refuseImpossible(const ClientProfile& c, const QDate& today)
{
    const bool nameClaimed = c.nameDataQuality == 1 || c.nameDataQuality == 2;
    if (nameClaimed && c.firstName.isEmpty() && c.lastName.isEmpty() && c.anonymousProfile.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("Enter at least a first or a last name, or choose why the name is missing."));
    return refusalOf(quality::checkClientProfile(c, today));
}
} // namespace

QString ClientRecords::withheldSsn(const QString& ssn)
{
    return ssn.size() == 9 ? QStringLiteral("XXXXX") + ssn.right(4) : ssn;
}

void ClientRecords::withhold(ClientProfile& client)
{
    const QString withheld = withheldSsn(client.ssn);
    client.ssnWithheld = withheld != client.ssn;
    client.ssn = withheld;
}

Result<ClientRecords::NewClient> ClientRecords::prepareNew(ClientProfile c, std::optional<int> approximateAge) const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    tidy(c);
    const QDateTime now = m_vault.clock().now();
    const QDate today = now.toLocalTime().date();
    if (!c.anonymousProfile.isEmpty()) {
        // A profile may drop the date of birth; the age it gave survives as an approximate one.
        if (!approximateAge && c.dob)
            approximateAge = dob::ageOn(*c.dob, today);
        // The case number is not known yet; a placeholder passes the checks and is replaced below.
        ClientProfile trial = c;
        if (auto st
            = applyAnonymousProfile(c.anonymousProfile, trial, QStringLiteral("00000-00000"), today, approximateAge);
            !st)
            return st.error();
        if (auto st = refuseImpossible(trial, today); !st)
            return st.error();
    } else if (auto st = refuseImpossible(c, today); !st) {
        return st.error();
    }
    c.uuid = records::newId();
    c.createdAt = now;
    c.updatedAt = now;
    c.updatedBy = m_vault.user()->login;
    return NewClient {std::move(c), approximateAge, today};
}

Status ClientRecords::insertNew(NewClient& n)
{
    Store& s = m_vault.openStore().store();
    ClientProfile& c = n.profile;
    auto caseNumber = CaseNumbers(s).next();
    if (!caseNumber)
        return caseNumber.error();
    c.caseNumber = *caseNumber;
    if (!c.anonymousProfile.isEmpty()) {
        if (auto r = applyAnonymousProfile(c.anonymousProfile, c, c.caseNumber, n.today, n.approximateAge); !r)
            return r;
    }
    if (auto r = ClientRepository(s).insert(c); !r)
        return r;
    return m_vault.openStore().recordChange(kClientEntity, c.uuid, QStringLiteral("insert"), intake_json::toJson(c),
                                            audit::RecordCreate);
}

Result<ClientProfile> ClientRecords::create(ClientProfile c, std::optional<int> approximateAge)
{
    auto prepared = prepareNew(std::move(c), approximateAge);
    if (!prepared)
        return prepared.error();
    if (auto st = m_vault.openStore().write([&] { return insertNew(*prepared); }); !st)
        return st.error();
    m_vault.searchIndex().add(prepared->profile);
    return prepared->profile;
}

Result<ClientProfile> ClientRecords::create(const QString& firstName, const QString& lastName)
{
    ClientProfile c;
    c.firstName = firstName;
    c.lastName = lastName;
    c.nameDataQuality = 1;
    return create(std::move(c));
}

Status ClientRecords::update(const ClientProfile& input)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    ClientProfile c = input;
    tidy(c);
    Status st = m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        auto stored = ClientRepository(s).find(c.uuid);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            return makeError(ErrorCode::NotFound, QObject::tr("That client record no longer exists."));
        // The case number and creation stamp are the store's, not the form's.
        c.caseNumber = (*stored)->caseNumber;
        if (!m_vault.can(Permission::RevealSsn) && c.ssn == withheldSsn((*stored)->ssn))
            c.ssn = (*stored)->ssn; // the form held the withheld form: the number was not changed
        if (auto r = refuseImpossible(c, m_vault.clock().today()); !r)
            return r;
        c.createdAt = (*stored)->createdAt;
        c.updatedAt = m_vault.clock().now();
        c.updatedBy = m_vault.user()->login;
        if (auto r = ClientRepository(s).update(c); !r)
            return r;
        return m_vault.openStore().recordChange(kClientEntity, c.uuid, QStringLiteral("update"), intake_json::toJson(c),
                                                audit::RecordEdit);
    });
    if (st)
        m_vault.searchIndex().add(c);
    return st;
}

Status ClientRecords::remove(const QString& uuid)
{
    if (auto st = m_vault.require(Permission::DeleteClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    const QString by = m_vault.user()->login;
    Status st = m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        if (auto r = ClientRepository(s).markDeleted(uuid, now, by); !r)
            return r;
        return m_vault.openStore().recordChange(kClientEntity, uuid, QStringLiteral("delete"), {}, audit::RecordDelete);
    });
    if (st)
        m_vault.searchIndex().remove(uuid);
    return st;
}

Result<ClientProfile> ClientRecords::open(const QString& uuid)
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    auto found = ClientRepository(m_vault.openStore().store()).find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That client record no longer exists."));
    if (auto st = m_vault.openStore().recordAudit(QString::fromLatin1(audit::RecordView), kClientEntity, uuid); !st)
        return st.error();
    ClientProfile c = **found;
    if (!m_vault.can(Permission::RevealSsn))
        withhold(c);
    return c;
}

Result<std::vector<ClientProfile>> ClientRecords::list(int limit) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    auto clients = ClientRepository(m_vault.openStore().store()).list(limit);
    if (clients && !m_vault.can(Permission::RevealSsn)) {
        for (ClientProfile& c : *clients)
            withhold(c);
    }
    return clients;
}

Result<QString> ClientRecords::revealSsn(const QString& uuid)
{
    if (auto st = m_vault.require(Permission::RevealSsn); !st)
        return st.error();
    auto found = ClientRepository(m_vault.openStore().store()).find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That client record no longer exists."));
    if (auto st = m_vault.openStore().recordAudit(QString::fromLatin1(audit::SsnReveal), kClientEntity, uuid); !st)
        return st.error();
    return (*found)->ssn;
}

Result<std::vector<ChangeRecord>> ClientRecords::history(const QString& uuid) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    Store& s = m_vault.openStore().store();
    QStringList ids {uuid};
    auto enrollments = EnrollmentRepository(s).forClient(uuid);
    if (!enrollments)
        return enrollments.error();
    for (const Enrollment& e : *enrollments) {
        ids.append(e.uuid);
        auto services = ServiceRepository(s).forEnrollment(e.uuid);
        if (!services)
            return services.error();
        for (const ServiceRecord& r : *services)
            ids.append(r.uuid);
    }
    return ChangeLog(s).forEntities(ids);
}

} // namespace hearth
