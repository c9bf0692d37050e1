#pragma once

#include <QtGlobal>

#include <functional>

namespace hearth::sync {

/// @brief Exponential backoff between sync retries: 1 s, 2 s, 4 s, ... up to a cap, each jittered so
/// that many workstations coming back online together do not hit the server in step. Pure: the random
/// source is injected.
class Backoff
{
public:
    /// @p random returns a number in [0, 1); the default is QRandomGenerator::global().
    explicit Backoff(qint64 initialMs = 1000, qint64 capMs = 5 * 60 * 1000, std::function<double()> random = {});

    /// The delay before the next retry ("equal jitter": half the exponential step fixed, half random),
    /// and one more failure counted.
    qint64 next();
    /// A success: the next failure starts again at the initial delay.
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    qint64 m_initialMs;
    qint64 m_capMs;
    std::function<double()> m_random;
    int m_failures = 0;
};

} // namespace hearth::sync
