// Sync under faults, end to end, when deliveries go wrong: a push delivered twice, held back, stale or past a
// revocation, the server killed mid-batch, and a workstation clock a year off. Each ends converged (see
// SyncFaultsSupport.h); the kill and duplicate cases run on PostgreSQL too.
#include "tests/sync/SyncFaultsSupport.h"

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::test::faults;
using Fault = LoopbackProxy::Fault;

TEMPLATE_TEST_CASE("a push delivered twice is applied once; the client hears 'duplicate' and goes on", "[sync][faults]",
                   Sqlite, Postgres)
{
    Scenario s(TestType::postgres);
    if (!s.server.ready())
        SKIP(s.server.skipReason.toStdString());
    s.firstSync();
    s.server.proxy->injectIntoPushes(Fault::Duplicate, 2);
    CHECK(s.ws.syncUntilDone().isEmpty());
    // The copies went first: applied there, so the answers the engine worked from said 'duplicate'.
    REQUIRE(s.server.proxy->sideReplies().size() == 2);
    for (const QByteArray& status : s.server.proxy->sideReplies())
        CHECK(status.contains(" 200 "));
    for (const QByteArray& body : s.server.proxy->sideBodies())
        CHECK(body.contains("\"status\":\"applied\""));
    CHECK(s.server.proxy->pushesDelivered() == s.server.proxy->pushRequests() + 2);
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a push held back and delivered after later ones changes nothing", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    // The first push of this sync is held (the engine is told it failed) and delivered again; the held copy
    // reaches the server only after that second delivery was answered.
    s.server.proxy->injectIntoPushes(Fault::Reorder);
    const QStringList failures = s.ws.syncUntilDone();
    CHECK(failures.size() == 1);
    REQUIRE(QTest::qWaitFor([&] { return s.server.proxy->sideReplies().size() == 1; }, 60000));
    CHECK(s.server.proxy->sideBodies().front().contains("\"status\":\"duplicate\""));
    CHECK_FALSE(s.server.proxy->sideBodies().front().contains("\"status\":\"applied\""));
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a stale push delivered after a later edit changes nothing: the newest version stays", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    CHECK(s.ws.syncUntilDone().isEmpty());
    const QString pat = s.population.sharing.front();
    s.ws.rename(pat, u"Stale"_qs);
    // The push carrying "Stale" is held until the server answered two later pushes: the engine's own
    // second delivery of it, and the push of the next edit.
    s.server.proxy->setReorderDistance(2);
    s.server.proxy->injectIntoPushes(Fault::Reorder);
    CHECK(s.ws.syncUntilDone().size() == 1);
    CHECK(s.server.proxy->holding());
    s.ws.rename(pat, u"Fresh"_qs);
    CHECK(s.ws.syncUntilDone().isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return s.server.proxy->sideReplies().size() == 1; }, 60000));
    CHECK(s.server.proxy->sideBodies().front().contains("\"status\":\"duplicate\""));
    requireConverged(s.server, s.ws, s.population); // Pat's newest change ("Fresh") is what the server holds
}

TEST_CASE("a push held back past a revocation is refused: the edit never lands", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    CHECK(s.ws.syncUntilDone().isEmpty());
    const QString rita = s.population.sharing.front();
    s.ws.rename(rita, u"Heldbackname"_qs);
    s.server.proxy->injectIntoPushes(Fault::Reorder);
    QSignalSpy done(&s.ws.engine, &SyncEngine::finished);
    REQUIRE(s.ws.engine.syncNow());
    REQUIRE(done.wait(60000));
    CHECK_FALSE(done.front().at(0).toBool());
    s.ws.engine.cancel(); // no retry before the revocation

    // Rita revokes. The next sync sends the restriction first, then a new client's records; only after
    // that does the held push (Rita's edit under her old release) reach the server.
    s.ws.clock.advanceSeconds(3600);
    REQUIRE_OK(ConsentRecords(*s.ws.vault).revoke(rita, u"asked at the desk"_qs));
    s.population.sharing.removeOne(rita);
    s.ws.populate(s.population, 1, 0, u"D"_qs);
    CHECK(s.ws.syncUntilDone().isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return s.server.proxy->sideReplies().size() == 1; }, 60000));
    CHECK(s.server.proxy->sideBodies().front().contains("client-restricted"));
    CHECK_FALSE(s.server.databaseBytes().contains("Heldbackname"));
    for (const auto& [login, password] : {std::pair<QString, QString> {u"hank"_qs, kHankPassword},
                                          std::pair<QString, QString> {u"olga"_qs, kOlgaPassword}})
        for (const sync::PulledChange& p : s.server.pullAll(login, password)) {
            CHECK_FALSE(QJsonDocument(p.fields).toJson().contains("Heldbackname"));
            if (p.uuid == rita || p.fields.value(u"PersonalID").toString() == rita)
                CHECK(p.operation == u"restrict");
        }
    // Every workstation learns of the restriction, however small its pull pages: the restriction stamps
    // all of Rita's records (the client's `restrict`, the others' `delete`) with one sequence number.
    const auto tombstones = [&](int limit) {
        QSet<QString> out;
        for (const sync::PulledChange& p : s.server.pullAll(u"olga"_qs, kOlgaPassword, limit))
            if (p.operation == u"restrict" || p.operation == u"delete")
                out.insert(p.operation + u' ' + p.uuid);
        return out;
    };
    const QSet<QString> whole = tombstones(1000);
    CHECK(whole.size() == 5); // profile, release, enrollment, two bed nights
    CHECK(tombstones(1) == whole);
    CHECK(tombstones(2) == whole);
    CHECK(tombstones(3) == whole);
    requireConverged(s.server, s.ws, s.population);
}

TEMPLATE_TEST_CASE("the server killed mid-batch: after a restart one copy of everything", "[sync][faults]", Sqlite,
                   Postgres)
{
    Scenario s(TestType::postgres);
    if (!s.server.ready())
        SKIP(s.server.skipReason.toStdString());
    s.firstSync();
    s.ws.populate(s.population, 30, 3, u"C"_qs); // one batch of some 170 changes
    s.ws.setBatch(1000, kGenerousTimeoutMs); // this fault is the kill, not a timeout while the server works
    // The kill comes at a point the proxy holds, never after a delay that a fast or slow machine moves:
    // the server has all but the body's last bytes (nothing can be applied), or it has committed the
    // whole batch and its answer is held (the workstation never hears it).
    const Fault where = GENERATE(Fault::CutBeforeEnd, Fault::HoldAnswer);
    INFO((where == Fault::CutBeforeEnd ? "killed before the batch arrived whole" : "killed before its answer left"));
    s.server.proxy->injectIntoPushes(where);
    bool killed = false;
    QObject::connect(s.server.proxy.get(), &LoopbackProxy::faultReached, s.server.proxy.get(), [&] {
        killed = true;
        s.server.process->kill();
    });
    QSignalSpy done(&s.ws.engine, &SyncEngine::finished);
    REQUIRE(s.ws.engine.syncNow());
    REQUIRE(done.wait(120000));
    CHECK_FALSE(done.front().at(0).toBool());
    REQUIRE(killed);
    const qint64 pending = SyncState(*s.ws.vault).pendingCount().value();
    CHECK(pending > 0); // nothing of the cut batch is marked sent

    s.ws.engine.cancel(); // the pending retry; the sync below starts at once
    s.server.restart();
    CHECK(s.ws.syncUntilDone().isEmpty());
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a workstation clock a year off syncs correctly: order comes from the server's sequence", "[sync][faults]")
{
    const qint64 offsetDays = GENERATE(365, -365);
    INFO("workstation clock " << offsetDays << " days off");
    const QDateTime serverNow = QDateTime::currentDateTimeUtc();
    Server server;
    Workstation ws;
    ws.clock.set(serverNow.addDays(offsetDays));
    Population population;
    ws.populate(population, 3, 2);
    ws.registerWith(server.url());
    CHECK(ws.syncUntilDone().isEmpty());
    const QString pat = population.sharing.front();
    ws.rename(pat, u"Second"_qs);
    CHECK(ws.syncUntilDone().isEmpty());

    // Someone corrects the clock past the other way: the newest edit now carries the oldest time.
    ws.clock.set(serverNow.addDays(-offsetDays));
    ws.rename(pat, u"Third"_qs);
    ws.populate(population, 2, 1, u"B"_qs);
    CHECK(ws.syncUntilDone().isEmpty());
    // Reading the change log signs in again: at the store's own time, or the password would have expired.
    ws.clock.set(ManualClock().now());
    const std::vector<ChangeRecord> log = ws.changeLog();
    REQUIRE(log.size() > 2);
    if (offsetDays > 0)
        CHECK(log.back().changedAt < log.front().changedAt);
    requireConverged(server, ws, population); // Pat's last name on the server is "Third"
    bool found = false;
    for (const sync::PulledChange& p : server.pullAll(u"hank"_qs, kHankPassword))
        if (p.uuid == pat) {
            found = true;
            CHECK(p.fields.value(u"LastName").toString() == u"Third");
        }
    CHECK(found);
}

TEST_CASE("a release narrowed after the workstation clock was a year ahead narrows who sees the client",
          "[sync][faults]")
{
    const QDateTime serverNow = QDateTime::currentDateTimeUtc();
    Server server;
    Workstation ws;
    ws.clock.set(serverNow.addDays(365));
    const QString lee = ws.client(u"Lee"_qs, u"Narrows"_qs);
    ws.record(lee, SharingChoice::FullSharing); // expires two years from a date a year ahead
    ws.stay(lee);
    ws.registerWith(server.url());
    CHECK(ws.syncUntilDone().isEmpty());
    const auto sees = [&server](const QString& login, const QString& password, const QString& client) {
        for (const sync::PulledChange& p : server.pullAll(login, password))
            if ((p.uuid == client || p.fields.value(u"PersonalID").toString() == client) && p.operation != u"restrict"
                && p.operation != u"delete")
                return true;
        return false;
    };
    REQUIRE(sees(u"olga"_qs, kOlgaPassword, lee));

    // The clock is put right; Lee now shares only with Coastal Outreach. That release expires earlier
    // than the one before it, yet it is the newer one: the server saw it later.
    ws.clock.set(serverNow);
    ws.record(lee, SharingChoice::LimitedSharing);
    CHECK(ws.syncUntilDone().isEmpty());
    CHECK(sees(u"hank"_qs, kHankPassword, lee)); // the entering agency
    CHECK_FALSE(sees(u"olga"_qs, kOlgaPassword, lee));
}
