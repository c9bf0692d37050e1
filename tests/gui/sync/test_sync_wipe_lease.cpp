// Remote wipe and the offline lease as the user meets them, against a real hearth-server process.
#include "core/services/ClientRecords.h"
#include "core/store/WorkstationWipe.h"
#include "core/syncstate/SyncState.h"
#include "tests/gui/sync/SyncGuiSupport.h"
#include "ui/compliance/ClientAccessBlockedPanel.h"
#include "ui/intake/ClientsPage.h"
#include "ui/sync/SyncSession.h"
#include "ui/sync/SyncStatusButton.h"
#include "ui/sync/WipeMessage.h"

#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {
constexpr qint64 kDay = 24 * 3600;

void registerAndSync(SyncGuiFixture& f, const SyncServer& server)
{
    f.registerThroughUi(server.url());
    REQUIRE(f.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));
}
} // namespace

TEST_CASE("the wipe message names who removed the workstation and why", "[gui][sync]")
{
    const QString text = ui::wipeMessageText(u"Laptop reported stolen."_qs);
    CHECK(text
          == u"An administrator removed this workstation from the agency server: Laptop reported stolen. Hearth has "
             "erased its data on this computer."_qs);
    CHECK(ui::wipeMessageText({}).contains(u"no reason was given"_qs));
}

TEST_CASE("a workstation revoked on the server says why, erases itself and goes back to set-up", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture f;
    f.client(u"Fay"_qs, u"Full"_qs);
    registerAndSync(f, server);
    const QString deviceId = SyncState(f.vault).registration().value()->deviceId;
    REQUIRE(server.process->admin({u"device"_qs, u"revoke"_qs, deviceId, u"--reason"_qs, u"Laptop reported stolen"_qs})
            == 0);

    QSignalSpy setup(f.window.get(), &ui::MainWindow::setupRequested);
    REQUIRE(f.window->syncSession()->syncNow());
    QMessageBox* box = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (box = f.window->findChild<QMessageBox*>(u"wipeMessage"_qs)) != nullptr; },
                            30000));
    CHECK(box->text() == ui::wipeMessageText(u"Laptop reported stolen"_qs));

    // Behind the message nothing of the agency is left: no workspace, no sync, no store.
    CHECK(f.vault.state() == Vault::State::NoStore);
    CHECK(f.window->workspace() == nullptr);
    CHECK(f.window->syncSession() == nullptr);
    CHECK_FALSE(f.statusButton().isVisible());
    CHECK_FALSE(QFile::exists(f.vault.location().keyFilePath()));
    CHECK(setup.isEmpty()); // not before the user has read it

    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !setup.isEmpty(); }));
    // Read once: the next start does not say it again.
    CHECK_FALSE(readWipeNotice(f.vault.location()).has_value());
}

TEST_CASE("a workstation revoked while it sat closed erases itself when someone unlocks it", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture f;
    f.client(u"Fay"_qs, u"Full"_qs);
    registerAndSync(f, server);
    const QString deviceId = SyncState(f.vault).registration().value()->deviceId;
    REQUIRE(server.process->admin({u"device"_qs, u"revoke"_qs, deviceId, u"--reason"_qs, u"Laptop reported stolen"_qs})
            == 0);

    // A month later client records are closed (offline too long), so no automatic sync runs; unlocking
    // alone asks the server.
    f.vault.lock();
    f.clock.advanceSeconds(31 * kDay);
    REQUIRE(f.vault.unlock(kAdminPassword).ok());
    REQUIRE_FALSE(f.vault.clientAccessBlock().isEmpty());
    QMessageBox* box = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (box = f.window->findChild<QMessageBox*>(u"wipeMessage"_qs)) != nullptr; },
                            30000));
    CHECK(box->text() == ui::wipeMessageText(u"Laptop reported stolen"_qs));
    CHECK(f.vault.state() == Vault::State::NoStore);
    CHECK_FALSE(QFile::exists(f.vault.location().keyFilePath()));
}

TEST_CASE("the next start says once that the workstation was erased", "[gui][sync]")
{
    GuiFixture f;
    f.createStore();
    f.vault.signOut();
    REQUIRE(wipeWorkstation(f.vault.location(), u"Device retired"_qs, f.clock.now()).ok());
    Vault restarted(f.vault.location(), f.clock, KdfParams::fastForTests());
    CHECK(restarted.probe() == Vault::State::NoStore); // set-up runs, the notice does not stand in its way

    QMessageBox* box = ui::openPendingWipeNotice(nullptr, restarted);
    REQUIRE(box != nullptr);
    CHECK(box->text().contains(u"Device retired"_qs));
    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    CHECK_FALSE(readWipeNotice(restarted.location()).has_value());
    CHECK(ui::openPendingWipeNotice(nullptr, restarted) == nullptr);
}

TEST_CASE("an expired offline lease closes client records until a sync or an administrator opens them", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture f;
    const QString fay = f.client(u"Fay"_qs, u"Offline"_qs);
    registerAndSync(f, server);

    // A month without reaching the server.
    f.clock.advanceSeconds(31 * kDay);
    f.vault.lock();
    REQUIRE(f.vault.unlock(kAdminPassword).ok());
    ui::ClientAccessBlockedPanel* panel = f.workspace().clientsPage()->accessBlockedPanel();
    REQUIRE(QTest::qWaitFor([&] { return panel->isVisible(); }));
    CHECK_FALSE(panel->reason().isEmpty());
    auto* unlock = child<QPushButton>(*panel, "blockedUnlockLeaseButton");
    auto* syncNow = child<QPushButton>(*panel, "blockedSyncNowButton");
    CHECK(unlock->isVisible());
    CHECK(syncNow->isVisible());
    CHECK_FALSE(child<QPushButton>(*panel, "blockedOpenComplianceButton")->isVisible());
    CHECK_FALSE(ClientRecords(f.vault).open(fay).ok());

    SECTION("an administrator unlocks the workstation without the server")
    {
        server.stop();
        QTest::mouseClick(unlock, Qt::LeftButton);
        REQUIRE(QTest::qWaitFor([&] { return !panel->isVisible(); }));
        CHECK(ClientRecords(f.vault).open(fay).ok());
        CHECK_FALSE(SyncState(f.vault).lease().value().expired);
    }
    SECTION("Sync now reaches the server and renews the lease")
    {
        // The status bar says why records are closed, and that a sync opens them.
        CHECK(f.statusText().startsWith(u"Offline too long"_qs));
        QTest::mouseClick(syncNow, Qt::LeftButton);
        REQUIRE(QTest::qWaitFor([&] { return !panel->isVisible(); }, 30000));
        CHECK(ClientRecords(f.vault).open(fay).ok());
        CHECK(SyncState(f.vault).lease().value().lastContactAt == f.clock.now());
    }
}
