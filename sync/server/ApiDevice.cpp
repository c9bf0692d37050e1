// Api: what a workstation asks about itself. Its status at sign-in and unlock (a revoked one wipes itself
// without waiting for a sync), and the newest entry of its audit chain at the end of each sync, which the
// server keeps and hands back so the workstation can tell when its chain was rewritten (docs/security.md).
#include "sync/protocol/Messages.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/Api.h"
#include "sync/server/ApiReplies.h"
#include "sync/server/AuditAnchorStore.h"

namespace hearth::server {

using namespace api_reply;

ApiResponse Api::deviceStatus(const ApiRequest& request)
{
    ApiResponse refused;
    const auto caller = authenticate(request, refused);
    if (!caller)
        return refused;
    QJsonObject body {{u"protocol"_qs, sync::protocol::kVersion}, {u"status"_qs, u"active"_qs}};
    auto anchor = audit_anchors::load(m_db, caller->deviceId);
    if (auto* failed = failureOf(anchor))
        return error(*failed);
    if (const auto& kept = std::get<std::optional<StoredAuditAnchor>>(anchor))
        body.insert(u"auditAnchor"_qs, sync::AuditAnchorMessage {kept->seq, kept->hash}.toJson());
    return {200, body, 0};
}

ApiResponse Api::keepAuditAnchor(const ApiRequest& request)
{
    ApiResponse refused;
    const auto caller = authenticate(request, refused);
    if (!caller)
        return refused;
    std::optional<sync::AuditAnchorMessage> parsed;
    if (auto bad = readMessage(request.body, parsed))
        return *bad;
    const sync::AuditAnchorMessage& anchor = *parsed;
    if (auto failed = audit_anchors::keep(m_db, *caller, {anchor.seq, anchor.hash}, m_clock())) {
        if (failed->code == sync::error_code::AuditAnchorConflict)
            (void)m_audit.record(m_clock(), caller->login, caller->deviceId, u"audit-anchor-conflict"_qs,
                                 QStringLiteral("reported entry %1").arg(anchor.seq));
        return error(*failed);
    }
    return {200, withLease({{u"protocol"_qs, sync::protocol::kVersion}, {u"status"_qs, u"kept"_qs}}), 0};
}

} // namespace hearth::server
