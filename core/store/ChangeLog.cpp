#include "core/store/ChangeLog.h"

#include "core/store/Store.h"

#include <QJsonDocument>
#include <QObject>

namespace hearth {

Status ChangeLog::append(const ChangeRecord& c)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO change_log (entity, entity_uuid, operation, "
                                                  "changed_at, changed_by, fields) VALUES (?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, c.entity)
        .bind(2, c.entityUuid)
        .bind(3, c.operation)
        .bind(4, c.changedAt.toUTC().toString(Qt::ISODateWithMs))
        .bind(5, c.changedBy)
        .bind(6, QString::fromUtf8(QJsonDocument(c.fields).toJson(QJsonDocument::Compact)));
    return st->run();
}

Result<std::vector<ChangeRecord>> ChangeLog::readAfter(qint64 afterSeq, int limit) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT seq, entity, entity_uuid, operation, changed_at, "
                                                  "changed_by, fields FROM change_log WHERE seq > ? "
                                                  "ORDER BY seq LIMIT ?"));
    if (!st)
        return st.error();
    st->bind(1, afterSeq).bind(2, qint64(limit));
    std::vector<ChangeRecord> out;
    while (st->next()) {
        out.push_back({st->integer(0), st->text(1), st->text(2), st->text(3),
                       QDateTime::fromString(st->text(4), Qt::ISODateWithMs), st->text(5),
                       QJsonDocument::fromJson(st->text(6).toUtf8()).object()});
    }
    if (!st->status())
        return st->status().error();
    return out;
}

Result<std::vector<ChangeRecord>> ChangeLog::forEntities(const QStringList& entityUuids, int limit) const
{
    std::vector<ChangeRecord> out;
    if (entityUuids.isEmpty())
        return out;
    QStringList marks;
    for (qsizetype i = 0; i < entityUuids.size(); ++i)
        marks.append(QStringLiteral("?%1").arg(i + 1));
    auto st = m_store.db().prepare(QStringLiteral("SELECT seq, entity, entity_uuid, operation, changed_at, changed_by, "
                                                  "fields FROM change_log WHERE entity_uuid IN (%1) "
                                                  "ORDER BY seq DESC LIMIT %2")
                                       .arg(marks.join(u','))
                                       .arg(limit));
    if (!st)
        return st.error();
    for (qsizetype i = 0; i < entityUuids.size(); ++i)
        st->bind(int(i + 1), entityUuids.at(i));
    while (st->next()) {
        out.push_back({st->integer(0), st->text(1), st->text(2), st->text(3),
                       QDateTime::fromString(st->text(4), Qt::ISODateWithMs), st->text(5),
                       QJsonDocument::fromJson(st->text(6).toUtf8()).object()});
    }
    if (!st->status())
        return st->status().error();
    return out;
}

Result<qint64> ChangeLog::cursor(const QString& consumer) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT last_seq FROM change_cursors WHERE consumer = ?"));
    if (!st)
        return st.error();
    st->bind(1, consumer);
    if (st->next())
        return st->integer(0);
    if (!st->status())
        return st->status().error();
    return qint64(0);
}

Result<qint64> ChangeLog::latestSeq() const
{
    auto v = m_store.db().scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"));
    if (!v)
        return v.error();
    return v->toLongLong();
}

Status ChangeLog::advanceCursor(const QString& consumer, qint64 seq, const QDateTime& now)
{
    auto current = cursor(consumer);
    if (!current)
        return current.error();
    auto latest = latestSeq();
    if (!latest)
        return latest.error();
    if (seq < *current || seq > *latest)
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("A change-log cursor may only move forward to a change that exists."));
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO change_cursors (consumer, last_seq, updated_at) "
                                                  "VALUES (?1, ?2, ?3) ON CONFLICT (consumer) DO UPDATE SET "
                                                  "last_seq = ?2, updated_at = ?3"));
    if (!st)
        return st.error();
    st->bind(1, consumer).bind(2, seq).bind(3, now.toUTC().toString(Qt::ISODateWithMs));
    return st->run();
}

Result<QSet<QString>> ChangeLog::changedAfter(qint64 afterSeq) const
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

Result<qint64> ChangeLog::latestChangeOf(const QString& entityUuid) const
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

Result<bool> ChangeLog::writtenHere(const QString& entityUuid) const
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

Result<bool> ChangeLog::hasLocalWork(const QString& clientUuid) const
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

} // namespace hearth
