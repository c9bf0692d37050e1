#include "ui/sync/SyncSession.h"

#include "core/syncstate/SyncConflicts.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/SyncEngine.h"
#include "sync/client/SyncScheduler.h"

#include <QTimer>

#include <utility>

namespace hearth::ui {

SyncSession::SyncSession(Vault& vault, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_engine(new sync::SyncEngine(vault, this))
    , m_scheduler(new sync::SyncScheduler(*m_engine, this))
    , m_ticker(new QTimer(this))
{
    using sync::SyncEngine;
    connect(m_engine, &SyncEngine::progress, this, &SyncSession::onProgress);
    connect(m_engine, &SyncEngine::finished, this, &SyncSession::onFinished);
    connect(m_engine, &SyncEngine::retryScheduled, this, &SyncSession::onRetryScheduled);
    connect(m_engine, &SyncEngine::pulled, this, [this](qint64 count) {
        m_received = m_received || count > 0;
        Q_EMIT changed();
    });
    connect(m_engine, &SyncEngine::conflictsChanged, this, &SyncSession::refresh);
    connect(m_engine, &SyncEngine::registrationFailed, this, &SyncSession::registrationFailed);
    connect(m_engine, &SyncEngine::auditAnchorBroken, this, &SyncSession::auditAnchorBroken);
    connect(m_engine, &SyncEngine::registered, this, [this] {
        refresh();
        Q_EMIT registered();
        syncNow(); // the first sync right away, not at the next tick
    });
    // Queued: the wipe closes the store and drops this session, which must not happen inside the
    // engine's own signal.
    connect(m_engine, &SyncEngine::deviceRevoked, this, &SyncSession::onDeviceRevoked, Qt::QueuedConnection);
    connect(m_scheduler, &sync::SyncScheduler::syncStarted, this, [this] {
        m_snapshot.busy = m_engine->isBusy();
        m_retryAt.reset();
        m_snapshot.retryInSeconds.reset();
        Q_EMIT changed();
    });
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &SyncSession::tickRetry);
    m_ticker->start();
    m_scheduler->setIntervalMinutes(intervalMinutes());
    refresh();
    // Signed in or unlocked just now: a workstation revoked meanwhile learns it at once, even when client
    // records are closed and no sync will run.
    m_engine->checkDeviceStatus();
}

SyncSession::~SyncSession()
{
    shutdown();
}

void SyncSession::refresh()
{
    SyncSnapshot s;
    // What belongs to this session's run, not to the store.
    s.busy = m_engine->isBusy();
    s.sent = m_snapshot.sent;
    s.total = m_snapshot.total;
    s.lastOk = m_snapshot.lastOk;
    s.lastMessage = m_snapshot.lastMessage;
    s.retryInSeconds = m_snapshot.retryInSeconds;

    bool leaseBlock = false;
    if (m_vault.state() != Vault::State::Unlocked) {
        s.unavailable = tr("Sync is off while Hearth is locked");
    } else {
        SyncState state(m_vault);
        if (auto lease = state.lease())
            s.lease = lease.value();
        const auto registration = state.registration();
        if (!registration) {
            // An expired lease closes the store to everything but a sync, which is what opens it again.
            leaseBlock = s.lease.applies && s.lease.expired;
            s.registered = s.lease.applies;
            if (leaseBlock)
                s.unavailable = tr("Offline too long: client records stay closed until a sync reaches the server");
            else if (!m_vault.clientAccessBlock().isEmpty())
                s.unavailable = tr("Sync paused: client records are closed on this workstation");
            else
                s.unavailable = tr("Sync: %1").arg(SyncText::shortReason(registration.error().message));
        } else if (const auto& r = registration.value()) {
            s.registered = true;
            s.serverUrl = r->serverUrl;
            s.agency = r->agency;
            s.registeredAt = r->registeredAt;
            s.registeredBy = r->registeredBy;
            s.needsSignIn = r->token.isEmpty();
        }
        if (auto outcome = state.outcome())
            s.outcome = outcome.value();
        if (auto pending = state.pendingByConsent()) {
            s.pending = pending.value().offered;
            s.pendingKept = pending.value().keptHere;
        }
        if (auto conflicts = SyncConflicts(m_vault).openCount())
            s.conflicts = conflicts.value();
    }
    m_snapshot = s;
    // Only on a change: enabling again would restart the scheduler's timer.
    const bool automatic = !m_shutDown && s.registered && !s.needsSignIn && (s.unavailable.isEmpty() || leaseBlock);
    if (automatic != m_scheduler->isEnabled())
        m_scheduler->setEnabled(automatic);
    Q_EMIT changed();
}

bool SyncSession::syncNow()
{
    if (m_shutDown || m_engine->isBusy())
        return false;
    const bool started = m_scheduler->isEnabled() ? m_scheduler->syncNow() : m_engine->syncNow();
    if (started && m_engine->isBusy()) {
        m_snapshot.busy = true;
        m_snapshot.sent = 0;
        m_snapshot.total = 0;
        m_retryAt.reset();
        m_snapshot.retryInSeconds.reset();
        Q_EMIT changed();
    }
    return started;
}

void SyncSession::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_ticker->stop();
    m_scheduler->setEnabled(false);
    m_engine->cancel();
}

int SyncSession::intervalMinutes() const
{
    auto minutes = SyncState(m_vault).intervalMinutes();
    return minutes ? *minutes : SyncState::kDefaultIntervalMinutes;
}

void SyncSession::setIntervalMinutes(int minutes)
{
    if (auto st = SyncState(m_vault).setIntervalMinutes(minutes); !st)
        return;
    m_scheduler->setIntervalMinutes(intervalMinutes());
}

void SyncSession::onProgress(qint64 sent, qint64 pending)
{
    m_snapshot.busy = true;
    m_snapshot.sent = sent;
    m_snapshot.total = sent + pending;
    Q_EMIT changed();
}

void SyncSession::onFinished(bool ok, const QString& message)
{
    m_snapshot.sent = 0;
    m_snapshot.total = 0;
    m_snapshot.lastOk = ok;
    m_snapshot.lastMessage = message;
    m_retryAt.reset();
    m_snapshot.retryInSeconds.reset();
    if (!m_shutDown)
        refresh();
    // Once per sync, not per page: a first sync can bring thousands of records in pages.
    if (std::exchange(m_received, false) && !m_shutDown)
        Q_EMIT recordsReceived();
}

void SyncSession::onRetryScheduled(qint64 delayMs)
{
    m_retryAt = QDeadlineTimer(delayMs);
    m_snapshot.retryInSeconds = (delayMs + 999) / 1000;
    Q_EMIT changed();
}

void SyncSession::tickRetry()
{
    const bool busy = m_engine->isBusy();
    if (busy != m_snapshot.busy) {
        // The engine's own retry timer started a sync.
        m_snapshot.busy = busy;
        m_retryAt.reset();
        m_snapshot.retryInSeconds.reset();
        Q_EMIT changed();
        return;
    }
    if (m_retryAt)
        m_snapshot.retryInSeconds = (m_retryAt->remainingTime() + 999) / 1000;
    // Now and then from the store (records saved meanwhile wait to be sent); else the countdown moves
    // and "5 minutes ago" becomes "6 minutes ago".
    if (++m_ticks % kRefreshTicks == 0 && !busy)
        refresh();
    else
        Q_EMIT changed();
}

void SyncSession::onDeviceRevoked(const QString& reason)
{
    shutdown();
    if (m_vault.state() == Vault::State::NoStore)
        return; // already erased
    if (const Status wiped = m_vault.wipeAfterRevocation(reason); !wiped)
        Q_EMIT wipeFailed(wiped.message());
}

} // namespace hearth::ui
