#include "ui/signin/SystemLockWatcher.h"

#include <QDBusConnection>

namespace hearth::ui {

SystemLockWatcher::SystemLockWatcher(QObject* parent)
    : QObject(parent)
{
    // QtDBus only connects by signature string; there is no pointer-to-member overload.
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected()) {
        system.connect(QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
                       QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"), this,
                       SLOT(onPrepareForSleep(bool)));
    }
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        // Any sender: desktops implement the freedesktop screen saver interface under different service names.
        session.connect(QString(), QStringLiteral("/org/freedesktop/ScreenSaver"),
                        QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"), this,
                        SLOT(onScreenSaverActiveChanged(bool)));
    }
}

void SystemLockWatcher::onPrepareForSleep(bool sleeping)
{
    if (sleeping)
        Q_EMIT lockRequested();
}

void SystemLockWatcher::onScreenSaverActiveChanged(bool active)
{
    if (active)
        Q_EMIT lockRequested();
}

} // namespace hearth::ui
