// The client sync engine's first push against a real hearth-server (SQLite) on loopback (run on
// demand; Release builds count).
//
//   setup        the clients created through the services (70% Full, 10% Limited, 10% Anonymous,
//                10% No Sharing), each with a release, an enrollment and 3 bed nights
//   first sync   SyncEngine::syncNow() from registration to "finished": change-log reads, consent review,
//                the second check, HTTP to the server and the server's writes, batch by batch
//   incremental  100 new bed nights, then one sync
//   bytes        what the engine sent (request lines, headers and bodies, counted at a loopback proxy)
//                per consented client record
//   memory       peak resident memory (VmHWM) of this process after the first sync
//
// hearth_bench_sync [clients] [batch]: 300 clients by default (the setup writes about 20 a second);
// pass 10000 for the figure. The batch size defaults to the engine's (200).
#include "BenchSupport.h"
#include "client/SyncEngine.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"
#include "crypto/RecoveryKey.h"
#include "session/ConsentRecords.h"
#include "session/EnrollmentRecords.h"
#include "session/ProjectRecords.h"
#include "session/ServiceRecords.h"
#include "session/SyncState.h"
#include "session/Vault.h"
#include "support/LoopbackProxy.h"
#include "support/ServerProcess.h"
#include "support/SyntheticClients.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::bench;

namespace {
constexpr int kDefaultClients = 300;
const QDate kToday(2026, 6, 15);

/// Runs one sync to its end; false with the engine's message when it failed.
bool syncOnce(sync::SyncEngine& engine, QString* message)
{
    QEventLoop loop;
    bool ok = false;
    auto connection = QObject::connect(&engine, &sync::SyncEngine::finished, &loop, [&](bool done, const QString& m) {
        ok = done;
        *message = m;
        loop.quit();
    });
    engine.syncNow();
    loop.exec();
    QObject::disconnect(connection);
    return ok;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int clientCount = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : kDefaultClients;
    const int batch = argc > 2 ? std::max(1, QString::fromLocal8Bit(argv[2]).toInt()) : sync::SyncSettings().batchSize;
    if (!crypto::initialize())
        return 2;
    QTemporaryDir dir;
    ManualClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    Vault vault(StoreLocation {dir.filePath(QStringLiteral("store"))}, clock, KdfParams::fastForTests());
    if (auto st
        = vault.createStore({QStringLiteral("Harbor House"), QStringLiteral("CA-504")}, QStringLiteral("bench.admin"),
                            QStringLiteral("Bench Admin"), QStringLiteral("Tangerine-47x!"), RecoveryKey::generate());
        !st)
        return fail("store", st.message());

    Project p;
    p.name = QStringLiteral("Harbor Night Shelter");
    p.projectType = 1;
    p.cocCode = QStringLiteral("CA-504");
    p.fundingSources = {8};
    p.tracksBedNights = true;
    p.operatingStart = QDate(2020, 1, 1);
    auto shelter = ProjectRecords(vault).create(p);
    if (!shelter)
        return fail("project", shelter.message());

    SyntheticClients names(11);
    SeededRandom random(11);
    QStringList enrollmentUuids;
    int consented = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < clientCount; ++i) {
        const SearchPerson person = names.person();
        ClientProfile c;
        c.firstName = person.firstName;
        c.lastName = person.lastName;
        c.nameDataQuality = 1;
        c.dobDataQuality = 99;
        c.raceEthnicity = {QStringLiteral("White")};
        c.veteranStatus = 0;
        ReleaseOfInformation r;
        r.choice = choiceFor(random);
        r.signedOn = kToday.addDays(-random.between(10, 300));
        r.language = QStringLiteral("en");
        if (r.choice == SharingChoice::LimitedSharing) {
            r.categories = ShareCategory::EnrollmentsAndServices;
            r.partnerAgencies = {QStringLiteral("Coastal Outreach")};
        }
        if (r.choice != SharingChoice::NoSharing)
            ++consented;
        auto made = ConsentRecords(vault).createClient(c, r);
        if (!made)
            return fail("createClient", made.message());
        Enrollment e;
        e.clientUuid = made->uuid;
        e.relationshipToHoH = 1;
        e.entryDate = r.signedOn;
        auto enrolled = EnrollmentRecords(vault).enrollHousehold(shelter->uuid, {e});
        if (!enrolled)
            return fail("enroll", enrolled.message());
        enrollmentUuids << enrolled->front().uuid;
        for (int night = 0; night < 3; ++night)
            if (auto in = ServiceRecords(vault).checkIn({enrolled->front().uuid}, r.signedOn.addDays(night)); !in)
                return fail("checkIn", in.message());
    }
    std::printf("setup        %d clients (%d consented), a release, an enrollment and 3 bed nights each: %.1f s\n",
                clientCount, consented, seconds(t));

    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    if (server.admin(
            {QStringLiteral("agency"), QStringLiteral("add"), QStringLiteral("HH"), QStringLiteral("Harbor House")})
            != 0
        || server.admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--agency"),
                         QStringLiteral("HH"), QStringLiteral("bench")},
                        "bench-secret-pw\n")
            != 0)
        return fail("server", QStringLiteral("administration commands failed"));
    QString why;
    if (!server.start(&why))
        return fail("server", why);
    LoopbackProxy proxy(quint16(server.url({}).port()));

    sync::SyncEngine engine(vault);
    sync::SyncSettings settings;
    settings.batchSize = batch;
    settings.retry = false;
    engine.setSettings(settings);
    {
        QEventLoop loop;
        QString problem;
        QObject::connect(&engine, &sync::SyncEngine::registered, &loop, &QEventLoop::quit);
        QObject::connect(&engine, &sync::SyncEngine::registrationFailed, &loop, [&](const QString& m) {
            problem = m;
            loop.quit();
        });
        engine.registerDevice(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())), QStringLiteral("bench"),
                              QStringLiteral("bench-secret-pw"), QStringLiteral("Bench"));
        loop.exec();
        if (!problem.isEmpty())
            return fail("register", problem);
    }
    auto pendingRows = SyncState(vault).pendingCount();
    if (!pendingRows)
        return fail("pending", pendingRows.message());
    const qint64 pending = *pendingRows;
    const qsizetype bytesBefore = proxy.received().size();
    QString message;
    t.restart();
    if (!syncOnce(engine, &message))
        return fail("first sync", message);
    const double first = seconds(t);
    const qsizetype bytes = proxy.received().size() - bytesBefore;
    std::printf("first sync   %lld change-log rows, batch %d: %.2f s (%s)\n", qlonglong(pending), batch, first,
                qPrintable(message));
    std::printf("bytes        %lld sent, %.0f per consented client (with its release, enrollment and 3 bed nights)\n",
                qlonglong(bytes), double(bytes) / std::max(1, consented));
    std::printf("memory       peak resident %.0f MiB\n", peakRssMiB());

    for (int i = 0; i < 100; ++i)
        if (auto in = ServiceRecords(vault).checkIn({enrollmentUuids.at(i % enrollmentUuids.size())},
                                                    kToday.addDays(-1 - i / enrollmentUuids.size()));
            !in)
            return fail("checkIn", in.message());
    t.restart();
    if (!syncOnce(engine, &message))
        return fail("incremental sync", message);
    std::printf("incremental  100 bed nights: %.2f s (%s)\n", seconds(t), qPrintable(message));
    return 0;
}
