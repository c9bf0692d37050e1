#pragma once

#include <QString>

/// @brief The codes SyncEngine records for failures that are not the server's (SyncState::recordFailure);
/// the server's own codes are in protocol/Protocol.h.
namespace hearth::sync::engine_code {

inline const QString Network = QStringLiteral("network");
inline const QString Malformed = QStringLiteral("malformed-reply");
inline const QString Pin = QStringLiteral("certificate-pin");
inline const QString NotRegistered = QStringLiteral("not-registered");
inline const QString Store = QStringLiteral("store");

} // namespace hearth::sync::engine_code
