#pragma once

#include "core/common/Clock.h"

namespace hearth {

/// @brief Decides when a session has been idle long enough to lock. Reads time only from the injected clock.
class IdleTimer
{
public:
    IdleTimer(const Clock& clock, int timeoutMinutes);

    void setTimeoutMinutes(int minutes);
    int timeoutMinutes() const { return m_timeoutMinutes; }
    /// Called on every user input event.
    void noteActivity();
    bool expired() const;
    /// Milliseconds until expiry (0 when already expired).
    qint64 remainingMs() const;

    static constexpr int kMinimumMinutes = 1;
    static constexpr int kDefaultMinutes = 15;

private:
    const Clock& m_clock;
    int m_timeoutMinutes;
    QDateTime m_lastActivity;
};

} // namespace hearth
