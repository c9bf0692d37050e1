#include "core/vault/IdleTimer.h"

#include <algorithm>

namespace hearth {

IdleTimer::IdleTimer(const Clock& clock, int timeoutMinutes)
    : m_clock(clock)
    , m_timeoutMinutes(std::max(kMinimumMinutes, timeoutMinutes))
    , m_lastActivity(clock.now())
{
}

void IdleTimer::setTimeoutMinutes(int minutes)
{
    m_timeoutMinutes = std::max(kMinimumMinutes, minutes);
}

void IdleTimer::noteActivity()
{
    m_lastActivity = m_clock.now();
}

bool IdleTimer::expired() const
{
    return remainingMs() == 0;
}

qint64 IdleTimer::remainingMs() const
{
    const qint64 elapsed = m_lastActivity.msecsTo(m_clock.now());
    return std::max<qint64>(0, qint64(m_timeoutMinutes) * 60'000 - elapsed);
}

} // namespace hearth
