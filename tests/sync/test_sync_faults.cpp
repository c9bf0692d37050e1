// Sync under faults, end to end: the real engine over a real SQLCipher store against a real hearth-server
// process, behind a LoopbackProxy that scripts the fault (hangs, slow replies, 500s, malformed answers,
// duplicated, reordered and reset deliveries, a server killed mid-batch, a device clock a year off).
// After each, convergence: every consented record on the server exactly once at its latest version, the
// workstation's change log all confirmed, and nothing of a No Sharing client in any request, in any pull or
// in the server's database. The kill and duplicate cases run on PostgreSQL too (a throwaway cluster).
// Here: the replies (500s, hangs, slow and malformed answers, resets, a lost refusal); deliveries out of
// order, a killed server and clock skew are in test_sync_fault_order.cpp.
#include "tests/sync/SyncFaultsSupport.h"

#include <catch2/reporters/catch_reporter_event_listener.hpp>
#include <catch2/reporters/catch_reporter_registrars.hpp>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::test::faults;
using Fault = LoopbackProxy::Fault;

namespace {
/// The shared PostgreSQL cluster stops while the application (and QProcess) still runs.
class ClusterShutdown : public Catch::EventListenerBase
{
public:
    using Catch::EventListenerBase::EventListenerBase;
    void testRunEnded(const Catch::TestRunStats&) override { PostgresCluster::shutdownShared(); }
};
} // namespace
CATCH_REGISTER_LISTENER(ClusterShutdown)

TEST_CASE("HTTP 500s: the engine backs off, tries again and converges", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    s.server.proxy->injectIntoPushes(Fault::Error500, 3);
    QSignalSpy retries(&s.ws.engine, &SyncEngine::retryScheduled);
    const QStringList failures = s.ws.syncUntilDone();
    REQUIRE(failures.size() == 3);
    CHECK(failures.front().contains(u"error 500"));
    CHECK(s.server.proxy->faultsLeft() == 0);
    // Exponential backoff from 100 ms (each delay between half and all of 100, 200, 400 ms).
    REQUIRE(retries.size() == 3);
    CHECK(retries.at(0).front().toLongLong() <= 100);
    CHECK(retries.at(2).front().toLongLong() >= 200);
    CHECK(SyncState(*s.ws.vault).outcome().value().lastErrorCode.isEmpty());
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a hanging reply: the engine gives up after its timeout and the replay changes nothing", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    s.ws.setBatch(7, kTimeoutMs);
    s.server.proxy->injectIntoPushes(Fault::Hang);
    QElapsedTimer elapsed;
    elapsed.start();
    const QStringList failures = s.ws.syncUntilDone();
    REQUIRE_FALSE(failures.isEmpty()); // more than one only when a loaded machine is silent that long too
    CHECK(failures.front().contains(u"could not be reached"));
    CHECK(elapsed.elapsed() >= kTimeoutMs);
    // The server applied the hung batch; the engine's second delivery of it was answered as a duplicate.
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a slow reply that keeps coming is waited for, however long it takes in all", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    s.ws.setBatch(7, kTimeoutMs);
    s.server.proxy->setDrip(64, kTimeoutMs / 10);
    s.server.proxy->injectIntoPushes(Fault::SlowDrip);
    QElapsedTimer elapsed;
    elapsed.start();
    CHECK(s.ws.syncUntilDone().isEmpty());
    CHECK(elapsed.elapsed() > kTimeoutMs); // longer than the timeout, but never silent that long
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a malformed answer from the real server: nothing advances, the retry converges", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    const qint64 cursor = SyncState(*s.ws.vault).pushCursor().value();
    s.server.proxy->injectIntoPushes(Fault::Malformed);
    QObject::connect(&s.ws.engine, &SyncEngine::finished, &s.ws.engine, [&](bool ok) {
        if (!ok) // the batch the server applied is not marked sent before an answer could be read
            CHECK(SyncState(*s.ws.vault).pushCursor().value() == cursor);
    });
    const QStringList failures = s.ws.syncUntilDone();
    REQUIRE(failures.size() == 1);
    CHECK(failures.front().contains(u"could not be read"));
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a connection reset after the server applied a push: the replay is a duplicate", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    s.server.proxy->injectIntoPushes(Fault::ResetAfterForward, 2);
    const int delivered = s.server.proxy->pushesDelivered();
    // Qt Network itself sends a request once more when a reused connection closes before any answer, so
    // a reset may never reach the engine; either way the server answers the replay 'duplicate'.
    CHECK(s.ws.syncUntilDone().size() <= 2);
    CHECK(s.server.proxy->faultsLeft() == 0);
    CHECK(s.server.proxy->pushesDelivered() >= delivered + 3); // the reset ones reached the server
    requireConverged(s.server, s.ws, s.population);
}

TEST_CASE("a refusal whose answer was lost is still reported when the replay comes back 'duplicate'", "[sync][faults]")
{
    Scenario s;
    s.firstSync();
    CHECK(s.ws.syncUntilDone().isEmpty());
    // The client asked the agency, through another workstation, to take their records off the server.
    const QString pat = s.population.sharing.front();
    ApiClient other(*s.server.process);
    REQUIRE(other.signIn(u"hank"_qs, kHankPassword, u"back-office"_qs));
    const sync::RestrictionRequest restriction {u"restriction-1"_qs, pat, u"revoked"_qs,
                                                QDateTime::currentDateTimeUtc()};
    REQUIRE(other.post(u"/api/v1/restrictions"_qs, restriction.toJson()).status == 200);

    // This workstation has not heard yet and edits Pat: the server refuses, and that answer is lost.
    s.ws.rename(pat, u"Refused"_qs);
    s.server.proxy->injectIntoPushes(Fault::ResetAfterForward);
    QSignalSpy done(&s.ws.engine, &SyncEngine::finished);
    CHECK(s.ws.syncUntilDone().size() <= 1); // Qt Network may resend once by itself
    CHECK(s.server.proxy->faultsLeft() == 0);
    const QString message = done.back().at(1).toString();
    INFO(message.toStdString());
    CHECK(message.contains(u"refused 1 change"));
    CHECK(message.contains(u"client-restricted"));
    CHECK(SyncState(*s.ws.vault).outcome().value().lastErrorCode == u"rejected");
    CHECK(SyncState(*s.ws.vault).pendingCount().value() == 0);
}
