#include "ui/signin/ActivityMonitor.h"

#include "core/vault/IdleTimer.h"

#include <QEvent>

namespace hearth::ui {

ActivityMonitor::ActivityMonitor(IdleTimer& timer, QObject* parent)
    : QObject(parent)
    , m_timer(timer)
{
}

bool ActivityMonitor::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
        m_timer.noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hearth::ui
