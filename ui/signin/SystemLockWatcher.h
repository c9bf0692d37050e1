#pragma once

#include <QObject>

namespace hearth::ui {

/// @brief Reports when the operating system is about to sleep or its screen saver/lock comes on (via D-Bus).
///
/// Without a system or session bus (tests, minimal desktops) it quietly does nothing.
class SystemLockWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SystemLockWatcher(QObject* parent = nullptr);

Q_SIGNALS:
    void lockRequested();

private Q_SLOTS:
    void onPrepareForSleep(bool sleeping);
    void onScreenSaverActiveChanged(bool active);
};

} // namespace hearth::ui
