#pragma once

#include <QDateTime>
#include <QObject>

#include <chrono>

class QTimer;

namespace hearth::sync {

class SyncEngine;

/// @brief When sync runs: on demand, every N minutes, and when the network returns. Never blocks the
/// UI (the engine is asynchronous) and never starts a second sync while one runs; the engine's own
/// backoff handles retries after a failure.
///
/// Network return comes from QNetworkInformation (reachability) where a backend exists; without one
/// the timer alone keeps syncs going.
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    SyncScheduler(SyncEngine& engine, QObject* parent = nullptr);
    ~SyncScheduler() override;

    /// 0 turns the timer off (on demand and network return only). Default 15.
    void setIntervalMinutes(int minutes);
    int intervalMinutes() const { return m_intervalMinutes; }
    /// Starts or stops automatic syncs (stopped while locked, unregistered or wiped).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    /// A sync now, from the user (false when one is already running or automatic sync is disabled).
    bool syncNow();

    /// Test seam: what the network-return path does when reachability comes back online.
    void onlineAgain();
    /// Test seam: a timer interval shorter than a minute (0: off). setIntervalMinutes() overrides it.
    void setIntervalForTesting(std::chrono::milliseconds interval);

Q_SIGNALS:
    /// A sync was started by the scheduler or syncNow().
    void syncStarted();

private:
    void tick();

    SyncEngine& m_engine;
    QTimer* m_timer = nullptr;
    int m_intervalMinutes = 15;
    bool m_enabled = false;
};

} // namespace hearth::sync
