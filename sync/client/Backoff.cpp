#include "sync/client/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace hearth::sync {

Backoff::Backoff(qint64 initialMs, qint64 capMs, std::function<double()> random)
    : m_initialMs(std::max<qint64>(1, initialMs))
    , m_capMs(std::max(capMs, m_initialMs))
    , m_random(random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); })
{
}

qint64 Backoff::next()
{
    // Doubling stops at the cap (and long before the shift could overflow).
    qint64 step = m_initialMs;
    for (int i = 0; i < m_failures && step < m_capMs; ++i)
        step *= 2;
    step = std::min(step, m_capMs);
    ++m_failures;
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return step / 2 + qint64(double(step - step / 2) * r);
}

} // namespace hearth::sync
