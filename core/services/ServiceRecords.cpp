#include "core/services/ServiceRecords.h"

#include "core/intake/IntakeJson.h"
#include "core/services/RecordSupport.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/ProjectRepository.h"
#include "core/store/ServiceRepository.h"
#include "core/store/Store.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

using records::loadEnrollment;
using records::refuse;

namespace {
const QString kServiceEntity = QStringLiteral("service");
constexpr int kBedNight = 200;

/// A service belongs to the enrollment's dates; a bed night cannot fall on the exit day (the person left).
Status refuseOutsideStay(const Enrollment& e, const QDate& day, bool bedNight)
{
    if (day < e.entryDate)
        return refuse(QObject::tr("%1 is before this person's project start date (%2).")
                          .arg(displayDate(day), displayDate(e.entryDate)));
    if (e.exitDate && (day > *e.exitDate || (bedNight && day == *e.exitDate)))
        return refuse(QObject::tr("This person exited on %1.").arg(displayDate(*e.exitDate)));
    return {};
}
} // namespace

Result<std::vector<ServiceRecord>> ServiceRecords::checkIn(const QStringList& enrollmentUuids, const QDate& night)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    const QDateTime now = m_vault.clock().now();
    if (!night.isValid() || night > now.toLocalTime().date())
        return refuse(QObject::tr("A bed night cannot be recorded for a future date."));
    std::vector<ServiceRecord> made;
    Status st = m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        for (const QString& uuid : enrollmentUuids) {
            auto e = loadEnrollment(s, uuid);
            if (!e)
                return e.error();
            auto project = ProjectRepository(s).find(e->projectUuid);
            if (!project)
                return project.error();
            if (!project->has_value() || !(*project)->tracksBedNights)
                return refuse(QObject::tr("This project does not record night-by-night bed nights."));
            if (auto r = refuseOutsideStay(*e, night, true); !r)
                return r;
            auto already = ServiceRepository(s).hasBedNight(uuid, night);
            if (!already)
                return already.error();
            if (*already)
                return refuse(QObject::tr("Already checked in for the night of %1.").arg(displayDate(night)));
            ServiceRecord r;
            r.uuid = records::newId();
            r.enrollmentUuid = uuid;
            r.clientUuid = e->clientUuid;
            r.dateProvided = night;
            r.recordType = kBedNight;
            r.typeProvided = kBedNight;
            r.createdAt = r.updatedAt = now;
            r.updatedBy = m_vault.user()->login;
            if (auto w = ServiceRepository(s).insert(r); !w)
                return w;
            if (auto w = m_vault.openStore().recordChange(kServiceEntity, r.uuid, QStringLiteral("insert"),
                                                          intake_json::toJson(r), audit::CheckIn);
                !w)
                return w;
            made.push_back(r);
        }
        return {};
    });
    if (!st)
        return st.error();
    return made;
}

Result<ServiceRecord> ServiceRecords::add(ServiceRecord r)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    const QDateTime now = m_vault.clock().now();
    if (!r.dateProvided.isValid())
        return refuse(QObject::tr("Enter the date the service was given."));
    if (r.dateProvided > now.toLocalTime().date())
        return refuse(QObject::tr("A service cannot be recorded for a future date."));
    if (r.isBedNight()) {
        auto made = checkIn({r.enrollmentUuid}, r.dateProvided);
        if (!made)
            return made.error();
        return made->front();
    }
    Status st = m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        auto e = loadEnrollment(s, r.enrollmentUuid);
        if (!e)
            return e.error();
        if (auto w = refuseOutsideStay(*e, r.dateProvided, false); !w)
            return w;
        r.uuid = records::newId();
        r.clientUuid = e->clientUuid;
        r.notes = r.notes.trimmed();
        r.createdAt = r.updatedAt = now;
        r.updatedBy = m_vault.user()->login;
        if (auto w = ServiceRepository(s).insert(r); !w)
            return w;
        return m_vault.openStore().recordChange(kServiceEntity, r.uuid, QStringLiteral("insert"),
                                                intake_json::toJson(r), audit::RecordCreate);
    });
    if (!st)
        return st.error();
    return r;
}

Status ServiceRecords::remove(const QString& uuid)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        if (auto r = ServiceRepository(s).markDeleted(uuid, now, m_vault.user()->login); !r)
            return r;
        return m_vault.openStore().recordChange(kServiceEntity, uuid, QStringLiteral("delete"), {},
                                                audit::RecordDelete);
    });
}

Result<std::vector<ServiceRecord>> ServiceRecords::forEnrollment(const QString& enrollmentUuid) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return ServiceRepository(m_vault.openStore().store()).forEnrollment(enrollmentUuid);
}

Result<bool> ServiceRecords::checkedIn(const QString& enrollmentUuid, const QDate& night) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return ServiceRepository(m_vault.openStore().store()).hasBedNight(enrollmentUuid, night);
}

} // namespace hearth
