#include "sync/server/Api.h"

#include "sync/protocol/BodyEncoding.h"
#include "sync/protocol/Messages.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/ApiReplies.h"
#include "sync/server/ServerDatabase.h"

#include <QJsonArray>

namespace hearth::server {

namespace ec = sync::error_code;

using namespace api_reply;

int httpStatusOf(const QString& code)
{
    if (code == ec::MalformedRequest || code == ec::ProtocolVersion)
        return 400;
    if (code == ec::BadCredentials || code == ec::TokenInvalid || code == ec::TokenExpired
        || code == ec::AccountDisabled)
        return 401;
    if (code == ec::AuditAnchorConflict)
        return 409;
    if (code == ec::DeviceRevoked || code == ec::NotRecordOwner)
        return 403;
    if (code == ec::NotFound)
        return 404;
    if (code == ec::PayloadTooLarge)
        return 413;
    if (code == ec::TooManyAttempts)
        return 429;
    return 500;
}

Api::Api(ServerDatabase& db, ServerConfig config, Clock clock)
    : m_db(db)
    , m_config(std::move(config))
    , m_clock(std::move(clock))
    , m_audit(db)
    , m_accounts(db, m_audit, m_config.passwordHashCost)
    , m_records(db, m_audit)
    , m_limits(db, m_audit)
{
}

Api::~Api() = default;

void Api::handle(const ApiRequest& request, Reply reply)
{
    std::optional<ApiResponse> response = route(request, reply);
    m_db.finishAll();
    if (response)
        reply(std::move(*response));
}

std::optional<ApiResponse> Api::route(const ApiRequest& received, Reply& reply)
{
    if (received.body.size() > m_config.maxBodyBytes)
        return error(
            ec::PayloadTooLarge,
            QStringLiteral("The request is larger than %1 bytes: send smaller batches.").arg(m_config.maxBodyBytes));
    // The same limit holds for a deflated body once inflated (decode stops there).
    auto body = sync::body_encoding::decode(received.body, received.contentEncoding, m_config.maxBodyBytes);
    if (auto* e = std::get_if<sync::ParseError>(&body))
        return error(*e);
    ApiRequest request = received;
    request.body = std::get<QByteArray>(std::move(body));
    const bool post = request.method == "POST";
    if (post && request.path == u"/api/v1/devices/register")
        return registerDevice(request, reply);
    if (post && request.path == u"/api/v1/push")
        return push(request);
    if (post && request.path == u"/api/v1/restrictions")
        return restrictClient(request);
    if (request.method == "GET" && request.path == u"/api/v1/pull")
        return pull(request);
    if (request.method == "GET" && request.path == u"/api/v1/conflicts")
        return listConflicts(request);
    if (request.method == "GET" && request.path == u"/api/v1/device")
        return deviceStatus(request);
    if (post && request.path == u"/api/v1/device/audit-anchor")
        return keepAuditAnchor(request);
    if (request.method == "GET" && request.path == u"/api/v1/health")
        return ApiResponse {200, {{u"protocol"_qs, sync::protocol::kVersion}, {u"status"_qs, u"ok"_qs}}, 0};
    return error(ec::NotFound,
                 QStringLiteral("There is no %1 %2 in sync protocol %3.")
                     .arg(QString::fromLatin1(request.method), request.path)
                     .arg(sync::protocol::kVersion));
}

std::optional<Caller> Api::authenticate(const ApiRequest& request, ApiResponse& refused)
{
    const QByteArray prefix = QByteArrayLiteral("Bearer ");
    const QByteArray token
        = request.authorization.startsWith(prefix) ? request.authorization.mid(prefix.size()).trimmed() : QByteArray();
    auto caller = m_accounts.authenticate(request.deviceId, token, m_clock());
    if (auto* failed = failureOf(caller)) {
        refused = error(*failed);
        return std::nullopt;
    }
    return std::get<Caller>(std::move(caller));
}

QJsonObject Api::withLease(QJsonObject body) const
{
    body.insert(u"serverTime"_qs, m_clock().toUTC().toString(Qt::ISODateWithMs));
    body.insert(u"leaseDays"_qs, m_config.leaseDays);
    return body;
}

ApiResponse Api::push(const ApiRequest& request)
{
    ApiResponse refused;
    const auto caller = authenticate(request, refused);
    if (!caller)
        return refused;
    std::optional<sync::PushRequest> parsed;
    if (auto bad = readMessage(request.body, parsed))
        return *bad;
    const sync::PushRequest& push = *parsed;
    if (!push.deviceId.isEmpty() && push.deviceId != caller->deviceId)
        return error(ec::MalformedRequest, QStringLiteral("deviceId does not match the X-Hearth-Device header."));
    if (qsizetype(push.changes.size()) > m_config.maxChanges)
        return error(
            ec::PayloadTooLarge,
            QStringLiteral("A batch holds at most %1 changes: send smaller batches.").arg(m_config.maxChanges));
    auto applied = m_records.apply(*caller, push.changes, m_clock());
    if (auto* failed = failureOf(applied))
        return error(*failed); // nothing of the batch was kept; the client sends it again
    QJsonArray results;
    for (const sync::ChangeResult& result : std::get<std::vector<sync::ChangeResult>>(applied))
        results.append(result.toJson());
    return {200, withLease({{u"protocol"_qs, sync::protocol::kVersion}, {u"results"_qs, results}}),
            int(push.changes.size())};
}

ApiResponse Api::pull(const ApiRequest& request)
{
    ApiResponse refused;
    const auto caller = authenticate(request, refused);
    if (!caller)
        return refused;
    if (auto bad = checkProtocolHeader(request))
        return *bad;
    bool ok = true;
    const QString sinceText = request.query.queryItemValue(u"since"_qs);
    const qint64 since = sinceText.isEmpty() ? 0 : sinceText.toLongLong(&ok);
    if (!ok || since < 0)
        return error(ec::MalformedRequest, QStringLiteral("\"since\" must be a cursor the server gave."));
    int limit = 0;
    if (auto bad = readLimit(request, 500, sync::protocol::kMaxPullLimit, limit))
        return *bad;
    auto reply = m_records.pull(*caller, since, limit);
    if (auto* failed = failureOf(reply))
        return error(*failed);
    const auto& pulled = std::get<sync::PullReply>(reply);
    if (!pulled.changes.empty()) {
        // Who pulled what: kinds and counts, never a value or a client id (an empty pull tells nothing).
        QMap<QString, int> byEntity;
        for (const sync::PulledChange& c : pulled.changes)
            ++byEntity[c.operation == u"insert" || c.operation == u"update" ? c.entity : c.operation];
        const QString detail = QStringLiteral("%1 records after %2 through %3: %4")
                                   .arg(pulled.changes.size())
                                   .arg(since)
                                   .arg(pulled.cursor)
                                   .arg(countsText(byEntity));
        if (auto failed = m_db.transaction(
                [&] { return m_audit.record(m_clock(), caller->login, caller->deviceId, u"records-sent"_qs, detail); }))
            return error(*failed);
    }
    return {200, withLease(pulled.toJson()), int(pulled.changes.size())};
}

ApiResponse Api::listConflicts(const ApiRequest& request)
{
    // The rest of the open conflicts when a pull said conflictsMore: a page at a time.
    ApiResponse refused;
    const auto caller = authenticate(request, refused);
    if (!caller)
        return refused;
    if (auto bad = checkProtocolHeader(request))
        return *bad;
    int limit = 0;
    if (auto bad = readLimit(request, sync::protocol::kMaxConflictsPage, sync::protocol::kMaxConflictsPage, limit))
        return *bad;
    auto page = m_records.conflicts(*caller, request.query.queryItemValue(u"after"_qs, QUrl::FullyDecoded), limit);
    if (auto* failed = failureOf(page))
        return error(*failed);
    const auto& listed = std::get<sync::ConflictsPage>(page);
    return {200, withLease(listed.toJson()), int(listed.conflicts.size())};
}

ApiResponse Api::restrictClient(const ApiRequest& request)
{
    ApiResponse refused;
    const auto caller = authenticate(request, refused);
    if (!caller)
        return refused;
    std::optional<sync::RestrictionRequest> parsed;
    if (auto bad = readMessage(request.body, parsed))
        return *bad;
    auto result = m_records.restrict(*caller, *parsed, m_clock());
    if (auto* failed = failureOf(result))
        return error(*failed);
    const auto& restricted = std::get<RestrictionResult>(result);
    return {200,
            withLease({{u"protocol"_qs, sync::protocol::kVersion},
                       {u"status"_qs, restricted.status},
                       {u"serverSeq"_qs, restricted.serverSeq}}),
            restricted.recordsRemoved};
}

} // namespace hearth::server
