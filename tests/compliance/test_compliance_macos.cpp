// macOS parsers and checks against recorded outputs.
#include "core/compliance/macos/MacChecks.h"
#include "core/compliance/macos/MacParsers.h"
#include "tests/compliance/ComplianceTestSupport.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

TEST_CASE("macOS outputs parse")
{
    CHECK(parseFileVaultOn(recorded(QStringLiteral("macos/fdesetup-on.txt"))) == true);
    CHECK(parseFileVaultOn(recorded(QStringLiteral("macos/fdesetup-off.txt"))) == false);
    CHECK_FALSE(parseFileVaultOn("").has_value());
    CHECK(parseFirewallGlobalState(recorded(QStringLiteral("macos/socketfilterfw-enabled.txt"))) == 1);
    CHECK(parseFirewallGlobalState(recorded(QStringLiteral("macos/socketfilterfw-disabled.txt"))) == 0);
    CHECK(parseFirewallGlobalState("Firewall is blocking all non-essential incoming connections. (State = 2)\n") == 2);
    CHECK(parseScreenLockDelay(recorded(QStringLiteral("macos/sysadminctl-immediate.stderr"))) == 0);
    CHECK(parseScreenLockDelay(recorded(QStringLiteral("macos/sysadminctl-300.stderr"))) == 300);
    CHECK(parseScreenLockDelay(recorded(QStringLiteral("macos/sysadminctl-off.stderr"))) == -1);
    CHECK(parseDisplaySleepMinutes(recorded(QStringLiteral("macos/pmset-g.txt"))) == 10);
    CHECK(macMajorVersion("15.1.1\n") == u"15");
    CHECK(macMajorVersion("10.15.7\n") == u"10.15");
    CHECK(parseSwapEncrypted(recorded(QStringLiteral("macos/sysctl-swapusage.txt"))) == true);
}

TEST_CASE("FileVault and the application firewall decide their items")
{
    CheckFixture f;
    const QString socketfilterfw = QStringLiteral("/usr/libexec/ApplicationFirewall/socketfilterfw");
    SECTION("on")
    {
        f.probe.onCommand(QStringLiteral("fdesetup"), {QStringLiteral("status")}, 0,
                          recorded(QStringLiteral("macos/fdesetup-on.txt")));
        f.probe.onCommand(socketfilterfw, {QStringLiteral("--getglobalstate")}, 0,
                          recorded(QStringLiteral("macos/socketfilterfw-enabled.txt")));
        CHECK(f.run(&macDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Pass);
        CHECK(f.run(&macFirewall, QStringLiteral("firewall-active")).verdict == Verdict::Pass);
    }
    SECTION("off")
    {
        f.probe.onCommand(QStringLiteral("fdesetup"), {QStringLiteral("status")}, 0,
                          recorded(QStringLiteral("macos/fdesetup-off.txt")));
        f.probe.onCommand(socketfilterfw, {QStringLiteral("--getglobalstate")}, 0,
                          recorded(QStringLiteral("macos/socketfilterfw-disabled.txt")));
        CHECK(f.run(&macDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Fail);
        CHECK(f.run(&macFirewall, QStringLiteral("firewall-active")).verdict == Verdict::Fail);
    }
    SECTION("tools missing")
    {
        CHECK(f.run(&macDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Unknown);
        CHECK(f.run(&macFirewall, QStringLiteral("firewall-active")).verdict == Verdict::Unknown);
    }
}

TEST_CASE("macOS screen lock: the earlier of screen saver and display sleep plus the password delay")
{
    CheckFixture f;
    const QStringList saver {QStringLiteral("-currentHost"), QStringLiteral("read"),
                             QStringLiteral("com.apple.screensaver"), QStringLiteral("idleTime")};
    f.probe.onCommand(QStringLiteral("pmset"), {QStringLiteral("-g")}, 0,
                      recorded(QStringLiteral("macos/pmset-g.txt")));
    SECTION("screen saver 20 min, display sleep 10 min, immediate lock")
    {
        f.probe.onCommand(QStringLiteral("defaults"), saver, 0, "1200\n");
        f.probe.onCommand(QStringLiteral("sysadminctl"), {QStringLiteral("-screenLock"), QStringLiteral("status")}, 0,
                          {}, recorded(QStringLiteral("macos/sysadminctl-immediate.stderr")));
        CHECK(f.run(&macScreenLock, QStringLiteral("screen-lock")).verdict == Verdict::Pass);
    }
    SECTION("display sleep 10 min plus a 300-second delay still passes; password off fails")
    {
        f.probe.onCommand(QStringLiteral("defaults"), saver, 1, {}, "The domain/default pair does not exist\n");
        f.probe.onCommand(QStringLiteral("sysadminctl"), {QStringLiteral("-screenLock"), QStringLiteral("status")}, 0,
                          {}, recorded(QStringLiteral("macos/sysadminctl-300.stderr")));
        CHECK(f.run(&macScreenLock, QStringLiteral("screen-lock")).verdict == Verdict::Pass);
        f.probe.onCommand(QStringLiteral("sysadminctl"), {QStringLiteral("-screenLock"), QStringLiteral("status")}, 0,
                          {}, recorded(QStringLiteral("macos/sysadminctl-off.stderr")));
        CHECK(f.run(&macScreenLock, QStringLiteral("screen-lock")).verdict == Verdict::Fail);
    }
}

TEST_CASE("macOS automatic login, swap, and the built-in antivirus")
{
    CheckFixture f;
    const QStringList autoLogin {QStringLiteral("read"), QStringLiteral("/Library/Preferences/com.apple.loginwindow"),
                                 QStringLiteral("autoLoginUser")};
    f.probe.onCommand(QStringLiteral("defaults"), autoLogin, 0, "frontdesk\n");
    CHECK(f.run(&macSignIn, QStringLiteral("os-sign-in")).verdict == Verdict::Fail);
    f.probe.onCommand(QStringLiteral("defaults"), autoLogin, 1, {}, "The domain/default pair of (…) does not exist\n");
    CHECK(f.run(&macSignIn, QStringLiteral("os-sign-in")).verdict == Verdict::Pass);
    f.probe.onCommand(QStringLiteral("sysctl"), {QStringLiteral("vm.swapusage")}, 0,
                      recorded(QStringLiteral("macos/sysctl-swapusage.txt")));
    CHECK(f.run(&macSwapEncryption, QStringLiteral("swap-encryption")).verdict == Verdict::Pass);
    CHECK(f.run(&macAntivirus, QStringLiteral("antivirus-definitions")).verdict == Verdict::Unknown);
}

TEST_CASE("macOS support comes from the table by major version")
{
    CheckFixture f;
    f.probe.onCommand(QStringLiteral("sw_vers"), {QStringLiteral("-productVersion")}, 0, "15.1.1\n");
    CHECK(f.run(&macOsSupported, QStringLiteral("os-supported")).verdict == Verdict::Pass);
    f.probe.onCommand(QStringLiteral("sw_vers"), {QStringLiteral("-productVersion")}, 0, "14.7.1\n");
    CHECK(f.run(&macOsSupported, QStringLiteral("os-supported")).verdict == Verdict::Fail);
    f.probe.onCommand(QStringLiteral("sw_vers"), {QStringLiteral("-productVersion")}, 0, "12.7.6\n");
    CHECK(f.run(&macOsSupported, QStringLiteral("os-supported")).verdict == Verdict::Unknown);
}
