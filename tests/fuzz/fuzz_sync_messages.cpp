// libFuzzer harness: everything a server receives and a client gets back is parsed by the protocol
// library. Whatever parses must satisfy the protocol's own promises.
#include "sync/protocol/ConsentReference.h"
#include "sync/protocol/Messages.h"
#include "sync/protocol/NoSharingMarker.h"

#include <cstddef>
#include <cstdint>

namespace hs = hearth::sync;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto body = hs::parseBody(bytes);
    if (!std::holds_alternative<QJsonObject>(body))
        return 0;
    const QJsonObject& json = std::get<QJsonObject>(body);
    hs::checkProtocol(json);
    hs::findNoSharingMarker(json);

    auto push = hs::PushRequest::fromJson(json);
    if (const auto* request = std::get_if<hs::PushRequest>(&push)) {
        for (const hs::Change& change : request->changes)
            if (change.key.trimmed().isEmpty() || change.uuid.trimmed().isEmpty() || change.baseVersion < 0
                || (change.operation != u"insert" && change.operation != u"update" && change.operation != u"delete"))
                __builtin_trap();
        auto again = hs::PushRequest::fromJson(request->toJson());
        if (!std::holds_alternative<hs::PushRequest>(again)
            || std::get<hs::PushRequest>(again).changes.size() != request->changes.size())
            __builtin_trap();
    }
    hs::PullReply::fromJson(json);
    hs::RegisterRequest::fromJson(json);
    hs::RestrictionRequest::fromJson(json);

    auto consent = hs::validateConsentReference(json);
    if (const auto* ref = std::get_if<hs::ConsentReference>(&consent)) {
        // An accepted reference is never a No Sharing one, and survives its own JSON form.
        if (ref->choice < 1 || ref->choice > 3 || hs::findNoSharingMarker({{QStringLiteral("Consent"), ref->toJson()}}))
            __builtin_trap();
        if (!std::holds_alternative<hs::ConsentReference>(
                hs::validateConsentReference({{QStringLiteral("Consent"), ref->toJson()}})))
            __builtin_trap();
    }
    return 0;
}
