#include "sync/client/SyncScheduler.h"

#include "sync/client/SyncEngine.h"

#include <QLoggingCategory>
#include <QNetworkInformation>
#include <QTimer>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcScheduler, "hearth.sync.scheduler")
}

SyncScheduler::SyncScheduler(SyncEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(std::chrono::minutes(m_intervalMinutes));
    connect(m_timer, &QTimer::timeout, this, &SyncScheduler::tick);
    // Without a backend (some containers, older systems) the timer alone keeps syncs going.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        onlineAgain();
                });
    } else {
        qCInfo(lcScheduler) << "no network reachability backend; syncing on the timer only";
    }
}

SyncScheduler::~SyncScheduler() = default;

void SyncScheduler::setIntervalMinutes(int minutes)
{
    m_intervalMinutes = std::max(0, minutes);
    setIntervalForTesting(std::chrono::minutes(m_intervalMinutes));
}

void SyncScheduler::setIntervalForTesting(std::chrono::milliseconds interval)
{
    m_timer->setInterval(interval);
    const bool run = m_enabled && interval.count() > 0;
    if (run && !m_timer->isActive())
        m_timer->start();
    else if (!run)
        m_timer->stop();
}

void SyncScheduler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (m_enabled && m_timer->interval() > 0)
        m_timer->start();
    else
        m_timer->stop();
}

bool SyncScheduler::syncNow()
{
    if (!m_enabled || m_engine.isBusy())
        return false;
    // Before the engine starts: a sync that fails at once ends (finished()) inside syncNow().
    Q_EMIT syncStarted();
    return m_engine.syncNow();
}

void SyncScheduler::onlineAgain()
{
    qCInfo(lcScheduler) << "network back";
    (void)syncNow();
}

void SyncScheduler::tick()
{
    (void)syncNow();
}

} // namespace hearth::sync
