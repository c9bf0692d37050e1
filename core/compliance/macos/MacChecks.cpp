#include "core/compliance/macos/MacChecks.h"

#include "core/compliance/CheckSupport.h"
#include "core/compliance/macos/MacParsers.h"

#include <QObject>

namespace hearth::compliance {
namespace {

CommandResult run(const SystemProbe& probe, const QString& program, const QStringList& arguments, QStringList& evidence)
{
    const CommandResult result = probe.run(program, arguments);
    evidence << describeCommand(program, arguments, result, 4);
    return result;
}

// sysadminctl writes its answer to stderr.
QByteArray allOutput(const CommandResult& result)
{
    return result.standardOutput + '\n' + result.standardError;
}

} // namespace

CheckResult macAntivirus(const CheckContext& context)
{
    QStringList evidence;
    const QString xprotect = QStringLiteral("/Library/Apple/System/Library/CoreServices/XProtect.bundle");
    const DirectoryResult bundle = context.probe.listDirectory(xprotect);
    evidence << (bundle.ok() ? xprotect + QStringLiteral(": present") : describeUnreadable(xprotect, bundle.status));
    return CheckResult::unknown(
        evidence.join(u'\n'),
        QObject::tr("macOS's built-in XProtect has no definition date or scan history Hearth can read. Attest to "
                    "the antivirus in use, its definitions and its last full scan."));
}

CheckResult macFirewall(const CheckContext& context)
{
    QStringList evidence;
    const CommandResult result = run(context.probe, QStringLiteral("/usr/libexec/ApplicationFirewall/socketfilterfw"),
                                     {QStringLiteral("--getglobalstate")}, evidence);
    const auto state = result.succeeded() ? parseFirewallGlobalState(result.standardOutput) : std::nullopt;
    if (!state)
        return CheckResult::unknown(evidence.join(u'\n'),
                                    QObject::tr("Hearth could not read the firewall state; attest to it."));
    if (*state == 0)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("The macOS firewall is off. Turn it on in System Settings › Network › Firewall."));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("The macOS firewall is on."));
}

CheckResult macOsSupported(const CheckContext& context)
{
    QStringList evidence;
    const CommandResult result
        = run(context.probe, QStringLiteral("sw_vers"), {QStringLiteral("-productVersion")}, evidence);
    const QString major = result.succeeded() ? macMajorVersion(result.standardOutput) : QString();
    if (major.isEmpty())
        return CheckResult::unknown(evidence.join(u'\n'), QObject::tr("Hearth could not read the macOS version."));
    const SupportedRelease* release = context.checklist.release(QStringLiteral("macos"), major);
    if (!release)
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("macOS %1 is not in the checklist's table; check Apple's security releases and attest.")
                .arg(major));
    evidence << QStringLiteral("checklist table: %1 supported until %2 (%3)")
                    .arg(release->name, release->supportedUntil.toString(Qt::ISODate), release->note);
    if (context.now.toLocalTime().date() > release->supportedUntil)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("%1 no longer receives security updates. Upgrade macOS.").arg(release->name));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("%1 receives security updates.").arg(release->name));
}

CheckResult macOsUpdates(const CheckContext& context)
{
    QStringList evidence;
    const CommandResult result
        = run(context.probe, QStringLiteral("defaults"),
              {QStringLiteral("read"), QStringLiteral("/Library/Preferences/com.apple.SoftwareUpdate"),
               QStringLiteral("CriticalUpdateInstall")},
              evidence);
    const auto value = result.succeeded() ? parseDefaultsInteger(result.standardOutput) : std::nullopt;
    if (!value)
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("The security-update setting is not set explicitly; check System Settings › General › "
                        "Software Update › Automatic Updates and attest."));
    if (*value == 0)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("macOS does not install security responses and system files automatically. Turn it on in "
                        "Software Update › Automatic Updates."));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("macOS installs security updates automatically."));
}

CheckResult macScreenLock(const CheckContext& context)
{
    const int maxSeconds = static_cast<int>(context.item.threshold(QStringLiteral("idleLockMaxMinutes"), 15) * 60);
    QStringList evidence;
    const CommandResult saver = run(context.probe, QStringLiteral("defaults"),
                                    {QStringLiteral("-currentHost"), QStringLiteral("read"),
                                     QStringLiteral("com.apple.screensaver"), QStringLiteral("idleTime")},
                                    evidence);
    const CommandResult power = run(context.probe, QStringLiteral("pmset"), {QStringLiteral("-g")}, evidence);
    const CommandResult lock = run(context.probe, QStringLiteral("sysadminctl"),
                                   {QStringLiteral("-screenLock"), QStringLiteral("status")}, evidence);
    // -2 stands for "could not read"; plain ints keep GCC's -O2 uninitialized analysis quiet.
    constexpr int unread = -2;
    const int saverSeconds = saver.succeeded() ? parseDefaultsInteger(saver.standardOutput).value_or(unread) : unread;
    const int displayMinutes
        = power.succeeded() ? parseDisplaySleepMinutes(power.standardOutput).value_or(unread) : unread;
    const int delay = lock.ran() ? parseScreenLockDelay(allOutput(lock)).value_or(unread) : unread;
    const QString text = evidence.join(u'\n');
    if (delay == unread)
        return CheckResult::unknown(text,
                                    QObject::tr("Hearth could not read whether macOS asks for a password; attest."));
    if (delay < 0)
        return CheckResult::fail(
            text,
            QObject::tr("macOS does not ask for a password after the screen saver or display sleep. Turn on "
                        "System Settings › Lock Screen › Require password."));
    // Whichever comes first, the screen saver or display sleep, starts the lock delay.
    int idle = 0;
    if (saverSeconds > 0)
        idle = saverSeconds;
    if (displayMinutes > 0 && (idle == 0 || displayMinutes * 60 < idle))
        idle = displayMinutes * 60;
    if (idle == 0) {
        if (saverSeconds == unread && displayMinutes == unread)
            return CheckResult::unknown(text,
                                        QObject::tr("Hearth could not read the idle settings; attest to the lock."));
        return CheckResult::fail(
            text, QObject::tr("Neither the screen saver nor display sleep ever starts, so the screen never locks."));
    }
    const int total = idle + delay;
    if (total > maxSeconds)
        return CheckResult::fail(text,
                                 QObject::tr("The screen locks after %1 minutes idle; the limit is %2.")
                                     .arg(total / 60.0, 0, 'f', 1)
                                     .arg(maxSeconds / 60));
    return CheckResult::pass(text, QObject::tr("The screen locks after %1 minutes idle.").arg(total / 60.0, 0, 'f', 1));
}

CheckResult macDiskEncryption(const CheckContext& context)
{
    QStringList evidence;
    const CommandResult result = run(context.probe, QStringLiteral("fdesetup"), {QStringLiteral("status")}, evidence);
    const auto on = result.succeeded() ? parseFileVaultOn(result.standardOutput) : std::nullopt;
    if (!on)
        return CheckResult::unknown(evidence.join(u'\n'),
                                    QObject::tr("Hearth could not read FileVault's state; attest to it."));
    if (!*on)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("FileVault is off. Turn it on in System Settings › Privacy & Security › FileVault."));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("FileVault encrypts the startup disk."));
}

CheckResult macSwapEncryption(const CheckContext& context)
{
    QStringList evidence;
    const CommandResult result
        = run(context.probe, QStringLiteral("sysctl"), {QStringLiteral("vm.swapusage")}, evidence);
    const auto encrypted = result.succeeded() ? parseSwapEncrypted(result.standardOutput) : std::nullopt;
    if (!encrypted)
        return CheckResult::unknown(evidence.join(u'\n'),
                                    QObject::tr("Hearth could not read the swap state; attest to it."));
    if (!*encrypted)
        return CheckResult::fail(evidence.join(u'\n'), QObject::tr("macOS reports its swap unencrypted."));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("macOS encrypts its swap."));
}

CheckResult macSignIn(const CheckContext& context)
{
    QStringList evidence;
    const QStringList arguments {QStringLiteral("read"), QStringLiteral("/Library/Preferences/com.apple.loginwindow"),
                                 QStringLiteral("autoLoginUser")};
    const CommandResult result = run(context.probe, QStringLiteral("defaults"), arguments, evidence);
    if (!result.ran())
        return CheckResult::unknown(evidence.join(u'\n'), QObject::tr("Hearth could not read the login settings."));
    // The key is absent (non-zero exit) unless automatic login is on.
    const QString user = QString::fromUtf8(result.standardOutput).trimmed();
    if (result.exitCode == 0 && !user.isEmpty())
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("macOS logs in %1 automatically. Turn automatic login off in System Settings › Users & Groups.")
                .arg(user));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("macOS asks for a password at login."));
}

} // namespace hearth::compliance
