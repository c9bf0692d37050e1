#include "ui/sync/SyncStatusButton.h"

#include "core/common/Clock.h"
#include "ui/sync/SyncSession.h"

namespace hearth::ui {

SyncStatusButton::SyncStatusButton(const Clock& clock, QWidget* parent)
    : QToolButton(parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("syncStatus"));
    setAutoRaise(true);
    setCursor(Qt::PointingHandCursor);
    setVisible(false);
}

void SyncStatusButton::setSession(SyncSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session)
        connect(session, &SyncSession::changed, this, &SyncStatusButton::showSnapshot);
    showSnapshot();
}

void SyncStatusButton::showSnapshot()
{
    setVisible(m_session != nullptr);
    if (!m_session)
        return;
    const SyncSnapshot& s = m_session->snapshot();
    setText(SyncText::statusLine(s, m_clock.now()));
    // The whole sentence (the line keeps only its first part) and where to look.
    QString tip = tr("Open the Sync page");
    if (SyncText::failing(s) && !s.lastMessage.isEmpty())
        tip = s.lastMessage + u'\n' + tip;
    setToolTip(tip);
}

} // namespace hearth::ui
