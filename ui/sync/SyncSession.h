#pragma once

#include "ui/sync/SyncText.h"

#include <QDeadlineTimer>
#include <QObject>

#include <optional>

class QTimer;

namespace hearth {
class Vault;
}

namespace hearth::sync {
class SyncEngine;
class SyncScheduler;
} // namespace hearth::sync

namespace hearth::ui {

/// @brief Sync for one signed-in session: the engine and its scheduler, the running sync's progress
/// and a snapshot of the stored state for the status bar and the Sync page.
///
/// The main window makes one at sign-in or unlock and drops it at lock or sign-out, so nothing syncs
/// while the store is closed. Automatic syncs run only while the workstation is registered. A revoked
/// workstation is wiped here (Vault::wipeAfterRevocation); the window says so on Vault::wiped.
class SyncSession : public QObject
{
    Q_OBJECT
public:
    explicit SyncSession(Vault& vault, QObject* parent = nullptr);
    ~SyncSession() override;

    sync::SyncEngine& engine() const { return *m_engine; }
    sync::SyncScheduler& scheduler() const { return *m_scheduler; }

    /// The state as of now: the store's outcome, pending count, lease and conflicts plus this session's
    /// progress. Reads the store; called after each change, not on every progress step.
    const SyncSnapshot& snapshot() const { return m_snapshot; }
    /// Reads the store again and emits changed().
    void refresh();

    /// A sync now (Sync page, status bar, the lease panel); false when one runs already.
    bool syncNow();
    /// Stops syncing for good (lock, sign-out, wipe): no timer, no request in flight.
    void shutdown();

    int intervalMinutes() const;
    /// Saves the interval and applies it (0: only on demand and when the network returns).
    void setIntervalMinutes(int minutes);

Q_SIGNALS:
    /// The audit log here no longer extends what the server saw (SyncEngine::auditAnchorBroken).
    void auditAnchorBroken(const QString& problem);
    /// The snapshot changed (a sync started, progressed, finished, a retry ticked, a conflict was settled).
    void changed();
    /// Registration went through (the page clears its password field).
    void registered();
    void registrationFailed(const QString& message);
    /// The server revoked this workstation and erasing it failed: the reason in plain words.
    void wipeFailed(const QString& message);
    /// A sync ended that brought records from the server into the store (lists showing clients reload).
    void recordsReceived();

private:
    void onProgress(qint64 sent, qint64 pending);
    void onFinished(bool ok, const QString& message);
    void onRetryScheduled(qint64 delayMs);
    void onDeviceRevoked(const QString& reason);
    void tickRetry();
    void applyEnabled();

    Vault& m_vault;
    sync::SyncEngine* m_engine;
    sync::SyncScheduler* m_scheduler;
    static constexpr int kRefreshTicks = 30; ///< the store is read again every 30 ticks (s)

    QTimer* m_ticker; ///< the retry countdown and "5 minutes ago" move on without a sync
    int m_ticks = 0;
    SyncSnapshot m_snapshot;
    std::optional<QDeadlineTimer> m_retryAt;
    bool m_shutDown = false;
    bool m_received = false; ///< the running sync applied records from the server
};

} // namespace hearth::ui
