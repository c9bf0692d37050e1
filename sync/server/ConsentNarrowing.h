#pragma once

#include "sync/protocol/ConsentFields.h"
#include "sync/server/Failure.h"

#include <QString>

namespace hearth::server {

class ServerDatabase;

/// @brief When a client's consent narrows, the server stops holding what the new release no longer
/// allows: the fields go from every stored record of the client, from their superseded values and from
/// open conflicts, so no pull, reply or conflicts list can serve them again (docs/sync-protocol.md).
namespace consent_narrowing {

/// Removes @p withdrawn from the stored records of @p clientUuid; returns how many rows changed.
Expected<int> scrub(ServerDatabase& db, const QString& clientUuid, const sync::WithdrawnFields& withdrawn);

} // namespace consent_narrowing

} // namespace hearth::server
