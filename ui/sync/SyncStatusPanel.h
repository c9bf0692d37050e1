#pragma once

#include <QGroupBox>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class SyncSession;

/// @brief Sync in plain words: which server and agency, the last successful sync, changes waiting, the
/// last error, when the offline lease runs out; a progress bar while a long sync runs, Sync now, and
/// the automatic interval (administrators change it).
class SyncStatusPanel : public QGroupBox
{
    Q_OBJECT
public:
    SyncStatusPanel(Vault& vault, SyncSession& session, QWidget* parent = nullptr);

    /// The cursor on Sync now (after the last conflict is settled, the next step).
    void focusSyncNow();

private:
    void showSnapshot();

    Vault& m_vault;
    SyncSession& m_session;
    QLabel* m_server;
    QLabel* m_lastSync;
    QLabel* m_pending;
    QLabel* m_error;
    QLabel* m_lease;
    QProgressBar* m_progress;
    QLabel* m_running;
    QPushButton* m_syncNow;
    QSpinBox* m_interval;
    bool m_focusBack = false; ///< Sync now had the focus when a sync disabled it
};

} // namespace hearth::ui
