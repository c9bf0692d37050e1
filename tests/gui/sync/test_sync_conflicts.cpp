// The Conflicts view: two workstations change the same field of a client; a person settles it.
// Workstation A is the window under test; B is a second store and engine registered as the same
// agency user.
#include "core/common/DisplayDates.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/syncstate/SyncConflicts.h"
#include "core/syncstate/SyncState.h"
#include "sync/client/SyncEngine.h"
#include "tests/gui/sync/SyncGuiSupport.h"
#include "ui/intake/ClientsPage.h"
#include "ui/sync/ConflictsView.h"
#include "ui/sync/SyncPage.h"
#include "ui/sync/SyncSession.h"
#include "ui/sync/SyncText.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {
void setDob(Vault& vault, const QString& uuid, const QDate& dob)
{
    auto client = ClientRecords(vault).open(uuid);
    REQUIRE(client.ok());
    ClientProfile changed = client.value();
    changed.dob = dob;
    const Status updated = ClientRecords(vault).update(changed);
    INFO(updated.message().toStdString());
    REQUIRE(updated.ok());
}

QString navigationText(const ui::Workspace& workspace, const QString& startsWith)
{
    const auto* navigation = child<QListWidget>(workspace, "navigation");
    for (int i = 0; i < navigation->count(); ++i)
        if (navigation->item(i)->text().startsWith(startsWith))
            return navigation->item(i)->text();
    return {};
}
} // namespace

TEST_CASE("conflicting fields are named in words and typed values keep the record's form", "[gui][sync]")
{
    CHECK(ui::SyncText::fieldInWords(u"DOB"_qs) == u"Date of birth"_qs);
    CHECK(ui::SyncText::fieldInWords(u"SomethingNew"_qs) == u"SomethingNew"_qs);
    CHECK(ui::SyncText::valueInWords(QJsonValue(u"1985-03-14"_qs)) == displayDate(QDate(1985, 3, 14)));
    CHECK(ui::SyncText::valueInWords(QJsonValue()) == u"(empty)"_qs);
    // HUD codes as their labels, by the record's file: never a bare "1" or "312".
    CHECK(ui::SyncText::valueInWords(u"enrollment"_qs, u"RelationshipToHoH"_qs, QJsonValue(1))
          == u"Self (head of household) (1)"_qs);
    CHECK(ui::SyncText::valueInWords(u"enrollment"_qs, u"Destination"_qs, QJsonValue(312))
              .startsWith(u"Staying or living with family, temporary"));
    CHECK(ui::SyncText::valueInWords(u"client"_qs, u"VeteranStatus"_qs, QJsonValue(99))
          == u"Data not collected (99)"_qs);
    CHECK(ui::SyncText::valueInWords(u"client"_qs, u"FirstName"_qs, QJsonValue(u"12"_qs)) == u"12"_qs);

    SyncConflict dob;
    dob.field = u"DOB"_qs;
    dob.serverValue = u"1985-03-14"_qs;
    dob.deviceValue = u"1985-04-13"_qs;
    CHECK(ui::ConflictsView::typedValue(u"3/15/1985"_qs, dob) == QJsonValue(u"1985-03-15"_qs));
    CHECK(ui::ConflictsView::typedValue(u"  "_qs, dob).isNull());
    CHECK(ui::ConflictsView::typedValue(u"13/45/1985"_qs, dob) == QJsonValue(u"13/45/1985"_qs));
    SyncConflict veteran;
    veteran.field = u"VeteranStatus"_qs;
    veteran.serverValue = 0;
    veteran.deviceValue = 1;
    CHECK(ui::ConflictsView::typedValue(u"99"_qs, veteran) == QJsonValue(99));
}

TEST_CASE("a date of birth changed on two workstations is settled in the Conflicts view", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture a;
    const QString fay = a.client(u"Fay"_qs, u"Twice"_qs);
    a.registerThroughUi(server.url());
    REQUIRE(a.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));

    OtherWorkstation b(server.url());
    b.sync(); // Fay arrives at B
    REQUIRE(ClientRecords(b.store.vault).open(fay).ok());
    setDob(b.store.vault, fay, QDate(1981, 1, 1));
    b.sync();

    setDob(a.vault, fay, QDate(1982, 2, 2));
    ui::SyncPage* page = a.workspace().syncPage();
    REQUIRE(page != nullptr);
    QTest::mouseClick(child<QPushButton>(*page, "syncNowButton"), Qt::LeftButton);
    auto* table = child<QTableWidget>(*page, "conflictTable");
    REQUIRE(QTest::qWaitFor([&] { return table->rowCount() == 1; }, 30000));
    REQUIRE(a.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));

    // One row in words: who, what kind of record, which field, both values.
    CHECK(table->item(0, 0)->text().contains(u"Fay"_qs));
    CHECK(table->item(0, 1)->text() == u"Client profile"_qs);
    CHECK(table->item(0, 2)->text() == u"Date of birth"_qs);
    CHECK(table->item(0, 3)->text() == displayDate(QDate(1981, 1, 1)));
    CHECK(table->item(0, 4)->text() == displayDate(QDate(1982, 2, 2)));
    // Who made each side, where and when.
    const QString detail = child<QLabel>(*page, "conflictDetail")->text();
    CHECK(detail.startsWith(u"On the server: hank at Back office ("_qs));
    CHECK(detail.contains(u"\nSent in a sync: hank at this workstation, "_qs));
    CHECK(child<QPushButton>(*page, "keepDeviceButton")->text() == u"Keep this &workstation's"_qs);
    CHECK(navigationText(a.workspace(), u"Sync"_qs) == u"Sync (1)"_qs);
    CHECK(a.statusText().contains(u"1 conflict to resolve"_qs));

    auto* error = child<QLabel>(*page, "conflictError");
    SECTION("keep this workstation's value")
    {
        // By keyboard: the focus stays where the next key makes sense, never in the server address.
        showAndActivate(*a.window);
        auto* keep = child<QPushButton>(*page, "keepDeviceButton");
        auto* syncNow = child<QPushButton>(*page, "syncNowButton");
        keep->setFocus();
        QTest::keyClick(keep, Qt::Key_Space);
        CHECK(QApplication::focusWidget() == syncNow);
        CHECK(error->text().isEmpty());
        CHECK(table->rowCount() == 0);
        CHECK(ClientRecords(a.vault).open(fay).value().dob == QDate(1982, 2, 2));
        CHECK(navigationText(a.workspace(), u"Sync"_qs) == u"Sync"_qs);
        CHECK_FALSE(a.statusText().contains(u"conflict"_qs));
        // The choice goes up with the next sync and the other workstation gets it.
        QTest::keyClick(syncNow, Qt::Key_Space);
        REQUIRE(a.waitForStatus([](const QString& s) { return s == u"Synced just now"_qs; }));
        INFO((QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : u"none"_qs).toStdString());
        CHECK(QApplication::focusWidget() == syncNow);
        b.sync();
        CHECK(ClientRecords(b.store.vault).open(fay).value().dob == QDate(1982, 2, 2));
    }
    SECTION("keep the server's value")
    {
        QTest::mouseClick(child<QPushButton>(*page, "keepServerButton"), Qt::LeftButton);
        CHECK(table->rowCount() == 0);
        CHECK(ClientRecords(a.vault).open(fay).value().dob == QDate(1981, 1, 1));
    }
    SECTION("enter a new value: an impossible date is refused, a real one settles it")
    {
        auto* value = child<QLineEdit>(*page, "conflictNewValue");
        auto* use = child<QPushButton>(*page, "useNewValueButton");
        QTest::keyClicks(value, u"13/45/1985"_qs);
        QTest::mouseClick(use, Qt::LeftButton);
        CHECK_FALSE(error->text().isEmpty());
        CHECK(error->isVisible());
        CHECK(table->rowCount() == 1);
        value->clear();
        QTest::keyClicks(value, u"3/15/1985"_qs);
        QTest::mouseClick(use, Qt::LeftButton);
        CHECK(error->text().isEmpty());
        CHECK(table->rowCount() == 0);
        CHECK(ClientRecords(a.vault).open(fay).value().dob == QDate(1985, 3, 15));
    }
}

TEST_CASE("the client list shows what a sync brought in without a new search", "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture a;
    a.registerThroughUi(server.url());
    REQUIRE(a.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));
    const auto* list = child<QTableView>(*a.workspace().clientsPage(), "clientTable");
    const int before = list->model()->rowCount();

    // Another desk records a client who shares, and syncs.
    OtherWorkstation b(server.url());
    ClientProfile gus;
    gus.firstName = u"Gus"_qs;
    gus.lastName = u"Arrives"_qs;
    gus.nameDataQuality = 1;
    ReleaseOfInformation release;
    release.choice = SharingChoice::FullSharing;
    release.signedOn = b.store.clock.today();
    release.language = u"en"_qs;
    REQUIRE(ConsentRecords(b.store.vault).createClient(gus, release).ok());
    b.sync();

    // This desk syncs: the list it shows has Gus, with his consent, without anyone searching again.
    QTest::mouseClick(child<QPushButton>(*a.workspace().syncPage(), "syncNowButton"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return list->model()->rowCount() == before + 1; }, 30000));
    QStringList rows;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < list->model()->columnCount(); ++column)
            cells << list->model()->index(row, column).data().toString();
        rows << cells.join(u" | ");
    }
    INFO(rows.join(u"\n").toStdString());
    CHECK(rows.filter(u"Gus"_qs).size() == 1);
    CHECK(rows.filter(u"Gus"_qs).value(0).contains(u"Full Sharing"_qs));
}

TEST_CASE("before any sync the Conflicts box claims no merge", "[gui][sync]")
{
    GuiFixture f;
    f.createStore();
    ui::ConflictsView view(f.vault);
    view.reload();
    const QString summary = child<QLabel>(view, "conflictSummary")->text();
    CHECK(summary.startsWith(u"No conflicts"));
    CHECK_FALSE(summary.contains(u"merged"));
}
