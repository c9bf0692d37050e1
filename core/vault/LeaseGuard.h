#pragma once

#include "core/auth/Roles.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace hearth {

class OpenStore;
struct SyncLease;

/// @brief The offline lease as the vault enforces it.
///
/// A registered workstation that has not reached its server for leaseDays (by its own clock) closes
/// client records; only an administrator may still sign in, to sync or unlock. The guard caches the
/// lease's expiry while the store is open, answers whether it blocks client data now (not while a sync
/// runs: a sync is how the lease renews), and emits blockChanged() when the lease block comes or goes.
class LeaseGuard : public QObject
{
    Q_OBJECT
public:
    LeaseGuard(OpenStore& store, const Clock& clock, QObject* parent = nullptr);

    /// Settles and saves the lease (a clock set back, a first contact) and caches its expiry;
    /// @p announceChange: emit blockChanged() when the lease block came or went.
    Result<SyncLease> refresh(bool announceChange = true);
    /// At sign-in and unlock (store open): refuses a @p role without EditAgencySettings when the lease has
    /// run out (audited); administrators get in with client records closed.
    Status admit(Role role);
    /// The cached lease has run out; announces the block the first time it sees that.
    bool expired() const;
    /// The lease closes client-data permissions now: it has run out and no sync is running.
    bool blocks() const;
    /// What clientAccessBlock() says once the lease has run out.
    const QString& blockSentence() const { return m_block; }
    /// Emits blockChanged() when the lease block came or went since it was last announced.
    void announce();
    /// Forgets the cached lease (the store closes).
    void clear();

    void setSyncRunningCheck(std::function<bool()> running) { m_syncRunning = std::move(running); }

Q_SIGNALS:
    void blockChanged();

private:
    OpenStore& m_store;
    const Clock& m_clock;
    QDateTime m_expiresAt; ///< invalid while no offline lease applies
    QString m_block;
    mutable bool m_announced = false; ///< blockChanged() went out for the current block
    std::function<bool()> m_syncRunning;
};

} // namespace hearth
