#pragma once
// Shared by test_sync_engine.cpp and test_sync_engine_failures.cpp: a hearth-server over SQLite behind a
// LoopbackProxy, and a workstation with the real sync engine.

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

#include <catch2/catch_test_macros.hpp>

namespace hearth::test::engine {

using hearth::sync::SyncEngine;

inline const QString kHankPassword = u"front-desk-pw-26h"_qs;
inline const QString kOlgaPassword = u"other-place-pw-26o"_qs;

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
inline QHash<QString, sync::PulledChange> held(const sync::PullReply& reply)
{
    QHash<QString, sync::PulledChange> out;
    for (const sync::PulledChange& c : reply.changes)
        if (c.operation == u"insert" || c.operation == u"update")
            out.insert(c.uuid, c);
    return out;
}

inline QSet<QString> clientsIn(const QHash<QString, sync::PulledChange>& records)
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

} // namespace hearth::test::engine
