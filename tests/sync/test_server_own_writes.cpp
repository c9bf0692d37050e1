// Whose versions a push is measured against (docs/sync-protocol.md, "Merge"): a workstation's first sync
// sends each record's every change at base 0, and its own earlier versions are no conflict with itself. A
// version another device wrote still is, and a stale copy never reverts it. A real hearth-server process
// over SQLite and PostgreSQL. And the audit of who sent and who pulled what.
#include "tests/sync/ServerSyncSupport.h"
#include "tests/sync/support/SyncFixture.h"

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

TEMPLATE_TEST_CASE("A device's own earlier versions are its base; another device's are not", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto front = f.device(u"maria"_qs);
    auto back = f.device(u"maria"_qs);
    const auto consent = consentRef(kFull);
    const auto client = [&](const QString& key, const QString& first, const QString& last, qint64 base) {
        return change(key, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, first, last, consent), base,
                      base == 0 && key.endsWith(u":1") ? u"insert"_qs : u"update"_qs);
    };

    // One offline night at the front desk, pushed at once: created, then renamed twice, every change at base 0.
    const auto night
        = push(*front,
               {client(u"f:1"_qs, u"Ana"_qs, u"Reyes"_qs, 0), client(u"f:2"_qs, u"Anabel"_qs, u"Reyes"_qs, 0),
                client(u"f:3"_qs, u"Anabel"_qs, u"Reyes Cruz"_qs, 0)});
    REQUIRE(night.size() == 3);
    for (const auto& r : night) {
        CHECK(r.status == u"applied");
        CHECK(r.conflicts.empty());
    }
    CHECK(night[2].serverVersion == 3);
    CHECK(pull(*front).conflicts.empty());

    // The back desk, which saw version 3, renames her: applied as version 4.
    const auto renamed = push(*back, {client(u"b:1"_qs, u"Anna"_qs, u"Reyes Cruz"_qs, 3)});
    CHECK(renamed.at(0).status == u"applied");

    // The front desk, still at base 0, sends its unchanged first name with a new last name: its own newest
    // first name was "Anabel", so the back desk's "Anna" stays and the last name is applied.
    const auto stale = push(*front, {client(u"f:4"_qs, u"Anabel"_qs, u"Vega"_qs, 0)});
    CHECK(stale.at(0).status == u"applied");
    auto now = pulled(pull(*f.device(u"maria"_qs)), u"c-1"_qs);
    REQUIRE(now);
    CHECK(now->fields.value(u"FirstName").toString() == u"Anna");
    CHECK(now->fields.value(u"LastName").toString() == u"Vega");

    // And a new first name from the front desk over the back desk's is a conflict, with both values.
    const auto both = push(*front, {client(u"f:5"_qs, u"Ana B."_qs, u"Vega"_qs, 0)});
    REQUIRE(both.at(0).conflicts.size() == 1);
    CHECK(both[0].conflicts[0].field == u"FirstName");
    CHECK(both[0].conflicts[0].serverValue.toString() == u"Anna");
    CHECK(both[0].conflicts[0].deviceValue.toString() == u"Ana B.");
}

TEMPLATE_TEST_CASE("The audit says which device sent and which pulled what, in kinds and counts", "[server]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto front = f.device(u"maria"_qs);
    auto back = f.device(u"maria"_qs);
    const auto consent = consentRef(kFull);
    const auto sent = push(*front,
                           {change(u"f:1"_qs, u"client"_qs, u"ana-reyes-uuid"_qs,
                                   clientFields(u"ana-reyes-uuid"_qs, u"Ana"_qs, u"Reyes"_qs, consent)),
                            change(u"f:2"_qs, u"client"_qs, u"ben-stone-uuid"_qs,
                                   clientFields(u"ben-stone-uuid"_qs, u"Ben"_qs, u"Stone"_qs, consent)),
                            change(u"f:1"_qs, u"client"_qs, u"ana-reyes-uuid"_qs,
                                   clientFields(u"ana-reyes-uuid"_qs, u"Ana"_qs, u"Reyes"_qs, consent))});
    REQUIRE(sent.size() == 3);
    REQUIRE(pull(*back).changes.size() == 2);
    CHECK(pull(*back, 1000000).changes.empty()); // nothing new: nothing to say

    const QStringList lines = auditText(f).split(u'\n');
    QStringList received;
    QStringList pulledLines;
    for (const QString& line : lines) {
        if (line.contains(u"\trecords-received\t"))
            received << line;
        if (line.contains(u"\trecords-sent\t"))
            pulledLines << line;
    }
    REQUIRE(received.size() == 1);
    CHECK(received[0].contains(u"\tmaria\t" + front->deviceId() + u'\t'));
    CHECK(received[0].endsWith(u"3 changes: applied 2, duplicate 1; client 3"));
    REQUIRE(pulledLines.size() == 1);
    CHECK(pulledLines[0].contains(u"\tmaria\t" + back->deviceId() + u'\t'));
    CHECK(pulledLines[0].contains(u"2 records after 0 through "));
    CHECK(pulledLines[0].endsWith(u": client 2"));
    for (const QString& line : lines) {
        CHECK_FALSE(line.contains(u"Reyes"));
        CHECK_FALSE(line.contains(u"ana-reyes-uuid")); // an id no device or conflict id can contain by chance
    }
}
