// Hearth benchmarks (run on demand, never timed inside unit tests).
//
//   unlock        key derivation with the production Argon2id cost + open + integrity check; target 0.3-1.0 s
//   cold start    process start to the sign-in window painted (hearth --exit-when-ready); target < 0.5 s
//   commit        one client record written through ClientRecords (transaction, change log, audit); target < 5 ms
//   median
#include "core/common/Clock.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/RecoveryKey.h"
#include "core/services/ClientRecords.h"
#include "core/vault/Vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hearth;

namespace {

struct Stats
{
    double median = 0, p95 = 0, min = 0, max = 0;
};

Stats summarize(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * double(ms.size())))];
    };
    return {at(0.5), at(0.95), ms.front(), ms.back()};
}

void report(const char* name, const Stats& s, const char* target)
{
    std::printf("%-12s median %9.2f ms   p95 %9.2f ms   min %9.2f ms   max %9.2f ms   (target: %s)\n", name, s.median,
                s.p95, s.min, s.max, target);
    std::fflush(stdout);
}

const QString kPassword = QStringLiteral("Lamp-post-2026x");

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (!crypto::initialize())
        return 2;
    const int unlockRuns = 5;
    const int startRuns = 5;
    const int commits = 300;

    QTemporaryDir dir;
    SystemClock clock;
    {
        Vault vault(StoreLocation {dir.path()}, clock, KdfParams::production());
        auto created
            = vault.createStore({QStringLiteral("Bench Agency"), QStringLiteral("CA-504")}, QStringLiteral("bench"),
                                QStringLiteral("Bench Admin"), kPassword, RecoveryKey::generate());
        if (!created) {
            std::fprintf(stderr, "create failed: %s\n", qPrintable(created.message()));
            return 1;
        }
        // A realistic amount of data behind the unlock: the integrity check reads every page.
        ClientRecords clients(vault);
        for (int i = 0; i < 2000; ++i)
            (void)clients.create(QStringLiteral("First%1").arg(i), QStringLiteral("Last%1").arg(i));
        vault.signOut();
    }

    std::vector<double> unlock;
    for (int i = 0; i < unlockRuns; ++i) {
        Vault vault(StoreLocation {dir.path()}, clock, KdfParams::production());
        vault.probe();
        QElapsedTimer t;
        t.start();
        auto st = vault.signIn(QStringLiteral("bench"), kPassword);
        unlock.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!st) {
            std::fprintf(stderr, "sign-in failed: %s\n", qPrintable(st.message()));
            return 1;
        }
        vault.signOut();
    }
    report("unlock", summarize(unlock), "300-1000 ms");

    std::vector<double> start;
    for (int i = 0; i < startRuns; ++i) {
        QProcess hearth;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")) && !env.contains(QStringLiteral("DISPLAY")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        hearth.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        hearth.start(QStringLiteral(HEARTH_APP_PATH),
                     {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--exit-when-ready")});
        if (!hearth.waitForFinished(20000) || hearth.exitCode() != 0) {
            std::fprintf(stderr, "hearth --exit-when-ready failed: %s\n", hearth.readAllStandardError().constData());
            return 1;
        }
        start.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    report("cold start", summarize(start), "< 500 ms (process start to sign-in window)");

    {
        Vault vault(StoreLocation {dir.path()}, clock, KdfParams::production());
        vault.probe();
        if (auto st = vault.signIn(QStringLiteral("bench"), kPassword); !st)
            return 1;
        ClientRecords clients(vault);
        std::vector<double> commit;
        for (int i = 0; i < commits; ++i) {
            QElapsedTimer t;
            t.start();
            auto c = clients.create(QStringLiteral("Commit%1").arg(i), QStringLiteral("Bench"));
            commit.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!c)
                return 1;
        }
        report("commit", summarize(commit), "< 5 ms median (synchronous=FULL, WAL)");
    }
    return 0;
}
