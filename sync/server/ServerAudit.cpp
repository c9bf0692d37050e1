#include "sync/server/ServerAudit.h"

#include "sync/server/ServerDatabase.h"

namespace hearth::server {

Done ServerAudit::record(const QDateTime& at, const QString& actor, const QString& deviceId, const QString& action,
                         const QString& detail)
{
    auto id = m_db.next(u"audit"_qs);
    if (auto* failed = failureOf(id))
        return *failed;
    auto inserted
        = m_db.exec(u"INSERT INTO audit (id, at, actor, device_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)"_qs,
                    {std::get<qint64>(id), at.toUTC().toString(Qt::ISODateWithMs), actor,
                     deviceId.isEmpty() ? QVariant() : QVariant(deviceId), action, detail});
    if (auto* failed = failureOf(inserted))
        return *failed;
    return std::nullopt;
}

Expected<std::vector<AuditEntry>> ServerAudit::all()
{
    auto read = m_db.exec(u"SELECT id, at, actor, device_id, action, detail FROM audit ORDER BY id"_qs);
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& query = (*std::get<QSqlQuery*>(read));
    std::vector<AuditEntry> entries;
    while (query.next())
        entries.push_back({query.value(0).toLongLong(),
                           QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs),
                           query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
                           query.value(5).toString()});
    return entries;
}

} // namespace hearth::server
