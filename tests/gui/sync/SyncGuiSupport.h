// Shared set-up of the sync screen tests: a hearth-server process with one agency and user, clients
// with releases in the GUI fixture's store, and registering through the Sync page.
#pragma once

#include "sync/client/SyncEngine.h"
#include "tests/gui/GuiTestSupport.h"
#include "tests/sync/support/ServerProcess.h"

#include <QTemporaryDir>

#include <memory>

namespace hearth::ui {
class SyncStatusButton;
}

namespace hearth::test {

inline const QString kServerLogin = QStringLiteral("hank");
inline const QString kServerPassword = QStringLiteral("front-desk-pw-26h");

/// @brief hearth-server over a fresh SQLite file: agency HH (Harbor House) with the user hank.
struct SyncServer
{
    QTemporaryDir dir;
    std::unique_ptr<ServerProcess> process;

    SyncServer();
    QUrl url() const;
    /// Stops the process (the server is down from now on).
    void stop() { process.reset(); }
    /// The ids of the devices registered so far (`device list`).
    QStringList deviceIds() const;
};

/// @brief A GUI fixture with the admin signed in, the automatic interval kept in a temporary QSettings
/// folder, and the main window.
struct SyncGuiFixture : GuiFixture
{
    QTemporaryDir settingsDir;
    std::unique_ptr<ui::MainWindow> window;

    SyncGuiFixture();
    ~SyncGuiFixture();
    ui::Workspace& workspace() const;
    /// A client with a release of @p choice, created through the consent service.
    QString client(const QString& first, const QString& last, SharingChoice choice = SharingChoice::FullSharing);
    /// Opens the Sync area, fills the registration form and waits for the first sync after it to end.
    void registerThroughUi(const QUrl& url, const QString& password = kServerPassword);
    ui::SyncStatusButton& statusButton() const;
    /// Waits until the status bar's line satisfies @p done (the event loop runs meanwhile).
    bool waitForStatus(const std::function<bool(const QString&)>& done, int timeoutMs = 30000) const;
    QString statusText() const;
};

/// @brief A second workstation of the same agency user: its own store and engine, registered with @p url.
struct OtherWorkstation
{
    GuiFixture store;
    sync::SyncEngine engine {store.vault};

    explicit OtherWorkstation(const QUrl& url);
    /// Runs one sync to its end; it must succeed.
    void sync();
};

} // namespace hearth::test
