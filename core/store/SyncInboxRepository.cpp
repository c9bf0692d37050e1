#include "core/store/SyncInboxRepository.h"

#include "core/intake/IntakeJson.h"
#include "core/store/JsonColumn.h"
#include "core/store/ServiceRepository.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace hearth {

namespace {
QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// Any JSON value (a string, a number, null, an object) as text: wrapped in a one-element array.
QString valueText(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}

QJsonValue valueFrom(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}

const QString kConflictColumns
    = QStringLiteral("SELECT c.conflict_id, c.entity, c.entity_uuid, c.client_uuid, c.field, c.server_value, "
                     "c.device_value, c.reported_at, trim(coalesce(k.first_name, '') || ' ' || "
                     "coalesce(k.last_name, '')) FROM sync_conflicts c "
                     "LEFT JOIN clients k ON k.uuid = c.client_uuid AND k.deleted = 0 ");

SyncConflict conflictAt(const Statement& st)
{
    SyncConflict c;
    c.conflictId = st.text(0);
    c.entity = st.text(1);
    c.entityUuid = st.text(2);
    c.clientUuid = st.text(3);
    c.field = st.text(4);
    c.serverValue = valueFrom(st.text(5));
    c.deviceValue = valueFrom(st.text(6));
    c.reportedAt = QDateTime::fromString(st.text(7), Qt::ISODateWithMs);
    c.clientLabel = st.text(8);
    return c;
}
} // namespace

Status SyncInboxRepository::run(const QString& sql, const QString& arg)
{
    auto st = m_store.db().prepare(sql);
    if (!st)
        return st.error();
    st->bind(1, arg);
    return st->run();
}

Result<qint64> SyncInboxRepository::pullCursor() const
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

Status SyncInboxRepository::setPullCursor(qint64 cursor, const QDateTime& at)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO sync_pull (id, cursor, pulled_at) VALUES (1, ?1, ?2) "
                                                  "ON CONFLICT (id) DO UPDATE SET cursor = ?1, pulled_at = ?2"));
    if (!st)
        return st.error();
    st->bind(1, cursor).bind(2, iso(at));
    return st->run();
}

Result<QSet<QString>> SyncInboxRepository::changedAfter(qint64 afterSeq) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT DISTINCT entity_uuid FROM change_log WHERE seq > ?"));
    if (!st)
        return st.error();
    st->bind(1, afterSeq);
    QSet<QString> out;
    while (st->next())
        out.insert(st->text(0));
    if (!st->status())
        return st->status().error();
    return out;
}

Result<qint64> SyncInboxRepository::latestChangeOf(const QString& entityUuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT max(seq) FROM change_log WHERE entity_uuid = ?"));
    if (!st)
        return st.error();
    st->bind(1, entityUuid);
    if (st->next())
        return st->isNull(0) ? qint64(0) : st->integer(0);
    if (!st->status())
        return st->status().error();
    return qint64(0);
}

Result<bool> SyncInboxRepository::clientExists(const QString& uuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT 1 FROM clients WHERE uuid = ? AND deleted = 0"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    const bool found = st->next();
    if (!st->status())
        return st->status().error();
    return found;
}

Result<QSet<QString>> SyncInboxRepository::droppedClients(const QStringList& uuids) const
{
    QSet<QString> out;
    if (uuids.isEmpty())
        return out;
    auto st = m_store.db().prepare(QStringLiteral("SELECT 1 FROM clients WHERE uuid = ? AND deleted = 1"));
    if (!st)
        return st.error();
    for (const QString& uuid : uuids) {
        st->reset();
        st->bind(1, uuid);
        if (st->next())
            out.insert(uuid);
        if (!st->status())
            return st->status().error();
    }
    return out;
}

Result<bool> SyncInboxRepository::reviveClient(const QString& uuid)
{
    if (auto st = run(QStringLiteral("UPDATE clients SET deleted = 0 WHERE uuid = ? AND deleted = 1"), uuid); !st)
        return st.error();
    return m_store.db().changes() == 1;
}

Status SyncInboxRepository::replaceService(const ServiceRecord& s)
{
    if (auto st = run(QStringLiteral("DELETE FROM services WHERE uuid = ?"), s.uuid); !st)
        return st;
    ServiceRecord copy = s;
    copy.updatedBy = text(s.updatedBy); // NOT NULL: what the server did not send is ''
    return ServiceRepository(m_store).insert(copy);
}

Status SyncInboxRepository::insertPlaceholderProject(const Project& p)
{
    auto st = m_store.db().prepare(
        QStringLiteral("INSERT OR IGNORE INTO projects (uuid, name, project_type, data, created_at, updated_at, "
                       "updated_by, archived) VALUES (?,?,?,?,?,?,?,1)"));
    if (!st)
        return st.error();
    st->bind(1, p.uuid)
        .bind(2, text(p.name))
        .bind(3, qint64(p.projectType))
        .bind(4, json_column::encode(intake_json::toJson(p)))
        .bind(5, iso(p.createdAt))
        .bind(6, iso(p.updatedAt))
        .bind(7, text(p.updatedBy));
    return st->run();
}

Status SyncInboxRepository::dropRecord(const QString& entity, const QString& uuid, const QDateTime& at)
{
    QStringList sql;
    if (entity == u"client") {
        auto st = m_store.db().prepare(
            QStringLiteral("UPDATE clients SET deleted = 1, first_name = '', last_name = '', data = '{}', "
                           "updated_at = ?2, updated_by = '' WHERE uuid = ?1 AND deleted = 0"));
        if (!st)
            return st.error();
        st->bind(1, uuid).bind(2, iso(at));
        if (auto r = st->run(); !r)
            return r;
    } else if (entity == u"enrollment") {
        sql << QStringLiteral("DELETE FROM sync_versions WHERE entity_uuid IN "
                              "(SELECT uuid FROM services WHERE enrollment_uuid = ?1)")
            << QStringLiteral("DELETE FROM services WHERE enrollment_uuid = ?1")
            << QStringLiteral("DELETE FROM enrollments WHERE uuid = ?1");
    } else if (entity == u"service") {
        sql << QStringLiteral("DELETE FROM services WHERE uuid = ?1");
    } else if (entity == u"consent") {
        sql << QStringLiteral("DELETE FROM consent_attachments WHERE release_uuid = ?1")
            << QStringLiteral("DELETE FROM consents WHERE uuid = ?1");
    }
    sql << QStringLiteral("DELETE FROM sync_versions WHERE entity_uuid = ?1")
        << QStringLiteral("DELETE FROM sync_inbox_waiting WHERE entity_uuid = ?1")
        << QStringLiteral("DELETE FROM sync_conflicts WHERE entity_uuid = ?1");
    for (const QString& statement : std::as_const(sql))
        if (auto st = run(statement, uuid); !st)
            return st;
    return {};
}

Status SyncInboxRepository::dropClient(const QString& clientUuid, const QDateTime& at)
{
    // Only what came from the server goes: a row with a change-log row was entered or edited here (and a
    // pulled enrollment holding such a service stays with it). What stays is held back by the caller.
    const QString pulledOnly = QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity_uuid = %1)");
    const QString localService = QStringLiteral(
        "EXISTS (SELECT 1 FROM services s JOIN change_log l ON l.entity_uuid = s.uuid WHERE s.enrollment_uuid = %1)");
    // Versions first, while the rows that name them still exist.
    const QStringList sql {
        QStringLiteral("DELETE FROM sync_versions WHERE entity_uuid IN (SELECT uuid FROM services WHERE "
                       "client_uuid = ?1 UNION SELECT uuid FROM enrollments WHERE client_uuid = ?1 UNION "
                       "SELECT uuid FROM consents WHERE client_uuid = ?1) OR entity_uuid = ?1"),
        QStringLiteral("DELETE FROM services WHERE client_uuid = ?1") + pulledOnly.arg(u"services.uuid"),
        QStringLiteral("DELETE FROM enrollments WHERE client_uuid = ?1") + pulledOnly.arg(u"enrollments.uuid")
            + u" AND NOT " + localService.arg(u"enrollments.uuid"),
        QStringLiteral("DELETE FROM consent_attachments WHERE release_uuid IN "
                       "(SELECT uuid FROM consents WHERE client_uuid = ?1")
            + pulledOnly.arg(u"consents.uuid") + u')',
        QStringLiteral("DELETE FROM consents WHERE client_uuid = ?1") + pulledOnly.arg(u"consents.uuid"),
        QStringLiteral("DELETE FROM sync_inbox_waiting WHERE client_uuid = ?1 OR entity_uuid = ?1"),
        QStringLiteral("DELETE FROM sync_conflicts WHERE client_uuid = ?1 OR entity_uuid = ?1"),
    };
    for (const QString& statement : sql)
        if (auto st = run(statement, clientUuid); !st)
            return st;
    auto kept = hasLocalWork(clientUuid);
    if (!kept)
        return kept.error();
    if (*kept)
        return {}; // the profile stays with the records that need it
    return dropRecord(QStringLiteral("client"), clientUuid, at);
}

Result<bool> SyncInboxRepository::writtenHere(const QString& entityUuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM change_log WHERE entity_uuid = ?1) "
                                                  "OR EXISTS (SELECT 1 FROM services s JOIN change_log l ON "
                                                  "l.entity_uuid = s.uuid WHERE s.enrollment_uuid = ?1)"));
    if (!st)
        return st.error();
    st->bind(1, entityUuid);
    if (st->next())
        return st->integer(0) != 0;
    if (!st->status())
        return st->status().error();
    return false;
}

Result<bool> SyncInboxRepository::hasLocalWork(const QString& clientUuid) const
{
    auto st = m_store.db().prepare(QStringLiteral(
        "SELECT EXISTS (SELECT 1 FROM change_log WHERE entity_uuid = ?1 OR entity_uuid IN (SELECT uuid FROM services "
        "WHERE client_uuid = ?1 UNION SELECT uuid FROM enrollments WHERE client_uuid = ?1 UNION SELECT uuid FROM "
        "consents WHERE client_uuid = ?1))"));
    if (!st)
        return st.error();
    st->bind(1, clientUuid);
    if (st->next())
        return st->integer(0) != 0;
    if (!st->status())
        return st->status().error();
    return false;
}

Status SyncInboxRepository::saveWaiting(const InboundRecord& r, const QString& clientUuid)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT OR REPLACE INTO sync_inbox_waiting (entity_uuid, entity, client_uuid, operation, version, "
        "server_seq, fields) VALUES (?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, r.uuid)
        .bind(2, r.entity)
        .bind(3, text(clientUuid))
        .bind(4, r.operation)
        .bind(5, r.version)
        .bind(6, r.serverSeq)
        .bind(7, json_column::encode(r.fields));
    return st->run();
}

Result<std::vector<InboundRecord>> SyncInboxRepository::waiting() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT entity_uuid, entity, operation, version, server_seq, "
                                                  "fields FROM sync_inbox_waiting ORDER BY server_seq"));
    if (!st)
        return st.error();
    std::vector<InboundRecord> out;
    while (st->next())
        out.push_back(
            {st->integer(4), st->text(1), st->text(0), st->text(2), json_column::decode(st->text(5)), st->integer(3)});
    if (!st->status())
        return st->status().error();
    return out;
}

Status SyncInboxRepository::removeWaiting(const QString& entityUuid)
{
    return run(QStringLiteral("DELETE FROM sync_inbox_waiting WHERE entity_uuid = ?"), entityUuid);
}

Status SyncInboxRepository::saveConflict(const SyncConflict& c)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT INTO sync_conflicts (conflict_id, entity, entity_uuid, client_uuid, field, server_value, "
        "device_value, reported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (conflict_id) DO UPDATE "
        "SET server_value = ?6, device_value = ?7, client_uuid = CASE WHEN ?4 = '' THEN client_uuid ELSE ?4 END"));
    if (!st)
        return st.error();
    st->bind(1, c.conflictId)
        .bind(2, c.entity)
        .bind(3, c.entityUuid)
        .bind(4, text(c.clientUuid))
        .bind(5, c.field)
        .bind(6, valueText(c.serverValue))
        .bind(7, valueText(c.deviceValue))
        .bind(8, iso(c.reportedAt));
    return st->run();
}

Result<int> SyncInboxRepository::removeConflictsExcept(const QSet<QString>& keep)
{
    auto ids = m_store.db().prepare(QStringLiteral("SELECT conflict_id FROM sync_conflicts"));
    if (!ids)
        return ids.error();
    QStringList gone;
    while (ids->next())
        if (!keep.contains(ids->text(0)))
            gone << ids->text(0);
    if (!ids->status())
        return ids->status().error();
    for (const QString& id : std::as_const(gone))
        if (auto st = removeConflict(id); !st)
            return st.error();
    return int(gone.size());
}

Status SyncInboxRepository::removeConflict(const QString& conflictId)
{
    return run(QStringLiteral("DELETE FROM sync_conflicts WHERE conflict_id = ?"), conflictId);
}

Result<std::vector<SyncConflict>> SyncInboxRepository::conflicts() const
{
    auto st = m_store.db().prepare(kConflictColumns + QStringLiteral("ORDER BY c.reported_at, c.conflict_id"));
    if (!st)
        return st.error();
    std::vector<SyncConflict> out;
    while (st->next())
        out.push_back(conflictAt(*st));
    if (!st->status())
        return st->status().error();
    return out;
}

Result<std::optional<SyncConflict>> SyncInboxRepository::conflict(const QString& conflictId) const
{
    auto st = m_store.db().prepare(kConflictColumns + QStringLiteral("WHERE c.conflict_id = ?"));
    if (!st)
        return st.error();
    st->bind(1, conflictId);
    if (st->next())
        return std::optional<SyncConflict>(conflictAt(*st));
    if (!st->status())
        return st->status().error();
    return std::optional<SyncConflict>();
}

Status SyncInboxRepository::addResolution(qint64 changeSeq, const QString& conflictId)
{
    auto st = m_store.db().prepare(
        QStringLiteral("INSERT OR REPLACE INTO sync_resolutions (change_seq, conflict_id) VALUES (?, ?)"));
    if (!st)
        return st.error();
    st->bind(1, changeSeq).bind(2, conflictId);
    return st->run();
}

Result<QHash<qint64, QString>> SyncInboxRepository::resolutionsFor(const std::vector<qint64>& changeSeqs) const
{
    QHash<qint64, QString> out;
    if (changeSeqs.empty())
        return out;
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT change_seq, conflict_id FROM sync_resolutions WHERE change_seq BETWEEN ?1 AND ?2"));
    if (!st)
        return st.error();
    const auto [lo, hi] = std::minmax_element(changeSeqs.begin(), changeSeqs.end());
    st->bind(1, *lo).bind(2, *hi);
    while (st->next())
        out.insert(st->integer(0), st->text(1));
    if (!st->status())
        return st->status().error();
    return out;
}

Result<QSet<QString>> SyncInboxRepository::pendingResolutions() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT conflict_id FROM sync_resolutions"));
    if (!st)
        return st.error();
    QSet<QString> out;
    while (st->next())
        out.insert(st->text(0));
    if (!st->status())
        return st->status().error();
    return out;
}

Status SyncInboxRepository::clearResolutionsThrough(qint64 changeSeq)
{
    auto st = m_store.db().prepare(QStringLiteral("DELETE FROM sync_resolutions WHERE change_seq <= ?"));
    if (!st)
        return st.error();
    st->bind(1, changeSeq);
    return st->run();
}

} // namespace hearth
