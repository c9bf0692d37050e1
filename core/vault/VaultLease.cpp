// Vault: the offline lease. A registered workstation that has not reached its server for leaseDays
// (by its own clock) closes client records; only an administrator may still sign in, to sync or unlock.
#include "core/auth/Roles.h"
#include "core/store/LeaseRepository.h"
#include "core/store/Store.h"
#include "core/store/SyncStateRepository.h"
#include "core/vault/OfflineLease.h"
#include "core/vault/Vault.h"

#include <QTimer>

namespace hearth {

Result<SyncLease> Vault::refreshLease(bool announce)
{
    if (!m_store)
        return makeError(ErrorCode::Locked, tr("Hearth is locked. Sign in first."));
    const QDateTime now = m_clock.now();
    SyncLease current;
    Status st = write([&]() -> Status {
        auto registration = SyncStateRepository(*m_store).registration();
        if (!registration)
            return registration.error();
        LeaseRepository repo(*m_store);
        auto stored = repo.load();
        if (!stored)
            return stored.error();
        const LeaseRecord record = lease::settled(*stored, *registration, now);
        current = lease::evaluate(record, *registration, now);
        return record == *stored ? Status() : repo.save(record);
    });
    if (!st)
        return st.error();
    m_leaseExpiresAt = current.applies ? current.expiresAt : QDateTime();
    m_leaseBlock = current.applies ? lease::clientBlock(current) : QString();
    if (announce)
        announceLease();
    return current;
}

Status Vault::admitUnderLease()
{
    auto current = refreshLease(false);
    if (!current)
        return current.error();
    if (!current->expired || roleAllows(m_user->role, Permission::EditAgencySettings))
        return {};
    (void)write([&] {
        return appendAudit(QString::fromLatin1(audit::SignInFailure), {}, {}, QStringLiteral("offline lease ran out"));
    });
    return makeError(ErrorCode::PermissionDenied, lease::signInRefusal(*current));
}

bool Vault::leaseExpired() const
{
    if (!m_leaseExpiresAt.isValid() || m_clock.now() < m_leaseExpiresAt)
        return false;
    if (!m_leaseBlockAnnounced) {
        // Seen from inside require(): tell the screens later, not in the middle of the caller's work.
        m_leaseBlockAnnounced = true;
        auto* self = const_cast<Vault*>(this);
        QTimer::singleShot(0, self, [self] { Q_EMIT self->clientAccessBlockChanged(); });
    }
    return true;
}

bool Vault::leaseBlocks() const
{
    return leaseExpired() && !(m_syncRunning && m_syncRunning());
}

void Vault::announceLease()
{
    const bool expired = m_leaseExpiresAt.isValid() && m_clock.now() >= m_leaseExpiresAt;
    if (expired == m_leaseBlockAnnounced)
        return;
    m_leaseBlockAnnounced = expired;
    Q_EMIT clientAccessBlockChanged();
}

} // namespace hearth
