// The device side of sync end to end, against a real hearth-server process (SQLite) on loopback behind a
// recording proxy: a revoked workstation wipes itself at its next contact, a sync renews an expired
// offline lease, and the scheduler starts syncs on its timer and when the network returns, one at a time.
#include "core/services/AuditAnchors.h"
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/store/WorkstationWipe.h"
#include "core/syncstate/SyncState.h"
#include "sync/client/SyncEngine.h"
#include "sync/client/SyncScheduler.h"
#include "sync/protocol/Messages.h"
#include "tests/consent/ConsentTestSupport.h"
#include "tests/core/RawSqlite.h"
#include "tests/sync/support/LoopbackProxy.h"
#include "tests/sync/support/ServerProcess.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace hearth;
using namespace hearth::test;
using hearth::sync::SyncEngine;
using hearth::sync::SyncScheduler;

namespace {
const QString kHankPassword = u"front-desk-pw-26h"_qs;
constexpr qint64 kDay = 24 * 3600;

/// hearth-server over a fresh SQLite file with Harbor House (hank), behind a LoopbackProxy.
struct Server
{
    QTemporaryDir dir;
    QString spec = dir.filePath(u"server.db"_qs);
    std::unique_ptr<ServerProcess> process;
    std::unique_ptr<LoopbackProxy> proxy;

    Server()
    {
        process = std::make_unique<ServerProcess>(spec);
        REQUIRE(process->admin({u"agency"_qs, u"add"_qs, u"HH"_qs, u"Harbor House"_qs}) == 0);
        REQUIRE(
            process->admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"HH"_qs, u"hank"_qs}, kHankPassword.toUtf8() + '\n')
            == 0);
        QString why;
        if (!process->start(&why))
            FAIL("hearth-server did not start: " << why.toStdString());
        proxy = std::make_unique<LoopbackProxy>(quint16(process->url({}).port()));
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy->port())); }

    /// The clients hank's agency sees on the server.
    QSet<QString> clients()
    {
        ApiClient client(*process);
        REQUIRE(client.signIn(u"hank"_qs, kHankPassword, u"probe"_qs));
        const Reply reply = client.get(u"/api/v1/pull?since=0&limit=1000"_qs);
        REQUIRE(reply.status == 200);
        auto parsed = sync::PullReply::fromJson(reply.json);
        REQUIRE(std::holds_alternative<sync::PullReply>(parsed));
        QSet<QString> out;
        for (const sync::PulledChange& c : std::get<sync::PullReply>(parsed).changes)
            if (c.entity == u"client" && c.operation != u"delete" && c.operation != u"restrict")
                out.insert(c.uuid);
        return out;
    }
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

struct Workstation : ConsentStore
{
    SyncEngine engine {*vault};

    Workstation()
    {
        sync::SyncSettings settings;
        settings.batchSize = 3;
        settings.retry = false;
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

    std::pair<bool, QString> sync()
    {
        QSignalSpy done(&engine, &SyncEngine::finished);
        REQUIRE(engine.syncNow());
        if (done.isEmpty())
            REQUIRE(done.wait(120000));
        return {done.front().at(0).toBool(), done.front().at(1).toString()};
    }

    QString sharingClient(const QString& first, const QString& last)
    {
        const QString c = client(first, last);
        record(c, SharingChoice::FullSharing);
        return c;
    }
};
} // namespace

TEST_CASE("a device revoked on the server wipes itself at its next sync", "[sync][e2e][wipe]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    const QString first = ws.sharingClient(u"Fern"_qs, u"Before"_qs);
    REQUIRE(ws.sync().first);
    REQUIRE(server.clients() == QSet<QString> {first});

    const QString deviceId = SyncState(*ws.vault).registration().value()->deviceId;
    QString output;
    REQUIRE(
        server.process->admin({u"device"_qs, u"revoke"_qs, deviceId, u"--reason"_qs, u"Laptop stolen"_qs}, {}, &output)
        == 0);
    const QString second = ws.sharingClient(u"Quentin"_qs, u"Afterrevokez"_qs);

    QSignalSpy revoked(&ws.engine, &SyncEngine::deviceRevoked);
    QSignalSpy wiped(ws.vault.get(), &Vault::wiped);
    const auto [ok, message] = ws.sync();
    CHECK_FALSE(ok);
    CHECK(message.contains(u"Laptop stolen"));
    REQUIRE(revoked.size() == 1);
    CHECK(revoked.front().front().toString() == u"Laptop stolen");
    REQUIRE(wiped.size() == 1);

    // Nothing readable is left: no key file, no database file; only the notice with the reason.
    CHECK(ws.vault->state() == Vault::State::NoStore);
    CHECK_FALSE(ws.vault->user().has_value());
    CHECK(fileNames(ws.dir.path()) == QStringList {u"hearth-wipe-notice.json"_qs});
    const auto notice = readWipeNotice(ws.vault->location());
    REQUIRE(notice.has_value());
    CHECK(notice->reason == u"Laptop stolen");
    CHECK(notice->wipedAt == ws.clock.now());

    // The server kept nothing new from the revoked device.
    CHECK(server.clients() == QSet<QString> {first});
    CHECK_FALSE(server.databaseBytes().contains("Afterrevokez"));
    CHECK_FALSE(server.databaseBytes().contains(second.toUtf8()));
    // And the engine does not try again.
    const int pushes = server.proxy->pushRequests();
    (void)ws.engine.syncNow();
    CHECK(server.proxy->pushRequests() == pushes);
}

TEST_CASE("a revoked workstation learns it when someone signs in or unlocks, without a sync", "[sync][e2e][wipe]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    REQUIRE(ws.sync().first);
    const int pushes = server.proxy->pushRequests();

    // Still registered: the check changes nothing.
    QSignalSpy checked(&ws.engine, &SyncEngine::deviceStatusChecked);
    REQUIRE(ws.engine.checkDeviceStatus());
    REQUIRE(checked.wait(30000));
    CHECK(checked.front().front().toBool());
    CHECK(ws.vault->state() == Vault::State::Unlocked);

    const QString deviceId = SyncState(*ws.vault).registration().value()->deviceId;
    REQUIRE(server.process->admin({u"device"_qs, u"revoke"_qs, deviceId, u"--reason"_qs, u"Left on a bus"_qs}) == 0);
    QSignalSpy revoked(&ws.engine, &SyncEngine::deviceRevoked);
    REQUIRE(ws.engine.checkDeviceStatus());
    REQUIRE(checked.wait(30000));
    REQUIRE(revoked.size() == 1);
    CHECK(revoked.front().front().toString() == u"Left on a bus");
    CHECK(ws.vault->state() == Vault::State::NoStore);
    CHECK(fileNames(ws.dir.path()) == QStringList {u"hearth-wipe-notice.json"_qs});
    CHECK(server.proxy->pushRequests() == pushes); // no sync ran
}

namespace {
/// A server at another address that answers every request with "device revoked".
struct RevokingImpostor
{
    QTcpServer listener;
    RevokingImpostor()
    {
        REQUIRE(listener.listen(QHostAddress::LocalHost));
        QObject::connect(&listener, &QTcpServer::newConnection, &listener, [this] {
            QTcpSocket* socket = listener.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                const QByteArray body = R"({"protocol":1,"error":"device-revoked","reason":"Impostor says so"})";
                socket->write("HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(listener.serverPort())); }
};

void registerRefused(Workstation& ws, const QUrl& url)
{
    QSignalSpy failed(&ws.engine, &SyncEngine::registrationFailed);
    QSignalSpy revoked(&ws.engine, &SyncEngine::deviceRevoked);
    ws.engine.registerDevice(url, u"hank"_qs, kHankPassword, u"Front desk"_qs);
    REQUIRE((!failed.isEmpty() || failed.wait(30000)));
    CHECK(revoked.isEmpty());
}
} // namespace

TEST_CASE("a revocation from any server but the registered one wipes nothing", "[sync][e2e][wipe]")
{
    RevokingImpostor impostor;
    SECTION("a first registration")
    {
        Workstation fresh;
        registerRefused(fresh, impostor.url());
        CHECK(fresh.vault->state() == Vault::State::Unlocked);
        CHECK(QFile::exists(fresh.vault->location().keyFilePath()));
    }
    SECTION("a registered workstation tried against another address")
    {
        Server server;
        Workstation ws;
        ws.registerWith(server.url());
        registerRefused(ws, impostor.url());
        CHECK(ws.vault->state() == Vault::State::Unlocked);
        CHECK(QFile::exists(ws.vault->location().keyFilePath()));
        // Its registration still names its own server, which has not revoked it.
        CHECK(SyncState(*ws.vault).registration().value()->serverUrl == server.url().toString());
        CHECK(ws.sync().first);
    }
}

TEST_CASE("an audit log cut short here no longer extends what the server saw, and says so", "[sync][e2e][audit]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    ws.sharingClient(u"Fay"_qs, u"Anchored"_qs);
    REQUIRE(ws.sync().first);
    auto sent = AuditAnchors(*ws.vault).lastConfirmed();
    REQUIRE(sent.ok());
    REQUIRE(sent->has_value());
    const qint64 seen = (*sent)->seq;
    REQUIRE(seen > 3);

    // Someone with the key removes the newest entries and moves the head back: the chain checks out
    // locally, as a rewritten one would.
    {
        const SecretBytes key = ws.dataKey();
        RawSqlite raw(ws.databasePath(), &key);
        REQUIRE(raw.openCode() == SQLITE_OK);
        const QByteArray keep = QByteArray::number(seen - 2);
        const qint64 kept = raw.integer(QByteArray("SELECT COUNT(*) FROM audit_log WHERE seq <= " + keep).constData());
        REQUIRE(kept == seen - 2);
        QByteArray head(8, '\0');
        qToBigEndian(quint64(seen - 2), head.data());
        const QByteArray sql = "UPDATE meta SET value = X'" + head.toHex()
            + "' || (SELECT hash FROM audit_log WHERE seq = " + keep + ") WHERE key = 'audit_head'";
        REQUIRE(raw.exec("DROP TRIGGER audit_log_no_delete") == SQLITE_OK);
        REQUIRE(raw.exec(QByteArray("DELETE FROM audit_log WHERE seq > " + keep).constData()) == SQLITE_OK);
        REQUIRE(raw.exec(sql.constData()) == SQLITE_OK);
    }
    // On demand, against the anchor the server last confirmed, the cut shows at once.
    const auto onDemand = AuditReader(*ws.vault).verify();
    REQUIRE(onDemand.ok());
    CHECK_FALSE(onDemand->intact);
    CHECK(onDemand->firstBrokenSeq == seen);
    // Whoever cut it resets that copy too: now nothing here tells.
    REQUIRE(AuditAnchors(*ws.vault).keepConfirmed({0, {}}).ok());
    REQUIRE(AuditReader(*ws.vault).verify().value().intact);

    // At the next sign-in the server's anchor shows it.
    QSignalSpy broken(&ws.engine, &SyncEngine::auditAnchorBroken);
    QSignalSpy checked(&ws.engine, &SyncEngine::deviceStatusChecked);
    REQUIRE(ws.engine.checkDeviceStatus());
    REQUIRE(checked.wait(30000));
    REQUIRE(broken.size() == 1);
    CHECK(broken.front().front().toString().contains(QString::number(seen)));
    ws.switchTo(kAdminLogin, kAdminPassword);
    const auto verified = AuditReader(*ws.vault).verify();
    REQUIRE(verified.ok());
    CHECK_FALSE(verified->intact);
    AuditFilter mismatch;
    mismatch.action = QString::fromLatin1(audit::AuditAnchorMismatch);
    CHECK(AuditReader(*ws.vault).query(mismatch).value().size() == 1);

    // Syncs go on, but send no anchor over the broken chain: the next sign-in says it again.
    CHECK(ws.sync().first);
    REQUIRE(ws.engine.checkDeviceStatus());
    REQUIRE(checked.wait(30000));
    CHECK(broken.size() == 2);
}

TEST_CASE("a sync renews an expired offline lease and lifts the block", "[sync][e2e][lease]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    CHECK(SyncState(*ws.vault).lease().value().lastContactAt == ws.clock.now());
    const QString fay = ws.sharingClient(u"Fay"_qs, u"Offline"_qs);

    ws.clock.advanceSeconds(31 * kDay);
    ws.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE(SyncState(*ws.vault).lease().value().expired);
    REQUIRE_FALSE(ws.vault->clientAccessBlock().isEmpty());
    REQUIRE_FALSE(ClientRecords(*ws.vault).open(fay).ok());

    QSignalSpy changed(ws.vault.get(), &Vault::clientAccessBlockChanged);
    const auto [ok, message] = ws.sync();
    INFO(message.toStdString());
    REQUIRE(ok);
    CHECK(server.clients() == QSet<QString> {fay});
    CHECK(ws.vault->clientAccessBlock().isEmpty());
    CHECK(changed.size() >= 1);
    const SyncLease lease = SyncState(*ws.vault).lease().value();
    CHECK_FALSE(lease.expired);
    CHECK(lease.lastContactAt == ws.clock.now());
    CHECK(lease.expiresAt == ws.clock.now().addDays(30)); // the server's default lease
    REQUIRE_OK(ClientRecords(*ws.vault).open(fay));
}

TEST_CASE("the scheduler's timer starts a sync against the server", "[sync][e2e][scheduler]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    const QString tim = ws.sharingClient(u"Tim"_qs, u"Timer"_qs);
    SyncScheduler scheduler(ws.engine);
    CHECK(scheduler.intervalMinutes() == 15);
    QSignalSpy started(&scheduler, &SyncScheduler::syncStarted);
    QSignalSpy done(&ws.engine, &SyncEngine::finished);
    scheduler.setIntervalForTesting(std::chrono::milliseconds(50));
    scheduler.setEnabled(true);
    REQUIRE(done.wait(30000));
    CHECK(started.size() >= 1);
    CHECK(done.front().at(0).toBool());
    CHECK(server.clients() == QSet<QString> {tim});
    scheduler.setEnabled(false);
}

TEST_CASE("the network coming back starts a sync; never two at once", "[sync][e2e][scheduler]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    for (int i = 0; i < 12; ++i)
        ws.sharingClient(u"Nia"_qs, QStringLiteral("Network%1").arg(i)); // several batches of 3
    SyncScheduler scheduler(ws.engine);
    scheduler.setIntervalMinutes(0);
    scheduler.setEnabled(true);

    // Events in order: a start must be followed by its end before the next start.
    QStringList events;
    QObject::connect(&scheduler, &SyncScheduler::syncStarted, [&] { events << u"start"_qs; });
    QObject::connect(&ws.engine, &SyncEngine::finished, [&] { events << u"end"_qs; });
    QObject::connect(&ws.engine, &SyncEngine::progress, [&] {
        // Mid-sync: the network flaps, the user presses the button.
        scheduler.onlineAgain();
        CHECK_FALSE(scheduler.syncNow());
    });

    QSignalSpy done(&ws.engine, &SyncEngine::finished);
    scheduler.onlineAgain();
    CHECK(ws.engine.isBusy());
    REQUIRE(done.wait(60000));
    CHECK(done.front().at(0).toBool());
    CHECK(events == QStringList {u"start"_qs, u"end"_qs});
    CHECK(server.clients().size() == 12);

    // A short timer while a long sync runs: ticks wait for it.
    for (int i = 0; i < 9; ++i)
        ws.sharingClient(u"Tia"_qs, QStringLiteral("Tick%1").arg(i));
    events.clear();
    scheduler.setIntervalForTesting(std::chrono::milliseconds(1));
    QTest::qWait(1500);
    scheduler.setEnabled(false);
    if (ws.engine.isBusy())
        REQUIRE(done.wait(60000));
    REQUIRE(events.size() >= 2);
    for (qsizetype i = 0; i < events.size(); ++i)
        CHECK(events.at(i) == (i % 2 == 0 ? u"start"_qs : u"end"_qs));
    CHECK(server.clients().size() == 21);
}

TEST_CASE("a disabled scheduler starts nothing", "[sync][e2e][scheduler]")
{
    Server server;
    Workstation ws;
    ws.registerWith(server.url());
    ws.sharingClient(u"Dee"_qs, u"Disabled"_qs);
    SyncScheduler scheduler(ws.engine);
    QSignalSpy started(&scheduler, &SyncScheduler::syncStarted);
    QSignalSpy done(&ws.engine, &SyncEngine::finished);
    scheduler.setIntervalForTesting(std::chrono::milliseconds(10));
    CHECK_FALSE(scheduler.isEnabled());
    scheduler.onlineAgain();
    CHECK_FALSE(scheduler.syncNow());
    QTest::qWait(300);
    CHECK(started.isEmpty());
    CHECK(done.isEmpty());
    CHECK(server.proxy->pushRequests() == 0);

    // Enabled, then disabled again: the timer stops with it.
    scheduler.setEnabled(true);
    REQUIRE(done.wait(30000));
    scheduler.setEnabled(false);
    const qsizetype runs = started.size();
    QTest::qWait(300);
    CHECK(started.size() == runs);
}
