// The client sync engine end to end: the real engine over a real SQLCipher store, through the real
// consent services, against a real hearth-server process (SQLite) on loopback, behind a recording proxy.
// The server's side is read through the protocol (pull) and the raw bytes of its database file: this
// process links SQLCipher, so it never loads Qt's QSQLITE driver.
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentGate.h"
#include "core/services/ServiceRecords.h"
#include "core/syncstate/SyncState.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/Messages.h"
#include "tests/consent/ConsentTestSupport.h"
#include "tests/sync/support/LoopbackProxy.h"
#include "tests/sync/support/ServerProcess.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/generators/catch_generators.hpp>

using namespace hearth;
using namespace hearth::test;
using hearth::sync::SyncEngine;

namespace {
const QString kHankPassword = u"front-desk-pw-26h"_qs;
const QString kOlgaPassword = u"other-place-pw-26o"_qs;

/// hearth-server over a fresh SQLite file with Harbor House (this store's agency: hank) and Other Place
/// (olga), behind a LoopbackProxy.
struct Server
{
    QTemporaryDir dir;
    QString spec = dir.filePath(u"server.db"_qs);
    QProcessEnvironment environment;
    std::unique_ptr<ServerProcess> process;
    std::unique_ptr<LoopbackProxy> proxy;

    explicit Server(QProcessEnvironment env = {})
        : environment(std::move(env))
    {
        process = std::make_unique<ServerProcess>(spec, environment);
        REQUIRE(process->admin({u"agency"_qs, u"add"_qs, u"HH"_qs, u"Harbor House"_qs}) == 0);
        REQUIRE(process->admin({u"agency"_qs, u"add"_qs, u"OT"_qs, u"Other Place"_qs}) == 0);
        REQUIRE(
            process->admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"HH"_qs, u"hank"_qs}, kHankPassword.toUtf8() + '\n')
            == 0);
        REQUIRE(
            process->admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"OT"_qs, u"olga"_qs}, kOlgaPassword.toUtf8() + '\n')
            == 0);
        start();
        proxy = std::make_unique<LoopbackProxy>(quint16(process->url({}).port()));
    }

    void start()
    {
        QString why;
        if (!process->start(&why))
            FAIL("hearth-server did not start: " << why.toStdString());
    }
    /// Stops the server process (as a crash or a restart would) and starts a new one on the same file.
    void restart()
    {
        process = std::make_unique<ServerProcess>(spec, environment);
        start();
        proxy->setTargetPort(quint16(process->url({}).port()));
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy->port())); }

    /// Everything @p login's agency may see, straight from the server (one page is plenty here).
    sync::PullReply pullAs(const QString& login, const QString& password)
    {
        ApiClient client(*process);
        REQUIRE(client.signIn(login, password, u"probe-"_qs + login));
        const Reply reply = client.get(u"/api/v1/pull?since=0&limit=1000"_qs);
        REQUIRE(reply.status == 200);
        auto parsed = sync::PullReply::fromJson(reply.json);
        REQUIRE(std::holds_alternative<sync::PullReply>(parsed));
        return std::get<sync::PullReply>(parsed);
    }
    /// The bytes of the server's database files (main file and write-ahead log).
    QByteArray databaseBytes() const
    {
        QByteArray all;
        for (const QString& suffix : {QString(), u"-wal"_qs, u"-journal"_qs}) {
            QFile f(spec + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
};

/// The records the server holds for this agency, by uuid (restricted and deleted ones left out).
QHash<QString, sync::PulledChange> held(const sync::PullReply& reply)
{
    QHash<QString, sync::PulledChange> out;
    for (const sync::PulledChange& c : reply.changes)
        if (c.operation == u"insert" || c.operation == u"update")
            out.insert(c.uuid, c);
    return out;
}

QSet<QString> clientsIn(const QHash<QString, sync::PulledChange>& records)
{
    QSet<QString> out;
    for (const sync::PulledChange& c : records)
        out.insert(c.entity == u"client" ? c.uuid : c.fields.value(u"PersonalID").toString());
    return out;
}

struct Workstation : ConsentStore
{
    SyncEngine engine {*vault};

    Workstation()
    {
        sync::SyncSettings settings;
        settings.batchSize = 7; // several batches even for a handful of clients
        settings.retry = false; // the tests decide when to try again
        engine.setSettings(settings);
    }

    void registerWith(const QUrl& url)
    {
        QSignalSpy ok(&engine, &SyncEngine::registered);
        QSignalSpy failed(&engine, &SyncEngine::registrationFailed);
        engine.registerDevice(url, u"hank"_qs, kHankPassword, u"Front desk"_qs);
        REQUIRE((ok.wait(30000) || !failed.isEmpty()));
        INFO((failed.isEmpty() ? QString() : failed.front().front().toString()).toStdString());
        REQUIRE(ok.size() == 1);
    }

    /// Runs one sync to its end: (ok, message).
    std::pair<bool, QString> sync()
    {
        QSignalSpy done(&engine, &SyncEngine::finished);
        REQUIRE(engine.syncNow());
        if (done.isEmpty())
            REQUIRE(done.wait(120000));
        return {done.front().at(0).toBool(), done.front().at(1).toString()};
    }

    /// A client whose every field holds a unique canary, with a No Sharing release.
    QString noSharingCanary(const QString& tag, QStringList& canaries)
    {
        ClientProfile p;
        p.firstName = u"Canaryfirst"_qs + tag;
        p.middleName = u"Canarymiddle"_qs + tag;
        p.lastName = u"Canarylast"_qs + tag;
        p.nameSuffix = u"Canarysuffix"_qs + tag;
        p.alias = u"Canaryalias"_qs + tag;
        p.additionalRaceEthnicity = u"Canaryrace"_qs + tag;
        canaries << p.firstName << p.middleName << p.lastName << p.nameSuffix << p.alias << p.additionalRaceEthnicity;
        clock.advanceSeconds(60);
        auto made = ConsentRecords(*vault).createClient(p, releaseFor({}, SharingChoice::NoSharing, clock.today()));
        REQUIRE_OK(made);
        canaries << made->uuid << made->caseNumber;
        return made->uuid;
    }

    void bedNights(const QString& enrollment, int nights)
    {
        for (int i = 0; i < nights; ++i)
            REQUIRE_OK(ServiceRecords(*vault).checkIn({enrollment}, QDate(2026, 1, 2).addDays(i)));
    }
};
} // namespace

TEST_CASE("a sync puts exactly the consented clients on the server, each in its consented form", "[sync][e2e]")
{
    Server server;
    Workstation ws;
    const QString full = ws.client(u"Fay"_qs, u"Full"_qs);
    const QString limited = ws.client(u"Lee"_qs, u"Limited"_qs);
    const QString anonymous = ws.client(u"Ann"_qs, u"Anonymous"_qs);
    const QString noSharing = ws.client(u"Ned"_qs, u"Nosharing"_qs);
    const QString unconsented = ws.client(u"Una"_qs, u"Unasked"_qs);
    ws.record(full, SharingChoice::FullSharing);
    ws.record(limited, SharingChoice::LimitedSharing);
    ws.record(anonymous, SharingChoice::Anonymous);
    ws.record(noSharing, SharingChoice::NoSharing);
    QHash<QString, QString> enrollmentOf;
    for (const QString& c : {full, limited, anonymous, noSharing, unconsented}) {
        enrollmentOf.insert(c, ws.enroll(c, ws.shelter.uuid));
        ws.bedNights(enrollmentOf.value(c), 3);
    }

    ws.registerWith(server.url());
    const qint64 pendingBefore = SyncState(*ws.vault).pendingCount().value();
    QSignalSpy progress(&ws.engine, &SyncEngine::progress);
    const auto [ok, message] = ws.sync();
    INFO(message.toStdString());
    REQUIRE(ok);
    CHECK(SyncState(*ws.vault).pendingCount().value() == 0);
    // Progress for a long sync: several batches, counting down to nothing left.
    REQUIRE(progress.size() >= 3);
    CHECK(progress.front().at(1).toLongLong() < pendingBefore);
    CHECK(progress.back().at(1).toLongLong() == 0);

    const auto ours = held(server.pullAs(u"hank"_qs, kHankPassword));
    CHECK(clientsIn(ours) == QSet<QString> {full, limited, anonymous});
    REQUIRE(ours.contains(full));
    CHECK(ours.value(full).fields.value(u"FirstName").toString() == u"Fay");
    REQUIRE(ours.contains(anonymous));
    CHECK(ours.value(anonymous).fields.value(u"FirstName").toString().isEmpty());
    CHECK(ours.contains(enrollmentOf.value(full)));
    for (const QString& c : {noSharing, unconsented})
        CHECK_FALSE(ours.contains(enrollmentOf.value(c)));
    int fullServices = 0;
    for (const sync::PulledChange& r : ours)
        if (r.entity == u"service" && r.fields.value(u"PersonalID").toString() == full)
            ++fullServices;
    CHECK(fullServices == 3);

    // Another agency sees Full and Anonymous clients, not the Limited one who named someone else.
    const auto theirs = held(server.pullAs(u"olga"_qs, kOlgaPassword));
    CHECK(clientsIn(theirs) == QSet<QString> {full, anonymous});

    // Nothing the server received names the clients who do not share.
    for (const QString& name : {u"Nosharing"_qs, u"Unasked"_qs, noSharing, unconsented})
        CHECK_FALSE(server.proxy->received().contains(name.toUtf8()));

    // A second sync with nothing new sends nothing.
    const int pushes = server.proxy->pushRequests();
    REQUIRE(ws.sync().first);
    CHECK(server.proxy->pushRequests() == pushes);
}

TEST_CASE("canary: No Sharing clients never reach the server, in any request or its database", "[sync][e2e]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    QStringList canaries;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 3; ++i) {
            const QString tag = QStringLiteral("X%1Q%2Z").arg(round).arg(i);
            const QString c = ws.noSharingCanary(tag, canaries);
            ws.bedNights(ws.enroll(c, ws.shelter.uuid), 2);
        }
        // Sharing records interleave with them in the change log.
        const QString sharing = ws.client(u"Sam"_qs, QStringLiteral("Shares%1").arg(round));
        ws.record(sharing, SharingChoice::FullSharing);
        ws.bedNights(ws.enroll(sharing, ws.shelter.uuid), 1);
        const auto [ok, message] = ws.sync();
        INFO(message.toStdString());
        REQUIRE(ok);
    }
    REQUIRE(server.proxy->pushRequests() > 0); // the shared client's records did go up
    const QByteArray requests = server.proxy->received();
    const QByteArray database = server.databaseBytes();
    REQUIRE(database.size() > 0);
    for (const QString& canary : canaries) {
        INFO(canary.toStdString());
        CHECK_FALSE(requests.contains(canary.toUtf8()));
        CHECK_FALSE(database.contains(canary.toUtf8()));
    }
}

TEST_CASE("a client whose consent changes while their batch waits its turn goes as the new consent says", "[sync][e2e]")
{
    // Revoked: nothing of Rosa is sent. Narrowed to Anonymous: she is sent without her name.
    const bool revokes = GENERATE(true, false);
    INFO((revokes ? "Rosa revokes" : "Rosa narrows to Anonymous"));
    Server server;
    Workstation ws; // batches of 7 change-log rows
    for (int i = 0; i < 4; ++i)
        ws.record(ws.client(u"Sam"_qs, QStringLiteral("Early%1").arg(i)), SharingChoice::FullSharing);
    // Rosa's records come after the first batch: the engine prepares them while the server has that one.
    const QString rosa = ws.client(u"Rosa"_qs, u"Canarylatecomer"_qs);
    ws.record(rosa, SharingChoice::FullSharing);
    ws.bedNights(ws.enroll(rosa, ws.shelter.uuid), 1);
    ws.registerWith(server.url());

    // The proxy holds the first push's answer until the engine has prepared the next batch (Rosa's, under
    // Full Sharing); then Rosa's consent changes, and only then does the answer reach the engine.
    server.proxy->injectIntoPushes(LoopbackProxy::Fault::HoldAnswer);
    bool preparedAhead = false;
    QObject::connect(&ws.engine, &SyncEngine::batchPreparedAhead, &ws.engine, [&] { preparedAhead = true; });
    bool changed = false;
    QObject::connect(server.proxy.get(), &LoopbackProxy::faultReached, server.proxy.get(), [&] {
        // No REQUIRE in here: this runs inside the engine's event loop. The checks below see the outcome.
        if (QTest::qWaitFor([&] { return preparedAhead; }, 30000)) {
            ws.clock.advanceSeconds(60);
            if (revokes) {
                changed = ConsentRecords(*ws.vault).revoke(rosa, u"changed her mind at the desk"_qs).ok();
            } else {
                ReleaseOfInformation anonymous = releaseFor(rosa, SharingChoice::Anonymous, ws.clock.today());
                changed = ConsentRecords(*ws.vault).record(anonymous).ok();
            }
        }
        server.proxy->releaseAnswer();
    });
    const auto [ok, message] = ws.sync();
    INFO(message.toStdString());
    REQUIRE(ok);
    REQUIRE(changed);
    CHECK(server.proxy->pushRequests() >= 2);
    CHECK_FALSE(server.proxy->received().contains("Canarylatecomer"));
    CHECK_FALSE(server.databaseBytes().contains("Canarylatecomer"));
    const auto onServer = clientsIn(held(server.pullAs(u"hank"_qs, kHankPassword)));
    CHECK(onServer.size() == (revokes ? 4 : 5));
    CHECK(onServer.contains(rosa) == !revokes); // still shared after narrowing, in the Anonymous form
    if (revokes)
        CHECK_FALSE(server.proxy->received().contains(rosa.toUtf8()));
}

TEST_CASE("an edit in the batch after its record's insert is sent on the version just answered", "[sync][e2e]")
{
    Server server;
    Workstation ws; // batches of 7 change-log rows
    for (int i = 0; i < 2; ++i)
        ws.record(ws.client(u"Sam"_qs, QStringLiteral("Early%1").arg(i)), SharingChoice::FullSharing);
    const QString ida = ws.client(u"Ida"_qs, u"Before"_qs);
    ws.record(ida, SharingChoice::FullSharing);
    ws.clock.advanceSeconds(60);
    ClientProfile edited = ClientRecords(*ws.vault).open(ida).value();
    edited.lastName = u"After"_qs;
    REQUIRE_OK(ClientRecords(*ws.vault).update(edited));
    // The premise: Ida's insert is in the first batch and her edit in the second.
    auto pending = SyncState(*ws.vault).pendingChanges(100);
    REQUIRE_OK(pending);
    REQUIRE_FALSE(pending->empty());
    const qint64 firstRow = pending->front().seq;
    QList<qint64> idaRows;
    for (const ChangeRecord& c : *pending)
        if (c.entity == u"client" && c.entityUuid == ida)
            idaRows << c.seq;
    REQUIRE(idaRows.size() == 2);
    REQUIRE(idaRows[0] < firstRow + 7);
    REQUIRE(idaRows[1] >= firstRow + 7);
    ws.registerWith(server.url());

    // The second batch is prepared while the first one's answer trickles in, so before Ida's insert has a
    // server version; the edit must still go up on that version, not as a concurrent one.
    server.proxy->setDrip(100, 30);
    server.proxy->injectIntoPushes(LoopbackProxy::Fault::SlowDrip);
    const auto [ok, message] = ws.sync();
    INFO(message.toStdString());
    REQUIRE(ok);
    const auto onServer = server.pullAs(u"hank"_qs, kHankPassword);
    CHECK(onServer.conflicts.empty());
    const auto records = held(onServer);
    REQUIRE(records.contains(ida));
    CHECK(records.value(ida).fields.value(u"LastName").toString() == u"After");
    CHECK(records.value(ida).version == 2);
}

TEST_CASE("a faulty consent answer stops the sync before anything is sent", "[sync][e2e]")
{
    Server server;
    Workstation ws;
    const QString ned = ws.client(u"Ned"_qs, u"Nosharing"_qs);
    ws.record(ned, SharingChoice::NoSharing);
    const QString fay = ws.client(u"Fay"_qs, u"Full"_qs);
    ws.record(fay, SharingChoice::FullSharing);
    ws.registerWith(server.url());

    // The test seam: a review that lets everything out whole, with a Full-looking reference borrowed from
    // the real answer for Fay. Only the serializer's own lookup can catch it.
    ws.engine.setReviewForTesting([&ws](const std::vector<ChangeRecord>& changes) -> Result<std::vector<Disclosure>> {
        auto real = ConsentGate(*ws.vault).review(changes, Audience::centralServer());
        if (!real)
            return real.error();
        QJsonValue reference;
        for (const Disclosure& d : *real)
            if (d.allowed())
                reference = d.fields.value(u"Consent");
        std::vector<Disclosure> out;
        for (const ChangeRecord& c : changes) {
            if (c.entity == u"project") {
                out.push_back({}); // withheld: the fault under test is about client records
                continue;
            }
            QJsonObject fields = c.fields;
            fields.insert(u"Consent"_qs, reference);
            out.push_back({Disclosure::Form::Whole, Disclosure::Reason::None, fields, {}});
        }
        return out;
    });
    const qint64 before = SyncState(*ws.vault).pushCursor().value();
    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"sent nothing"));
    CHECK(server.proxy->pushRequests() == 0);
    CHECK(held(server.pullAs(u"hank"_qs, kHankPassword)).isEmpty());
    CHECK(SyncState(*ws.vault).pushCursor().value() == before);
    CHECK(SyncState(*ws.vault).outcome().value().lastErrorCode == u"refused-marker");
}

TEST_CASE("a revocation after an upload restricts the client on the server", "[sync][e2e]")
{
    Server server;
    Workstation ws;
    const QString rita = ws.client(u"Rita"_qs, u"Revokes"_qs);
    ws.record(rita, SharingChoice::FullSharing);
    ws.bedNights(ws.enroll(rita, ws.shelter.uuid), 2);
    ws.registerWith(server.url());
    REQUIRE(ws.sync().first);
    REQUIRE(clientsIn(held(server.pullAs(u"hank"_qs, kHankPassword))).contains(rita));

    ws.clock.advanceSeconds(3600);
    REQUIRE_OK(ConsentRecords(*ws.vault).revoke(rita, u"asked at the desk"_qs));
    REQUIRE(ConsentRecords(*ws.vault).pendingRestrictions().value().size() == 1);
    const auto [ok, message] = ws.sync();
    INFO(message.toStdString());
    REQUIRE(ok);
    CHECK(ConsentRecords(*ws.vault).pendingRestrictions().value().empty());
    const auto after = held(server.pullAs(u"hank"_qs, kHankPassword));
    CHECK_FALSE(clientsIn(after).contains(rita));
    for (const sync::PulledChange& r : after)
        CHECK_FALSE(QJsonDocument(r.fields).toJson().contains("Revokes"));
    // Not checked here: the server's write-ahead log. secure_delete clears the main file, but the WAL keeps
    // the frames written before the restriction until they are overwritten (a wal_checkpoint(TRUNCATE)
    // after a restriction would drop them); reported to the server's owner.
}

TEST_CASE("a client of whom nothing reached the server is never named to it, even when they stop sharing",
          "[sync][e2e]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    const QString kept = ws.client(u"Kim"_qs, u"Keeps"_qs);
    ws.record(kept, SharingChoice::FullSharing);
    REQUIRE(ws.sync().first);

    // Recorded as sharing, corrected to No Sharing before any sync; and another revoked before any sync.
    const QString nora = ws.client(u"Nora"_qs, u"Neversent"_qs);
    ws.record(nora, SharingChoice::FullSharing);
    ws.bedNights(ws.enroll(nora, ws.shelter.uuid), 1);
    ws.clock.advanceSeconds(60);
    ws.record(nora, SharingChoice::NoSharing);
    const QString rex = ws.client(u"Rex"_qs, u"Revokedearly"_qs);
    ws.record(rex, SharingChoice::FullSharing);
    ws.clock.advanceSeconds(60);
    REQUIRE_OK(ConsentRecords(*ws.vault).revoke(rex, u"changed his mind"_qs));
    REQUIRE(ConsentRecords(*ws.vault).pendingRestrictions().value().size() == 2);

    const auto [ok, message] = ws.sync();
    INFO(message.toStdString());
    REQUIRE(ok);
    CHECK(ConsentRecords(*ws.vault).pendingRestrictions().value().empty()); // closed, not sent
    CHECK(server.proxy->received().count("POST /api/v1/restrictions") == 0);
    for (const QString& id : {nora, rex}) {
        CHECK_FALSE(server.proxy->received().contains(id.toUtf8()));
        CHECK_FALSE(server.databaseBytes().contains(id.toUtf8()));
    }
    CHECK_FALSE(server.proxy->received().contains("Neversent"));
    CHECK(clientsIn(held(server.pullAs(u"hank"_qs, kHankPassword))).contains(kept));
    bool audited = false;
    const std::vector<AuditEntry> entries = AuditReader(*ws.vault).query({}).value();
    for (const AuditEntry& e : entries)
        audited |= e.detail.contains(u"nothing of the client reached the server");
    CHECK(audited);
}

TEST_CASE("a wider release later re-delivers what an earlier sync sent reduced", "[sync][e2e]")
{
    Server server;
    Workstation ws;
    const QString lee = ws.client(u"Lee"_qs, u"Widens"_qs);
    ws.record(lee, SharingChoice::LimitedSharing); // enrollments and services only: no name
    ws.bedNights(ws.enroll(lee, ws.shelter.uuid), 2);
    ws.registerWith(server.url());
    REQUIRE(ws.sync().first);
    auto before = held(server.pullAs(u"hank"_qs, kHankPassword));
    REQUIRE(before.contains(lee));
    CHECK(before.value(lee).fields.value(u"LastName").toString().isEmpty());

    ws.record(lee, SharingChoice::FullSharing);
    const auto [ok, message] = ws.sync();
    INFO(message.toStdString());
    REQUIRE(ok);
    CHECK(SyncState(*ws.vault).redeliveries().value().empty());
    const auto after = held(server.pullAs(u"hank"_qs, kHankPassword));
    REQUIRE(after.contains(lee));
    CHECK(after.value(lee).fields.value(u"LastName").toString() == u"Widens");
    // Other agencies now see the client too.
    CHECK(clientsIn(held(server.pullAs(u"olga"_qs, kOlgaPassword))).contains(lee));
}

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
