// Keys of the client search (issue 16, point 14): each Alt+letter of the main window goes to one place;
// Down moves into the results and Return opens the top match.
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/intake/ClientListModel.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"
#include "ui/widgets/HudDateEdit.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
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

namespace {

/// The search fields a desk worker types into, by object name.
QList<QLineEdit*> searchFieldsOf(ui::ClientsPage& page)
{
    return {child<QLineEdit>(page, "searchText"), child<QLineEdit>(page, "searchFirstName"),
            child<QLineEdit>(page, "searchLastName"), child<ui::HudDateEdit>(page, "searchDob")->lineEdit(),
            child<QLineEdit>(page, "searchSsnLast4")};
}

} // namespace

TEST_CASE("gui: Down from any search field moves into the results with the first row selected")
{
    GuiFixture f;
    f.createStore();
    makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Garcia"), QDate(1985, 3, 14));
    makeClient(f.vault, QStringLiteral("Mario"), QStringLiteral("Garcia"), QDate(1987, 1, 1));
    makeClient(f.vault, QStringLiteral("Ana"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    ui::ClientsPage page(f.vault);
    page.resize(1280, 860);
    showAndActivate(page);
    auto* table = child<QTableView>(page, "clientTable");

    const QList<QLineEdit*> fields = searchFieldsOf(page);
    const QStringList typed {QStringLiteral("garcia"), QStringLiteral("Mari"), QStringLiteral("Garcia"),
                             QStringLiteral("03/14/1985"), QString()};
    for (int i = 0; i < fields.size(); ++i) {
        QLineEdit* field = fields.at(i);
        INFO(field->objectName().toStdString());
        field->setFocus();
        QTest::keyClicks(field, typed.at(i));
        // At once, before the pause that runs the search: Down runs it and moves on.
        QTest::keyClick(field, Qt::Key_Down);
        CHECK_FALSE(page.searchPending());
        CHECK(QApplication::focusWidget() == table);
        REQUIRE(page.model()->rowCount() > 0);
        CHECK(table->currentIndex().row() == 0);
        CHECK(table->selectionModel()->isRowSelected(0, {}));
        if (!typed.at(i).isEmpty())
            CHECK(page.model()->uuidAt(0) != QString());
        field->clear();
    }
}

TEST_CASE("gui: Return in a search field opens the top match")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile maria
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Garcia"), QDate(1985, 3, 14));
    makeClient(f.vault, QStringLiteral("Mario"), QStringLiteral("Garcia"), QDate(1987, 1, 1));
    ui::ClientsPage page(f.vault);
    page.resize(1280, 860);
    showAndActivate(page);
    const QList<QLineEdit*> fields = searchFieldsOf(page);

    // One line naming her: Return opens her page, before the search would have run by itself.
    QTest::keyClicks(fields.at(0), QStringLiteral("Maria Garcia"));
    QTest::keyClick(fields.at(0), Qt::Key_Return);
    REQUIRE(page.clientPage() != nullptr);
    CHECK(page.clientPage()->client().uuid == maria.uuid);
    page.backToSearch();
    fields.at(0)->clear();

    // Several matches: Return opens the best one, the top row.
    QTest::keyClicks(fields.at(2), QStringLiteral("Garcia"));
    QTest::keyClick(fields.at(2), Qt::Key_Return);
    REQUIRE(page.clientPage() != nullptr);
    REQUIRE(page.model()->rowCount() == 2);
    CHECK(page.clientPage()->client().uuid == page.model()->uuidAt(0));
    page.backToSearch();
    fields.at(2)->clear();

    // The date of birth field too.
    QTest::keyClicks(fields.at(3), QStringLiteral("03/14/1985"));
    QTest::keyClick(fields.at(3), Qt::Key_Return);
    REQUIRE(page.clientPage() != nullptr);
    CHECK(page.clientPage()->client().uuid == maria.uuid);
}
