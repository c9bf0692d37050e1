#include "core/vault/LeaseGuard.h"

#include "core/store/LeaseRepository.h"
#include "core/store/Store.h"
#include "core/store/SyncStateRepository.h"
#include "core/types/AuditEntry.h"
#include "core/vault/Locked.h"
#include "core/vault/OfflineLease.h"
#include "core/vault/OpenStore.h"

#include <QTimer>

namespace hearth {

LeaseGuard::LeaseGuard(OpenStore& store, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
{
}

Result<SyncLease> LeaseGuard::refresh(bool announceChange)
{
    if (!m_store.isOpen())
        return lockedError();
    const QDateTime now = m_clock.now();
    SyncLease current;
    Status st = m_store.write([&]() -> Status {
        auto registration = SyncStateRepository(m_store.store()).registration();
        if (!registration)
            return registration.error();
        LeaseRepository repo(m_store.store());
        auto stored = repo.load();
        if (!stored)
            return stored.error();
        const LeaseRecord record = lease::settled(*stored, *registration, now);
        current = lease::evaluate(record, *registration, now);
        return record == *stored ? Status() : repo.save(record);
    });
    if (!st)
        return st.error();
    m_expiresAt = current.applies ? current.expiresAt : QDateTime();
    m_block = current.applies ? lease::clientBlock(current) : QString();
    if (announceChange)
        announce();
    return current;
}

Status LeaseGuard::admit(Role role)
{
    auto current = refresh(false);
    if (!current)
        return current.error();
    if (!current->expired || roleAllows(role, Permission::EditAgencySettings))
        return {};
    (void)m_store.write([&] {
        return m_store.appendAudit(QString::fromLatin1(audit::SignInFailure), {}, {},
                                   QStringLiteral("offline lease ran out"));
    });
    return makeError(ErrorCode::PermissionDenied, lease::signInRefusal(*current));
}

bool LeaseGuard::expired() const
{
    if (!m_expiresAt.isValid() || m_clock.now() < m_expiresAt)
        return false;
    if (!m_announced) {
        // Seen from inside require(): tell the screens later, not in the middle of the caller's work.
        m_announced = true;
        auto* self = const_cast<LeaseGuard*>(this);
        QTimer::singleShot(0, self, [self] { Q_EMIT self->blockChanged(); });
    }
    return true;
}

bool LeaseGuard::blocks() const
{
    return expired() && !(m_syncRunning && m_syncRunning());
}

void LeaseGuard::announce()
{
    const bool isExpired = m_expiresAt.isValid() && m_clock.now() >= m_expiresAt;
    if (isExpired == m_announced)
        return;
    m_announced = isExpired;
    Q_EMIT blockChanged();
}

void LeaseGuard::clear()
{
    m_expiresAt = {};
    m_block.clear();
    m_announced = false;
}

} // namespace hearth
