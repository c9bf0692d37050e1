#include "core/store/ServiceRepository.h"

#include "core/intake/IntakeJson.h"
#include "core/store/JsonColumn.h"
#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

Status ServiceRepository::insert(const ServiceRecord& s)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT INTO services (uuid, enrollment_uuid, client_uuid, date_provided, record_type, data, created_at, "
        "updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, s.uuid)
        .bind(2, s.enrollmentUuid)
        .bind(3, s.clientUuid)
        .bind(4, s.dateProvided.toString(Qt::ISODate))
        .bind(5, qint64(s.recordType))
        .bind(6, json_column::encode(intake_json::toJson(s)))
        .bind(7, iso(s.createdAt))
        .bind(8, iso(s.updatedAt))
        .bind(9, s.updatedBy);
    return st->run();
}

Status ServiceRepository::markDeleted(const QString& uuid, const QDateTime& at, const QString& by)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "UPDATE services SET deleted = 1, updated_at = ?2, updated_by = ?3 WHERE uuid = ?1 AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, uuid).bind(2, iso(at)).bind(3, by);
    if (auto r = st->run(); !r)
        return r;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QObject::tr("That service record no longer exists."));
    return {};
}

Result<std::optional<ServiceRecord>> ServiceRepository::find(const QString& uuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM services WHERE uuid = ? AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next())
        return std::optional<ServiceRecord>(intake_json::serviceFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return std::optional<ServiceRecord>();
}

Result<std::vector<ServiceRecord>> ServiceRepository::forEnrollment(const QString& enrollmentUuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM services WHERE enrollment_uuid = ? AND deleted = 0 "
                                                  "ORDER BY date_provided DESC, created_at DESC"));
    if (!st)
        return st.error();
    st->bind(1, enrollmentUuid);
    std::vector<ServiceRecord> out;
    while (st->next())
        out.push_back(intake_json::serviceFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return out;
}

Result<bool> ServiceRepository::hasBedNight(const QString& enrollmentUuid, const QDate& night) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT 1 FROM services WHERE enrollment_uuid = ? AND "
                                                  "date_provided = ? AND record_type = 200 AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, enrollmentUuid).bind(2, night.toString(Qt::ISODate));
    const bool found = st->next();
    if (!st->status())
        return st->status().error();
    return found;
}

Status ServiceRepository::replace(const ServiceRecord& s)
{
    if (auto st = remove(s.uuid); !st)
        return st;
    ServiceRecord copy = s;
    copy.updatedBy = s.updatedBy.isNull() ? QStringLiteral("") : s.updatedBy; // NOT NULL: what was not sent is ''
    return insert(copy);
}

Status ServiceRepository::remove(const QString& uuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM services WHERE uuid = ?1"), uuid);
}

Status ServiceRepository::removeOfEnrollment(const QString& enrollmentUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM services WHERE enrollment_uuid = ?1"), enrollmentUuid);
}

Status ServiceRepository::removePulledOfClient(const QString& clientUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM services WHERE client_uuid = ?1 AND NOT EXISTS "
                                            "(SELECT 1 FROM change_log l WHERE l.entity_uuid = services.uuid)"),
                             clientUuid);
}

} // namespace hearth
