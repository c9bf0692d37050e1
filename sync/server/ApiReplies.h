#pragma once

#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "server/Api.h"

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

} // namespace hearth::server::api_reply
