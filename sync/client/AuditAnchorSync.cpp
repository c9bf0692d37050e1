#include "sync/client/AuditAnchorSync.h"

#include "core/services/AuditAnchors.h"
#include "sync/client/SyncChannel.h"
#include "sync/protocol/Protocol.h"

#include <QLoggingCategory>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcAnchor, "hearth.sync")
} // namespace

AuditAnchorSync::AuditAnchorSync(Vault& vault, SyncChannel& channel, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_channel(channel)
{
}

std::optional<AuditAnchorMessage> AuditAnchorSync::due() const
{
    auto broken = AuditAnchors(m_vault).problem();
    auto head = AuditAnchors(m_vault).head();
    if (!broken || !broken->isEmpty() || !head || head->seq == 0)
        return std::nullopt;
    return AuditAnchorMessage {head->seq, head->hash};
}

void AuditAnchorSync::send(const AuditAnchorMessage& anchor)
{
    QJsonObject body = anchor.toJson();
    body.insert(u"protocol"_qs, protocol::kVersion);
    m_channel.post(protocol::apiPath("device/audit-anchor"), body, true, [this, anchor](const QJsonObject&) {
        (void)AuditAnchors(m_vault).keepConfirmed({anchor.seq, anchor.hash});
        Q_EMIT sent();
    });
}

void AuditAnchorSync::check(const QJsonObject& statusReply)
{
    const QJsonValue kept = statusReply.value(u"auditAnchor");
    if (!kept.isObject())
        return; // no sync has reported one yet
    auto parsed = AuditAnchorMessage::fromJson(kept.toObject());
    if (std::holds_alternative<ParseError>(parsed)) {
        qCWarning(lcAnchor) << "device status: unreadable audit anchor";
        return;
    }
    const auto& anchor = std::get<AuditAnchorMessage>(parsed);
    auto problem = AuditAnchors(m_vault).check({anchor.seq, anchor.hash});
    if (!problem) {
        qCWarning(lcAnchor) << "device status: the audit anchor could not be checked";
        return;
    }
    if (*problem) {
        qCWarning(lcAnchor) << "the audit log no longer extends what the server saw";
        Q_EMIT broken(**problem);
    } else {
        (void)AuditAnchors(m_vault).keepConfirmed({anchor.seq, anchor.hash});
    }
}

} // namespace hearth::sync
