#pragma once

#include <QtGlobal>

namespace hearth::sync {

/// @brief How the engine pushes: batch size, retries, timeouts.
struct SyncSettings
{
    int batchSize = 500; ///< change-log rows read, reviewed and sent at once (fewer round trips and commits)
    bool retry = true; ///< retry transient failures (server down, 5xx, malformed reply) with backoff
    qint64 retryInitialMs = 1000;
    qint64 retryCapMs = 5 * 60 * 1000;
    int requestTimeoutMs = 60 * 1000;
    int pullLimit = 1000; ///< records asked for per pull page (the server allows at most 1,000)
};

} // namespace hearth::sync
