#pragma once

#include <QObject>

namespace hearth {
class IdleTimer;
}

namespace hearth::ui {

/// @brief Application-wide event filter that tells the idle timer about every mouse, key, wheel or touch event.
class ActivityMonitor : public QObject
{
    Q_OBJECT
public:
    ActivityMonitor(IdleTimer& timer, QObject* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    IdleTimer& m_timer;
};

} // namespace hearth::ui
