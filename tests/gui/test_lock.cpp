#include "core/services/ClientRecords.h"
#include "core/vault/AgencySettings.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/intake/ClientProfileForm.h"
#include "ui/intake/ClientsPage.h"
#include "ui/signin/LockScreen.h"
#include "ui/widgets/SignaturePad.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::MainWindow;

namespace {
const QString kCanaryFirst = QStringLiteral("Canaryfirst");
const QString kCanaryLast = QStringLiteral("Canarylast");
const QString kSavedClient = QStringLiteral("Persistedperson");
const QString kCanaryAlias = QStringLiteral("Canaryalias");
const QString kCanarySsn = QStringLiteral("41972X530");

bool anyTextContains(const QWidget& root, const QString& needle)
{
    const QStringList texts = visibleTexts(root);
    return std::any_of(texts.cbegin(), texts.cend(), [&](const QString& t) { return t.contains(needle); });
}
} // namespace

TEST_CASE("gui: Ctrl+L locks, leaves no client data behind, and unlock restores the draft")
{
    GuiFixture f;
    f.createStore();
    REQUIRE(ClientRecords(f.vault).create(kSavedClient, QStringLiteral("Saved")).ok());
    MainWindow window(f.vault);
    showAndActivate(window);
    REQUIRE(window.workspace() != nullptr);
    CHECK(anyTextContains(window, kSavedClient));

    // Search, start a new client from it, and half-fill the form.
    QTest::keyClicks(child<QLineEdit>(window, "searchFirstName"), kCanaryFirst);
    QTest::keyClicks(child<QLineEdit>(window, "searchLastName"), kCanaryLast);
    auto consented = giveConsentOnNextModal(SharingChoice::NoSharing, [](ui::ConsentDialog& dialog) {
        ui::SignaturePad* pad = dialog.signaturePad();
        QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(40, 60));
        QTest::mouseMove(pad, QPoint(160, 90));
        QTest::mouseRelease(pad, Qt::LeftButton, {}, QPoint(260, 70));
    });
    child<QPushButton>(window, "newClientButton")->click();
    REQUIRE(*consented);
    auto* form = child<ui::ClientProfileForm>(window, "newClientForm");
    REQUIRE(form->isVisible());
    QTest::keyClicks(child<QLineEdit>(*form, "alias"), kCanaryAlias);
    QTest::keyClicks(child<QLineEdit>(*form, "ssn"), kCanarySsn);
    child<QCheckBox>(*form, "race_Asian")->setChecked(true);
    // The offscreen platform does not hand activation back when the consent dialog closes.
    showAndActivate(window);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);

    REQUIRE(f.vault.state() == Vault::State::Locked);
    CHECK(window.currentScreen() == window.lockScreen());
    CHECK(window.workspace() == nullptr);
    CHECK(window.windowTitle() == QStringLiteral("Hearth — Locked"));
    CHECK_FALSE(anyTextContains(window, kCanaryFirst));
    CHECK_FALSE(anyTextContains(window, kCanaryLast));
    CHECK_FALSE(anyTextContains(window, kSavedClient));
    CHECK_FALSE(anyTextContains(window, kCanaryAlias));
    CHECK_FALSE(anyTextContains(window, kCanarySsn));
    CHECK_FALSE(anyTextContains(window, u"419-72-X530"_qs)); // as the field shows it
    CHECK(window.findChildren<ui::ClientsPage*>().isEmpty());

    QTest::keyClicks(child<QLineEdit>(*window.lockScreen(), "unlockPassword"), kAdminPassword);
    child<QPushButton>(*window.lockScreen(), "unlockButton")->click();
    REQUIRE(f.vault.state() == Vault::State::Unlocked);
    REQUIRE(window.workspace() != nullptr);
    // The whole form comes back, open where it was left.
    form = child<ui::ClientProfileForm>(window, "newClientForm");
    CHECK(form->isVisible());
    CHECK(child<QLineEdit>(*form, "firstName")->text() == kCanaryFirst);
    CHECK(child<QLineEdit>(*form, "lastName")->text() == kCanaryLast);
    CHECK(child<QLineEdit>(*form, "alias")->text() == kCanaryAlias);
    CHECK(child<QLineEdit>(*form, "ssn")->text() == u"419-72-X530"_qs); // kCanarySsn, as the field shows it
    CHECK(child<QCheckBox>(*form, "race_Asian")->isChecked());
    CHECK(child<QLineEdit>(window, "searchFirstName")->text() == kCanaryFirst);
    // So does the release collected before the form, signature included.
    auto* clients = window.findChild<ui::ClientsPage*>();
    REQUIRE(clients != nullptr);
    REQUIRE(clients->pendingRelease().has_value());
    CHECK(clients->pendingRelease()->choice == SharingChoice::NoSharing);
    CHECK(clients->pendingRelease()->hasSignature);
    CHECK(child<QLabel>(window, "newClientConsent")->text().contains(QStringLiteral("No Sharing")));
}

TEST_CASE("gui: auto-lock follows the injected clock")
{
    GuiFixture f;
    f.createStore();
    MainWindow window(f.vault);
    showAndActivate(window);
    REQUIRE(f.vault.settings().autoLockMinutes() == 15);

    SECTION("fifteen idle minutes lock the session")
    {
        f.clock.advanceSeconds(15 * 60);
        window.checkIdle();
        CHECK(f.vault.state() == Vault::State::Locked);
        CHECK(window.currentScreen() == window.lockScreen());
    }
    SECTION("activity before the limit keeps it unlocked")
    {
        f.clock.advanceSeconds(10 * 60);
        window.checkIdle();
        CHECK(f.vault.state() == Vault::State::Unlocked);
        QTest::keyClick(child<QLineEdit>(window, "searchFirstName"), Qt::Key_A);
        f.clock.advanceSeconds(10 * 60);
        window.checkIdle();
        CHECK(f.vault.state() == Vault::State::Unlocked);
        f.clock.advanceSeconds(5 * 60);
        window.checkIdle();
        CHECK(f.vault.state() == Vault::State::Locked);
    }
}

TEST_CASE("gui: auto-lock while a dialog is open closes it with the page behind it")
{
    GuiFixture f;
    f.createStore();
    MainWindow window(f.vault);
    showAndActivate(window);
    auto* navigation = child<QListWidget>(window, "navigation");
    const auto users = navigation->findItems(QStringLiteral("Users"), Qt::MatchExactly);
    REQUIRE(users.size() == 1);
    navigation->setCurrentItem(users.first());

    // The lock fires inside the dialog's own event loop, as the idle timer would.
    bool dialogWasOpen = false;
    QTimer::singleShot(0, &window, [&] {
        dialogWasOpen = QApplication::activeModalWidget() != nullptr;
        f.clock.advanceSeconds(15 * 60);
        window.checkIdle();
    });
    child<QPushButton>(window, "addUserButton")->click();

    CHECK(dialogWasOpen);
    CHECK(f.vault.state() == Vault::State::Locked);
    CHECK(window.currentScreen() == window.lockScreen());
    CHECK(QApplication::activeModalWidget() == nullptr);
}
