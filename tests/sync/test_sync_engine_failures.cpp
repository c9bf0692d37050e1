// The client sync engine end to end against a real hearth-server process (SQLite) behind a recording proxy,
// when something fails: a lost answer, an expired sign-in, a malformed answer, a revoked device, an
// unreachable server and a redirect.
#include "tests/sync/SyncEngineSupport.h"

#include <catch2/generators/catch_generators.hpp>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::test::engine;

TEST_CASE("an answer lost mid-push: the sync resumes and the server keeps one copy of each record", "[sync][e2e]")
{
    Server server;
    Workstation ws;
    QStringList clients;
    for (int i = 0; i < 6; ++i) {
        const QString c = ws.client(u"Pat"_qs, QStringLiteral("Resume%1").arg(i));
        ws.record(c, SharingChoice::FullSharing);
        ws.bedNights(ws.enroll(c, ws.shelter.uuid), 2);
        clients << c;
    }
    ws.registerWith(server.url());

    // After the first batch is confirmed, the server applies the next one but its answer never arrives.
    QObject::connect(&ws.engine, &SyncEngine::progress, server.proxy.get(),
                     [&server] { server.proxy->setSwallowReplies(true); });
    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"could not be reached"));
    QObject::disconnect(&ws.engine, &SyncEngine::progress, server.proxy.get(), nullptr);
    server.proxy->setSwallowReplies(false);
    const qint64 stoppedAt = SyncState(*ws.vault).pushCursor().value();
    CHECK(stoppedAt > 0);
    CHECK(SyncState(*ws.vault).pendingCount().value() > 0);

    // The server goes down and comes back; the next sync replays the lost batch and finishes.
    server.restart();
    const auto [again, message2] = ws.sync();
    INFO(message2.toStdString());
    REQUIRE(again);
    CHECK(SyncState(*ws.vault).pendingCount().value() == 0);
    const auto ours = held(server.pullAs(u"hank"_qs, kHankPassword));
    CHECK(clientsIn(ours) == QSet<QString>(clients.begin(), clients.end()));
    CHECK(ours.size() == 6 * 5); // profile, release, enrollment and two bed nights each: one copy each
    for (const sync::PulledChange& r : ours)
        CHECK(r.version == 1); // a replay was a duplicate, never a second write
}

TEST_CASE("an expired server sign-in stops the sync with a clear request to sign in again", "[sync][e2e]")
{
    QProcessEnvironment env;
    env.insert(u"HEARTH_SERVER_TOKEN_LIFETIME_SECONDS"_qs, u"2"_qs);
    Server server(env);
    Workstation ws;
    ws.registerWith(server.url());
    const QString c = ws.client(u"Tia"_qs, u"Token"_qs);
    ws.record(c, SharingChoice::FullSharing);
    // A sign-in made after the workstation's expires no sooner: once the server refuses it, it refuses the
    // workstation's too, however long that takes on this machine.
    ApiClient probe(*server.process);
    REQUIRE(probe.signIn(u"hank"_qs, kHankPassword, u"expiry-probe"_qs));
    REQUIRE(QTest::qWaitFor([&] { return probe.get(u"/api/v1/pull?since=0"_qs).status == 401; }, 60000));
    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"Sign in to the server again"));
    CHECK(SyncState(*ws.vault).pushCursor().value() == 0);
    CHECK(SyncState(*ws.vault).registration().value()->token.isEmpty());
    // The next attempt does not even try the server.
    const int pushes = server.proxy->pushRequests();
    CHECK_FALSE(ws.sync().first);
    CHECK(server.proxy->pushRequests() == pushes);
    // Signing in again resumes where it stopped.
    ws.registerWith(server.url());
    REQUIRE(ws.sync().first);
    CHECK(clientsIn(held(server.pullAs(u"hank"_qs, kHankPassword))).contains(c));
}

TEST_CASE("a malformed answer advances nothing", "[sync][e2e]")
{
    Workstation ws;
    const QString c = ws.client(u"Mal"_qs, u"Formed"_qs);
    ws.record(c, SharingChoice::FullSharing);
    const QByteArray bad
        = GENERATE(QByteArray("{\"protocol\":1,\"results\":[]}"), QByteArray("not json at all"),
                   QByteArray("{\"protocol\":1,\"results\":[{\"key\":\"other:1\",\"status\":\"applied\","
                              "\"serverVersion\":1,\"serverSeq\":1}]}"));
    CannedServer fake(CannedServer::http(200, bad));
    SyncRegistration r;
    r.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(fake.port());
    r.deviceId = u"dev-fake"_qs;
    r.token = u"t"_qs;
    r.tokenExpiresAt = ws.clock.now().addDays(30);
    r.agency = u"HH"_qs;
    r.registeredAt = ws.clock.now();
    REQUIRE_OK(SyncState(*ws.vault).saveRegistration(r));
    const qint64 pending = SyncState(*ws.vault).pendingCount().value();

    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"could not be read"));
    CHECK(fake.requests() == 1);
    CHECK(SyncState(*ws.vault).pushCursor().value() == 0);
    CHECK(SyncState(*ws.vault).pendingCount().value() == pending);
}

TEST_CASE("a revoked device hears why and is told to wipe", "[sync][e2e]")
{
    Workstation ws;
    CannedServer fake(CannedServer::http(
        403, R"({"protocol":1,"error":"device-revoked","message":"revoked","reason":"Laptop stolen"})"));
    SyncRegistration r;
    r.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(fake.port());
    r.deviceId = u"dev-fake"_qs;
    r.token = u"t"_qs;
    r.tokenExpiresAt = ws.clock.now().addDays(30);
    r.registeredAt = ws.clock.now();
    REQUIRE_OK(SyncState(*ws.vault).saveRegistration(r));
    const QString c = ws.client(u"Rev"_qs, u"Oked"_qs);
    ws.record(c, SharingChoice::FullSharing);
    QSignalSpy revoked(&ws.engine, &SyncEngine::deviceRevoked);
    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"Laptop stolen"));
    REQUIRE(revoked.size() == 1);
    CHECK(revoked.front().front().toString() == u"Laptop stolen");
}

TEST_CASE("an unreachable server fails softly and schedules a retry with backoff", "[sync][e2e]")
{
    Workstation ws;
    sync::SyncSettings settings;
    settings.retry = true;
    settings.retryInitialMs = 60000;
    ws.engine.setSettings(settings);
    quint16 deadPort = 0;
    {
        CannedServer gone(QByteArray {});
        deadPort = gone.port();
    }
    SyncRegistration r;
    r.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(deadPort);
    r.deviceId = u"dev-x"_qs;
    r.token = u"t"_qs;
    r.tokenExpiresAt = ws.clock.now().addDays(30);
    r.registeredAt = ws.clock.now();
    REQUIRE_OK(SyncState(*ws.vault).saveRegistration(r));
    const QString c = ws.client(u"Off"_qs, u"Line"_qs);
    ws.record(c, SharingChoice::FullSharing);
    QSignalSpy retry(&ws.engine, &SyncEngine::retryScheduled);
    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"could not be reached"));
    REQUIRE(retry.size() == 1);
    const qint64 delay = retry.front().front().toLongLong();
    CHECK(delay >= 30000);
    CHECK(delay <= 60000);
    ws.engine.cancel();
}

TEST_CASE("a redirect is not followed: records go only to the address that was registered", "[sync][e2e]")
{
    Workstation ws;
    CannedServer elsewhere(CannedServer::http(200, R"({"protocol":1,"results":[]})"));
    QByteArray redirect = CannedServer::http(302, "{}");
    const QByteArray location
        = QByteArray("Location: http://127.0.0.1:") + QByteArray::number(elsewhere.port()) + "/api/v1/push\r\n";
    redirect.replace(QByteArray("Content-Type"), QByteArray(location + "Content-Type"));
    CannedServer fake(redirect);
    SyncRegistration r;
    r.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(fake.port());
    r.deviceId = u"dev-fake"_qs;
    r.token = u"t"_qs;
    r.tokenExpiresAt = ws.clock.now().addDays(30);
    r.registeredAt = ws.clock.now();
    REQUIRE_OK(SyncState(*ws.vault).saveRegistration(r));
    const QString c = ws.client(u"Red"_qs, u"Irect"_qs);
    ws.record(c, SharingChoice::FullSharing);
    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"302"));
    CHECK(fake.requests() == 1);
    CHECK(elsewhere.requests() == 0);
    CHECK(SyncState(*ws.vault).pushCursor().value() == 0);
}
