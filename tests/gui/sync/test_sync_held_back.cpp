// Records kept after the server removed them: a desk of the same agency takes a client off the server;
// this workstation keeps what was entered here, shares it with no one, and an administrator decides.
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/syncstate/SyncInbox.h"
#include "tests/gui/sync/SyncGuiSupport.h"
#include "ui/sync/HeldBackView.h"
#include "ui/sync/SyncPage.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("records entered here outlive a restriction from another desk until an administrator deletes them",
          "[gui][sync]")
{
    SyncServer server;
    SyncGuiFixture a;
    const QString hana = a.client(u"Hana"_qs, u"Heldback"_qs);
    a.registerThroughUi(server.url());
    REQUIRE(a.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));
    ui::SyncPage* page = a.workspace().syncPage();
    REQUIRE(page != nullptr);
    REQUIRE(page->heldBackView() != nullptr);
    CHECK_FALSE(page->heldBackView()->isVisibleTo(page)); // nothing kept yet

    // The back office receives Hana, then she revokes there: the server takes her records off.
    OtherWorkstation b(server.url());
    b.sync();
    REQUIRE(ClientRecords(b.store.vault).open(hana).ok());
    b.store.clock.advanceSeconds(60);
    REQUIRE(ConsentRecords(b.store.vault).revoke(hana, u"asked at the back office"_qs).ok());
    b.sync();

    // This desk's next sync: Hana's records were entered here, so they stay, not shared, and are listed.
    QTest::mouseClick(child<QPushButton>(*page, "syncNowButton"), Qt::LeftButton);
    REQUIRE(a.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));
    auto* table = child<QTableWidget>(*page, "heldBackTable");
    REQUIRE(QTest::qWaitFor([&] { return table->rowCount() == 1; }, 30000));
    CHECK(page->heldBackView()->isVisibleTo(page));
    CHECK(table->item(0, 0)->text() == u"Hana Heldback"_qs);
    CHECK(table->item(0, 1)->text().toInt() >= 2); // her profile and her release at least
    CHECK(table->item(0, 2)->text().contains(u"taken off the server"_qs));
    REQUIRE(ClientRecords(a.vault).open(hana).ok());

    // Deleting asks first and says what goes; Cancel keeps everything.
    auto* discard = child<QPushButton>(*page, "discardHeldBackButton");
    CHECK_FALSE(discard->isEnabled());
    table->selectRow(0);
    REQUIRE(discard->isEnabled());
    QTest::mouseClick(discard, Qt::LeftButton);
    QMessageBox* box = nullptr;
    REQUIRE(QTest::qWaitFor([&] { return (box = page->findChild<QMessageBox*>(u"discardHeldBackConfirm"_qs)); }, 5000));
    CHECK(box->text().contains(u"Hana Heldback"_qs));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    CHECK(table->rowCount() == 1);
    REQUIRE(ClientRecords(a.vault).open(hana).ok());

    table->selectRow(0);
    QTest::mouseClick(discard, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return (box = page->findChild<QMessageBox*>(u"discardHeldBackConfirm"_qs)); }, 5000));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return table->rowCount() == 0; }, 5000));
    CHECK_FALSE(page->heldBackView()->isVisibleTo(page));
    CHECK_FALSE(ClientRecords(a.vault).open(hana).ok());
    AuditFilter filter;
    filter.action = u"sync.held-back-discarded"_qs;
    const auto entries = AuditReader(a.vault).query(filter).value();
    REQUIRE(entries.size() == 1);
    CHECK(entries.front().recordUuid == hana);
    CHECK_FALSE(entries.front().detail.contains(u"Hana"_qs));
}
