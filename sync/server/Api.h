#pragma once

#include "server/Accounts.h"
#include "server/RecordStore.h"
#include "server/ServerAudit.h"
#include "server/ServerConfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QUrlQuery>

#include <functional>

namespace hearth::server {

class Database;

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
};

struct ApiResponse
{
    int status = 200;
    QJsonObject body;
    int changeCount = 0; ///< for the request log: how many changes the request carried or returned
};

/// @brief The protocol's endpoints over the server's accounts and records (docs/sync-protocol.md).
class Api
{
public:
    using Clock = std::function<QDateTime()>;

    Api(Database& db, ServerConfig config, Clock clock);

    ApiResponse handle(const ApiRequest& request);

private:
    ApiResponse route(const ApiRequest& request);
    ApiResponse registerDevice(const ApiRequest& request);
    ApiResponse push(const ApiRequest& request);
    ApiResponse pull(const ApiRequest& request);
    ApiResponse deviceStatus(const ApiRequest& request);
    ApiResponse restrictClient(const ApiRequest& request);
    /// The caller, or the error response (401/403) in @p refused.
    std::optional<Caller> authenticate(const ApiRequest& request, ApiResponse& refused);
    /// Adds serverTime and leaseDays (every authenticated reply carries them).
    QJsonObject withLease(QJsonObject body) const;

    Database& m_db;
    ServerConfig m_config;
    Clock m_clock;
    ServerAudit m_audit;
    Accounts m_accounts;
    RecordStore m_records;
};

/// The HTTP status of a protocol error code.
int httpStatusOf(const QString& errorCode);

} // namespace hearth::server
