// Vault: remote wipe. The server revoked this workstation, so everything Hearth keeps here goes.
#include "core/store/Store.h"
#include "core/store/WorkstationWipe.h"
#include "core/vault/Vault.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcVault)

namespace hearth {

Status Vault::wipeAfterRevocation(const QString& reason)
{
    // No aboutToLock(): drafts are client data and must not be saved on the way out. No audit entry
    // either: the audit log is in the store being destroyed; the server's audit records the revocation.
    closeStore();
    m_user.reset();
    m_lockedLogin.clear();
    m_storeId.clear();
    const Status st = wipeWorkstation(m_location, reason, m_clock.now());
    if (!st)
        qCWarning(lcVault) << "remote wipe incomplete";
    probe();
    Q_EMIT userChanged();
    // Even a partial wipe destroyed the key slots first: the user must hear why Hearth is empty.
    Q_EMIT wiped(reason);
    return st;
}

std::optional<QString> Vault::pendingWipeReason() const
{
    const auto notice = readWipeNotice(m_location);
    if (!notice)
        return std::nullopt;
    return notice->reason;
}

void Vault::acknowledgeWipe()
{
    clearWipeNotice(m_location);
}

} // namespace hearth
