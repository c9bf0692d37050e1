#include "core/store/SyncConflictRepository.h"

#include "core/store/SqlValues.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hearth {

namespace {
/// Any JSON value (a string, a number, null, an object) as text: wrapped in a one-element array.
QString valueText(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}

QJsonValue valueFrom(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}

QJsonObject sideJson(const ConflictSide& side)
{
    return {{QStringLiteral("by"), side.by},
            {QStringLiteral("workstation"), side.workstation},
            {QStringLiteral("agency"), side.agency},
            {QStringLiteral("at"), isoOrEmpty(side.at)},
            {QStringLiteral("thisWorkstation"), side.thisWorkstation}};
}

ConflictSide sideFrom(const QJsonObject& json)
{
    return {json.value(QStringLiteral("by")).toString(), json.value(QStringLiteral("workstation")).toString(),
            json.value(QStringLiteral("agency")).toString(),
            QDateTime::fromString(json.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs),
            json.value(QStringLiteral("thisWorkstation")).toBool()};
}

/// Both sides as one text; empty when neither is known (a push reply names no one).
QString sidesText(const SyncConflict& c)
{
    if (!c.serverSide.known() && !c.deviceSide.known())
        return {};
    return QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("server"), sideJson(c.serverSide)},
                                                        {QStringLiteral("device"), sideJson(c.deviceSide)}})
                                 .toJson(QJsonDocument::Compact));
}

const QString kConflictColumns
    = QStringLiteral("SELECT c.conflict_id, c.entity, c.entity_uuid, c.client_uuid, c.field, c.server_value, "
                     "c.device_value, c.reported_at, trim(coalesce(k.first_name, '') || ' ' || "
                     "coalesce(k.last_name, '')), c.sides FROM sync_conflicts c "
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
    const QJsonObject sides = QJsonDocument::fromJson(st.text(9).toUtf8()).object();
    c.serverSide = sideFrom(sides.value(QStringLiteral("server")).toObject());
    c.deviceSide = sideFrom(sides.value(QStringLiteral("device")).toObject());
    return c;
}

} // namespace

Status SyncConflictRepository::save(const SyncConflict& c)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "INSERT INTO sync_conflicts (conflict_id, entity, entity_uuid, client_uuid, field, server_value, "
        "device_value, reported_at, sides) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (conflict_id) "
        "DO UPDATE SET server_value = ?6, device_value = ?7, client_uuid = CASE WHEN ?4 = '' THEN client_uuid ELSE "
        "?4 END, sides = CASE WHEN ?9 = '' THEN sides ELSE ?9 END"));
    if (!st)
        return st.error();
    st->bind(1, c.conflictId)
        .bind(2, c.entity)
        .bind(3, c.entityUuid)
        .bind(4, orEmpty(c.clientUuid))
        .bind(5, c.field)
        .bind(6, valueText(c.serverValue))
        .bind(7, valueText(c.deviceValue))
        .bind(8, isoOrEmpty(c.reportedAt))
        .bind(9, orEmpty(sidesText(c)));
    return st->run();
}

Result<int> SyncConflictRepository::removeAllExcept(const QSet<QString>& keep)
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
        if (auto st = remove(id); !st)
            return st.error();
    return int(gone.size());
}

Status SyncConflictRepository::remove(const QString& conflictId)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_conflicts WHERE conflict_id = ?"), conflictId);
}

Status SyncConflictRepository::removeOfEntity(const QString& entityUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_conflicts WHERE entity_uuid = ?1"), entityUuid);
}

Status SyncConflictRepository::removeOfClient(const QString& clientUuid)
{
    return m_store.db().exec(QStringLiteral("DELETE FROM sync_conflicts WHERE client_uuid = ?1 OR entity_uuid = ?1"),
                             clientUuid);
}

Result<std::vector<SyncConflict>> SyncConflictRepository::all() const
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

Result<std::optional<SyncConflict>> SyncConflictRepository::find(const QString& conflictId) const
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

Status SyncConflictRepository::addResolution(qint64 changeSeq, const QString& conflictId)
{
    auto st = m_store.db().prepare(
        QStringLiteral("INSERT OR REPLACE INTO sync_resolutions (change_seq, conflict_id) VALUES (?, ?)"));
    if (!st)
        return st.error();
    st->bind(1, changeSeq).bind(2, conflictId);
    return st->run();
}

Result<QHash<qint64, QString>> SyncConflictRepository::resolutionsFor(const std::vector<qint64>& changeSeqs) const
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

Result<QSet<QString>> SyncConflictRepository::pendingResolutions() const
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

Status SyncConflictRepository::clearResolutionsThrough(qint64 changeSeq)
{
    auto st = m_store.db().prepare(QStringLiteral("DELETE FROM sync_resolutions WHERE change_seq <= ?"));
    if (!st)
        return st.error();
    st->bind(1, changeSeq);
    return st->run();
}

} // namespace hearth
