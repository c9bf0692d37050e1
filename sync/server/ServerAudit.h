#pragma once

#include "sync/server/Failure.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <vector>

namespace hearth::server {

class ServerDatabase;

/// @brief One line of the server's audit trail. Never a client's data: ids, codes and counts only.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor; ///< a user login, or "admin" for the command line
    QString deviceId;
    QString action; ///< e.g. "device-registered", "change-rejected", "conflict-resolved"
    QString detail;
};

/// "applied 10, conflict 1": counts by name, in name order (the detail of push and pull entries).
inline QString countsText(const QMap<QString, int>& counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << it.key() + u' ' + QString::number(it.value());
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

/// @brief The server's audit trail (table `audit`).
class ServerAudit
{
public:
    explicit ServerAudit(ServerDatabase& db)
        : m_db(db)
    {
    }

    /// Appends one entry; call inside the transaction of what it records.
    Done record(const QDateTime& at, const QString& actor, const QString& deviceId, const QString& action,
                const QString& detail);
    /// Every entry, oldest first.
    Expected<std::vector<AuditEntry>> all();

private:
    ServerDatabase& m_db;
};

} // namespace hearth::server
