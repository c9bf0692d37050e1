// Keys of the client search (issue 16, point 14): each Alt+letter of the main window goes to one place.
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: every Alt+letter of the main window's Clients page goes to one place")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile maria
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Garcia"), QDate(1985, 3, 14));
    ui::MainWindow window(f.vault);
    showAndActivate(window);
    REQUIRE(window.workspace() != nullptr);
    ui::ClientsPage* clients = window.workspace()->clientsPage();
    REQUIRE(clients->isVisible());

    // The search, as the page opens.
    CHECK(duplicateMnemonics(window).join(u'\n').toStdString() == "");
    // The search box and the first-name field each answer their own key, not the File menu.
    QWidget* searchText = child<QLineEdit>(*clients, "searchText");
    QWidget* searchFirst = child<QLineEdit>(*clients, "searchFirstName");
    child<QLineEdit>(*clients, "searchLastName")->setFocus();
    QTest::keyClick(&window, Qt::Key_S, Qt::AltModifier);
    CHECK(QApplication::focusWidget() == searchText);
    QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
    CHECK(QApplication::focusWidget() == searchFirst);

    // The new-client form and an opened client, each tab of it: no key is taken twice there either.
    auto consented = giveConsentOnNextModal();
    QTest::keyClicks(searchFirst, QStringLiteral("Ana"));
    child<QPushButton>(*clients, "newClientButton")->click();
    REQUIRE(*consented);
    CHECK(duplicateMnemonics(window).join(u'\n').toStdString() == "");
    clients->cancelNewClient();
    clients->openClient(maria.uuid);
    REQUIRE(clients->clientPage() != nullptr);
    CHECK(duplicateMnemonics(window).join(u'\n').toStdString() == "");
    auto* tabs = child<QTabWidget>(*clients->clientPage(), "clientTabs");
    for (int i = 1; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        INFO(tabs->tabText(i).toStdString());
        CHECK(duplicateMnemonics(window).join(u'\n').toStdString() == "");
    }
}
