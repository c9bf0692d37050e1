// Operating-system support and automatic updates on Debian.
#include "core/compliance/linux/LinuxChecks.h"
#include "tests/compliance/ComplianceTestSupport.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

const QString kSupported = QStringLiteral("os-supported");
const QString kUpdates = QStringLiteral("os-updates");

void unattended(CheckFixture& f, const char* dump, const QString& timer)
{
    f.probe.onCommand(QStringLiteral("apt-config"), {QStringLiteral("dump")}, 0, recorded(QString::fromLatin1(dump)));
    f.probe.install(QStringLiteral("unattended-upgrade"));
    f.unit(QStringLiteral("apt-daily-upgrade.timer"), timer);
}

} // namespace

TEST_CASE("Debian 12 is supported (LTS) until mid-2028 according to the checklist table")
{
    CheckFixture f;
    f.probe.addFile(QStringLiteral("/etc/os-release"), recorded(QStringLiteral("linux/os-release-debian12")));
    const CheckResult result = f.run(&linuxOsSupported, kSupported);
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(QStringLiteral("ID=debian VERSION_ID=12")));
    CHECK(result.evidence.contains(QStringLiteral("supported until 2028-06-30")));
}

TEST_CASE("Debian 11 past its LTS end fails; a release missing from the table is unknown")
{
    CheckFixture f;
    SECTION("Debian 11 in November 2026")
    {
        f.probe.addFile(QStringLiteral("/etc/os-release"), recorded(QStringLiteral("linux/os-release-debian11")));
        CHECK(f.run(&linuxOsSupported, kSupported).verdict == Verdict::Fail);
    }
    SECTION("Debian 10 is not listed")
    {
        f.probe.addFile(QStringLiteral("/usr/lib/os-release"), recorded(QStringLiteral("linux/os-release-debian10")));
        const CheckResult result = f.run(&linuxOsSupported, kSupported);
        CHECK(result.verdict == Verdict::Unknown);
        CHECK(result.evidence.contains(QStringLiteral("/etc/os-release: not found")));
    }
    SECTION("no os-release at all")
    {
        CHECK(f.run(&linuxOsSupported, kSupported).verdict == Verdict::Unknown);
    }
}

TEST_CASE("unattended-upgrades installed, enabled and timed passes")
{
    CheckFixture f;
    unattended(f, "linux/apt-config-dump-unattended.txt", QStringLiteral("active"));
    const CheckResult result = f.run(&linuxOsUpdates, kUpdates);
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(QStringLiteral("APT::Periodic::Unattended-Upgrade \"1\"")));
}

TEST_CASE("Automatic upgrades turned off, not installed, or never timed fail")
{
    CheckFixture f;
    SECTION("turned off")
    {
        unattended(f, "linux/apt-config-dump-off.txt", QStringLiteral("active"));
        CHECK(f.run(&linuxOsUpdates, kUpdates).verdict == Verdict::Fail);
    }
    SECTION("not installed")
    {
        f.probe.onCommand(QStringLiteral("apt-config"), {QStringLiteral("dump")}, 0,
                          recorded(QStringLiteral("linux/apt-config-dump-unattended.txt")));
        const CheckResult result = f.run(&linuxOsUpdates, kUpdates);
        CHECK(result.verdict == Verdict::Fail);
        CHECK(result.evidence.contains(QStringLiteral("unattended-upgrade: not installed")));
    }
    SECTION("timer stopped")
    {
        unattended(f, "linux/apt-config-dump-unattended.txt", QStringLiteral("inactive"));
        CHECK(f.run(&linuxOsUpdates, kUpdates).verdict == Verdict::Fail);
    }
}

TEST_CASE("Enabled upgrades without systemd to confirm the timer are unknown")
{
    CheckFixture f;
    f.probe.onCommand(QStringLiteral("apt-config"), {QStringLiteral("dump")}, 0,
                      recorded(QStringLiteral("linux/apt-config-dump-unattended.txt")));
    f.probe.install(QStringLiteral("unattended-upgrade"));
    f.noSystemd({QStringLiteral("apt-daily-upgrade.timer")},
                recorded(QStringLiteral("linux/systemctl-no-systemd.stderr")));
    CHECK(f.run(&linuxOsUpdates, kUpdates).verdict == Verdict::Unknown);
}

TEST_CASE("Without apt-config the 20auto-upgrades file is read")
{
    CheckFixture f;
    f.probe.addFile(QStringLiteral("/etc/debian_version"), "12.8\n");
    f.probe.addFile(QStringLiteral("/etc/apt/apt.conf.d/20auto-upgrades"),
                    "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n");
    f.probe.install(QStringLiteral("unattended-upgrade"));
    f.unit(QStringLiteral("apt-daily-upgrade.timer"), QStringLiteral("active"));
    const CheckResult result = f.run(&linuxOsUpdates, kUpdates);
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(
        QStringLiteral("/etc/apt/apt.conf.d/20auto-upgrades: APT::Periodic::Unattended-Upgrade \"1\"")));
}

TEST_CASE("A system without APT is unknown")
{
    CheckFixture f;
    CHECK(f.run(&linuxOsUpdates, kUpdates).verdict == Verdict::Unknown);
}
