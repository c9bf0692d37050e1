// The Linux firewall check against recorded machines: ufw, firewalld, nftables, iptables.
#include "core/compliance/linux/LinuxChecks.h"
#include "tests/compliance/ComplianceTestSupport.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

const QString kId = QStringLiteral("firewall-active");
const QStringList kNftList {QStringLiteral("list"), QStringLiteral("ruleset")};

} // namespace

TEST_CASE("An enabled ufw whose service runs passes")
{
    CheckFixture f;
    f.probe.install(QStringLiteral("ufw"));
    f.probe.addFile(QStringLiteral("/etc/ufw/ufw.conf"), recorded(QStringLiteral("linux/ufw.conf-enabled")));
    f.unit(QStringLiteral("ufw"), QStringLiteral("active"));
    const CheckResult result = f.run(&linuxFirewall, kId);
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(QStringLiteral("/etc/ufw/ufw.conf: ENABLED=yes")));
    CHECK(result.evidence.contains(QStringLiteral("`systemctl is-active ufw`: exit 0; output: active")));
}

TEST_CASE("ufw installed but disabled, and nothing else, fails")
{
    CheckFixture f;
    f.probe.install(QStringLiteral("ufw"));
    f.probe.addFile(QStringLiteral("/etc/ufw/ufw.conf"), recorded(QStringLiteral("linux/ufw.conf-disabled")));
    const CheckResult result = f.run(&linuxFirewall, kId);
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.evidence.contains(QStringLiteral("ENABLED=no")));
}

TEST_CASE("A machine with no firewall tool at all fails and says what it looked for")
{
    CheckFixture f;
    f.probe.addFile(QStringLiteral("/proc/net/ip_tables_names"), {});
    const CheckResult result = f.run(&linuxFirewall, kId);
    CHECK(result.verdict == Verdict::Fail);
    for (const char* tool : {"ufw: not installed", "firewalld: not installed", "nft: not installed",
                             "iptables: not installed", "/proc/net/ip_tables_names: no tables loaded"})
        CHECK(result.evidence.contains(QString::fromLatin1(tool)));
}

TEST_CASE("nftables that an ordinary user may not list is unknown, not a pass")
{
    CheckFixture f;
    f.probe.onCommand(QStringLiteral("nft"), kNftList, 1, {},
                      "netlink: Error: cache initialization failed: Operation not permitted\n");
    const CheckResult result = f.run(&linuxFirewall, kId);
    CHECK(result.verdict == Verdict::Unknown);
    CHECK(result.needsAttestation());
    CHECK_FALSE(result.passed());
    CHECK(result.evidence.contains(QStringLiteral("`nft list ruleset`: exit 1")));
}

TEST_CASE("An nftables ruleset is judged by whether its input hook drops traffic")
{
    CheckFixture f;
    SECTION("policy drop on input passes")
    {
        f.probe.onCommand(QStringLiteral("nft"), kNftList, 0, recorded(QStringLiteral("linux/nft-ruleset-drop.txt")));
        CHECK(f.run(&linuxFirewall, kId).verdict == Verdict::Pass);
    }
    SECTION("accept-everything input fails, even when output drops")
    {
        f.probe.onCommand(QStringLiteral("nft"), kNftList, 0, recorded(QStringLiteral("linux/nft-ruleset-accept.txt")));
        const CheckResult result = f.run(&linuxFirewall, kId);
        CHECK(result.verdict == Verdict::Fail);
        CHECK(result.evidence.contains(QStringLiteral("no input chain drops or rejects traffic")));
    }
    SECTION("an empty ruleset fails")
    {
        f.probe.onCommand(QStringLiteral("nft"), kNftList, 0, {});
        CHECK(f.run(&linuxFirewall, kId).verdict == Verdict::Fail);
    }
}

TEST_CASE("firewalld is read from firewall-cmd's exit code")
{
    CheckFixture f;
    SECTION("running")
    {
        f.probe.onCommand(QStringLiteral("firewall-cmd"), {QStringLiteral("--state")}, 0, "running\n");
        CHECK(f.run(&linuxFirewall, kId).verdict == Verdict::Pass);
    }
    SECTION("not running")
    {
        f.probe.onCommand(QStringLiteral("firewall-cmd"), {QStringLiteral("--state")}, 252, "not running\n");
        f.unit(QStringLiteral("firewalld"), QStringLiteral("inactive"));
        CHECK(f.run(&linuxFirewall, kId).verdict == Verdict::Fail);
    }
    SECTION("localized text with the running exit code still passes")
    {
        f.probe.onCommand(QStringLiteral("firewall-cmd"), {QStringLiteral("--state")}, 0, "en cours d'exécution\n");
        CHECK(f.run(&linuxFirewall, kId).verdict == Verdict::Pass);
    }
}

TEST_CASE("An enabled ufw on a machine without systemd is unknown, whatever language systemctl speaks")
{
    for (const char* errors : {"linux/systemctl-no-systemd.stderr", "linux/systemctl-no-systemd-de.stderr"}) {
        CheckFixture f;
        f.probe.install(QStringLiteral("ufw"));
        f.probe.addFile(QStringLiteral("/etc/ufw/ufw.conf"), recorded(QStringLiteral("linux/ufw.conf-enabled")));
        f.noSystemd({QStringLiteral("ufw")}, recorded(QString::fromLatin1(errors)));
        CHECK(f.run(&linuxFirewall, kId).verdict == Verdict::Unknown);
    }
}

TEST_CASE("iptables that needs root, with legacy tables loaded, is unknown")
{
    CheckFixture f;
    f.probe.onCommand(
        QStringLiteral("iptables"), {QStringLiteral("-S"), QStringLiteral("INPUT")}, 4, {},
        "iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n");
    f.probe.addFile(QStringLiteral("/proc/net/ip_tables_names"), "filter\n");
    const CheckResult result = f.run(&linuxFirewall, kId);
    CHECK(result.verdict == Verdict::Unknown);
}

TEST_CASE("iptables readable as root with an INPUT policy of DROP passes")
{
    CheckFixture f;
    f.probe.onCommand(QStringLiteral("iptables"), {QStringLiteral("-S"), QStringLiteral("INPUT")}, 0,
                      "-P INPUT DROP\n-A INPUT -j ufw-before-logging-input\n-A INPUT -j ufw-before-input\n");
    CHECK(f.run(&linuxFirewall, kId).verdict == Verdict::Pass);
}

TEST_CASE("The ufw configuration file unreadable is unknown")
{
    CheckFixture f;
    f.probe.install(QStringLiteral("ufw"));
    f.probe.deny(QStringLiteral("/etc/ufw/ufw.conf"));
    const CheckResult result = f.run(&linuxFirewall, kId);
    CHECK(result.verdict == Verdict::Unknown);
    CHECK(result.evidence.contains(QStringLiteral("/etc/ufw/ufw.conf: permission denied")));
}
