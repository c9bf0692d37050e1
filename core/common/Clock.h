#pragma once

#include <QDateTime>

namespace hearth {

/// @brief Source of time. Injected everywhere so tests can move time without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    /// The workstation's calendar date: "tonight" for a check-in at 8 pm in California is not
    /// the UTC date, which has already turned over.
    QDate today() const { return now().toLocalTime().date(); }
};

/// @brief The real wall clock, in UTC.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

/// @brief A clock that only moves when told to. For tests and simulations.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC))
        : m_now(std::move(start))
    {
    }
    QDateTime now() const override { return m_now; }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void set(QDateTime when) { m_now = std::move(when); }

private:
    QDateTime m_now;
};

} // namespace hearth
