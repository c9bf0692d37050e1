#pragma once

// Value types of the sync state: no store, no service.
#include <QDateTime>
#include <QString>

#include <optional>

namespace hearth {

/// @brief This workstation's registration with the central server. The token lives only in the
/// encrypted store (never in QSettings or a log).
struct SyncRegistration
{
    QString serverUrl;
    QString deviceId;
    QString token;
    QDateTime tokenExpiresAt;
    QString agency; ///< the server's code of the user's agency
    int leaseDays = 30;
    QDateTime registeredAt;
    QString registeredBy; ///< the Hearth login that registered the workstation
    QString pinSha256; ///< optional: base64 SHA-256 of the server certificate's public key

    bool tokenExpired(const QDateTime& now) const { return !tokenExpiresAt.isValid() || tokenExpiresAt <= now; }
};

/// @brief The server's version of one record this workstation pushed (the next push's baseVersion).
struct ServerVersion
{
    QString entity;
    QString entityUuid;
    qint64 serverVersion = 0;
    qint64 serverSeq = 0;
};

/// @brief How the last sync went (no client data: codes and plain sentences only).
struct SyncOutcome
{
    std::optional<QDateTime> lastSuccessAt;
    std::optional<QDateTime> lastContactAt;
    std::optional<QDateTime> lastErrorAt;
    QString lastErrorCode;
    QString lastError;
};

/// @brief A client whose records go up again because a wider release was pushed.
struct Redelivery
{
    QString clientUuid;
    QString releaseUuid;
    QDateTime queuedAt;
};

} // namespace hearth
