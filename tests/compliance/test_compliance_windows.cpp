// Windows parsers and checks against outputs recorded from Windows PowerShell 5.1, PowerShell 7 and reg.
#include "core/compliance/windows/WindowsChecks.h"
#include "core/compliance/windows/WindowsParsers.h"
#include "tests/compliance/ComplianceTestSupport.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

const QString kPowerShell = QStringLiteral("powershell");

void powershell(CheckFixture& f, const QString& script, int exitCode, const QByteArray& output,
                const QByteArray& errors = {})
{
    f.probe.onCommand(kPowerShell, windowsCommands::powershell(script), exitCode, output, errors);
}

void antivirus(CheckFixture& f, const char* defender, const QByteArray& securityCenter = {})
{
    powershell(f, QString::fromLatin1(windowsCommands::kDefenderStatus), 0, recorded(QString::fromLatin1(defender)));
    powershell(f, QString::fromLatin1(windowsCommands::kSecurityCenterProducts), 0, securityCenter);
}

void reg(CheckFixture& f, const QString& key, const char* file)
{
    if (file)
        f.probe.onCommand(QStringLiteral("reg"), {QStringLiteral("query"), key}, 0,
                          recorded(QString::fromLatin1(file)));
    else
        f.probe.onCommand(QStringLiteral("reg"), {QStringLiteral("query"), key}, 1, {},
                          "ERROR: The system was unable to find the specified registry key or value.\r\n");
}

const QByteArray kDefenderOnly = "{\"displayName\": \"Windows Defender\", \"productState\": 397568}";

} // namespace

TEST_CASE("Defender status parses from PowerShell 5.1's and 7's date formats")
{
    const auto ps51 = parseDefenderStatus(recorded(QStringLiteral("windows/defender-ps51.json")));
    REQUIRE(ps51);
    CHECK(ps51->running());
    CHECK(ps51->signaturesUpdated == QDateTime(QDate(2026, 11, 20), QTime(7, 0), Qt::UTC));
    CHECK(ps51->fullScanEnded == QDateTime(QDate(2026, 11, 16), QTime(3, 0), Qt::UTC));
    const auto ps7 = parseDefenderStatus(recorded(QStringLiteral("windows/defender-ps7.json")));
    REQUIRE(ps7);
    CHECK(ps7->signaturesUpdated == QDateTime(QDate(2026, 11, 18), QTime(7, 10, 4), Qt::UTC));
    const auto never = parseDefenderStatus(recorded(QStringLiteral("windows/defender-never-scanned.json")));
    REQUIRE(never);
    CHECK_FALSE(never->fullScanEnded.isValid());
    CHECK_FALSE(never->fullScanAgeDays.has_value());
    CHECK_FALSE(parseDefenderStatus("Get-MpComputerStatus : Access denied").has_value());
}

TEST_CASE("Security Center product states decode real-time protection and freshness")
{
    const auto products
        = parseSecurityCenterProducts(recorded(QStringLiteral("windows/securitycenter-third-party.json")));
    REQUIRE(products);
    REQUIRE(products->size() == 2);
    CHECK_FALSE(products->at(0).enabled()); // Defender, off while Sophos runs
    CHECK(products->at(1).enabled());
    CHECK(products->at(1).upToDate());
    const auto outdated
        = parseSecurityCenterProducts(recorded(QStringLiteral("windows/securitycenter-third-party-outdated.json")));
    REQUIRE(outdated);
    CHECK_FALSE(outdated->first().upToDate());
    CHECK(parseSecurityCenterProducts("")->isEmpty());
}

TEST_CASE("Firewall profiles, BitLocker volumes and reg output parse")
{
    const auto profiles = parseFirewallProfiles(recorded(QStringLiteral("windows/firewall-profiles-public-off.json")));
    REQUIRE(profiles);
    REQUIRE(profiles->size() == 3);
    CHECK(profiles->at(2).name == u"Public");
    CHECK(profiles->at(2).enabled == false);
    const auto volumes = parseBitLockerVolumes(recorded(QStringLiteral("windows/bitlocker-c-suspended-strings.json")));
    REQUIRE(volumes);
    CHECK(volumes->first().volumeStatus == 1);
    CHECK(volumes->first().protectionStatus == 0);
    const QMap<QString, QString> desktop
        = parseRegQuery(recorded(QStringLiteral("windows/reg-desktop-10min-secure.txt")));
    CHECK(desktop.value(QStringLiteral("screensavetimeout")) == u"600");
    CHECK(desktop.value(QStringLiteral("scrnsave.exe")) == u"C:\\Windows\\system32\\scrnsave.scr");
    CHECK(registryNumber(QStringLiteral("0x384")) == 900);
    CHECK(parseShellBitLockerProtection("1\r\n") == 1);
    CHECK_FALSE(parseShellBitLockerProtection("").has_value());
}

TEST_CASE("Defender running, fresh and scanned within the week passes all three antivirus items")
{
    CheckFixture f;
    antivirus(f, "windows/defender-ps51.json", kDefenderOnly);
    CHECK(f.run(&windowsAntivirusRunning, QStringLiteral("antivirus-running")).verdict == Verdict::Pass);
    CHECK(f.run(&windowsAntivirusDefinitions, QStringLiteral("antivirus-definitions")).verdict == Verdict::Pass);
    CHECK(f.run(&windowsAntivirusFullScan, QStringLiteral("antivirus-full-scan")).verdict == Verdict::Pass);
}

TEST_CASE("Defender with two-day-old definitions and an 18-day-old scan fails both")
{
    CheckFixture f;
    antivirus(f, "windows/defender-ps7.json", kDefenderOnly);
    CHECK(f.run(&windowsAntivirusDefinitions, QStringLiteral("antivirus-definitions")).verdict == Verdict::Fail);
    CHECK(f.run(&windowsAntivirusFullScan, QStringLiteral("antivirus-full-scan")).verdict == Verdict::Fail);
}

TEST_CASE("Defender that never ran a full scan fails the scan item")
{
    CheckFixture f;
    antivirus(f, "windows/defender-never-scanned.json", kDefenderOnly);
    const CheckResult result = f.run(&windowsAntivirusFullScan, QStringLiteral("antivirus-full-scan"));
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.detail.contains(QStringLiteral("never")));
}

TEST_CASE("A third-party antivirus with Defender passive: running passes, dates are attested")
{
    CheckFixture f;
    antivirus(f, "windows/defender-passive.json", recorded(QStringLiteral("windows/securitycenter-third-party.json")));
    const CheckResult running = f.run(&windowsAntivirusRunning, QStringLiteral("antivirus-running"));
    CHECK(running.verdict == Verdict::Pass);
    CHECK(running.detail.contains(QStringLiteral("Sophos")));
    CHECK(f.run(&windowsAntivirusDefinitions, QStringLiteral("antivirus-definitions")).verdict == Verdict::Unknown);
    CHECK(f.run(&windowsAntivirusFullScan, QStringLiteral("antivirus-full-scan")).verdict == Verdict::Unknown);
}

TEST_CASE("A third-party antivirus Windows reports out of date fails the definitions item")
{
    CheckFixture f;
    powershell(f, QString::fromLatin1(windowsCommands::kDefenderStatus), 1, {},
               "Get-MpComputerStatus : 0x800106ba\r\n");
    powershell(f, QString::fromLatin1(windowsCommands::kSecurityCenterProducts), 0,
               recorded(QStringLiteral("windows/securitycenter-third-party-outdated.json")));
    CHECK(f.run(&windowsAntivirusDefinitions, QStringLiteral("antivirus-definitions")).verdict == Verdict::Fail);
}

TEST_CASE("PowerShell missing leaves the antivirus unknown")
{
    CheckFixture f;
    CHECK(f.run(&windowsAntivirusRunning, QStringLiteral("antivirus-running")).verdict == Verdict::Unknown);
}

TEST_CASE("Windows Firewall passes only with every profile on")
{
    CheckFixture f;
    SECTION("all on")
    {
        powershell(f, QString::fromLatin1(windowsCommands::kFirewallProfiles), 0,
                   recorded(QStringLiteral("windows/firewall-profiles-on.json")));
        CHECK(f.run(&windowsFirewall, QStringLiteral("firewall-active")).verdict == Verdict::Pass);
    }
    SECTION("public off")
    {
        powershell(f, QString::fromLatin1(windowsCommands::kFirewallProfiles), 0,
                   recorded(QStringLiteral("windows/firewall-profiles-public-off.json")));
        const CheckResult result = f.run(&windowsFirewall, QStringLiteral("firewall-active"));
        CHECK(result.verdict == Verdict::Fail);
        CHECK(result.detail.contains(QStringLiteral("Public")));
    }
}

TEST_CASE("BitLocker: the cmdlet when allowed, the shell property when it needs administrator rights")
{
    CheckFixture f;
    f.hearth.dataDir = QStringLiteral("C:/Users/officer/AppData/Roaming/Hearth");
    SECTION("cmdlet says on")
    {
        powershell(f, windowsCommands::bitLockerVolume(QStringLiteral("C:")), 0,
                   recorded(QStringLiteral("windows/bitlocker-c-on.json")));
        CHECK(f.run(&windowsDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Pass);
    }
    SECTION("cmdlet says suspended")
    {
        powershell(f, windowsCommands::bitLockerVolume(QStringLiteral("C:")), 0,
                   recorded(QStringLiteral("windows/bitlocker-c-suspended-strings.json")));
        CHECK(f.run(&windowsDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Fail);
    }
    SECTION("access denied, shell says on")
    {
        powershell(f, windowsCommands::bitLockerVolume(QStringLiteral("C:")), 1, {},
                   "Get-BitLockerVolume : Zugriff verweigert\r\n");
        powershell(f, windowsCommands::shellBitLockerProtection(QStringLiteral("C:")), 0, "1\r\n");
        CHECK(f.run(&windowsDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Pass);
    }
    SECTION("access denied, shell says off")
    {
        powershell(f, windowsCommands::bitLockerVolume(QStringLiteral("C:")), 1, {}, "Access denied\r\n");
        powershell(f, windowsCommands::shellBitLockerProtection(QStringLiteral("C:")), 0, "2\r\n");
        CHECK(f.run(&windowsDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Fail);
    }
    SECTION("nothing readable")
    {
        powershell(f, windowsCommands::bitLockerVolume(QStringLiteral("C:")), 1, {}, "Access denied\r\n");
        powershell(f, windowsCommands::shellBitLockerProtection(QStringLiteral("C:")), 0, "\r\n");
        CHECK(f.run(&windowsDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Unknown);
    }
}

TEST_CASE("Windows screen lock: inactivity policy, secure screen saver, or a fail")
{
    CheckFixture f;
    const QString system = QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System");
    const QString desktop = QStringLiteral("HKCU\\Control Panel\\Desktop");
    const QString policy = QStringLiteral("HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop");
    SECTION("machine inactivity limit of 15 minutes")
    {
        reg(f, system, "windows/reg-system-inactivity.txt");
        CHECK(f.run(&windowsScreenLock, QStringLiteral("screen-lock")).verdict == Verdict::Pass);
    }
    SECTION("secure screen saver after 10 minutes")
    {
        reg(f, system, nullptr);
        reg(f, desktop, "windows/reg-desktop-10min-secure.txt");
        reg(f, policy, nullptr);
        CHECK(f.run(&windowsScreenLock, QStringLiteral("screen-lock")).verdict == Verdict::Pass);
    }
    SECTION("a policy lengthening the wait to 30 minutes wins over the user's setting")
    {
        reg(f, system, nullptr);
        reg(f, desktop, "windows/reg-desktop-10min-secure.txt");
        f.probe.onCommand(QStringLiteral("reg"), {QStringLiteral("query"), policy}, 0,
                          "\r\n" + policy.toUtf8() + "\r\n    ScreenSaveTimeOut    REG_SZ    1800\r\n\r\n");
        CHECK(f.run(&windowsScreenLock, QStringLiteral("screen-lock")).verdict == Verdict::Fail);
    }
    SECTION("no screen saver chosen")
    {
        reg(f, system, nullptr);
        reg(f, desktop, "windows/reg-desktop-no-saver.txt");
        reg(f, policy, nullptr);
        CHECK(f.run(&windowsScreenLock, QStringLiteral("screen-lock")).verdict == Verdict::Fail);
    }
}

TEST_CASE("Windows automatic sign-in fails without copying the stored password into the evidence")
{
    CheckFixture f;
    reg(f, QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"),
        "windows/reg-winlogon-autologon.txt");
    const CheckResult result = f.run(&windowsSignIn, QStringLiteral("os-sign-in"));
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.detail.contains(QStringLiteral("frontdesk")));
    CHECK_FALSE(result.evidence.contains(QStringLiteral("Winter2026")));
    CHECK_FALSE(result.detail.contains(QStringLiteral("Winter2026")));
}

TEST_CASE("Windows sign-in with AutoAdminLogon 0 passes")
{
    CheckFixture f;
    reg(f, QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"),
        "windows/reg-winlogon-default.txt");
    CHECK(f.run(&windowsSignIn, QStringLiteral("os-sign-in")).verdict == Verdict::Pass);
}

TEST_CASE("Windows 11 24H2 Pro is past its end of servicing in November 2026")
{
    CheckFixture f;
    reg(f, QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"),
        "windows/reg-currentversion-24h2-pro.txt");
    const CheckResult result = f.run(&windowsOsSupported, QStringLiteral("os-supported"));
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.evidence.contains(QStringLiteral("CurrentBuild=26100")));
}

TEST_CASE("Windows Update running without a blocking policy passes; a disabling policy fails")
{
    CheckFixture f;
    reg(f, QStringLiteral("HKLM\\SYSTEM\\CurrentControlSet\\Services\\wuauserv"), "windows/reg-wuauserv.txt");
    const QString au = QStringLiteral("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU");
    SECTION("no policy")
    {
        reg(f, au, nullptr);
        CHECK(f.run(&windowsOsUpdates, QStringLiteral("os-updates")).verdict == Verdict::Pass);
    }
    SECTION("NoAutoUpdate")
    {
        f.probe.onCommand(QStringLiteral("reg"), {QStringLiteral("query"), au}, 0,
                          "\r\n" + au.toUtf8() + "\r\n    NoAutoUpdate    REG_DWORD    0x1\r\n\r\n");
        CHECK(f.run(&windowsOsUpdates, QStringLiteral("os-updates")).verdict == Verdict::Fail);
    }
}
