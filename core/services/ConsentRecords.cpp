#include "core/services/ConsentRecords.h"

#include "core/consent/ConsentJson.h"
#include "core/services/ClientRecords.h"
#include "core/services/NoSharingAlerts.h"
#include "core/services/RecordSupport.h"
#include "core/store/ClientRepository.h"
#include "core/store/ConsentRepository.h"
#include "core/store/Store.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/OpenStore.h"
#include "core/vault/SearchIndex.h"
#include "core/vault/Vault.h"

#include <algorithm>

namespace hearth {

using records::refuse;

namespace {
const QString kConsentEntity = QStringLiteral("consent");

Error noSuchClient()
{
    return makeError(ErrorCode::NotFound, QObject::tr("That client record no longer exists."));
}

/// The client's name as the lists show it; a restricted client's name only to the agency that entered it.
QString listedName(const ClientProfile& c, const ConsentStatus& status, const QString& ourAgency)
{
    if (status.current && status.current->restricted && status.current->enteringAgency != ourAgency)
        return QObject::tr("(restricted client)");
    const QString name = QStringList {c.firstName, c.lastName}.join(u' ').simplified();
    return name.isEmpty() ? c.caseNumber : name;
}
} // namespace

Result<ReleaseOfInformation> ConsentRecords::prepare(ReleaseOfInformation r, const ConsentAttachments& a) const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    if (a.scannedForm.size() > kMaxScannedFormBytes)
        return refuse(QObject::tr("The scanned form is %1 MB; Hearth keeps forms up to %2 MB. Scan it at a lower "
                                  "resolution or in black and white.")
                          .arg(double(a.scannedForm.size()) / (1024 * 1024), 0, 'f', 1)
                          .arg(kMaxScannedFormBytes / (1024 * 1024)));
    auto agency = m_vault.settings().agency();
    if (!agency)
        return agency.error();
    auto settings = ConsentRepository(m_vault.openStore().store()).settings();
    if (!settings)
        return settings.error();
    r.uuid = records::newId();
    r.collectedBy = m_vault.user()->login;
    r.collectedByName = m_vault.user()->displayName;
    r.enteringAgency = agency->name;
    r.recordedAt = m_vault.clock().now();
    if (!r.expiresOn.isValid())
        r.expiresOn = defaultExpiry(r.signedOn, *settings);
    r.hasSignature = !a.signaturePng.isEmpty();
    r.hasScannedForm = !a.scannedForm.isEmpty();
    // A new release is never born revoked.
    r.revokedAt.reset();
    r.revokedBy.clear();
    r.revocationNote.clear();
    return r;
}

Status ConsentRecords::insert(ReleaseOfInformation& r, const ConsentAttachments& a)
{
    Store& s = m_vault.openStore().store();
    auto client = ClientRepository(s).find(r.clientUuid);
    if (!client)
        return client.error();
    if (!client->has_value())
        return noSuchClient();
    ConsentRepository repo(s);
    auto history = repo.forClient(r.clientUuid);
    if (!history)
        return history.error();
    // The newest recorded release decides: keep the order strict even when two are recorded in one millisecond.
    for (const ReleaseOfInformation& earlier : *history) {
        if (earlier.recordedAt >= r.recordedAt)
            r.recordedAt = earlier.recordedAt.addMSecs(1);
    }
    const QDate today = m_vault.clock().today();
    const ConsentStatus before = consentStatus(*history, today);
    if (const QStringList problems = releaseProblems(r, before, today); !problems.isEmpty())
        return refuse(problems.join(u'\n'));
    if (auto st = repo.insert(r); !st)
        return st;
    if (auto st = repo.saveAttachments(r.uuid, a); !st)
        return st;
    // The change log carries the release only: signatures and forms never leave this machine.
    if (auto st
        = m_vault.openStore().recordChange(kConsentEntity, r.uuid, QStringLiteral("insert"), consent_json::toJson(r),
                                           audit::ConsentRecord, consent_json::kindName(r.kind));
        !st)
        return st;
    if (r.kind != ReleaseKind::Hmis)
        return {};
    history->insert(history->begin(), r);
    const ConsentStatus after = consentStatus(*history, today);
    if (!after.isNoSharing())
        return {};
    // Moving to No Sharing after any sharing: the server must restrict what it may already hold.
    if (after.restrictionNeeded) {
        const RestrictionRequest request {
            records::newId(), r.clientUuid, r.recordedAt, r.collectedBy, QStringLiteral("no-sharing"), std::nullopt};
        if (auto st = repo.insertRestriction(request); !st)
            return st;
    }
    if (before.isNoSharing())
        return {};
    return NoSharingAlerts(m_vault).checkClient(r.clientUuid);
}

Result<ReleaseOfInformation> ConsentRecords::record(ReleaseOfInformation release, const ConsentAttachments& attachments)
{
    auto prepared = prepare(std::move(release), attachments);
    if (!prepared)
        return prepared.error();
    if (auto st = m_vault.openStore().write([&] { return insert(*prepared, attachments); }); !st)
        return st.error();
    return prepared;
}

Result<ClientProfile> ConsentRecords::createClient(ClientProfile profile, ReleaseOfInformation release,
                                                   const ConsentAttachments& attachments,
                                                   std::optional<int> approximateAge)
{
    if (release.kind != ReleaseKind::Hmis)
        return refuse(QObject::tr("A new client's first release is the HMIS release."));
    ClientRecords clients(m_vault);
    auto client = clients.prepareNew(std::move(profile), approximateAge);
    if (!client)
        return client.error();
    auto prepared = prepare(std::move(release), attachments);
    if (!prepared)
        return prepared.error();
    Status st = m_vault.openStore().write([&]() -> Status {
        if (auto r = clients.insertNew(*client); !r)
            return r;
        prepared->clientUuid = client->profile.uuid;
        return insert(*prepared, attachments);
    });
    if (!st)
        return st.error();
    m_vault.searchIndex().add(client->profile);
    ClientProfile made = client->profile;
    if (!m_vault.can(Permission::RevealSsn))
        ClientRecords::withhold(made);
    return made;
}

Status ConsentRecords::revoke(const QString& clientUuid, const QString& note)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    const QString by = m_vault.user()->login;
    return m_vault.openStore().write([&]() -> Status {
        ConsentRepository repo(m_vault.openStore().store());
        auto history = repo.forClient(clientUuid);
        if (!history)
            return history.error();
        const ConsentStatus status = consentStatus(*history, m_vault.clock().today());
        if (status.standing == ConsentStatus::Standing::Revoked)
            return refuse(QObject::tr("This client's release was already revoked."));
        if (!status.shares())
            return refuse(QObject::tr("This client has no sharing release to revoke."));
        ReleaseOfInformation current = *status.current;
        current.revokedAt = now;
        current.revokedBy = by;
        current.revocationNote = note.trimmed();
        if (auto st = repo.update(current); !st)
            return st;
        if (auto st = m_vault.openStore().recordChange(kConsentEntity, current.uuid, QStringLiteral("update"),
                                                       consent_json::toJson(current), audit::ConsentRevoke);
            !st)
            return st;
        return repo.insertRestriction({records::newId(), clientUuid, now, by, QStringLiteral("revoked"), std::nullopt});
    });
}

Result<std::vector<ReleaseOfInformation>> ConsentRecords::history(const QString& clientUuid) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return ConsentRepository(m_vault.openStore().store()).forClient(clientUuid);
}

Result<ConsentStatus> ConsentRecords::status(const QString& clientUuid) const
{
    auto releases = history(clientUuid);
    if (!releases)
        return releases.error();
    return consentStatus(*releases, m_vault.clock().today());
}

Result<QHash<QString, ConsentStatus>> ConsentRecords::statuses(const QStringList& clientUuids) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    auto histories = ConsentRepository(m_vault.openStore().store()).forClients(clientUuids);
    if (!histories)
        return histories.error();
    const QDate today = m_vault.clock().today();
    QHash<QString, ConsentStatus> out;
    for (auto it = histories->cbegin(); it != histories->cend(); ++it)
        out.insert(it.key(), consentStatus(it.value(), today));
    return out;
}

Result<ConsentAttachments> ConsentRecords::attachments(const QString& releaseUuid)
{
    if (auto st = m_vault.require(Permission::ViewAllClientData); !st)
        return st.error();
    ConsentRepository repo(m_vault.openStore().store());
    auto release = repo.find(releaseUuid);
    if (!release)
        return release.error();
    if (!release->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That release of information no longer exists."));
    auto found = repo.attachments(releaseUuid);
    if (!found)
        return found.error();
    if (auto st = m_vault.openStore().recordAudit(QString::fromLatin1(audit::ConsentAttachmentView), kConsentEntity,
                                                  releaseUuid);
        !st)
        return st.error();
    return found;
}

Result<std::vector<ExpiringRelease>> ConsentRecords::expiring(const QDate& from, const QDate& to,
                                                              bool includeExpired) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    Store& s = m_vault.openStore().store();
    ConsentRepository repo(s);
    auto candidates = repo.clientsWithHmisExpiringBy(to);
    if (!candidates)
        return candidates.error();
    auto histories = repo.forClients(*candidates);
    if (!histories)
        return histories.error();
    auto agency = m_vault.settings().agency();
    if (!agency)
        return agency.error();
    const QDate today = m_vault.clock().today();
    std::vector<ExpiringRelease> out;
    for (const QString& clientUuid : *candidates) {
        const ConsentStatus status = consentStatus(histories->value(clientUuid), today);
        if (!status.shares())
            continue; // No Sharing and revoked releases do not need renewing
        const QDate expires = status.current->expiresOn;
        const bool inWindow = expires >= from && expires <= to;
        const bool lapsed = includeExpired && status.standing == ConsentStatus::Standing::Expired;
        if (!inWindow && !lapsed)
            continue;
        auto client = ClientRepository(s).find(clientUuid);
        if (!client)
            return client.error();
        if (!client->has_value())
            continue; // deleted clients need no renewal
        out.push_back({clientUuid, listedName(**client, status, agency->name), (*client)->caseNumber, *status.current});
    }
    std::sort(out.begin(), out.end(), [](const ExpiringRelease& a, const ExpiringRelease& b) {
        return a.release.expiresOn != b.release.expiresOn ? a.release.expiresOn < b.release.expiresOn
                                                          : a.clientName < b.clientName;
    });
    return out;
}

Result<std::vector<RestrictionRequest>> ConsentRecords::pendingRestrictions() const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return ConsentRepository(m_vault.openStore().store()).pendingRestrictions();
}

Status ConsentRecords::markRestrictionDelivered(const QString& requestUuid)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write(
        [&] { return ConsentRepository(m_vault.openStore().store()).markRestrictionDelivered(requestUuid, now); });
}

Result<int> ConsentRecords::concurrentNoSharing(const QString& projectUuid, const QDate& day) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return NoSharingAlerts(m_vault).count(projectUuid, day);
}

Result<std::vector<ConcurrentNoSharingAlert>> ConsentRecords::openAlerts() const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return ConsentRepository(m_vault.openStore().store()).openAlerts();
}

Status ConsentRecords::acknowledgeAlert(const QString& alertUuid)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    const QString by = m_vault.user()->login;
    return m_vault.openStore().write([&]() -> Status {
        if (auto st = ConsentRepository(m_vault.openStore().store()).acknowledgeAlert(alertUuid, now, by); !st)
            return st;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::AlertAcknowledge),
                                               QStringLiteral("consent-alert"), alertUuid);
    });
}

ConsentSettings ConsentRecords::settings() const
{
    if (!m_vault.openStore().isOpen())
        return {};
    auto stored = ConsentRepository(m_vault.openStore().store()).settings();
    return stored ? *stored : ConsentSettings {};
}

Status ConsentRecords::setSettings(const ConsentSettings& settings)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    if (settings.expiryMonths < 1)
        return refuse(QObject::tr("A release needs to stay valid for at least one month."));
    if (settings.warningDays < 0 || settings.concurrentNoSharingLimit < 0)
        return refuse(QObject::tr("The warning days and the No Sharing limit cannot be negative."));
    ConsentSettings tidy = settings;
    tidy.partnerAgencies.clear();
    for (const QString& agency : settings.partnerAgencies) {
        const QString name = agency.simplified();
        if (!name.isEmpty() && !tidy.partnerAgencies.contains(name))
            tidy.partnerAgencies.append(name);
    }
    return m_vault.openStore().write([&]() -> Status {
        if (auto st = ConsentRepository(m_vault.openStore().store())
                          .setSettings(tidy, m_vault.clock().now(), m_vault.user()->login);
            !st)
            return st;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SettingsChange), {}, {},
                                               QStringLiteral("consent settings"));
    });
}

} // namespace hearth
