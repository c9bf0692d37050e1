#include "core/store/SyncStateRepository.h"

#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

namespace {
std::optional<QDateTime> timeAt(const Statement& st, int column)
{
    if (st.isNull(column))
        return std::nullopt;
    return QDateTime::fromString(st.text(column), Qt::ISODateWithMs);
}

} // namespace

Result<std::optional<SyncRegistration>> SyncStateRepository::registration() const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT server_url, device_id, token, token_expires_at, agency, lease_days, registered_at, "
                       "registered_by, pin_sha256 FROM sync_registration WHERE id = 1"));
    if (!st)
        return st.error();
    if (!st->next()) {
        if (!st->status())
            return st->status().error();
        return std::optional<SyncRegistration>();
    }
    SyncRegistration r;
    r.serverUrl = st->text(0);
    r.deviceId = st->text(1);
    r.token = st->text(2);
    r.tokenExpiresAt = QDateTime::fromString(st->text(3), Qt::ISODateWithMs);
    r.agency = st->text(4);
    r.leaseDays = int(st->integer(5));
    r.registeredAt = QDateTime::fromString(st->text(6), Qt::ISODateWithMs);
    r.registeredBy = st->text(7);
    r.pinSha256 = st->text(8);
    return std::optional<SyncRegistration>(std::move(r));
}

Status SyncStateRepository::saveRegistration(const SyncRegistration& r)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT OR REPLACE INTO sync_registration (id, server_url, device_id, token, token_expires_at, agency, "
        "lease_days, registered_at, registered_by, pin_sha256) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    if (!st)
        return st.error();
    st->bind(1, orEmpty(r.serverUrl))
        .bind(2, orEmpty(r.deviceId))
        .bind(3, orEmpty(r.token))
        .bind(4, isoOrEmpty(r.tokenExpiresAt))
        .bind(5, orEmpty(r.agency))
        .bind(6, qint64(r.leaseDays))
        .bind(7, isoOrEmpty(r.registeredAt))
        .bind(8, orEmpty(r.registeredBy))
        .bind(9, orEmpty(r.pinSha256));
    return st->run();
}

Status SyncStateRepository::clearRegistration()
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_registration"));
}

Result<QHash<QString, qint64>> SyncStateRepository::serverVersions(const QStringList& entityUuids) const
{
    QHash<QString, qint64> out;
    auto st = m_store.db().prepare(QStringLiteral("SELECT server_version FROM sync_versions WHERE entity_uuid = ?"));
    if (!st)
        return st.error();
    for (const QString& uuid : entityUuids) {
        st->reset();
        st->bind(1, uuid);
        if (st->next())
            out.insert(uuid, st->integer(0));
        if (!st->status())
            return st->status().error();
    }
    return out;
}

Status SyncStateRepository::saveServerVersions(const std::vector<ServerVersion>& versions)
{
    // A replayed answer never lowers what is known (max of the two).
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT INTO sync_versions (entity_uuid, entity, server_version, server_seq) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (entity_uuid) DO UPDATE SET server_version = max(server_version, ?3), "
        "server_seq = max(server_seq, ?4)"));
    if (!st)
        return st.error();
    for (const ServerVersion& v : versions) {
        st->reset();
        st->bind(1, v.entityUuid).bind(2, v.entity).bind(3, v.serverVersion).bind(4, v.serverSeq);
        if (auto ran = st->run(); !ran)
            return ran;
    }
    return {};
}

Result<SyncOutcome> SyncStateRepository::outcome() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT last_success_at, last_contact_at, last_error_at, "
                                                  "last_error_code, last_error FROM sync_status WHERE id = 1"));
    if (!st)
        return st.error();
    SyncOutcome out;
    if (st->next()) {
        out.lastSuccessAt = timeAt(*st, 0);
        out.lastContactAt = timeAt(*st, 1);
        out.lastErrorAt = timeAt(*st, 2);
        out.lastErrorCode = st->text(3);
        out.lastError = st->text(4);
    }
    if (!st->status())
        return st->status().error();
    return out;
}

Status SyncStateRepository::recordContact(const QDateTime& at, bool success)
{
    // A success clears the last error: the status bar shows what is true now.
    const QString sql = success
        ? QStringLiteral("INSERT INTO sync_status (id, last_success_at, last_contact_at) VALUES (1, ?1, ?1) "
                         "ON CONFLICT (id) DO UPDATE SET last_success_at = ?1, last_contact_at = ?1, "
                         "last_error_at = NULL, last_error_code = '', last_error = ''")
        : QStringLiteral("INSERT INTO sync_status (id, last_contact_at) VALUES (1, ?1) "
                         "ON CONFLICT (id) DO UPDATE SET last_contact_at = ?1");
    auto st = m_store.db().prepare(sql);
    if (!st)
        return st.error();
    st->bind(1, isoOrEmpty(at));
    return st->run();
}

Status SyncStateRepository::recordError(const QDateTime& at, const QString& code, const QString& message)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT INTO sync_status (id, last_error_at, last_error_code, last_error) VALUES (1, ?1, ?2, ?3) "
        "ON CONFLICT (id) DO UPDATE SET last_error_at = ?1, last_error_code = ?2, last_error = ?3"));
    if (!st)
        return st.error();
    st->bind(1, isoOrEmpty(at)).bind(2, orEmpty(code)).bind(3, orEmpty(message));
    return st->run();
}

Status SyncStateRepository::queueRedelivery(const Redelivery& r)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT OR REPLACE INTO sync_redeliveries (client_uuid, release_uuid, queued_at) VALUES (?1, ?2, ?3)"));
    if (!st)
        return st.error();
    st->bind(1, r.clientUuid).bind(2, r.releaseUuid).bind(3, isoOrEmpty(r.queuedAt));
    return st->run();
}

Result<std::vector<Redelivery>> SyncStateRepository::redeliveries() const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT client_uuid, release_uuid, queued_at FROM sync_redeliveries ORDER BY queued_at"));
    if (!st)
        return st.error();
    std::vector<Redelivery> out;
    while (st->next())
        out.push_back({st->text(0), st->text(1), QDateTime::fromString(st->text(2), Qt::ISODateWithMs)});
    if (!st->status())
        return st->status().error();
    return out;
}

Status SyncStateRepository::removeRedelivery(const QString& clientUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_redeliveries WHERE client_uuid = ?"), clientUuid);
}

Result<QStringList> SyncStateRepository::recordsOfClient(const QString& clientUuid) const
{
    // Rare (a wider release), so a scan of the change log's JSON is fine.
    auto st = m_store.db().prepare(QStringLiteral(
        "SELECT DISTINCT entity_uuid FROM change_log WHERE entity IN ('client', 'consent', 'enrollment', "
        "'service') AND (entity_uuid = ?1 OR json_extract(fields, '$.PersonalID') = ?1)"));
    if (!st)
        return st.error();
    st->bind(1, clientUuid);
    QStringList out;
    while (st->next())
        out << st->text(0);
    if (!st->status())
        return st->status().error();
    return out;
}

Result<qint64> SyncStateRepository::firstChangeOfClient(const QString& clientUuid) const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT min(seq) FROM (SELECT min(seq) AS seq FROM change_log WHERE entity_uuid = ?1 "
                       "UNION ALL SELECT min(seq) FROM change_log WHERE json_extract(fields, '$.PersonalID') = ?1)"));
    if (!st)
        return st.error();
    st->bind(1, clientUuid);
    if (st->next())
        return st->isNull(0) ? qint64(0) : st->integer(0);
    if (!st->status())
        return st->status().error();
    return qint64(0);
}

Result<qint64> SyncStateRepository::changeCountAfter(qint64 seq) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT count(*) FROM change_log WHERE seq > ?"));
    if (!st)
        return st.error();
    st->bind(1, seq);
    if (st->next())
        return st->integer(0);
    if (!st->status())
        return st->status().error();
    return qint64(0);
}

Result<QHash<QString, qint64>> SyncStateRepository::changeCountsByClientAfter(qint64 seq) const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT CASE WHEN entity = 'client' THEN entity_uuid ELSE json_extract(fields, '$.PersonalID') "
                       "END AS owner, count(*) FROM change_log WHERE seq > ? GROUP BY owner"));
    if (!st)
        return st.error();
    st->bind(1, seq);
    QHash<QString, qint64> counts;
    while (st->next())
        counts.insert(st->isNull(0) ? QString() : st->text(0), st->integer(1));
    if (!st->status())
        return st->status().error();
    return counts;
}

Result<qint64> SyncStateRepository::pullCursor() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT cursor FROM sync_pull WHERE id = 1"));
    if (!st)
        return st.error();
    if (st->next())
        return st->integer(0);
    if (!st->status())
        return st->status().error();
    return qint64(0);
}

Status SyncStateRepository::setPullCursor(qint64 cursor, const QDateTime& at)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO sync_pull (id, cursor, pulled_at) VALUES (1, ?1, ?2) "
                                                  "ON CONFLICT (id) DO UPDATE SET cursor = ?1, pulled_at = ?2"));
    if (!st)
        return st.error();
    st->bind(1, cursor).bind(2, isoOrEmpty(at));
    return st->run();
}

Status SyncStateRepository::removeServerVersion(const QString& entityUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_versions WHERE entity_uuid = ?1"), entityUuid);
}

Status SyncStateRepository::removeServerVersionsOfEnrollment(const QString& enrollmentUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_versions WHERE entity_uuid IN "
                                            "(SELECT uuid FROM services WHERE enrollment_uuid = ?1)"),
                             enrollmentUuid);
}

Status SyncStateRepository::removeServerVersionsOfClient(const QString& clientUuid)
{
    return m_store.db().exec(
        QStringLiteral("DELETE FROM sync_versions WHERE entity_uuid IN (SELECT uuid FROM services WHERE "
                       "client_uuid = ?1 UNION SELECT uuid FROM enrollments WHERE client_uuid = ?1 UNION "
                       "SELECT uuid FROM consents WHERE client_uuid = ?1) OR entity_uuid = ?1"),
        clientUuid);
}

} // namespace hearth
