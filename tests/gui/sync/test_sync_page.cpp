// The Sync page and the status bar against a real hearth-server process: registering in plain words,
// a sync and what the status bar says after it, changes waiting, and a server that went away.
#include "core/syncstate/SyncState.h"
#include "tests/gui/sync/SyncGuiSupport.h"
#include "ui/sync/SyncPage.h"
#include "ui/sync/SyncSession.h"
#include "ui/sync/SyncStatusButton.h"
#include "ui/sync/SyncStatusPanel.h"
#include "ui/sync/SyncText.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {
QString labelText(const QWidget& root, const char* name)
{
    return child<QLabel>(root, name)->text();
}
} // namespace

TEST_CASE("an administrator connects the workstation on the Sync page and the status bar follows", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture f;
    f.client(u"Fay"_qs, u"Full"_qs);
    f.client(u"Ned"_qs, u"Nosharing"_qs, SharingChoice::NoSharing);

    // Signed in, not registered: the status bar says so and opens the Sync area.
    CHECK(f.statusButton().isVisible());
    CHECK(f.statusText() == u"Not connected to a server"_qs);
    CHECK(f.workspace().areaNames().contains(u"Sync"_qs));
    QTest::mouseClick(&f.statusButton(), Qt::LeftButton);
    ui::SyncPage* page = f.workspace().syncPage();
    REQUIRE(page != nullptr);
    CHECK(page->isVisible());
    CHECK(labelText(*page, "syncLastSuccess") == u"Never"_qs);
    // Ned's No Sharing records are counted apart: they never go.
    f.window->syncSession()->refresh();
    const auto split = SyncState(f.vault).pendingByConsent().value();
    REQUIRE(split.keptHere > 0);
    CHECK(labelText(*page, "syncPending")
          == u"%1 changes, sent at the next sync. %2 changes of clients who do not share stay on this workstation "
             "and are never sent."_qs.arg(split.offered)
                 .arg(split.keptHere));
    CHECK(f.statusText() == u"Not connected to a server"_qs);

    f.registerThroughUi(server.url());
    CHECK(child<QLabel>(*page, "syncRegistrationError")->text().isEmpty());
    CHECK(child<QLineEdit>(*page, "syncPassword")->text().isEmpty()); // not kept in the form
    CHECK(server.deviceIds().size() == 1);

    // Registering starts the first sync; it ends with everything offered to the server.
    REQUIRE(f.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));
    CHECK(f.statusText() == u"Synced just now"_qs);
    CHECK(SyncState(f.vault).pendingCount().value() == 0);
    const QString serverLine = labelText(*page, "syncServer");
    CHECK(serverLine.contains(server.url().toString(QUrl::StripTrailingSlash)));
    CHECK(serverLine.contains(u"agency HH"_qs));
    CHECK(labelText(*page, "syncLastSuccess").startsWith(u"just now ("_qs));
    CHECK(labelText(*page, "syncPending").startsWith(u"None"_qs));
    CHECK(labelText(*page, "syncLastError") == u"None"_qs);
    CHECK_FALSE(child<QProgressBar>(*page, "syncProgress")->isVisible());

    // Time passes: the line says how long ago, the page adds the date and time.
    f.clock.advanceSeconds(5 * 60 + 10);
    f.window->syncSession()->refresh();
    CHECK(f.statusText() == u"Synced 5 minutes ago"_qs);

    // New work waits for the next sync and is counted.
    f.client(u"Gus"_qs, u"Full"_qs);
    const qint64 waiting = SyncState(f.vault).pendingCount().value();
    REQUIRE(waiting > 0);
    f.window->syncSession()->refresh();
    CHECK(f.statusText()
          == (waiting == 1 ? u"Synced 5 minutes ago · 1 change waiting"_qs
                           : u"Synced 5 minutes ago · %1 changes waiting"_qs.arg(waiting)));
    CHECK(labelText(*page, "syncPending").startsWith(QString::number(waiting)));

    // Sync now sends them.
    QTest::mouseClick(child<QPushButton>(*page, "syncNowButton"), Qt::LeftButton);
    REQUIRE(f.waitForStatus([](const QString& s) { return s == u"Synced just now"_qs; }));
    CHECK(SyncState(f.vault).pendingCount().value() == 0);
}

TEST_CASE("registration errors are in plain words", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture f;
    f.workspace().showSync();
    ui::SyncPage* page = f.workspace().syncPage();
    REQUIRE(page != nullptr);
    auto* error = child<QLabel>(*page, "syncRegistrationError");

    SECTION("a wrong password")
    {
        f.registerThroughUi(server.url(), u"not-the-password"_qs);
        CHECK(error->text() == u"The server did not accept that user name and password."_qs);
        CHECK(server.deviceIds().isEmpty());
        CHECK(f.statusText() == u"Not connected to a server"_qs);
    }
    SECTION("plain HTTP to another machine")
    {
        f.registerThroughUi(QUrl(u"http://hmis.example.org"_qs));
        CHECK(error->isVisible());
        CHECK(error->text().contains(u"https"_qs));
    }
    SECTION("no address at all")
    {
        QTest::mouseClick(child<QPushButton>(*page, "syncRegisterButton"), Qt::LeftButton);
        CHECK(error->text().startsWith(u"Enter the server's address"_qs));
    }
}

TEST_CASE("the status bar says when the server cannot be reached and when Hearth tries again", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture f;
    f.registerThroughUi(server.url());
    REQUIRE(f.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));

    server.stop();
    f.client(u"Ida"_qs, u"Offline"_qs);
    REQUIRE(f.window->syncSession()->syncNow());
    REQUIRE(f.waitForStatus([](const QString& s) { return s.startsWith(u"Sync failed"_qs); }));
    const QString line = f.statusText();
    INFO(line.toStdString());
    CHECK(line.startsWith(u"Sync failed: the HMIS server could not be reached — trying again in "_qs));
    CHECK(line.contains(u"waiting"_qs));
    // The full sentence is one hover away, and on the page.
    CHECK(f.statusButton().toolTip().contains(u"Your records are safe on this workstation"_qs));
    ui::SyncPage* page = f.workspace().syncPage();
    CHECK(labelText(*page, "syncLastError").contains(u"could not be reached"_qs));
    CHECK(labelText(*page, "syncLastError").contains(u"Trying again in"_qs));
}

TEST_CASE("the Sync area: who sees what, and the automatic interval", "[gui][sync]")
{
    SyncGuiFixture f;
    ui::SyncPage* page = f.workspace().syncPage();
    REQUIRE(page != nullptr);
    CHECK(page->registrationForm() != nullptr); // the admin registers
    CHECK_FALSE(child<QPushButton>(*page, "syncNowButton")->isEnabled()); // nothing to sync with yet

    auto* interval = child<QSpinBox>(*page, "syncInterval");
    CHECK(interval->value() == SyncState::kDefaultIntervalMinutes);
    interval->setValue(30);
    CHECK(f.window->syncSession()->intervalMinutes() == 30);
    // Kept in the encrypted store, not in a settings file someone could edit to keep a laptop from calling in.
    CHECK(SyncState(f.vault).intervalMinutes().value() == 30);
    CHECK(QSettings().allKeys().filter(u"interval"_qs, Qt::CaseInsensitive).isEmpty());

    // Locking drops the session: nothing syncs and the status bar item goes.
    f.vault.lock();
    CHECK(f.window->syncSession() == nullptr);
    CHECK_FALSE(f.statusButton().isVisible());
    // The next session reads the interval back from the store.
    REQUIRE(f.vault.unlock(kAdminPassword).ok());
    REQUIRE(QTest::qWaitFor([&] { return f.window->syncSession() != nullptr; }));
    CHECK(f.window->syncSession()->intervalMinutes() == 30);
    CHECK(child<QSpinBox>(*f.workspace().syncPage(), "syncInterval")->value() == 30);
}
