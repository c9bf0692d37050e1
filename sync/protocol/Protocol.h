#pragma once

#include <QByteArray>
#include <QString>

namespace hearth::sync {

/// @brief Constants of the sync protocol (docs/sync-protocol.md) shared by client and server.
namespace protocol {

inline constexpr int kVersion = 1;
inline constexpr qint64 kDefaultMaxBodyBytes = 8 * 1024 * 1024;
inline constexpr int kDefaultMaxChanges = 1000;
inline constexpr int kMaxPullLimit = 1000;
/// Open conflicts in one pull reply or one page of GET /api/v1/conflicts, at most.
inline constexpr int kMaxConflictsPage = 200;

/// Header a GET carries instead of the body's "protocol" field.
inline constexpr char kProtocolHeader[] = "X-Hearth-Protocol";
inline constexpr char kDeviceHeader[] = "X-Hearth-Device";

inline QString apiPath(const char* tail)
{
    return QStringLiteral("/api/v1/") + QString::fromLatin1(tail);
}

} // namespace protocol

/// @brief The stable error codes of the protocol ("error" in a reply, or in one change's result).
namespace error_code {

inline const QString MalformedRequest = QStringLiteral("malformed-request");
inline const QString ProtocolVersion = QStringLiteral("protocol-version");
inline const QString PayloadTooLarge = QStringLiteral("payload-too-large");
inline const QString BadCredentials = QStringLiteral("bad-credentials");
inline const QString TokenInvalid = QStringLiteral("token-invalid");
inline const QString TokenExpired = QStringLiteral("token-expired");
inline const QString DeviceRevoked = QStringLiteral("device-revoked");
/// The HMIS Lead disabled this login: no sign-in, and its tokens stopped working at once.
inline const QString AccountDisabled = QStringLiteral("account-disabled");
/// Too many failed sign-ins from this address (429, with Retry-After): wait, then try again.
inline const QString TooManyAttempts = QStringLiteral("too-many-attempts");
inline const QString NotFound = QStringLiteral("not-found");
/// The audit anchor a device sent does not extend the one the server kept for it (409).
inline const QString AuditAnchorConflict = QStringLiteral("audit-anchor-conflict");
/// The record or client is another agency's (also per change).
inline const QString NotRecordOwner = QStringLiteral("not-record-owner");
inline const QString Internal = QStringLiteral("internal");
// Per change:
inline const QString NoSharingMarker = QStringLiteral("no-sharing-marker");
inline const QString ConsentMissing = QStringLiteral("consent-missing");
inline const QString ConsentInvalid = QStringLiteral("consent-invalid");
inline const QString AnonymousIdentifying = QStringLiteral("anonymous-identifying");
inline const QString IdentifyingNotConsented = QStringLiteral("identifying-not-consented");
inline const QString ClientRestricted = QStringLiteral("client-restricted");
inline const QString ClientNotVisible = QStringLiteral("client-not-visible");
inline const QString UnknownEntity = QStringLiteral("unknown-entity");
inline const QString ConflictUnknown = QStringLiteral("conflict-unknown");
/// The change names another client than the one the server stored the record under.
inline const QString RecordOwnerMismatch = QStringLiteral("record-owner-mismatch");
/// A release only the agency that entered the client may record or change.
inline const QString ConsentNotYours = QStringLiteral("consent-not-yours");

} // namespace error_code
} // namespace hearth::sync
