#pragma once

#include "sync/server/Accounts.h"
#include "sync/server/Failure.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace hearth::server {

class ServerDatabase;

/// @brief The newest entry of each workstation's audit chain, as its syncs reported it (docs/security.md,
/// "Audit log"). The server keeps the last one per device and hands it back at sign-in, so a chain
/// rewritten on the workstation no longer extends what the server saw.
struct StoredAuditAnchor
{
    qint64 seq = 0;
    QString hash; ///< SHA-256, lower-case hex
};

namespace audit_anchors {

Expected<std::optional<StoredAuditAnchor>> load(ServerDatabase& db, const QString& deviceId);
/// Keeps @p anchor for the caller's device. A chain only grows: an anchor below the stored one, or the
/// same entry with another hash, is refused (`audit-anchor-conflict`) and audited; nothing changes.
Done keep(ServerDatabase& db, const Caller& caller, const StoredAuditAnchor& anchor, const QDateTime& now);

} // namespace audit_anchors

} // namespace hearth::server
