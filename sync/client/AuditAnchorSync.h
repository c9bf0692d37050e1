#pragma once

#include "sync/protocol/Messages.h"

#include <QObject>

#include <optional>

namespace hearth {
class Vault;
}

namespace hearth::sync {

class SyncChannel;

/// @brief The audit chain's anchor on the server: the last step of a sync sends the newest audit entry, which
/// the server keeps, and each status check compares the chain with the anchor the server kept (core's
/// AuditAnchors records and audits a break). A chain found broken sends nothing more, so the server keeps
/// the anchor it had and says so at each sign-in.
class AuditAnchorSync : public QObject
{
    Q_OBJECT
public:
    AuditAnchorSync(Vault& vault, SyncChannel& channel, QObject* parent = nullptr);

    /// The anchor a sync should end with, or nothing (a broken chain, an empty log, a store error).
    std::optional<AuditAnchorMessage> due() const;
    /// Sends @p anchor; ends with sent() (a refusal comes through the channel).
    void send(const AuditAnchorMessage& anchor);
    /// Compares the chain with the anchor the server kept (`auditAnchor` of a status reply).
    void check(const QJsonObject& statusReply);

Q_SIGNALS:
    void sent();
    /// The local audit chain no longer extends what the server saw.
    void broken(const QString& problem);

private:
    Vault& m_vault;
    SyncChannel& m_channel;
};

} // namespace hearth::sync
