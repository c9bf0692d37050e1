// Nothing typed into an open client is lost: a lock keeps the page and its edits for after unlock, and
// every way out of the page (Back, Esc, sign-out, quit) asks to save, discard or stay.
#include "core/services/ClientRecords.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"
#include "ui/signin/LockScreen.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::MainWindow;

namespace {
const QString kTypedMiddle = QStringLiteral("Canarymiddle");
const QString kTypedAlias = QStringLiteral("Canaryalias");
const QString kRosaSsn = QStringLiteral("219099999");

/// A client with a full SSN on file, as most intakes end.
ClientProfile clientWithSsn(Vault& vault)
{
    auto made = ClientRecords(vault).create(QStringLiteral("Rosa"), QStringLiteral("Ortiz"));
    REQUIRE(made.ok());
    ClientProfile c = made.value();
    c.ssn = kRosaSsn;
    c.ssnDataQuality = 1;
    REQUIRE(ClientRecords(vault).update(c).ok());
    return c;
}

ClientProfile stored(Vault& vault, const QString& uuid)
{
    auto c = ClientRecords(vault).open(uuid);
    REQUIRE(c.ok());
    return c.value();
}

ui::ClientPage* openPage(MainWindow& window, const QString& uuid)
{
    window.workspace()->clientsPage()->openClient(uuid);
    ui::ClientPage* page = window.workspace()->clientsPage()->clientPage();
    REQUIRE(page != nullptr);
    return page;
}

/// Answers the next modal, the unsaved-changes question, with @p button.
std::shared_ptr<bool> answerUnsaved(QMessageBox::StandardButton button)
{
    return onNextModal([button](QWidget& dialog) {
        auto* box = qobject_cast<QMessageBox*>(&dialog);
        REQUIRE(box != nullptr);
        CHECK(box->objectName() == u"unsavedChangesBox");
        CHECK(box->text().contains(u"Rosa Ortiz"));
        box->button(button)->click();
    });
}

QAction* signOutAction(MainWindow& window)
{
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == MainWindow::tr("Sign &out"))
            return action;
    FAIL("no Sign out action");
    return nullptr;
}
} // namespace

TEST_CASE("gui: an open client's unsaved edits come back after a lock, the stored SSN untouched")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa = clientWithSsn(f.vault);
    MainWindow window(f.vault);
    showAndActivate(window);
    ui::ClientPage* page = openPage(window, rosa.uuid);
    CHECK(QApplication::focusWidget() == child<QLineEdit>(*page, "firstName")); // the top of the form
    QTest::keyClicks(child<QLineEdit>(*page, "middleName"), kTypedMiddle);
    QTest::keyClicks(child<QLineEdit>(*page, "alias"), kTypedAlias);

    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(f.vault.state() == Vault::State::Locked);
    CHECK(window.workspace() == nullptr);
    for (const QString& text : visibleTexts(window)) {
        CHECK_FALSE(text.contains(kTypedMiddle));
        CHECK_FALSE(text.contains(u"Ortiz"));
    }

    QTest::keyClicks(child<QLineEdit>(*window.lockScreen(), "unlockPassword"), kAdminPassword);
    child<QPushButton>(*window.lockScreen(), "unlockButton")->click();
    REQUIRE(f.vault.state() == Vault::State::Unlocked);
    page = window.workspace()->clientsPage()->clientPage();
    REQUIRE(page != nullptr);
    CHECK(page->isVisible());
    CHECK(page->client().uuid == rosa.uuid);
    CHECK(child<QLineEdit>(*page, "middleName")->text() == kTypedMiddle);
    CHECK(child<QLineEdit>(*page, "alias")->text() == kTypedAlias);
    CHECK(page->hasUnsavedChanges());

    child<QPushButton>(*page, "saveClientChanges")->click();
    const ClientProfile saved = stored(f.vault, rosa.uuid);
    CHECK(saved.middleName == kTypedMiddle);
    CHECK(saved.alias == kTypedAlias);
    CHECK(saved.ssn == kRosaSsn); // the masked number counted as unchanged
    CHECK_FALSE(page->hasUnsavedChanges());
}

TEST_CASE("gui: leaving an edited client asks to save, discard or stay")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile rosa = clientWithSsn(f.vault);
    MainWindow window(f.vault);
    showAndActivate(window);
    ui::ClientsPage* clients = window.workspace()->clientsPage();

    SECTION("Back: stay keeps the page and the typing; discard leaves and saves nothing")
    {
        ui::ClientPage* page = openPage(window, rosa.uuid);
        QTest::keyClicks(child<QLineEdit>(*page, "alias"), kTypedAlias);
        REQUIRE(page->hasUnsavedChanges());
        auto asked = answerUnsaved(QMessageBox::Cancel);
        child<QPushButton>(*page, "backToSearchButton")->click();
        REQUIRE(*asked);
        CHECK(clients->clientPage() == page);
        CHECK(child<QLineEdit>(*page, "alias")->text() == kTypedAlias);

        showAndActivate(window); // the offscreen platform does not hand activation back after a modal
        asked = answerUnsaved(QMessageBox::Discard);
        QTest::keyClick(child<QLineEdit>(*page, "alias"), Qt::Key_Escape);
        REQUIRE(*asked);
        QApplication::processEvents(); // the page goes with deleteLater
        CHECK(clients->clientPage() == nullptr);
        CHECK(stored(f.vault, rosa.uuid).alias.isEmpty());
    }
    SECTION("Back: save keeps the edit and leaves")
    {
        ui::ClientPage* page = openPage(window, rosa.uuid);
        QTest::keyClicks(child<QLineEdit>(*page, "alias"), kTypedAlias);
        auto asked = answerUnsaved(QMessageBox::Save);
        child<QPushButton>(*page, "backToSearchButton")->click();
        REQUIRE(*asked);
        CHECK(clients->clientPage() == nullptr);
        CHECK(stored(f.vault, rosa.uuid).alias == kTypedAlias);
        CHECK(stored(f.vault, rosa.uuid).ssn == kRosaSsn);
    }
    SECTION("quit and sign-out: stay keeps the session")
    {
        ui::ClientPage* page = openPage(window, rosa.uuid);
        QTest::keyClicks(child<QLineEdit>(*page, "alias"), kTypedAlias);
        auto asked = answerUnsaved(QMessageBox::Cancel);
        window.close();
        REQUIRE(*asked);
        CHECK(window.isVisible());
        CHECK(f.vault.state() == Vault::State::Unlocked);

        asked = answerUnsaved(QMessageBox::Cancel);
        signOutAction(window)->trigger();
        REQUIRE(*asked);
        CHECK(f.vault.state() == Vault::State::Unlocked);
        CHECK(child<QLineEdit>(*page, "alias")->text() == kTypedAlias);
    }
    SECTION("an auto-lock while the question waits keeps the edits for after unlock")
    {
        ui::ClientPage* page = openPage(window, rosa.uuid);
        QTest::keyClicks(child<QLineEdit>(*page, "alias"), kTypedAlias);
        auto asked = onNextModal([&](QWidget&) {
            f.clock.advanceSeconds(15 * 60); // the idle check fires inside the question's own event loop
            window.checkIdle();
        });
        child<QPushButton>(*page, "backToSearchButton")->click();
        REQUIRE(*asked);
        REQUIRE(f.vault.state() == Vault::State::Locked);
        QTest::keyClicks(child<QLineEdit>(*window.lockScreen(), "unlockPassword"), kAdminPassword);
        child<QPushButton>(*window.lockScreen(), "unlockButton")->click();
        REQUIRE(f.vault.state() == Vault::State::Unlocked);
        REQUIRE(window.workspace()->clientsPage()->clientPage() != nullptr);
        CHECK(child<QLineEdit>(*window.workspace()->clientsPage()->clientPage(), "alias")->text() == kTypedAlias);
    }
    SECTION("without edits nothing is asked")
    {
        ui::ClientPage* page = openPage(window, rosa.uuid);
        child<QPushButton>(*page, "backToSearchButton")->click();
        QApplication::processEvents();
        CHECK(clients->clientPage() == nullptr);
    }
}
