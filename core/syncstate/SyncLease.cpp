// SyncState: the offline lease as the sync engine and the Sync page see it. The Vault enforces it.
#include "core/store/KeyValueRepositories.h"
#include "core/store/LeaseRepository.h"
#include "core/store/Store.h"
#include "core/store/SyncStateRepository.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/LeaseGuard.h"
#include "core/vault/Locked.h"
#include "core/vault/OfflineLease.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

namespace {
const QString kIntervalKey = QStringLiteral("sync_interval_minutes");
} // namespace

Result<SyncLease> SyncState::lease() const
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st.error();
    auto registration = SyncStateRepository(m_vault.openStore().store()).registration();
    if (!registration)
        return registration.error();
    auto stored = LeaseRepository(m_vault.openStore().store()).load();
    if (!stored)
        return stored.error();
    const QDateTime now = m_vault.clock().now();
    return lease::evaluate(lease::settled(*stored, *registration, now), *registration, now);
}

Status SyncState::recordServerContact(int leaseDays)
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    auto st = m_vault.openStore().write([&]() -> Status {
        LeaseRepository repo(m_vault.openStore().store());
        auto record = repo.load();
        if (!record)
            return record.error();
        record->contactAt = now;
        record->seenAt = now;
        record->unlockedAt.reset();
        if (leaseDays > 0)
            record->leaseDays = leaseDays;
        return repo.save(*record);
    });
    if (!st)
        return st;
    if (auto refreshed = m_vault.lease().refresh(); !refreshed)
        return refreshed.error();
    return {};
}

Status SyncState::unlockLease()
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    auto current = lease();
    if (!current)
        return current.error();
    if (!current->expired)
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("The offline lease has not run out; there is nothing to unlock."));
    const QDateTime now = m_vault.clock().now();
    auto st = m_vault.openStore().write([&]() -> Status {
        LeaseRepository repo(m_vault.openStore().store());
        auto record = repo.load();
        if (!record)
            return record.error();
        record->unlockedAt = now;
        record->seenAt = now;
        if (auto saved = repo.save(*record); !saved)
            return saved;
        const QString since = current->lastContactAt ? current->lastContactAt->toUTC().toString(Qt::ISODate) : u"-"_qs;
        return m_vault.openStore().appendAudit(
            QString::fromLatin1(audit::SyncLeaseUnlock), QStringLiteral("sync"), {},
            QStringLiteral("%1 days; last contact %2").arg(current->leaseDays).arg(since));
    });
    if (!st)
        return st;
    if (auto refreshed = m_vault.lease().refresh(); !refreshed)
        return refreshed.error();
    return {};
}

Result<int> SyncState::intervalMinutes() const
{
    if (auto st = m_vault.requireSignedIn(); !st)
        return st.error();
    auto stored = MetaRepository(m_vault.openStore().store()).get(kIntervalKey);
    if (!stored)
        return stored.error();
    bool ok = false;
    const int minutes = stored->toInt(&ok);
    return ok ? std::clamp(minutes, 0, kMaxIntervalMinutes) : kDefaultIntervalMinutes;
}

Status SyncState::setIntervalMinutes(int minutes)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    const int kept = std::clamp(minutes, 0, kMaxIntervalMinutes);
    return m_vault.openStore().write(
        [&] { return MetaRepository(m_vault.openStore().store()).set(kIntervalKey, QByteArray::number(kept)); });
}

} // namespace hearth
