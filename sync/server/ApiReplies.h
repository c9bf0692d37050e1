#pragma once

#include "sync/protocol/Messages.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Api.h"

#include <QJsonArray>

/// @brief Error answers and body parsing shared by the Api's endpoints (Api.cpp, ApiRegistration.cpp).
namespace hearth::server::api_reply {

inline ApiResponse error(const QString& code, const QString& message)
{
    return {httpStatusOf(code), sync::errorBody(code, message), 0};
}

inline ApiResponse error(const Failure& failure)
{
    if (failure.code == sync::error_code::DeviceRevoked) {
        ApiResponse response = error(failure.code, QStringLiteral("This device was revoked by an administrator."));
        response.body.insert(u"reason"_qs, failure.message);
        return response;
    }
    return error(failure.code, failure.message);
}

inline ApiResponse error(const sync::ParseError& e)
{
    ApiResponse response = error(e.code, e.message);
    if (e.code == sync::error_code::ProtocolVersion)
        response.body.insert(u"supported"_qs, QJsonArray {sync::protocol::kVersion});
    return response;
}

/// Parses a POST body into @p out: the body object and its protocol version checked.
inline std::optional<ApiResponse> readBody(const QByteArray& body, QJsonObject& out)
{
    auto parsed = sync::parseBody(body);
    if (auto* e = std::get_if<sync::ParseError>(&parsed))
        return error(*e);
    out = std::get<QJsonObject>(std::move(parsed));
    if (auto e = sync::checkProtocol(out))
        return error(*e);
    return std::nullopt;
}

/// Parses a POST body into message @p T (its protocol version checked); an error answer when it is not one.
template<typename T>
std::optional<ApiResponse> readMessage(const QByteArray& body, std::optional<T>& out)
{
    QJsonObject json;
    if (auto bad = readBody(body, json))
        return bad;
    auto parsed = T::fromJson(json);
    if (auto* e = std::get_if<sync::ParseError>(&parsed))
        return error(*e);
    out = std::get<T>(std::move(parsed));
    return std::nullopt;
}

/// A GET names its protocol version in the X-Hearth-Protocol header.
inline std::optional<ApiResponse> checkProtocolHeader(const ApiRequest& request)
{
    if (request.protocolHeader == QByteArray::number(sync::protocol::kVersion))
        return std::nullopt;
    return error(
        sync::ParseError {sync::error_code::ProtocolVersion,
                          QStringLiteral("Send the header X-Hearth-Protocol: %1.").arg(sync::protocol::kVersion)});
}

/// The `limit` query item into @p out: @p fallback when absent, refused outside 1 to @p max.
inline std::optional<ApiResponse> readLimit(const ApiRequest& request, int fallback, int max, int& out)
{
    bool ok = true;
    const QString text = request.query.queryItemValue(u"limit"_qs);
    out = text.isEmpty() ? fallback : text.toInt(&ok);
    if (ok && out >= 1 && out <= max)
        return std::nullopt;
    return error(sync::error_code::MalformedRequest, QStringLiteral("\"limit\" must be between 1 and %1.").arg(max));
}

} // namespace hearth::server::api_reply
