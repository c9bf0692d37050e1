// The change log the sync module consumes: one entry per committed client change, written in the same
// transaction as the change, and per-consumer cursors that only move forward.
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/store/ChangeLog.h"
#include "core/store/Store.h"
#include "tests/core/CoreTestSupport.h"

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

/// Opens the store's database directly (the vault must be signed out), as the sync module would.
std::unique_ptr<Store> openStore(const TestStore& s)
{
    auto store = Store::open(s.databasePath(), s.dataKey());
    REQUIRE_OK(store);
    return std::move(store).value();
}

std::vector<ChangeRecord> allChanges(Store& store)
{
    auto changes = ChangeLog(store).readAfter(0, 1000);
    REQUIRE_OK(changes);
    return std::move(changes).value();
}

qsizetype auditCount(Vault& vault)
{
    auto entries = AuditReader(vault).query({});
    REQUIRE_OK(entries);
    return static_cast<qsizetype>(entries->size());
}

} // namespace

TEST_CASE("creating, editing and deleting a client logs three changes in order", "[changelog]")
{
    TestStore s;
    s.create();
    ClientRecords clients(*s.vault);
    const QDateTime t0 = s.clock.now();
    auto created = clients.create(u" Hana "_qs, u"Change"_qs);
    REQUIRE_OK(created);
    s.clock.advanceSeconds(60);
    ClientProfile edited = created.value();
    edited.lastName = u"Changed"_qs;
    REQUIRE_OK(clients.update(edited));
    s.clock.advanceSeconds(60);
    REQUIRE_OK(clients.remove(created->uuid));
    s.vault->signOut();

    auto store = openStore(s);
    const auto changes = allChanges(*store);
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].seq < changes[1].seq);
    CHECK(changes[1].seq < changes[2].seq);
    const QStringList operations {changes[0].operation, changes[1].operation, changes[2].operation};
    CHECK(operations == QStringList {u"insert"_qs, u"update"_qs, u"delete"_qs});
    for (const ChangeRecord& c : changes) {
        CHECK(c.entity == u"client"_qs);
        CHECK(c.entityUuid == created->uuid);
        CHECK(c.changedBy == kAdminLogin);
    }
    CHECK(changes[0].changedAt == t0);
    CHECK(changes[1].changedAt == t0.addSecs(60));
    CHECK(changes[2].changedAt == t0.addSecs(120));

    CHECK(changes[0].fields.value(u"FirstName").toString() == u"Hana"_qs); // stored trimmed
    CHECK(changes[0].fields.value(u"LastName").toString() == u"Change"_qs);
    CHECK(changes[0].fields.value(u"UserID").toString() == kAdminLogin);
    CHECK(changes[1].fields.value(u"LastName").toString() == u"Changed"_qs);
    CHECK(changes[1].fields.value(u"DateCreated").toString() == changes[0].fields.value(u"DateCreated").toString());
    CHECK(changes[2].fields.isEmpty());
    CHECK(ChangeLog(*store).latestSeq().value() == changes[2].seq);

    // readAfter pages through the log oldest first.
    auto page = ChangeLog(*store).readAfter(changes[0].seq, 1);
    REQUIRE_OK(page);
    REQUIRE(page->size() == 1);
    CHECK(page->front().seq == changes[1].seq);
}

TEST_CASE("a write that fails leaves neither a change-log row nor an audit row", "[changelog]")
{
    TestStore s;
    s.create();
    ClientRecords clients(*s.vault);
    auto created = clients.create(u"Ines"_qs, u"Intact"_qs);
    REQUIRE_OK(created);
    const qsizetype auditBefore = auditCount(*s.vault);

    ClientProfile ghost = created.value();
    ghost.uuid = u"00000000-0000-0000-0000-000000000000"_qs;
    CHECK(clients.update(ghost).code() == ErrorCode::NotFound);
    CHECK(clients.remove(ghost.uuid).code() == ErrorCode::NotFound);
    ClientProfile blank = created.value();
    blank.firstName.clear();
    blank.lastName = u"  "_qs;
    CHECK(clients.update(blank).code() == ErrorCode::InvalidInput);
    REQUIRE_OK(clients.remove(created->uuid));
    CHECK(clients.remove(created->uuid).code() == ErrorCode::NotFound); // already deleted

    CHECK(auditCount(*s.vault) == auditBefore + 1); // only the successful delete
    s.vault->signOut();
    auto store = openStore(s);
    const auto changes = allChanges(*store);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].operation == u"insert"_qs);
    CHECK(changes[1].operation == u"delete"_qs);
    CHECK(changes[1].entityUuid == created->uuid);
}

TEST_CASE("a change-log cursor starts at zero and only moves forward to changes that exist", "[changelog][cursor]")
{
    TestStore s;
    s.create();
    for (const QString& name : {u"Ada"_qs, u"Ben"_qs, u"Cal"_qs})
        REQUIRE_OK(ClientRecords(*s.vault).create(name, u"Cursor"_qs));
    s.vault->signOut();

    {
        auto store = openStore(s);
        ChangeLog log(*store);
        const qint64 latest = log.latestSeq().value();
        REQUIRE(latest == 3);
        CHECK(log.cursor(u"sync"_qs).value() == 0);

        REQUIRE_OK(log.advanceCursor(u"sync"_qs, 2, s.clock.now()));
        CHECK(log.cursor(u"sync"_qs).value() == 2);
        CHECK(log.advanceCursor(u"sync"_qs, 1, s.clock.now()).code() == ErrorCode::InvalidInput);
        CHECK(log.advanceCursor(u"sync"_qs, latest + 1, s.clock.now()).code() == ErrorCode::InvalidInput);
        CHECK(log.cursor(u"sync"_qs).value() == 2);
        REQUIRE_OK(log.advanceCursor(u"sync"_qs, 2, s.clock.now())); // staying put is allowed

        // Consumers are independent.
        CHECK(log.cursor(u"backup"_qs).value() == 0);
        CHECK(log.advanceCursor(u"backup"_qs, 4, s.clock.now()).code() == ErrorCode::InvalidInput);
        CHECK(log.cursor(u"backup"_qs).value() == 0);

        auto rest = log.readAfter(log.cursor(u"sync"_qs).value(), 100);
        REQUIRE_OK(rest);
        REQUIRE(rest->size() == 1);
        CHECK(rest->front().seq == 3);
    }
    // The cursor is stored, not remembered.
    auto store = openStore(s);
    CHECK(ChangeLog(*store).cursor(u"sync"_qs).value() == 2);
}
