// Two workstations, one server, for the end-to-end sync tests: each workstation a real SQLCipher store with
// its own SyncEngine, the server a real hearth-server process on loopback over SQLite or PostgreSQL, with
// three agencies and a user at each.
#pragma once

#include "core/services/ClientSearch.h"
#include "core/services/ServiceRecords.h"
#include "core/syncstate/SyncConflicts.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/Messages.h"
#include "tests/consent/ConsentTestSupport.h"
#include "tests/sync/support/LoopbackProxy.h"
#include "tests/sync/support/PostgresCluster.h"
#include "tests/sync/support/ServerProcess.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/generators/catch_generators.hpp>

namespace hearth::test::desks {

using hearth::sync::SyncEngine;

inline const QString kHankPassword = u"front-desk-pw-26h"_qs;
inline const QString kOlgaPassword = u"other-place-pw-26o"_qs;
inline const QString kCoraPassword = u"coastal-pw-26c"_qs;

inline QString passwordOf(const QString& login)
{
    return login == u"hank" ? kHankPassword : login == u"olga" ? kOlgaPassword : kCoraPassword;
}

/// hearth-server over SQLite or a fresh PostgreSQL database, with Harbor House (hank: both front desks)
/// , Other Place (olga) and Coastal Outreach (cora), behind a LoopbackProxy.
struct Server
{
    QTemporaryDir dir;
    QString skipReason;
    std::unique_ptr<ServerProcess> process;
    std::unique_ptr<LoopbackProxy> proxy;

    explicit Server(bool postgres)
    {
        QString spec = dir.filePath(u"server.db"_qs);
        if (postgres) {
            PostgresCluster* cluster = PostgresCluster::shared(&skipReason);
            if (!cluster)
                return;
            spec = cluster->createDatabase();
            REQUIRE_FALSE(spec.isEmpty());
        }
        process = std::make_unique<ServerProcess>(spec);
        REQUIRE(process->admin({u"agency"_qs, u"add"_qs, u"HH"_qs, u"Harbor House"_qs}) == 0);
        REQUIRE(process->admin({u"agency"_qs, u"add"_qs, u"OT"_qs, u"Other Place"_qs}) == 0);
        REQUIRE(process->admin({u"agency"_qs, u"add"_qs, u"CO"_qs, u"Coastal Outreach"_qs}) == 0);
        REQUIRE(
            process->admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"HH"_qs, u"hank"_qs}, kHankPassword.toUtf8() + '\n')
            == 0);
        REQUIRE(
            process->admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"OT"_qs, u"olga"_qs}, kOlgaPassword.toUtf8() + '\n')
            == 0);
        REQUIRE(
            process->admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"CO"_qs, u"cora"_qs}, kCoraPassword.toUtf8() + '\n')
            == 0);
        QString why;
        if (!process->start(&why))
            FAIL("hearth-server did not start: " << why.toStdString());
        proxy = std::make_unique<LoopbackProxy>(quint16(process->url({}).port()));
    }
    bool ready() const { return proxy != nullptr; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy->port())); }

    /// The server's current state of one record as @p login's agency sees it.
    std::optional<sync::PulledChange> record(const QString& uuid, const QString& login = u"hank"_qs)
    {
        ApiClient client(*process);
        REQUIRE(client.signIn(login, passwordOf(login), u"probe-"_qs + login));
        const Reply reply = client.get(u"/api/v1/pull?since=0&limit=1000"_qs);
        REQUIRE(reply.status == 200);
        auto parsed = sync::PullReply::fromJson(reply.json);
        REQUIRE(std::holds_alternative<sync::PullReply>(parsed));
        for (const sync::PulledChange& c : std::get<sync::PullReply>(parsed).changes)
            if (c.uuid == uuid)
                return c;
        return std::nullopt;
    }
};

#define START_SERVER(server)                                                                                           \
    const bool postgres = GENERATE(false, true);                                                                       \
    Server server(postgres);                                                                                           \
    if (!server.ready())                                                                                               \
        SKIP(server.skipReason.toStdString());

/// One front desk: its own encrypted store, its own engine.
struct Workstation : ConsentStore
{
    SyncEngine engine {*vault};

    /// Small batches and pages by default: several of each even for a handful of records.
    explicit Workstation(int batchSize = 5)
    {
        sync::SyncSettings settings;
        settings.batchSize = batchSize;
        settings.pullLimit = 4;
        settings.retry = false;
        engine.setSettings(settings);
    }

    void registerWith(const QUrl& url, const QString& login = u"hank"_qs, const QString& name = u"Front desk"_qs)
    {
        QSignalSpy ok(&engine, &SyncEngine::registered);
        QSignalSpy failed(&engine, &SyncEngine::registrationFailed);
        engine.registerDevice(url, login, passwordOf(login), name);
        REQUIRE((ok.wait(30000) || !failed.isEmpty()));
        INFO((failed.isEmpty() ? QString() : failed.front().front().toString()).toStdString());
        REQUIRE(ok.size() == 1);
    }

    void sync()
    {
        QSignalSpy done(&engine, &SyncEngine::finished);
        REQUIRE(engine.syncNow());
        if (done.isEmpty())
            REQUIRE(done.wait(120000));
        INFO(done.front().at(1).toString().toStdString());
        REQUIRE(done.front().at(0).toBool());
    }

    /// A client with a release of @p choice, an enrollment in this desk's shelter and @p nights bed nights.
    QString admit(const QString& first, const QString& last, SharingChoice choice, int nights = 2,
                  const QStringList& partners = {})
    {
        const QString c = client(first, last);
        clock.advanceSeconds(60);
        ReleaseOfInformation r = releaseFor(c, choice, clock.today());
        if (!partners.isEmpty())
            r.partnerAgencies = partners;
        REQUIRE_OK(ConsentRecords(*vault).record(r));
        const QString enrollment = enroll(c, shelter.uuid);
        for (int i = 0; i < nights; ++i)
            REQUIRE_OK(ServiceRecords(*vault).checkIn({enrollment}, QDate(2026, 1, 2).addDays(i)));
        return c;
    }

    std::optional<ClientProfile> held(const QString& uuid)
    {
        auto all = ClientRecords(*vault).list();
        REQUIRE_OK(all);
        for (const ClientProfile& c : *all)
            if (c.uuid == uuid)
                return c;
        return std::nullopt;
    }

    int enrollmentsOf(const QString& uuid)
    {
        auto found = EnrollmentRecords(*vault).forClient(uuid);
        REQUIRE_OK(found);
        return int(found->size());
    }

    int servicesOf(const QString& uuid)
    {
        auto found = EnrollmentRecords(*vault).forClient(uuid);
        REQUIRE_OK(found);
        int count = 0;
        for (const Enrollment& e : *found) {
            auto services = ServiceRecords(*vault).forEnrollment(e.uuid);
            REQUIRE_OK(services);
            count += int(services->size());
        }
        return count;
    }

    bool findable(const QString& text, const QString& uuid)
    {
        auto found = ClientSearch(*vault).search(SearchQuery::fromFreeText(text));
        REQUIRE_OK(found);
        for (const ClientMatch& m : *found)
            if (m.client.uuid == uuid)
                return true;
        return false;
    }

    void edit(const QString& uuid, const std::function<void(ClientProfile&)>& change)
    {
        clock.advanceSeconds(60);
        auto c = held(uuid);
        REQUIRE(c);
        change(*c);
        REQUIRE_OK(ClientRecords(*vault).update(*c));
    }

    std::vector<SyncConflict> conflicts()
    {
        auto open = SyncConflicts(*vault).open();
        REQUIRE_OK(open);
        return std::move(open).value();
    }
};

} // namespace hearth::test::desks
