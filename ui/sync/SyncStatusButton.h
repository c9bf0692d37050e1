#pragma once

#include <QPointer>
#include <QToolButton>

namespace hearth {
class Clock;
}

namespace hearth::ui {

class SyncSession;

/// @brief The status bar's sync line ("Synced 5 minutes ago · 3 changes waiting"); a click opens the
/// Sync area. Shown only while a session is attached (signed in and unlocked).
class SyncStatusButton : public QToolButton
{
    Q_OBJECT
public:
    explicit SyncStatusButton(const Clock& clock, QWidget* parent = nullptr);

    /// Follows @p session (nullptr: hidden).
    void setSession(SyncSession* session);

private:
    void showSnapshot();

    const Clock& m_clock;
    QPointer<SyncSession> m_session;
};

} // namespace hearth::ui
