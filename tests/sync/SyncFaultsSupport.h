#pragma once
// Shared by test_sync_faults.cpp and test_sync_fault_order.cpp: a hearth-server (SQLite or PostgreSQL)
// behind a LoopbackProxy, a workstation with the real engine, and the convergence both sides must reach.

#include "core/services/ServiceRecords.h"
#include "core/syncstate/SyncState.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/Messages.h"
#include "tests/consent/ConsentTestSupport.h"
#include "tests/sync/support/LoopbackProxy.h"
#include "tests/sync/support/PostgresCluster.h"
#include "tests/sync/support/ServerProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

namespace hearth::test::faults {

using hearth::sync::SyncEngine;

inline const QString kHankPassword = u"front-desk-pw-26h"_qs;
inline const QString kOlgaPassword = u"other-place-pw-26o"_qs;
inline constexpr int kTimeoutMs = 1000; ///< the engine's request timeout in the tests of a hang or a slow reply
/// Everywhere else: only a real hang waits this long, so a loaded machine never turns a slow answer into a fault.
inline constexpr int kGenerousTimeoutMs = 60000;

struct Sqlite
{
    static constexpr bool postgres = false;
};
struct Postgres
{
    static constexpr bool postgres = true;
};

/// hearth-server over a fresh database (SQLite file or a PostgreSQL database) with Harbor House (this
/// store's agency: hank) and Other Place (olga), behind a LoopbackProxy.
struct Server
{
    QTemporaryDir dir;
    QString spec;
    QString skipReason;
    std::unique_ptr<ServerProcess> process;
    std::unique_ptr<LoopbackProxy> proxy;

    explicit Server(bool postgres = false)
    {
        if (postgres) {
            PostgresCluster* cluster = PostgresCluster::shared(&skipReason);
            if (!cluster)
                return;
            spec = cluster->createDatabase();
            REQUIRE_FALSE(spec.isEmpty());
        } else {
            spec = dir.filePath(u"server.db"_qs);
        }
        process = std::make_unique<ServerProcess>(spec, environment());
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

    /// A long offline lease: the clock tests move the workstation clock by years (the lease has its own tests).
    static QProcessEnvironment environment()
    {
        QProcessEnvironment env;
        env.insert(u"HEARTH_SERVER_LEASE_DAYS"_qs, u"3650"_qs);
        return env;
    }
    bool ready() const { return proxy != nullptr; }
    bool sqlite() const { return !spec.contains(u"dbname="); }
    void start()
    {
        QString why;
        if (!process->start(&why))
            FAIL("hearth-server did not start: " << why.toStdString());
    }
    /// A new server process on the same database (after a kill), behind the same proxy.
    void restart()
    {
        process->kill();
        process = std::make_unique<ServerProcess>(spec, environment());
        start();
        proxy->setTargetPort(quint16(process->url({}).port()));
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy->port())); }

    /// Every change @p login's agency may pull, page after page, straight from the server.
    std::vector<sync::PulledChange> pullAll(const QString& login, const QString& password, int limit = 50)
    {
        ApiClient client(*process);
        REQUIRE(client.signIn(login, password, u"probe-"_qs + login));
        std::vector<sync::PulledChange> all;
        qint64 since = 0;
        for (bool more = true; more;) {
            const Reply reply = client.get(QStringLiteral("/api/v1/pull?since=%1&limit=%2").arg(since).arg(limit));
            REQUIRE(reply.status == 200);
            auto parsed = sync::PullReply::fromJson(reply.json);
            REQUIRE(std::holds_alternative<sync::PullReply>(parsed));
            auto& page = std::get<sync::PullReply>(parsed);
            all.insert(all.end(), page.changes.begin(), page.changes.end());
            REQUIRE(page.cursor >= since);
            since = page.cursor;
            more = page.more;
        }
        return all;
    }
    /// The bytes of the SQLite server's files (main file and write-ahead log), or a PostgreSQL dump.
    QByteArray databaseBytes() const
    {
        if (!sqlite())
            return PostgresCluster::shared(nullptr)->dump(spec);
        QByteArray all;
        for (const QString& suffix : {QString(), u"-wal"_qs, u"-journal"_qs}) {
            QFile f(spec + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
};

/// The clients a workstation holds: those who share (Full Sharing) and the canaries of those who do not.
struct Population
{
    QStringList sharing;
    QStringList canaries; ///< every name, alias and id of the No Sharing clients
};

struct Workstation : ConsentStore
{
    SyncEngine engine {*vault};

    Workstation()
    {
        sync::SyncSettings settings;
        settings.batchSize = 7; // several batches even for a handful of clients
        settings.retryInitialMs = 100;
        settings.retryCapMs = 400;
        settings.requestTimeoutMs = kGenerousTimeoutMs;
        engine.setSettings(settings);
    }
    void setBatch(int size, int timeoutMs)
    {
        sync::SyncSettings settings = engine.settings();
        settings.batchSize = size;
        settings.requestTimeoutMs = timeoutMs;
        engine.setSettings(settings);
    }

    void registerWith(const QUrl& url)
    {
        QSignalSpy ok(&engine, &SyncEngine::registered);
        QSignalSpy failed(&engine, &SyncEngine::registrationFailed);
        engine.registerDevice(url, u"hank"_qs, kHankPassword, u"Front desk"_qs);
        REQUIRE((ok.wait(120000) || !failed.isEmpty()));
        INFO((failed.isEmpty() ? QString() : failed.front().front().toString()).toStdString());
        REQUIRE(ok.size() == 1);
    }

    /// Syncs and lets the engine retry on its own (with backoff) until a sync succeeds; the messages of
    /// the attempts that failed first.
    QStringList syncUntilDone(int maxMs = 240000)
    {
        QSignalSpy done(&engine, &SyncEngine::finished);
        QSignalSpy retries(&engine, &SyncEngine::retryScheduled);
        REQUIRE(engine.syncNow());
        // Done at a success, or at a failure the engine will not retry by itself.
        const bool ended = QTest::qWaitFor(
            [&] { return !done.isEmpty() && (done.back().at(0).toBool() || done.size() > retries.size()); }, maxMs);
        QStringList failures;
        for (const QList<QVariant>& attempt : std::as_const(done))
            if (!attempt.at(0).toBool())
                failures << attempt.at(1).toString();
        INFO(failures.join(u" | ").toStdString());
        REQUIRE(ended);
        REQUIRE(done.back().at(0).toBool());
        return failures;
    }

    /// An enrollment in the shelter that began five days ago (by this workstation's clock) and two bed nights.
    void stay(const QString& clientUuid)
    {
        const QDate entry = clock.today().addDays(-5);
        const QString enrollment = enroll(clientUuid, shelter.uuid, entry);
        for (int i = 0; i < 2; ++i)
            REQUIRE_OK(ServiceRecords(*vault).checkIn({enrollment}, entry.addDays(i)));
    }

    /// @p sharing Full Sharing clients and @p private No Sharing ones, each with an enrollment and two bed
    /// nights; five change-log rows a client.
    void populate(Population& population, int sharing, int noSharing, const QString& tag = u"A"_qs)
    {
        for (int i = 0; i < sharing; ++i) {
            const QString c = client(u"Pat"_qs, QStringLiteral("Fault%1%2").arg(tag).arg(i));
            record(c, SharingChoice::FullSharing);
            stay(c);
            population.sharing << c;
        }
        for (int i = 0; i < noSharing; ++i) {
            ClientProfile p;
            p.firstName = QStringLiteral("Canaryfirst%1Q%2Z").arg(tag).arg(i);
            p.lastName = QStringLiteral("Canarylast%1Q%2Z").arg(tag).arg(i);
            p.alias = QStringLiteral("Canaryalias%1Q%2Z").arg(tag).arg(i);
            clock.advanceSeconds(60);
            auto made = ConsentRecords(*vault).createClient(p, releaseFor({}, SharingChoice::NoSharing, clock.today()));
            REQUIRE_OK(made);
            population.canaries << p.firstName << p.lastName << p.alias << made->uuid << made->caseNumber;
            stay(made->uuid);
        }
    }

    /// A new last name for @p clientUuid: a later version of a record the server already has.
    void rename(const QString& clientUuid, const QString& lastName)
    {
        clock.advanceSeconds(60);
        auto profile = ClientRecords(*vault).open(clientUuid);
        REQUIRE_OK(profile);
        profile->lastName = lastName;
        REQUIRE_OK(ClientRecords(*vault).update(*profile));
    }
};

/// The client a change-log row belongs to.
inline QString clientOf(const ChangeRecord& c)
{
    return c.entity == u"client" ? c.entityUuid : c.fields.value(u"PersonalID").toString();
}

/// The state both sides must agree on after any fault: each consented record on the server once, at its
/// newest change and at the version the workstation recorded; every change-log row confirmed; no trace
/// of a No Sharing client.
inline void requireConverged(Server& server, Workstation& ws, const Population& population)
{
    // The workstation: nothing waits, the cursor stands at the end of the change log.
    const std::vector<ChangeRecord> log = ws.changeLog();
    REQUIRE_FALSE(log.empty());
    SyncState state(*ws.vault);
    CHECK(state.pendingCount().value() == 0);
    CHECK(state.pushCursor().value() == log.back().seq);

    // What must be on the server: the newest change of every record of a sharing client, and how many
    // changes made it (each applied once makes the server's version).
    const QSet<QString> sharing(population.sharing.begin(), population.sharing.end());
    QHash<QString, ChangeRecord> newest;
    QHash<QString, qint64> changes;
    for (const ChangeRecord& c : log) {
        if (!sharing.contains(clientOf(c)))
            continue;
        newest.insert(c.entityUuid, c);
        ++changes[c.entityUuid];
    }
    REQUIRE(newest.size() >= population.sharing.size());

    QHash<QString, sync::PulledChange> held;
    QHash<QString, int> copies;
    qint64 lastSeq = 0;
    for (const sync::PulledChange& p : server.pullAll(u"hank"_qs, kHankPassword)) {
        CHECK(p.serverSeq >= lastSeq); // order is the server's sequence (one change can stamp many records)
        lastSeq = p.serverSeq;
        if (p.entity == u"project" || p.operation == u"restrict" || p.operation == u"delete")
            continue; // tombstones: ids only
        ++copies[p.uuid];
        held.insert(p.uuid, p);
    }
    // Small pull pages see the same: a page never ends inside a sequence number.
    const auto states = [&server](int limit) {
        QSet<QString> out;
        for (const sync::PulledChange& p : server.pullAll(u"hank"_qs, kHankPassword, limit))
            out.insert(p.operation + u' ' + p.uuid + u' ' + QString::number(p.version));
        return out;
    };
    CHECK(states(3) == states(1000));
    const QList<QString> expected = newest.keys();
    CHECK(QSet<QString>(expected.begin(), expected.end()) == QSet<QString>(held.keyBegin(), held.keyEnd()));
    auto versions = state.serverVersions(expected);
    REQUIRE_OK(versions);
    for (const QString& uuid : expected) {
        const ChangeRecord& mine = newest[uuid];
        INFO(mine.entity.toStdString() << ' ' << uuid.toStdString());
        CHECK(copies.value(uuid) == 1);
        const sync::PulledChange theirs = held.value(uuid);
        CHECK((theirs.operation == u"insert" || theirs.operation == u"update"));
        CHECK(theirs.version == changes.value(uuid)); // a replay is a duplicate, never a second write
        CHECK(versions->value(uuid) == theirs.version); // and the workstation knows that version
        REQUIRE_FALSE(theirs.fields.isEmpty());
        for (auto it = theirs.fields.begin(); it != theirs.fields.end(); ++it)
            if (it.key() != u"Consent") {
                INFO(it.key().toStdString());
                CHECK(it.value() == mine.fields.value(it.key()));
            }
    }

    // Nothing of the No Sharing clients in a request, a pull (any agency) or the server's files.
    const QByteArray requests = server.proxy->received();
    QByteArray pulls;
    const std::pair<QString, QString> agencies[] = {{u"hank"_qs, kHankPassword}, {u"olga"_qs, kOlgaPassword}};
    for (const auto& [login, password] : agencies)
        for (const sync::PulledChange& p : server.pullAll(login, password))
            pulls += QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
    const QByteArray database = server.databaseBytes();
    REQUIRE(database.size() > 0);
    // The search can find a name at all: a sharing client's is there.
    CHECK(database.contains(newest.value(population.sharing.front()).fields.value(u"LastName").toString().toUtf8()));
    for (const QString& canary : population.canaries) {
        INFO(canary.toStdString());
        CHECK_FALSE(requests.contains(canary.toUtf8()));
        CHECK_FALSE(pulls.contains(canary.toUtf8()));
        CHECK_FALSE(database.contains(canary.toUtf8()));
    }
}

/// Two syncs with the fault in between: a first one that puts clients on the server, then edits and new
/// clients whose push meets @p fault @p count times.
struct Scenario
{
    Server server;
    Workstation ws;
    Population population;

    explicit Scenario(bool postgres = false)
        : server(postgres)
    {
    }

    void firstSync()
    {
        ws.populate(population, 3, 2, u"A"_qs);
        ws.registerWith(server.url());
        CHECK(ws.syncUntilDone().isEmpty());
        // Later versions of records the server has, and records it has never seen.
        ws.rename(population.sharing.at(0), u"Renamed"_qs);
        ws.rename(population.sharing.at(1), u"Renamedtoo"_qs);
        ws.populate(population, 3, 2, u"B"_qs);
    }
};

} // namespace hearth::test::faults
