// ClamAV and third-party antivirus on Linux: running, definitions' age, last full scan.
#include "core/compliance/linux/LinuxChecks.h"
#include "tests/compliance/ComplianceTestSupport.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

const QString kRunning = QStringLiteral("antivirus-running");
const QString kDefinitions = QStringLiteral("antivirus-definitions");
const QString kScan = QStringLiteral("antivirus-full-scan");

// Every service in the checklist's table answers; @p active is the one that runs.
void services(CheckFixture& f, const QString& active = {})
{
    for (const AntivirusService& service : f.checklist.linuxAntivirusServices)
        f.unit(service.service, service.service == active ? QStringLiteral("active") : QStringLiteral("inactive"));
}

void clamav(CheckFixture& f)
{
    f.probe.install(QStringLiteral("clamd"));
    f.probe.install(QStringLiteral("clamscan"));
    services(f, QStringLiteral("clamav-daemon"));
    f.unit(QStringLiteral("clamav-clamonacc"), QStringLiteral("inactive"));
    f.probe.onCommand(QStringLiteral("freshclam"), {QStringLiteral("--version")}, 0,
                      recorded(QStringLiteral("linux/freshclam-version.txt")));
}

} // namespace

TEST_CASE("ClamAV with its daemon running and fresh signatures passes")
{
    CheckFixture f;
    clamav(f);
    const CheckResult running = f.run(&linuxAntivirusRunning, kRunning);
    CHECK(running.verdict == Verdict::Pass);
    CHECK(running.detail.contains(QStringLiteral("ClamAV")));
    CHECK(running.detail.contains(QStringLiteral("On-access scanning (clamonacc) is off")));
    f.unit(QStringLiteral("clamav-clamonacc"), QStringLiteral("active"));
    CHECK(f.run(&linuxAntivirusRunning, kRunning).detail.contains(QStringLiteral("with on-access scanning")));
    const CheckResult definitions = f.run(&linuxAntivirusDefinitions, kDefinitions);
    CHECK(definitions.verdict == Verdict::Pass);
    CHECK(definitions.evidence.contains(QStringLiteral("ClamAV 1.0.7/27460/Fri Nov 20 09:35:02 2026")));
}

TEST_CASE("Signatures older than the checklist's 24 hours fail")
{
    CheckFixture f;
    clamav(f);
    f.now = QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);
    const CheckResult result = f.run(&linuxAntivirusDefinitions, kDefinitions);
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.detail.contains(QStringLiteral("the limit is 24.0 hours")));
}

TEST_CASE("Without freshclam the database files' times are the evidence")
{
    CheckFixture f;
    f.probe.install(QStringLiteral("clamd"));
    services(f, QStringLiteral("clamav-daemon"));
    f.probe.addFile(QStringLiteral("/var/lib/clamav/main.cvd"), "x",
                    QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC));
    f.probe.addFile(QStringLiteral("/var/lib/clamav/daily.cld"), "x", f.now.addSecs(-2 * 3600));
    f.probe.addFile(QStringLiteral("/var/lib/clamav/freshclam.dat"), "x", f.now);
    const CheckResult result = f.run(&linuxAntivirusDefinitions, kDefinitions);
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(QStringLiteral("/var/lib/clamav/daily.cld: modified 2026-11-20T10:00:00Z")));
    CHECK_FALSE(result.evidence.contains(QStringLiteral("freshclam.dat")));
}

TEST_CASE("ClamAV installed without a database fails")
{
    CheckFixture f;
    f.probe.install(QStringLiteral("clamscan"));
    services(f);
    f.probe.onCommand(QStringLiteral("clamscan"), {QStringLiteral("--version")}, 0, "ClamAV 1.0.7\n");
    CHECK(f.run(&linuxAntivirusRunning, kRunning).verdict == Verdict::Fail);
    CHECK(f.run(&linuxAntivirusDefinitions, kDefinitions).verdict == Verdict::Fail);
}

TEST_CASE("No antivirus at all fails every antivirus item")
{
    CheckFixture f;
    services(f);
    const CheckResult running = f.run(&linuxAntivirusRunning, kRunning);
    CHECK(running.verdict == Verdict::Fail);
    CHECK(running.evidence.contains(QStringLiteral("clamscan: not installed")));
    CHECK(running.evidence.contains(QStringLiteral("`systemctl is-active mdatp`: exit 3; output: inactive")));
    CHECK(f.run(&linuxAntivirusDefinitions, kDefinitions).verdict == Verdict::Fail);
    CHECK(f.run(&linuxAntivirusFullScan, kScan).verdict == Verdict::Fail);
}

TEST_CASE("A third-party antivirus runs, but its dates are for the officer to attest")
{
    CheckFixture f;
    services(f, QStringLiteral("mdatp"));
    const CheckResult running = f.run(&linuxAntivirusRunning, kRunning);
    CHECK(running.verdict == Verdict::Pass);
    CHECK(running.detail.contains(QStringLiteral("Microsoft Defender for Endpoint")));
    CHECK(f.run(&linuxAntivirusDefinitions, kDefinitions).verdict == Verdict::Unknown);
    CHECK(f.run(&linuxAntivirusFullScan, kScan).verdict == Verdict::Unknown);
}

TEST_CASE("Without systemd, whether the daemon runs is unknown")
{
    CheckFixture f;
    f.probe.install(QStringLiteral("clamd"));
    QStringList units;
    for (const AntivirusService& service : f.checklist.linuxAntivirusServices)
        units << service.service;
    f.noSystemd(units, recorded(QStringLiteral("linux/systemctl-no-systemd-de.stderr")));
    CHECK(f.run(&linuxAntivirusRunning, kRunning).verdict == Verdict::Unknown);
}

TEST_CASE("The last full scan comes from a clamscan log")
{
    CheckFixture f;
    clamav(f);
    const QString log = QStringLiteral("/var/log/clamav/fullscan.log");
    SECTION("never scanned: no log anywhere is unknown and says where Hearth looked")
    {
        const CheckResult result = f.run(&linuxAntivirusFullScan, kScan);
        CHECK(result.verdict == Verdict::Unknown);
        for (const QString& path : f.checklist.linuxScanLogs)
            CHECK(result.evidence.contains(path + QStringLiteral(": not found")));
    }
    SECTION("the latest summary, 5 days old, passes")
    {
        f.probe.addFile(log, recorded(QStringLiteral("linux/clamscan-fullscan.log")));
        const CheckResult result = f.run(&linuxAntivirusFullScan, kScan);
        CHECK(result.verdict == Verdict::Pass);
        CHECK(result.detail.contains(QStringLiteral("5 days ago")));
    }
    SECTION("12 days later it fails")
    {
        f.probe.addFile(log, recorded(QStringLiteral("linux/clamscan-fullscan.log")));
        f.now = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);
        CHECK(f.run(&linuxAntivirusFullScan, kScan).verdict == Verdict::Fail);
    }
    SECTION("an unreadable log is unknown")
    {
        f.probe.deny(log);
        const CheckResult result = f.run(&linuxAntivirusFullScan, kScan);
        CHECK(result.verdict == Verdict::Unknown);
        CHECK(result.evidence.contains(log + QStringLiteral(": permission denied")));
    }
}
