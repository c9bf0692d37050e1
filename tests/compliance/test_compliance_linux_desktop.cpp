// Screen lock (GNOME, KDE, others) and automatic login (GDM, LightDM, SDDM, getty) on Linux.
#include "core/compliance/linux/LinuxChecks.h"
#include "tests/compliance/ComplianceTestSupport.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

const QString kLock = QStringLiteral("screen-lock");
const QString kSignIn = QStringLiteral("os-sign-in");

void gnome(CheckFixture& f, const QByteArray& idle, const QByteArray& enabled, const QByteArray& delay)
{
    f.probe.setEnvironment(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("GNOME"));
    const QString gsettings = QStringLiteral("gsettings");
    f.probe.onCommand(
        gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.session"), QStringLiteral("idle-delay")},
        0, idle);
    f.probe.onCommand(
        gsettings,
        {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.screensaver"), QStringLiteral("lock-enabled")}, 0,
        enabled);
    f.probe.onCommand(
        gsettings,
        {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.screensaver"), QStringLiteral("lock-delay")}, 0,
        delay);
}

} // namespace

TEST_CASE("GNOME blanking after 5 minutes and locking at once passes")
{
    CheckFixture f;
    gnome(f, "uint32 300\n", "true\n", "uint32 0\n");
    const CheckResult result = f.run(&linuxScreenLock, kLock);
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(QStringLiteral("XDG_CURRENT_DESKTOP=GNOME")));
    CHECK(result.evidence.contains(QStringLiteral("idle-delay`: exit 0; output: uint32 300")));
}

TEST_CASE("GNOME settings that never lock, or lock too late, fail")
{
    CheckFixture f;
    SECTION("never blanks")
    {
        gnome(f, "uint32 0\n", "true\n", "uint32 0\n");
        CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Fail);
    }
    SECTION("blanks but does not lock")
    {
        gnome(f, "uint32 300\n", "false\n", "uint32 0\n");
        CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Fail);
    }
    SECTION("15 minutes blank plus a 2-minute lock delay is over the limit")
    {
        gnome(f, "uint32 900\n", "true\n", "uint32 120\n");
        CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Fail);
    }
}

TEST_CASE("Ubuntu's GNOME session string is recognised")
{
    CheckFixture f;
    gnome(f, "uint32 600\n", "true\n", "uint32 30\n");
    f.probe.setEnvironment(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("ubuntu:GNOME"));
    CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Pass);
}

TEST_CASE("GNOME whose schema is missing is unknown")
{
    CheckFixture f;
    gnome(f, "uint32 300\n", "true\n", "uint32 0\n");
    f.probe.onCommand(
        QStringLiteral("gsettings"),
        {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.screensaver"), QStringLiteral("lock-enabled")}, 1, {},
        "No such schema \xe2\x80\x9corg.gnome.desktop.screensaver\xe2\x80\x9d\n");
    CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Unknown);
}

TEST_CASE("The idle limit comes from the checklist data")
{
    CheckFixture f;
    gnome(f, "uint32 600\n", "true\n", "uint32 0\n");
    CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Pass);
    for (ChecklistItem& item : f.checklist.items) {
        if (item.id == kLock)
            item.thresholds[QStringLiteral("idleLockMaxMinutes")] = 5;
    }
    CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Fail);
}

TEST_CASE("KDE's kscreenlockerrc, and its defaults when the file is absent")
{
    CheckFixture f;
    f.probe.setEnvironment(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("KDE"));
    SECTION("no file: KDE's defaults lock after 5 minutes")
    {
        const CheckResult result = f.run(&linuxScreenLock, kLock);
        CHECK(result.verdict == Verdict::Pass);
        CHECK(result.evidence.contains(QStringLiteral("/home/officer/.config/kscreenlockerrc: not found")));
        CHECK(result.evidence.contains(QStringLiteral("Timeout=5 min")));
    }
    SECTION("20 minutes fails")
    {
        f.probe.addFile(QStringLiteral("/home/officer/.config/kscreenlockerrc"),
                        recorded(QStringLiteral("linux/kscreenlockerrc-20min")));
        CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Fail);
    }
    SECTION("automatic locking off fails, and XDG_CONFIG_HOME is honoured")
    {
        f.probe.setEnvironment(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/srv/cfg"));
        f.probe.addFile(QStringLiteral("/srv/cfg/kscreenlockerrc"), "[Daemon]\nAutolock=false\n");
        CHECK(f.run(&linuxScreenLock, kLock).verdict == Verdict::Fail);
    }
}

TEST_CASE("An unsupported desktop or no desktop at all is unknown")
{
    CheckFixture f;
    SECTION("XFCE")
    {
        f.probe.setEnvironment(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("XFCE"));
        const CheckResult result = f.run(&linuxScreenLock, kLock);
        CHECK(result.verdict == Verdict::Unknown);
        CHECK(result.detail.contains(QStringLiteral("XFCE")));
    }
    SECTION("headless")
    {
        const CheckResult result = f.run(&linuxScreenLock, kLock);
        CHECK(result.verdict == Verdict::Unknown);
        CHECK(result.evidence.contains(QStringLiteral("XDG_CURRENT_DESKTOP=; DESKTOP_SESSION=")));
    }
}

TEST_CASE("GDM automatic login fails and names the account")
{
    CheckFixture f;
    f.probe.addFile(QStringLiteral("/etc/X11/default-display-manager"), "/usr/sbin/gdm3\n");
    f.probe.addFile(QStringLiteral("/etc/gdm3/daemon.conf"),
                    recorded(QStringLiteral("linux/gdm3-daemon.conf-autologin")));
    const CheckResult result = f.run(&linuxSignIn, kSignIn);
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.detail.contains(QStringLiteral("frontdesk")));
    CHECK(result.evidence.contains(QStringLiteral("AutomaticLoginEnable=true")));
}

TEST_CASE("GDM's stock configuration passes and the evidence lists where Hearth looked")
{
    CheckFixture f;
    f.probe.addFile(QStringLiteral("/etc/X11/default-display-manager"), "/usr/sbin/gdm3\n");
    f.probe.addFile(QStringLiteral("/etc/gdm3/daemon.conf"),
                    recorded(QStringLiteral("linux/gdm3-daemon.conf-default")));
    const CheckResult result = f.run(&linuxSignIn, kSignIn);
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(QStringLiteral("AutomaticLoginEnable=false")));
    CHECK(result.evidence.contains(QStringLiteral("not present: ")));
    CHECK(result.evidence.contains(QStringLiteral("/etc/sddm.conf")));
}

TEST_CASE("LightDM and SDDM automatic login fail")
{
    CheckFixture f;
    SECTION("LightDM drop-in")
    {
        f.probe.addFile(QStringLiteral("/etc/lightdm/lightdm.conf.d/50-autologin.conf"),
                        recorded(QStringLiteral("linux/lightdm-autologin.conf")));
        const CheckResult result = f.run(&linuxSignIn, kSignIn);
        CHECK(result.verdict == Verdict::Fail);
        CHECK(result.detail.contains(QStringLiteral("intake")));
    }
    SECTION("LightDM drop-in undone by lightdm.conf")
    {
        f.probe.addFile(QStringLiteral("/etc/lightdm/lightdm.conf.d/50-autologin.conf"),
                        recorded(QStringLiteral("linux/lightdm-autologin.conf")));
        f.probe.addFile(QStringLiteral("/etc/lightdm/lightdm.conf"), "[Seat:*]\nautologin-user=\n");
        CHECK(f.run(&linuxSignIn, kSignIn).verdict == Verdict::Pass);
    }
    SECTION("SDDM")
    {
        f.probe.addFile(QStringLiteral("/etc/sddm.conf.d/kde_settings.conf"),
                        recorded(QStringLiteral("linux/sddm-autologin.conf")));
        CHECK(f.run(&linuxSignIn, kSignIn).verdict == Verdict::Fail);
    }
    SECTION("console getty")
    {
        f.probe.addFile(QStringLiteral("/etc/systemd/system/getty@tty1.service.d/override.conf"),
                        "[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin kiosk --noclear %I $TERM\n");
        CHECK(f.run(&linuxSignIn, kSignIn).verdict == Verdict::Fail);
    }
}

TEST_CASE("A display manager Hearth cannot read, or an unreadable setting, is unknown")
{
    CheckFixture f;
    SECTION("slim")
    {
        f.probe.addFile(QStringLiteral("/etc/X11/default-display-manager"), "/usr/bin/slim\n");
        CHECK(f.run(&linuxSignIn, kSignIn).verdict == Verdict::Unknown);
    }
    SECTION("permission denied")
    {
        f.probe.addFile(QStringLiteral("/etc/X11/default-display-manager"), "/usr/sbin/gdm3\n");
        f.probe.deny(QStringLiteral("/etc/gdm3/daemon.conf"));
        CHECK(f.run(&linuxSignIn, kSignIn).verdict == Verdict::Unknown);
    }
}
