#include "ui/MainWindow.h"

#include "core/vault/AgencySettings.h"
#include "core/vault/Drafts.h"
#include "core/vault/IdleTimer.h"
#include "ui/AboutDialog.h"
#include "ui/Workspace.h"
#include "ui/signin/ActivityMonitor.h"
#include "ui/signin/ChangePasswordDialog.h"
#include "ui/signin/LockScreen.h"
#include "ui/signin/SignInWidget.h"
#include "ui/signin/SystemLockWatcher.h"
#include "ui/sync/SyncSession.h"
#include "ui/sync/SyncStatusButton.h"
#include "ui/sync/WipeMessage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace hearth::ui {

MainWindow::MainWindow(Vault& vault, QWidget* parent)
    : QMainWindow(parent)
    , m_vault(vault)
    , m_idle(std::make_unique<IdleTimer>(vault.clock(), IdleTimer::kDefaultMinutes))
    , m_screens(new QStackedWidget)
    , m_signIn(new SignInWidget(vault))
    , m_lockScreen(new LockScreen(vault))
    , m_idleCheck(new QTimer(this))
    , m_statusUser(new QLabel)
    , m_statusRole(new QLabel)
    , m_statusLock(new QLabel)
    , m_syncStatus(new SyncStatusButton(vault.clock()))
{
    m_screens->setObjectName(QStringLiteral("screens"));
    m_screens->addWidget(m_signIn);
    m_screens->addWidget(m_lockScreen);
    setCentralWidget(m_screens);
    createMenus();

    m_statusUser->setObjectName(QStringLiteral("statusUser"));
    m_statusRole->setObjectName(QStringLiteral("statusRole"));
    m_statusLock->setObjectName(QStringLiteral("statusLock"));
    for (QLabel* label : {m_statusUser, m_statusRole})
        label->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusUser);
    m_statusRole->setIndent(QFontMetrics(font()).averageCharWidth() * 2);
    statusBar()->addWidget(m_statusRole);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_statusLock);
    connect(m_syncStatus, &QToolButton::clicked, this, [this] {
        if (m_workspace)
            m_workspace->showSync();
    });

    qApp->installEventFilter(new ActivityMonitor(*m_idle, this));
    m_idleCheck->setInterval(1000);
    connect(m_idleCheck, &QTimer::timeout, this, &MainWindow::checkIdle);
    auto* watcher = new SystemLockWatcher(this);
    connect(watcher, &SystemLockWatcher::lockRequested, &m_vault, &Vault::lock);

    connect(&m_vault, &Vault::aboutToLock, this, &MainWindow::onAboutToLock);
    connect(&m_vault, &Vault::stateChanged, this, &MainWindow::showCurrentState);
    connect(&m_vault, &Vault::userChanged, this, &MainWindow::showCurrentState);
    connect(&m_vault, &Vault::wiped, this, &MainWindow::onWiped);

    // Room for the work areas, but never larger than the screen's usable part (a 768-pixel laptop).
    const QFontMetrics metrics(font());
    QSize size(metrics.averageCharWidth() * 160, metrics.height() * 52);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize());
    resize(size);
    showCurrentState();
}

MainWindow::~MainWindow()
{
    // The vault outlives the window: stop it calling back into a half-destroyed window.
    disconnect(&m_vault, nullptr, this, nullptr);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_lockAction = file->addAction(tr("&Lock"), &m_vault, &Vault::lock);
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_changePasswordAction = file->addAction(tr("&Change password…"), this, &MainWindow::changePassword);
    m_signOutAction = file->addAction(tr("Sign &out"), this, [this] {
        if (!m_workspace || m_workspace->confirmLeave())
            m_vault.signOut();
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Hearth"), this, &MainWindow::showAbout);
}

Workspace* MainWindow::workspace() const
{
    return m_workspace;
}

SyncSession* MainWindow::syncSession() const
{
    return m_sync;
}

QWidget* MainWindow::currentScreen() const
{
    return m_screens->currentWidget();
}

void MainWindow::showCurrentState()
{
    switch (m_vault.state()) {
    case Vault::State::Unlocked:
        if (!m_workspace && !m_forcedChange)
            enterSession();
        break;
    case Vault::State::Locked:
        dropWorkspace();
        enterScreen(m_vault.lockedUserLogin().isEmpty() ? Screen::SignIn : Screen::Lock);
        break;
    case Vault::State::Unavailable:
        dropWorkspace();
        enterScreen(Screen::SignIn);
        m_signIn->setError(m_vault.unavailableReason().message);
        break;
    case Vault::State::NoStore:
        dropWorkspace();
        enterScreen(Screen::SignIn);
        m_signIn->setError(tr("There is no Hearth store in this data folder."));
        break;
    }
    updateChrome();
}

void MainWindow::enterScreen(Screen screen)
{
    if (m_shown == screen)
        return;
    m_shown = screen;
    if (screen == Screen::Lock) {
        m_lockScreen->reset(m_lockNotice);
        m_screens->setCurrentWidget(m_lockScreen);
    } else if (screen == Screen::SignIn) {
        m_signIn->reset();
        m_screens->setCurrentWidget(m_signIn);
    }
}

void MainWindow::enterSession()
{
    const auto& user = m_vault.user();
    if (!user || !(user->mustChangePassword || user->passwordExpired)) {
        buildWorkspace();
        return;
    }
    // Nothing else is reachable until the password is changed; declining signs the user out.
    m_forcedChange = true;
    auto* dialog = new ChangePasswordDialog(m_vault, true, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this](int result) {
        // The dialog deletes itself: forget it before signing out so onAboutToLock leaves it alone.
        m_dialog = nullptr;
        m_forcedChange = false;
        if (result == QDialog::Accepted)
            showCurrentState();
        else {
            m_shown = Screen::None; // show a clean sign-in form again
            m_vault.signOut();
        }
    });
    m_dialog = dialog;
    dialog->open();
}

void MainWindow::buildWorkspace()
{
    // The engine registers itself with the vault; the one before must be gone first.
    delete m_retiredSync;
    m_sync = new SyncSession(m_vault, this);
    connect(m_sync, &SyncSession::wipeFailed, this, [this](const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Critical, tr("Hearth"),
                                    tr("The agency server revoked this workstation, but Hearth could not erase all "
                                       "of its data: %1 Tell your administrator now.")
                                        .arg(message),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_sync, &SyncSession::auditAnchorBroken, this, [this](const QString& problem) {
        statusBar()->showMessage(tr("Audit log: %1 Tell your security officer.").arg(problem));
    });
    m_syncStatus->setSession(m_sync);
    m_workspace = new Workspace(m_vault, m_sync);
    m_screens->addWidget(m_workspace);
    m_screens->setCurrentWidget(m_workspace);
    m_shown = Screen::Workspace;
    connect(m_workspace, &Workspace::settingsSaved, this,
            [this] { m_idle->setTimeoutMinutes(m_vault.settings().autoLockMinutes()); });

    auto drafts = m_vault.drafts().take();
    if (drafts)
        m_workspace->restoreDrafts(drafts.value());
    else
        statusBar()->showMessage(drafts.message());
    m_workspace->focusStart();

    m_lockNotice.clear();
    m_idle->setTimeoutMinutes(m_vault.settings().autoLockMinutes());
    m_idle->noteActivity();
    m_idleCheck->start();
}

void MainWindow::dropWorkspace()
{
    m_idleCheck->stop();
    if (m_sync) {
        // Later, not now: this may run inside one of the session's own slots (a wipe).
        m_syncStatus->setSession(nullptr);
        m_sync->shutdown();
        m_sync->deleteLater();
        m_retiredSync = m_sync;
        m_sync = nullptr;
    }
    if (!m_workspace)
        return;
    m_screens->removeWidget(m_workspace);
    m_shown = Screen::None;
    delete m_workspace; // now, not later: no client detail may survive into the locked state
}

void MainWindow::onAboutToLock()
{
    if (m_dialog) {
        // Closing a forced change must not trigger its sign-out while the vault is locking.
        disconnect(m_dialog, nullptr, this, nullptr);
        delete m_dialog;
        m_forcedChange = false;
    }
    if (m_workspace) {
        const QStringList failures = m_workspace->saveDrafts();
        m_lockNotice = failures.isEmpty()
            ? QString()
            : tr("Your unsaved form could not be kept: %1").arg(failures.join(QLatin1Char(' ')));
    }
    dropWorkspace();
}

void MainWindow::checkIdle()
{
    if (m_vault.state() == Vault::State::Unlocked && m_idle->expired())
        m_vault.lock();
}

void MainWindow::updateChrome()
{
    const bool unlocked = m_vault.state() == Vault::State::Unlocked;
    QString title = tr("Hearth — Locked");
    if (unlocked) {
        if (const auto agency = m_vault.settings().agency())
            title = tr("Hearth — %1").arg(agency->name);
        else
            title = tr("Hearth");
    }
    setWindowTitle(title);

    const auto& user = m_vault.user();
    m_statusUser->setText(unlocked && user ? user->displayName : QString());
    m_statusRole->setText(unlocked && user ? roleName(user->role) : QString());
    m_statusLock->setText(unlocked ? tr("Unlocked") : tr("Locked"));
    m_lockAction->setEnabled(unlocked);
    m_changePasswordAction->setEnabled(unlocked);
    m_signOutAction->setEnabled(unlocked || !m_vault.lockedUserLogin().isEmpty());
}

void MainWindow::changePassword()
{
    if (m_vault.state() != Vault::State::Unlocked || m_dialog)
        return;
    auto* dialog = new ChangePasswordDialog(m_vault, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
}

void MainWindow::showAbout()
{
    AboutDialog about(m_vault, this);
    about.exec();
}

void MainWindow::onWiped(const QString& reason)
{
    dropWorkspace();
    QMessageBox* box = openWipeMessage(this, reason);
    connect(box, &QMessageBox::finished, this, [this] {
        // Seen: the next start need not say it again.
        m_vault.acknowledgeWipe();
        Q_EMIT setupRequested();
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Quitting signs out, which also keeps any half-filled form as a draft for next time; an edited
    // client asks first.
    if (m_workspace && m_vault.state() == Vault::State::Unlocked && !m_workspace->confirmLeave()) {
        event->ignore();
        return;
    }
    if (m_vault.state() == Vault::State::Unlocked)
        m_vault.signOut();
    QMainWindow::closeEvent(event);
}

} // namespace hearth::ui
