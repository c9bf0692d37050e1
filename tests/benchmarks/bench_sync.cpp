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
//   cpu          CPU seconds of this process and of the server during the first sync (the machine may be shared)
//   memory       peak resident memory (VmHWM) of this process during the first sync (from its start where
//                the peak cannot be reset)
//
// hearth_bench_sync [clients] [batch]: 300 clients by default (the setup writes about 40 a second);
// pass 10000 for the figure. The batch size defaults to the engine's (500).
// HEARTH_BENCH_SYNC_CACHE=<dir> keeps the set-up store (synthetic clients only) under <dir> and starts later
// runs of the same size from a copy of it, so a profile need not wait for the set-up again.
#include "core/common/Clock.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/RecoveryKey.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"
#include "core/services/ServiceRecords.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/SyncEngine.h"
#include "tests/benchmarks/BenchSupport.h"
#include "tests/support/SyntheticClients.h"
#include "tests/sync/support/LoopbackProxy.h"
#include "tests/sync/support/ServerProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::bench;

namespace {
constexpr int kDefaultClients = 300;
const QDate kToday(2026, 6, 15);

const QString kAdmin = QStringLiteral("bench.admin");
const QString kPassword = QStringLiteral("Tangerine-47x!");
const QString kPopulationFile = QStringLiteral("population.txt");

/// What the set-up made that the figures need: enrollments to add bed nights to, and the consented count.
struct Population
{
    QStringList enrollments;
    int consented = 0;
};

/// One shelter, then each client with a release (the benchmark mix), an enrollment and 3 bed nights.
Result<Population> populate(Vault& vault, int clientCount)
{
    Project p;
    p.name = QStringLiteral("Harbor Night Shelter");
    p.projectType = 1;
    p.cocCode = QStringLiteral("CA-504");
    p.fundingSources = {8};
    p.tracksBedNights = true;
    p.operatingStart = QDate(2020, 1, 1);
    auto shelter = ProjectRecords(vault).create(p);
    if (!shelter)
        return shelter.error();
    SyntheticClients names(11);
    SeededRandom random(11);
    Population out;
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
            ++out.consented;
        auto made = ConsentRecords(vault).createClient(c, r);
        if (!made)
            return made.error();
        Enrollment e;
        e.clientUuid = made->uuid;
        e.relationshipToHoH = 1;
        e.entryDate = r.signedOn;
        auto enrolled = EnrollmentRecords(vault).enrollHousehold(shelter->uuid, {e});
        if (!enrolled)
            return enrolled.error();
        out.enrollments << enrolled->front().uuid;
        for (int night = 0; night < 3; ++night)
            if (auto in = ServiceRecords(vault).checkIn({enrolled->front().uuid}, r.signedOn.addDays(night)); !in)
                return in.error();
    }
    return out;
}

/// Copies the files of @p from (one level, as a store folder is) into @p to, which is created.
bool copyFiles(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QString& name : source.entryList(QDir::Files | QDir::Hidden)) {
        QFile::remove(QDir(to).filePath(name));
        if (!QFile::copy(source.filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

/// The population file: the consented count, then one enrollment id a line (ids only, no client data).
bool writePopulation(const QString& path, const Population& population)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QByteArray::number(population.consented) + '\n' + population.enrollments.join(u'\n').toLatin1());
    return file.commit();
}

Result<Population> readPopulation(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1").arg(path));
    const QList<QByteArray> lines = file.readAll().split('\n');
    Population out;
    out.consented = lines.value(0).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i)
        out.enrollments << QString::fromLatin1(lines.at(i));
    if (out.enrollments.isEmpty())
        return makeError(ErrorCode::Io, QStringLiteral("%1 names no enrollments").arg(path));
    return out;
}

/// @brief The byte-counting proxy on a thread of its own, as a network would be: on the engine's thread it
/// would stop forwarding whenever the engine works, and the server would wait for it.
class ProxyThread
{
public:
    explicit ProxyThread(quint16 targetPort)
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_anchor,
            [this, targetPort] {
                m_proxy = std::make_unique<LoopbackProxy>(targetPort);
                m_proxy->setCountOnly(true);
            },
            Qt::BlockingQueuedConnection);
    }
    ~ProxyThread()
    {
        QMetaObject::invokeMethod(
            &m_anchor, [this] { m_proxy.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port()
    {
        return read([this] { return qint64(m_proxy->port()); });
    }
    qint64 receivedBytes()
    {
        return read([this] { return m_proxy->receivedBytes(); });
    }

private:
    qint64 read(const std::function<qint64()>& what)
    {
        qint64 value = 0;
        QMetaObject::invokeMethod(
            &m_anchor, [&] { value = what(); }, Qt::BlockingQueuedConnection);
        return value;
    }

    QThread m_thread;
    QObject m_anchor;
    std::unique_ptr<LoopbackProxy> m_proxy;
};

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
    const QString storeDir = dir.filePath(QStringLiteral("store"));
    const QString cacheRoot = qEnvironmentVariable("HEARTH_BENCH_SYNC_CACHE");
    const QString cache = cacheRoot.isEmpty() ? QString() : QDir(cacheRoot).filePath(QString::number(clientCount));
    const bool cached = !cache.isEmpty() && QFileInfo::exists(QDir(cache).filePath(kPopulationFile));
    if (cached && !copyFiles(QDir(cache).filePath(QStringLiteral("store")), storeDir))
        return fail("cache", QStringLiteral("could not copy the cached store"));
    Vault vault(StoreLocation {storeDir}, clock, KdfParams::fastForTests());
    Population population;
    QElapsedTimer t;
    t.start();
    if (cached) {
        vault.probe();
        if (auto st = vault.signIn(kAdmin, kPassword); !st)
            return fail("sign in", st.message());
        auto read = readPopulation(QDir(cache).filePath(kPopulationFile));
        if (!read)
            return fail("cache", read.message());
        population = std::move(read).value();
        std::printf("setup        %d clients (%d consented) from the cache %s\n", clientCount, population.consented,
                    qPrintable(cache));
    } else {
        if (auto st = vault.createStore({QStringLiteral("Harbor House"), QStringLiteral("CA-504")}, kAdmin,
                                        QStringLiteral("Bench Admin"), kPassword, RecoveryKey::generate());
            !st)
            return fail("store", st.message());
        auto made = populate(vault, clientCount);
        if (!made)
            return fail("setup", made.message());
        population = std::move(made).value();
        std::printf("setup        %d clients (%d consented), a release, an enrollment and 3 bed nights each: %.1f s\n",
                    clientCount, population.consented, seconds(t));
        if (!cache.isEmpty()) {
            // Closed first, so the copy is a settled database (no write-ahead log in flight).
            vault.lock();
            if (!copyFiles(storeDir, QDir(cache).filePath(QStringLiteral("store")))
                || !writePopulation(QDir(cache).filePath(kPopulationFile), population))
                return fail("cache", QStringLiteral("could not keep the store in %1").arg(cache));
            if (auto st = vault.unlock(kPassword); !st)
                return fail("unlock", st.message());
        }
    }
    const QStringList& enrollmentUuids = population.enrollments;
    const int consented = population.consented;

    ServerProcess server(dir.filePath(QStringLiteral("server.db")));
    if (server.admin(
            {QStringLiteral("agency"), QStringLiteral("add"), QStringLiteral("HH"), QStringLiteral("Harbor House")})
            != 0
        || server.admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--agency"),
                         QStringLiteral("HH"), QStringLiteral("bench")},
                        "load-test-pw-26b\n")
            != 0)
        return fail("server", QStringLiteral("administration commands failed"));
    QString why;
    if (!server.start(&why))
        return fail("server", why);
    ProxyThread proxy(quint16(server.url({}).port()));

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
                              QStringLiteral("load-test-pw-26b"), QStringLiteral("Bench"));
        loop.exec();
        if (!problem.isEmpty())
            return fail("register", problem);
    }
    auto pendingRows = SyncState(vault).pendingCount();
    if (!pendingRows)
        return fail("pending", pendingRows.message());
    const qint64 pending = *pendingRows;
    const qint64 bytesBefore = proxy.receivedBytes();
    QString message;
    const QString serverPid = QString::number(server.processId());
    const bool peakReset = resetPeakRss();
    const double clientCpu = cpuSeconds();
    const double serverCpu = cpuSeconds(serverPid);
    t.restart();
    if (!syncOnce(engine, &message))
        return fail("first sync", message);
    const double first = seconds(t);
    const qint64 bytes = proxy.receivedBytes() - bytesBefore;
    std::printf("first sync   %lld change-log rows, batch %d: %.2f s (%s)\n", qlonglong(pending), batch, first,
                qPrintable(message));
    std::printf("cpu          workstation %.2f s, server %.2f s\n", cpuSeconds() - clientCpu,
                cpuSeconds(serverPid) - serverCpu);
    std::printf("bytes        %lld sent, %.0f per consented client (with its release, enrollment and 3 bed nights)\n",
                qlonglong(bytes), double(bytes) / std::max(1, consented));
    std::printf("memory       peak resident %.0f MiB %s\n", peakRssMiB(),
                peakReset ? "during the sync" : "since the start (set-up included)");

    for (int i = 0; i < 100; ++i)
        if (auto in = ServiceRecords(vault).checkIn({enrollmentUuids.at(i % enrollmentUuids.size())},
                                                    kToday.addDays(-1 - i / enrollmentUuids.size()));
            !in)
            return fail("checkIn", in.message());
    const double clientCpuBefore = cpuSeconds();
    const double serverCpuBefore = cpuSeconds(serverPid);
    t.restart();
    if (!syncOnce(engine, &message))
        return fail("incremental sync", message);
    std::printf("incremental  100 bed nights: %.2f s, cpu workstation %.2f s, server %.2f s (%s)\n", seconds(t),
                cpuSeconds() - clientCpuBefore, cpuSeconds(serverPid) - serverCpuBefore, qPrintable(message));
    return 0;
}
