// Two workstations, one server: each a real SQLCipher store with its own SyncEngine, both against one real
// hearth-server process on loopback, over SQLite and over PostgreSQL. What one workstation records reaches
// the other through push and pull, as far as the client's consent allows; edits made offline merge, and
// the same field edited on both becomes a conflict a person settles.
#include "core/services/AuditReader.h"
#include "core/syncstate/SyncInbox.h"
#include "core/syncstate/SyncState.h"
#include "tests/sync/TwoDesksSupport.h"

#include <catch2/reporters/catch_reporter_event_listener.hpp>
#include <catch2/reporters/catch_reporter_registrars.hpp>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::test::desks;

namespace {
/// Stops the shared PostgreSQL cluster at the end of the run, while the application still exists.
class StopPostgres : public Catch::EventListenerBase
{
public:
    using Catch::EventListenerBase::EventListenerBase;
    void testRunEnded(const Catch::TestRunStats&) override { PostgresCluster::shutdownShared(); }
};
CATCH_REGISTER_LISTENER(StopPostgres)
} // namespace

TEST_CASE("two desks: a client recorded at one appears at the other, searchable, with their stay", "[sync][e2e]")
{
    START_SERVER(server);
    Workstation a;
    Workstation b;
    a.registerWith(server.url());
    b.registerWith(server.url());
    const QString ana = a.admit(u"Ana"_qs, u"Reyes"_qs, SharingChoice::FullSharing, 3);
    CHECK_FALSE(b.findable(u"Ana Reyes"_qs, ana)); // builds B's search index before anything arrives

    a.sync();
    QSignalSpy pulled(&b.engine, &SyncEngine::pulled);
    b.sync();
    REQUIRE_FALSE(pulled.isEmpty());
    CHECK(pulled.back().front().toLongLong() == 6); // client, release, enrollment, three nights
    const auto there = b.held(ana);
    REQUIRE(there);
    CHECK(there->firstName == u"Ana");
    CHECK(there->lastName == u"Reyes");
    CHECK(b.findable(u"Ana Reyes"_qs, ana));
    CHECK(b.enrollmentsOf(ana) == 1);
    CHECK(b.servicesOf(ana) == 3);
    CHECK(ConsentRecords(*b.vault).status(ana).value().standing == ConsentStatus::Standing::Active);
    // Nothing pulled is queued to go back up.
    CHECK(SyncState(*b.vault).pendingCount().value() == 0);

    // A's own records came back as echoes: nothing of A changed.
    const auto home = a.held(ana);
    REQUIRE(home);
    CHECK(home->firstName == u"Ana");
    CHECK(SyncState(*a.vault).pendingCount().value() == 0);
}

TEST_CASE("two desks edit different fields offline: both end with both edits", "[sync][e2e]")
{
    START_SERVER(server);
    Workstation a;
    Workstation b;
    a.registerWith(server.url());
    b.registerWith(server.url());
    const QString ana = a.admit(u"Ana"_qs, u"Reyes"_qs, SharingChoice::FullSharing);
    a.sync();
    b.sync();
    REQUIRE(b.held(ana));

    a.edit(ana, [](ClientProfile& c) { c.firstName = u"Anabel"_qs; });
    b.edit(ana, [](ClientProfile& c) { c.lastName = u"Reyes Cruz"_qs; });
    a.sync();
    b.sync();
    a.sync();

    for (Workstation* ws : {&a, &b}) {
        const auto c = ws->held(ana);
        REQUIRE(c);
        CHECK(c->firstName == u"Anabel");
        CHECK(c->lastName == u"Reyes Cruz");
        CHECK(ws->conflicts().empty());
        CHECK(ws->findable(u"Anabel Reyes Cruz"_qs, ana));
    }
    const auto onServer = server.record(ana);
    REQUIRE(onServer);
    CHECK(onServer->fields.value(u"FirstName").toString() == u"Anabel");
    CHECK(onServer->fields.value(u"LastName").toString() == u"Reyes Cruz");
}

TEST_CASE("two desks edit the same field: a conflict, settled by hand at one desk, reaches both", "[sync][e2e]")
{
    START_SERVER(server);
    Workstation a;
    Workstation b;
    a.registerWith(server.url(), u"hank"_qs, u"Front desk A"_qs);
    b.registerWith(server.url(), u"hank"_qs, u"Front desk B"_qs);
    const QString ana = a.admit(u"Ana"_qs, u"Reyes"_qs, SharingChoice::FullSharing);
    a.sync();
    b.sync();

    a.edit(ana, [](ClientProfile& c) { c.firstName = u"Anna"_qs; });
    b.edit(ana, [](ClientProfile& c) { c.firstName = u"Ana Maria"_qs; });
    a.sync();
    QSignalSpy changed(&b.engine, &SyncEngine::conflictsChanged);
    b.sync();
    CHECK_FALSE(changed.isEmpty());
    // Until a person decides, each desk keeps what was typed there: the pull overwrites no side.
    CHECK(b.held(ana)->firstName == u"Ana Maria");
    a.sync();
    CHECK(a.held(ana)->firstName == u"Anna");

    // Both desks see the one conflict with both values; nothing was lost.
    for (Workstation* ws : {&a, &b}) {
        const auto open = ws->conflicts();
        REQUIRE(open.size() == 1);
        CHECK(open[0].entity == u"client");
        CHECK(open[0].entityUuid == ana);
        CHECK(open[0].clientUuid == ana);
        CHECK(open[0].field == u"FirstName");
        CHECK(open[0].serverValue.toString() == u"Anna");
        CHECK(open[0].deviceValue.toString() == u"Ana Maria");
        CHECK(SyncConflicts(*ws->vault).openCount().value() == 1);
        // Who made each side, where and when: A's edit is on the server, B's was sent after it.
        const ConflictSide& kept = open[0].serverSide;
        const ConflictSide& sent = open[0].deviceSide;
        CHECK(kept.by == u"hank");
        CHECK(kept.workstation == u"Front desk A");
        CHECK(kept.agency == u"Harbor House");
        CHECK(kept.thisWorkstation == (ws == &a));
        CHECK(sent.workstation == u"Front desk B");
        CHECK(sent.thisWorkstation == (ws == &b));
        REQUIRE(kept.known());
        REQUIRE(sent.known());
        CHECK(kept.at <= sent.at);
    }
    const QString conflictId = b.conflicts()[0].conflictId;

    // A value the record would not keep is refused and changes nothing.
    const QString dobConflict = conflictId; // the same conflict, tried with a malformed value first
    CHECK_FALSE(SyncConflicts(*b.vault).resolve(dobConflict, ConflictChoice::NewValue, QJsonValue(42)).ok());
    REQUIRE(b.conflicts().size() == 1);

    REQUIRE_OK(SyncConflicts(*b.vault).resolve(conflictId, ConflictChoice::KeepDevice));
    CHECK(b.conflicts().empty());
    CHECK(b.held(ana)->firstName == u"Ana Maria");
    b.sync();
    CHECK(b.conflicts().empty()); // the server no longer lists it
    a.sync();
    CHECK(a.conflicts().empty()); // settled elsewhere: gone here too

    for (Workstation* ws : {&a, &b})
        CHECK(ws->held(ana)->firstName == u"Ana Maria");
    const auto onServer = server.record(ana);
    REQUIRE(onServer);
    CHECK(onServer->fields.value(u"FirstName").toString() == u"Ana Maria");

    // Audited with the field and the side kept, never a value.
    AuditFilter filter;
    filter.action = QString::fromLatin1(audit::SyncConflictResolve);
    auto entries = AuditReader(*b.vault).query(filter);
    REQUIRE_OK(entries);
    REQUIRE(entries->size() == 1);
    CHECK(entries->front().recordUuid == ana);
    CHECK(entries->front().detail.contains(u"FirstName"));
    CHECK(entries->front().detail.contains(u"device"));
    CHECK_FALSE(entries->front().detail.contains(u"Ana"));
    CHECK_FALSE(entries->front().detail.contains(u"Anna"));
}

TEST_CASE("two desks: a No Sharing client at one never appears at the other", "[sync][e2e]")
{
    START_SERVER(server);
    Workstation a;
    Workstation b;
    a.registerWith(server.url());
    b.registerWith(server.url());
    const QString fay = a.admit(u"Fay"_qs, u"Shares"_qs, SharingChoice::FullSharing);
    const QString ned = a.admit(u"Ned"_qs, u"Nosharing"_qs, SharingChoice::NoSharing, 3);
    a.sync();
    b.sync();
    CHECK(b.held(fay));
    CHECK_FALSE(b.held(ned));
    CHECK_FALSE(b.findable(u"Ned Nosharing"_qs, ned));
    CHECK(b.enrollmentsOf(ned) == 0);
    CHECK(ConsentRecords(*b.vault).history(ned).value().empty());
    CHECK_FALSE(server.proxy->received().contains(ned.toUtf8()));
}

TEST_CASE("two desks: a revocation at one removes the client from the other at its next pull", "[sync][e2e]")
{
    START_SERVER(server);
    Workstation a;
    Workstation b;
    a.registerWith(server.url());
    b.registerWith(server.url());
    const QString rita = a.admit(u"Rita"_qs, u"Revokes"_qs, SharingChoice::FullSharing, 2);
    a.sync();
    b.sync();
    REQUIRE(b.held(rita));
    REQUIRE(b.findable(u"Rita Revokes"_qs, rita));
    REQUIRE(b.servicesOf(rita) == 2);

    a.clock.advanceSeconds(3600);
    REQUIRE_OK(ConsentRecords(*a.vault).revoke(rita, u"asked at the desk"_qs));
    a.sync();
    b.sync();
    CHECK_FALSE(b.held(rita));
    CHECK_FALSE(b.findable(u"Rita Revokes"_qs, rita));
    CHECK(b.enrollmentsOf(rita) == 0);
    CHECK(ConsentRecords(*b.vault).history(rita).value().empty());
    // The desk where the client revoked keeps its own records (local consent decides there).
    CHECK(a.held(rita));
    CHECK(a.servicesOf(rita) == 2);
}

TEST_CASE("two agencies: a Limited Sharing client reaches only the agency they named", "[sync][e2e]")
{
    START_SERVER(server);
    Workstation a;
    Workstation other;
    a.registerWith(server.url());
    other.registerWith(server.url(), u"olga"_qs);
    // Enrollments and services only, no identifying profile.
    const QString lee = a.admit(u"Lee"_qs, u"Limited"_qs, SharingChoice::LimitedSharing, 2, {u"Other Place"_qs});
    const QString lou = a.admit(u"Lou"_qs, u"Elsewhere"_qs, SharingChoice::LimitedSharing, 2, {u"Coastal Outreach"_qs});
    a.sync();
    other.sync();

    const auto there = other.held(lee);
    REQUIRE(there);
    CHECK(there->firstName.isEmpty()); // only what the server sent: no name
    CHECK(there->lastName.isEmpty());
    CHECK(other.enrollmentsOf(lee) == 1);
    CHECK(other.servicesOf(lee) == 2);
    CHECK_FALSE(other.held(lou));
    CHECK(other.enrollmentsOf(lou) == 0);
    // And the entering desk keeps the full record: its reduced echo changed nothing.
    CHECK(a.held(lee)->lastName == u"Limited");
}

TEST_CASE("three agencies: a narrower release takes the client away from the agency it leaves out", "[sync][e2e]")
{
    START_SERVER(server);
    Workstation a; // Harbor House, where the client signs
    Workstation b; // Other Place: sees them under Full Sharing only
    Workstation c; // Coastal Outreach: named in the narrower release
    a.registerWith(server.url());
    b.registerWith(server.url(), u"olga"_qs);
    c.registerWith(server.url(), u"cora"_qs);
    const QString nia = a.admit(u"Nia"_qs, u"Narrows"_qs, SharingChoice::FullSharing, 2);
    const QString kept = a.admit(u"Kim"_qs, u"Keeps"_qs, SharingChoice::FullSharing, 1);
    a.sync();
    b.sync();
    c.sync();
    REQUIRE(b.held(nia));
    REQUIRE(b.servicesOf(nia) == 2);
    REQUIRE(c.held(nia));

    // The client limits sharing to Coastal Outreach (enrollments and services).
    a.clock.advanceSeconds(3600);
    REQUIRE_OK(ConsentRecords(*a.vault).record(releaseFor(nia, SharingChoice::LimitedSharing, a.clock.today())));
    a.sync();
    b.sync();
    c.sync();
    CHECK_FALSE(b.held(nia));
    CHECK_FALSE(b.findable(u"Nia Narrows"_qs, nia));
    CHECK(b.enrollmentsOf(nia) == 0);
    CHECK(b.servicesOf(nia) == 0);
    CHECK(ConsentRecords(*b.vault).history(nia).value().empty());
    CHECK(b.held(kept)); // another client is untouched
    CHECK(b.servicesOf(kept) == 1);
    REQUIRE(c.held(nia));
    CHECK(c.enrollmentsOf(nia) == 1);
    CHECK(c.servicesOf(nia) == 2);
    CHECK(a.held(nia)->lastName == u"Narrows");
    CHECK(a.servicesOf(nia) == 2);

    // Full Sharing again: the agency gets the client back.
    a.clock.advanceSeconds(3600);
    REQUIRE_OK(ConsentRecords(*a.vault).record(releaseFor(nia, SharingChoice::FullSharing, a.clock.today())));
    a.sync();
    b.sync();
    REQUIRE(b.held(nia));
    CHECK(b.held(nia)->lastName == u"Narrows");
    CHECK(b.enrollmentsOf(nia) == 1);
    CHECK(b.servicesOf(nia) == 2);
}

TEST_CASE("an interrupted pull resumes after the last page applied", "[sync][e2e]")
{
    Server server(false);
    Workstation a;
    Workstation b;
    a.registerWith(server.url());
    b.registerWith(server.url());
    const QString ana = a.admit(u"Ana"_qs, u"Reyes"_qs, SharingChoice::FullSharing, 3); // 6 records: 2 pages
    a.sync();

    // The first page is applied; the answer to the second never arrives.
    QObject::connect(&b.engine, &SyncEngine::pulled, server.proxy.get(),
                     [&server] { server.proxy->setSwallowReplies(true); });
    QSignalSpy done(&b.engine, &SyncEngine::finished);
    REQUIRE(b.engine.syncNow());
    REQUIRE(done.wait(120000));
    CHECK_FALSE(done.front().at(0).toBool());
    QObject::disconnect(&b.engine, &SyncEngine::pulled, server.proxy.get(), nullptr);
    server.proxy->setSwallowReplies(false);
    const qint64 cursor = SyncInbox(*b.vault).pullCursor().value();
    CHECK(cursor > 0);
    CHECK(b.held(ana)); // the first page holds the client

    QSignalSpy pulled(&b.engine, &SyncEngine::pulled);
    b.sync();
    REQUIRE_FALSE(pulled.isEmpty());
    CHECK(pulled.back().front().toLongLong() == 2); // only what the first attempt had not applied
    CHECK(SyncInbox(*b.vault).pullCursor().value() > cursor);
    CHECK(b.enrollmentsOf(ana) == 1);
    CHECK(b.servicesOf(ana) == 3);
}
