#pragma once

#include "sync/server/Accounts.h"
#include "sync/server/RecordStore.h"
#include "sync/server/ServerAudit.h"
#include "sync/server/ServerConfig.h"
#include "sync/server/SignInLimits.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace hearth::server {

class ServerDatabase;

/// @brief One HTTP request as the API sees it (no sockets: the frontend fills it in).
struct ApiRequest
{
    QByteArray method; ///< "GET" or "POST"
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentEncoding; ///< the Content-Encoding header (deflate or none)
    QByteArray authorization; ///< the Authorization header
    QString deviceId; ///< the X-Hearth-Device header
    QByteArray protocolHeader; ///< the X-Hearth-Protocol header
    QHostAddress peerAddress; ///< the connection's remote address
    QByteArray forwardedFor; ///< the X-Forwarded-For header (read only with behind_proxy)
};

struct ApiResponse
{
    int status = 200;
    QJsonObject body;
    int changeCount = 0; ///< for the request log: how many changes the request carried or returned
    qint64 retryAfterSeconds = 0; ///< a Retry-After header when not 0 (429 too-many-attempts)
};

/// @brief The protocol's endpoints over the server's accounts and records (docs/sync-protocol.md).
class Api
{
public:
    using Clock = std::function<QDateTime()>;
    using Reply = std::function<void(ApiResponse)>;

    Api(ServerDatabase& db, ServerConfig config, Clock clock);
    ~Api();

    /// Answers @p request through @p reply: at once, or for a registration once the password was checked
    /// on a worker thread (Argon2id takes a tenth of a second and must not stall every other device); then
    /// @p reply runs later on this thread's event loop. All SQL stays on this thread.
    void handle(const ApiRequest& request, Reply reply);

private:
    struct PendingSignIn;

    /// The answer, or nothing when @p reply was taken to answer later.
    std::optional<ApiResponse> route(const ApiRequest& request, Reply& reply);
    // Registration (ApiRegistration.cpp): limits and the stored hash here, the check on m_hashing.
    std::optional<ApiResponse> registerDevice(const ApiRequest& request, Reply& reply);
    void finishRegistration(PendingSignIn& pending, bool passwordRight);
    ApiResponse push(const ApiRequest& request);
    ApiResponse pull(const ApiRequest& request);
    ApiResponse listConflicts(const ApiRequest& request);
    ApiResponse deviceStatus(const ApiRequest& request);
    ApiResponse keepAuditAnchor(const ApiRequest& request);
    ApiResponse restrictClient(const ApiRequest& request);
    /// The caller, or the error response (401/403) in @p refused.
    std::optional<Caller> authenticate(const ApiRequest& request, ApiResponse& refused);
    /// Adds serverTime and leaseDays (every authenticated reply carries them).
    QJsonObject withLease(QJsonObject body) const;

    ServerDatabase& m_db;
    ServerConfig m_config;
    Clock m_clock;
    ServerAudit m_audit;
    Accounts m_accounts;
    RecordStore m_records;
    SignInLimits m_limits;
    QObject m_replies; ///< where finished password checks are handed back to this thread
    QThreadPool m_hashing; ///< declared after m_replies: its destructor waits for the checks still running
};

/// The HTTP status of a protocol error code.
int httpStatusOf(const QString& errorCode);

} // namespace hearth::server
