#include "tests/gui/GuiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/signin/LockScreen.h"
#include "ui/signin/SignInWidget.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::MainWindow;

TEST_CASE("gui: sign-in shows the vault's error, then the workspace")
{
    GuiFixture f;
    f.createStore();
    f.vault.signOut();
    MainWindow window(f.vault);
    showAndActivate(window);
    REQUIRE(window.currentScreen() == window.signInWidget());
    CHECK(window.windowTitle() == QStringLiteral("Hearth — Locked"));
    CHECK(child<QLabel>(window, "statusLock")->text() == QStringLiteral("Locked"));

    auto* error = child<QLabel>(*window.signInWidget(), "signInError");
    auto* password = child<QLineEdit>(*window.signInWidget(), "signInPassword");
    CHECK(error->isHidden());
    QTest::keyClicks(child<QLineEdit>(*window.signInWidget(), "signInLogin"), kAdminLogin);
    QTest::keyClicks(password, QStringLiteral("Wrong!pass42"));
    child<QPushButton>(*window.signInWidget(), "signInButton")->click();
    CHECK(f.vault.state() == Vault::State::Locked);
    CHECK(window.currentScreen() == window.signInWidget());
    CHECK_FALSE(error->isHidden());
    CHECK_FALSE(error->text().isEmpty());
    CHECK(password->text().isEmpty());

    // Enter in the password field signs in.
    QTest::keyClicks(password, kAdminPassword);
    QTest::keyClick(password, Qt::Key_Return);
    REQUIRE(f.vault.state() == Vault::State::Unlocked);
    CHECK(password->text().isEmpty());
    REQUIRE(window.workspace() != nullptr);
    CHECK(window.currentScreen() == window.workspace());
    CHECK(child<QLabel>(window, "statusUser")->text() == kAdminName);
    CHECK(child<QLabel>(window, "statusRole")->text() == roleName(Role::EnterpriseManager));
    CHECK(child<QLabel>(window, "statusLock")->text() == QStringLiteral("Unlocked"));
    CHECK(window.windowTitle() == QStringLiteral("Hearth — ") + kAgencyName);
    // Typing starts a search at once: the cursor waits in the search box.
    QApplication::processEvents();
    CHECK(window.focusWidget() == child<QLineEdit>(window, "searchText"));

    // Saving a client through the form: the title never carries client data.
    const QString canary = QStringLiteral("Zebulonia");
    QTest::keyClicks(child<QLineEdit>(window, "searchFirstName"), canary);
    QTest::keyClicks(child<QLineEdit>(window, "searchLastName"), QStringLiteral("Quixote"));
    auto consented = giveConsentOnNextModal(); // consent comes first
    child<QPushButton>(window, "newClientButton")->click();
    REQUIRE(*consented);
    child<QPushButton>(window, "saveNewClient")->click();
    CHECK(child<QLabel>(window, "clientsError")->isHidden());
    CHECK(window.workspace()->clientsPage() != nullptr);
    CHECK(visibleTexts(window).join(QLatin1Char('\n')).contains(canary)); // on the client page
    CHECK_FALSE(window.windowTitle().contains(canary));
}

TEST_CASE("gui: the lock screen can hand over to another user")
{
    GuiFixture f;
    f.createStore();
    MainWindow window(f.vault);
    showAndActivate(window);
    f.vault.lock();
    REQUIRE(window.currentScreen() == window.lockScreen());
    CHECK(child<QLabel>(*window.lockScreen(), "lockedUser")->text().contains(kAdminLogin));

    auto* password = child<QLineEdit>(*window.lockScreen(), "unlockPassword");
    QTest::keyClicks(password, QStringLiteral("Wrong!pass42"));
    child<QPushButton>(*window.lockScreen(), "unlockButton")->click();
    CHECK(f.vault.state() == Vault::State::Locked);
    CHECK_FALSE(child<QLabel>(*window.lockScreen(), "unlockError")->text().isEmpty());

    child<QPushButton>(*window.lockScreen(), "switchUserButton")->click();
    CHECK(window.currentScreen() == window.signInWidget());
    CHECK(f.vault.lockedUserLogin().isEmpty());
    signInThroughUi(window, kAdminLogin, kAdminPassword);
    CHECK(f.vault.state() == Vault::State::Unlocked);
    CHECK(window.currentScreen() == window.workspace());
}
