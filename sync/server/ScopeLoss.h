#pragma once

#include "sync/protocol/Messages.h"
#include "sync/server/Failure.h"

#include <QJsonObject>

#include <vector>

namespace hearth::server {

class ServerDatabase;

/// @brief Agencies that lose sight of a client when a newer release narrows who may see them
/// (docs/sync-protocol.md, Pull). Each gets a restrict tombstone in its pull so its workstations drop
/// their copies; an agency that never saw the client gets nothing.
namespace scope_loss {

/// Records, at @p seq, every agency that @p before let see the client and @p after does not. Runs
/// inside the caller's transaction (after it took @p seq from the counter).
Done record(ServerDatabase& db, const QString& clientUuid, const QJsonObject& before, const QJsonObject& after,
            qint64 seq);

/// The restrict tombstones for @p agencyCode with since < seq <= through, in sequence order.
Expected<std::vector<sync::PulledChange>> tombstones(ServerDatabase& db, const QString& agencyCode, qint64 since,
                                                     qint64 through);

/// Merges tombstones() into a pull page in sequence order and moves its cursor past them.
Done addTo(ServerDatabase& db, const QString& agencyCode, qint64 since, qint64 through, sync::PullReply& reply);

} // namespace scope_loss

} // namespace hearth::server
