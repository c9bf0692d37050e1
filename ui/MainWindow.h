#pragma once

#include "core/vault/Vault.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QStackedWidget;
class QTimer;

namespace hearth {
class IdleTimer;
}

namespace hearth::ui {

class LockScreen;
class SignInWidget;
class SyncSession;
class SyncStatusButton;
class Workspace;

/// @brief The application window: sign-in, lock screen or workspace, plus auto-lock and the OS lock hooks.
///
/// Client data lives only inside the Workspace, which is destroyed whenever the vault locks.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Vault& vault, QWidget* parent = nullptr);
    ~MainWindow() override;

    SignInWidget* signInWidget() const { return m_signIn; }
    LockScreen* lockScreen() const { return m_lockScreen; }
    /// nullptr unless a user is signed in and unlocked.
    Workspace* workspace() const;
    QWidget* currentScreen() const;
    /// This session's sync; nullptr unless a user is signed in and unlocked.
    SyncSession* syncSession() const;
    SyncStatusButton* syncStatus() const { return m_syncStatus; }

Q_SIGNALS:
    /// The workstation erased itself and the user has read why: the application runs set-up again.
    void setupRequested();

public Q_SLOTS:
    /// Locks when the idle limit has passed. Called every second; tests call it after moving the clock.
    void checkIdle();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showCurrentState();
    void enterSession();
    void buildWorkspace();
    void dropWorkspace();
    void onAboutToLock();
    void updateChrome();
    void changePassword();
    void showAbout();
    void onWiped(const QString& reason);

    /// Which screen was last prepared: a screen is reset only when it is entered, not on every vault signal.
    enum class Screen
    {
        None,
        SignIn,
        Lock,
        Workspace
    };
    void enterScreen(Screen screen);

    Vault& m_vault;
    Screen m_shown = Screen::None;
    std::unique_ptr<IdleTimer> m_idle;
    QStackedWidget* m_screens;
    SignInWidget* m_signIn;
    LockScreen* m_lockScreen;
    QPointer<Workspace> m_workspace;
    QPointer<SyncSession> m_sync; ///< lives with the workspace: nothing syncs while locked
    QPointer<SyncSession> m_retiredSync; ///< dropped, awaiting deletion
    QPointer<QDialog> m_dialog; ///< a dialog about the session (password change), closed on lock
    bool m_forcedChange = false;
    QString m_lockNotice;
    QTimer* m_idleCheck;
    QLabel* m_statusUser;
    QLabel* m_statusRole;
    QLabel* m_statusLock;
    SyncStatusButton* m_syncStatus;
    QAction* m_lockAction = nullptr;
    QAction* m_changePasswordAction = nullptr;
    QAction* m_signOutAction = nullptr;
};

} // namespace hearth::ui
