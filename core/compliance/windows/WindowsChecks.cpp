#include "core/compliance/windows/WindowsChecks.h"

#include "core/compliance/CheckSupport.h"
#include "core/compliance/windows/WindowsParsers.h"

#include <QObject>

namespace hearth::compliance {

namespace windowsCommands {
QStringList powershell(const QString& script)
{
    return {QStringLiteral("-NoProfile"), QStringLiteral("-NonInteractive"), QStringLiteral("-Command"), script};
}
const char* const kDefenderStatus = "Get-MpComputerStatus | Select-Object AMServiceEnabled,AntivirusEnabled,"
                                    "RealTimeProtectionEnabled,AMRunningMode,AntivirusSignatureLastUpdated,"
                                    "FullScanEndTime,FullScanAge | ConvertTo-Json";
const char* const kSecurityCenterProducts
    = "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName "
      "AntiVirusProduct | Select-Object displayName,productState | ConvertTo-Json";
const char* const kFirewallProfiles
    = "Get-NetFirewallProfile -PolicyStore ActiveStore | Select-Object Name,Enabled | ConvertTo-Json";
QString bitLockerVolume(const QString& drive)
{
    return QStringLiteral("Get-BitLockerVolume -MountPoint '%1' | Select-Object MountPoint,VolumeStatus,"
                          "ProtectionStatus | ConvertTo-Json")
        .arg(drive);
}
QString shellBitLockerProtection(const QString& drive)
{
    return QStringLiteral("(New-Object -ComObject Shell.Application).NameSpace('%1').Self.ExtendedProperty("
                          "'System.Volume.BitLockerProtection')")
        .arg(drive + u'\\');
}
} // namespace windowsCommands

namespace {

const QString kPowerShell = QStringLiteral("powershell");

CommandResult runPowerShell(const SystemProbe& probe, const QString& script, QStringList& evidence, int lines = 12)
{
    const QStringList arguments = windowsCommands::powershell(script);
    const CommandResult result = probe.run(kPowerShell, arguments, 30'000);
    evidence << describeCommand(kPowerShell, arguments, result, lines);
    return result;
}

// Evidence shows only the values a check uses: Winlogon, for one, can hold DefaultPassword in the clear.
QMap<QString, QString> regQuery(const SystemProbe& probe, const QString& key, const QStringList& shown,
                                QStringList& evidence, bool* found = nullptr)
{
    const QStringList arguments {QStringLiteral("query"), key};
    const CommandResult result = probe.run(QStringLiteral("reg"), arguments);
    if (found)
        *found = result.succeeded();
    if (!result.succeeded()) {
        // reg's message is localized; the exit code is what counts.
        evidence << QStringLiteral("`%1`: %2")
                        .arg(commandLine(QStringLiteral("reg"), arguments),
                             result.ran() ? QStringLiteral("exit %1 (key absent or unreadable)").arg(result.exitCode)
                                          : probeStatusName(result.status));
        return {};
    }
    const QMap<QString, QString> values = parseRegQuery(result.standardOutput);
    QStringList parts;
    for (const QString& name : shown)
        parts << name + u'='
                + (values.contains(name.toLower()) ? values.value(name.toLower()) : QStringLiteral("(unset)"));
    evidence << QStringLiteral("`%1`: exit 0; %2")
                    .arg(commandLine(QStringLiteral("reg"), arguments), parts.join(QStringLiteral(", ")));
    return values;
}

struct Antivirus
{
    QStringList evidence;
    std::optional<DefenderStatus> defender; ///< set when Defender answered and is the active antivirus
    QList<SecurityCenterProduct> others; ///< running products other than Defender
    bool securityCenterRead = false;
};

Antivirus survey(const SystemProbe& probe)
{
    Antivirus av;
    const CommandResult defender
        = runPowerShell(probe, QString::fromLatin1(windowsCommands::kDefenderStatus), av.evidence);
    if (defender.succeeded())
        av.defender = parseDefenderStatus(defender.standardOutput);
    // Passive mode means another product is the active antivirus.
    if (av.defender && (!av.defender->running() || av.defender->runningMode.contains(u"Passive", Qt::CaseInsensitive)))
        av.defender.reset();
    const CommandResult center
        = runPowerShell(probe, QString::fromLatin1(windowsCommands::kSecurityCenterProducts), av.evidence);
    if (center.succeeded()) {
        if (const auto products = parseSecurityCenterProducts(center.standardOutput)) {
            av.securityCenterRead = true;
            for (const SecurityCenterProduct& product : *products) {
                if (product.enabled() && !product.name.contains(QStringLiteral("Defender")))
                    av.others << product;
            }
        }
    }
    return av;
}

QString productNames(const QList<SecurityCenterProduct>& products)
{
    QStringList names;
    for (const SecurityCenterProduct& product : products)
        names << product.name;
    return names.join(QStringLiteral(", "));
}

QString driveOf(const QString& path)
{
    return path.size() >= 2 && path.at(1) == u':' ? path.left(2).toUpper() : QString();
}

CheckResult bitLocker(const CheckContext& context, const QString& drive, const QString& what)
{
    QStringList evidence;
    if (drive.isEmpty())
        return CheckResult::unknown(
            QStringLiteral("no drive letter for %1").arg(what),
            QObject::tr("Hearth could not tell which drive holds %1; attest to its encryption.").arg(what));
    const CommandResult cmdlet = runPowerShell(context.probe, windowsCommands::bitLockerVolume(drive), evidence);
    if (cmdlet.succeeded()) {
        if (const auto volumes = parseBitLockerVolumes(cmdlet.standardOutput); volumes && volumes->size() == 1) {
            const BitLockerVolume& volume = volumes->first();
            if (volume.protectedAndEncrypted())
                return CheckResult::pass(evidence.join(u'\n'),
                                         QObject::tr("BitLocker protects %1 (%2).").arg(drive, what));
            return CheckResult::fail(
                evidence.join(u'\n'),
                QObject::tr("%1 (%2) is not fully encrypted with BitLocker protection on (VolumeStatus %3, "
                            "ProtectionStatus %4). Turn on BitLocker or Device Encryption.")
                    .arg(drive, what)
                    .arg(volume.volumeStatus)
                    .arg(volume.protectionStatus));
        }
    }
    // Get-BitLockerVolume needs administrator rights; the shell's property does not.
    const CommandResult shell
        = runPowerShell(context.probe, windowsCommands::shellBitLockerProtection(drive), evidence);
    const auto protection = shell.succeeded() ? parseShellBitLockerProtection(shell.standardOutput) : std::nullopt;
    if (protection == 1 || protection == 6)
        return CheckResult::pass(evidence.join(u'\n'), QObject::tr("BitLocker protects %1 (%2).").arg(drive, what));
    if (protection && *protection >= 2 && *protection <= 8)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("BitLocker does not fully protect %1 (%2): state %3 (2 off, 3 encrypting, 4 decrypting, 5 "
                        "suspended, 8 waiting for activation). Turn on BitLocker or Device Encryption.")
                .arg(drive, what)
                .arg(*protection));
    return CheckResult::unknown(
        evidence.join(u'\n'),
        QObject::tr("Hearth could not read BitLocker's state for %1; attest to the disk's encryption.").arg(drive));
}

} // namespace

CheckResult windowsAntivirusRunning(const CheckContext& context)
{
    const Antivirus av = survey(context.probe);
    const QString evidence = av.evidence.join(u'\n');
    if (av.defender)
        return CheckResult::pass(evidence, QObject::tr("Microsoft Defender Antivirus is running."));
    if (!av.others.isEmpty())
        return CheckResult::pass(evidence, QObject::tr("%1 is running.").arg(productNames(av.others)));
    if (!av.securityCenterRead)
        return CheckResult::unknown(evidence, QObject::tr("Hearth could not read the antivirus state; attest to it."));
    return CheckResult::fail(
        evidence, QObject::tr("No running antivirus was found. Turn on Microsoft Defender in Windows Security."));
}

CheckResult windowsAntivirusDefinitions(const CheckContext& context)
{
    const qint64 maxSeconds
        = static_cast<qint64>(context.item.threshold(QStringLiteral("antivirusDefinitionsMaxAgeHours"), 24) * 3600);
    const Antivirus av = survey(context.probe);
    const QString evidence = av.evidence.join(u'\n');
    if (av.defender && av.defender->signaturesUpdated.isValid()) {
        const qint64 age = av.defender->signaturesUpdated.secsTo(context.now);
        const QString hours = QString::number(age / 3600.0, 'f', 1);
        if (age > maxSeconds)
            return CheckResult::fail(
                evidence,
                QObject::tr("Defender's definitions are %1 hours old; the limit is %2. Run Windows Update.")
                    .arg(hours)
                    .arg(maxSeconds / 3600));
        return CheckResult::pass(evidence, QObject::tr("Defender's definitions are %1 hours old.").arg(hours));
    }
    // The Security Center only says "up to date" by its own measure, not within 24 hours.
    if (!av.others.isEmpty()) {
        for (const SecurityCenterProduct& product : av.others) {
            if (!product.upToDate())
                return CheckResult::fail(
                    evidence, QObject::tr("Windows reports %1's definitions out of date.").arg(product.name));
        }
        return CheckResult::unknown(
            evidence,
            QObject::tr("%1 reports itself up to date, but Hearth cannot read the definitions' date; check its "
                        "console and attest.")
                .arg(productNames(av.others)));
    }
    if (!av.securityCenterRead)
        return CheckResult::unknown(evidence,
                                    QObject::tr("Hearth could not read the definitions' date; attest to it."));
    return CheckResult::fail(evidence, QObject::tr("No running antivirus was found, so no definitions are current."));
}

CheckResult windowsAntivirusFullScan(const CheckContext& context)
{
    const qint64 maxDays = static_cast<qint64>(context.item.threshold(QStringLiteral("fullScanMaxAgeDays"), 7));
    const Antivirus av = survey(context.probe);
    const QString evidence = av.evidence.join(u'\n');
    if (av.defender) {
        qint64 days = -1;
        if (av.defender->fullScanEnded.isValid())
            days = av.defender->fullScanEnded.secsTo(context.now) / 86400;
        else if (av.defender->fullScanAgeDays)
            days = *av.defender->fullScanAgeDays;
        if (days < 0)
            return CheckResult::fail(evidence,
                                     QObject::tr("Defender has never run a full scan. Schedule a weekly full scan."));
        if (days > maxDays)
            return CheckResult::fail(
                evidence,
                QObject::tr("Defender's last full scan was %1 days ago; the limit is %2.").arg(days).arg(maxDays));
        return CheckResult::pass(evidence, QObject::tr("Defender's last full scan was %1 days ago.").arg(days));
    }
    if (!av.others.isEmpty())
        return CheckResult::unknown(
            evidence,
            QObject::tr("%1 is running; Hearth cannot read when it last scanned. Check its console and attest.")
                .arg(productNames(av.others)));
    if (!av.securityCenterRead)
        return CheckResult::unknown(evidence, QObject::tr("Hearth could not read the last scan; attest to it."));
    return CheckResult::fail(evidence, QObject::tr("No running antivirus was found, so nothing scans."));
}

CheckResult windowsFirewall(const CheckContext& context)
{
    QStringList evidence;
    const CommandResult result
        = runPowerShell(context.probe, QString::fromLatin1(windowsCommands::kFirewallProfiles), evidence);
    const auto profiles = result.succeeded() ? parseFirewallProfiles(result.standardOutput) : std::nullopt;
    if (!profiles)
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("Hearth could not read the Windows Firewall profiles; attest to the firewall."));
    QStringList off;
    QStringList unset;
    for (const FirewallProfile& profile : *profiles) {
        if (!profile.enabled)
            unset << profile.name;
        else if (!*profile.enabled)
            off << profile.name;
    }
    if (!off.isEmpty())
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("Windows Firewall is off for the %1 profile. Turn it on in Windows Security › Firewall.")
                .arg(off.join(QStringLiteral(", "))));
    if (!unset.isEmpty())
        return CheckResult::unknown(evidence.join(u'\n'),
                                    QObject::tr("The %1 profile's state is not configured; attest to the firewall.")
                                        .arg(unset.join(QStringLiteral(", "))));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("Windows Firewall is on for every profile."));
}

CheckResult windowsOsSupported(const CheckContext& context)
{
    QStringList evidence;
    const QMap<QString, QString> version = regQuery(
        context.probe, QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"),
        {QStringLiteral("CurrentBuild"), QStringLiteral("DisplayVersion"), QStringLiteral("EditionID")}, evidence);
    const QString build = version.value(QStringLiteral("currentbuild"));
    const QString edition = version.value(QStringLiteral("editionid"));
    if (build.isEmpty())
        return CheckResult::unknown(evidence.join(u'\n'),
                                    QObject::tr("Hearth could not read the Windows build; attest to its support."));
    // Enterprise and Education get a longer servicing window than Home and Pro.
    const bool enterprise
        = edition.startsWith(QStringLiteral("Enterprise")) || edition.startsWith(QStringLiteral("Education"));
    const QString os = enterprise ? QStringLiteral("windows-enterprise") : QStringLiteral("windows");
    const SupportedRelease* release = context.checklist.release(os, build);
    evidence << QStringLiteral("CurrentBuild=%1 EditionID=%2 DisplayVersion=%3")
                    .arg(build, edition, version.value(QStringLiteral("displayversion")));
    if (!release)
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("Windows build %1 (%2) is not in the checklist's table; check Microsoft's lifecycle dates "
                        "and attest.")
                .arg(build, edition));
    evidence << QStringLiteral("checklist table: %1 supported until %2 (%3)")
                    .arg(release->name, release->supportedUntil.toString(Qt::ISODate), release->note);
    if (context.now.toLocalTime().date() > release->supportedUntil)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("%1 stopped receiving security updates on %2. Install a newer feature update.")
                .arg(release->name, release->supportedUntil.toString(Qt::ISODate)));
    return CheckResult::pass(evidence.join(u'\n'),
                             QObject::tr("%1 receives security updates until %2.")
                                 .arg(release->name, release->supportedUntil.toString(Qt::ISODate)));
}

CheckResult windowsOsUpdates(const CheckContext& context)
{
    QStringList evidence;
    bool serviceRead = false;
    const QMap<QString, QString> service
        = regQuery(context.probe, QStringLiteral("HKLM\\SYSTEM\\CurrentControlSet\\Services\\wuauserv"),
                   {QStringLiteral("Start")}, evidence, &serviceRead);
    // Start 4 is "Disabled".
    if (registryNumber(service.value(QStringLiteral("start"))) == 4)
        return CheckResult::fail(evidence.join(u'\n'), QObject::tr("The Windows Update service is disabled."));
    const QMap<QString, QString> policy
        = regQuery(context.probe, QStringLiteral("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU"),
                   {QStringLiteral("NoAutoUpdate"), QStringLiteral("AUOptions")}, evidence);
    if (registryNumber(policy.value(QStringLiteral("noautoupdate"))) == 1)
        return CheckResult::fail(evidence.join(u'\n'),
                                 QObject::tr("A policy turns automatic updates off (NoAutoUpdate=1)."));
    // AUOptions 2 only notifies; 3 downloads and waits; 4 and 5 install.
    if (const auto options = registryNumber(policy.value(QStringLiteral("auoptions"))); options && *options < 4)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("A policy makes Windows Update wait for someone to install updates (AUOptions=%1).")
                .arg(*options));
    if (!serviceRead)
        return CheckResult::unknown(evidence.join(u'\n'),
                                    QObject::tr("Hearth could not read the Windows Update service."));
    return CheckResult::pass(
        evidence.join(u'\n'),
        QObject::tr("Windows Update runs and no policy stops it installing updates automatically."));
}

CheckResult windowsScreenLock(const CheckContext& context)
{
    const qint64 maxSeconds
        = static_cast<qint64>(context.item.threshold(QStringLiteral("idleLockMaxMinutes"), 15) * 60);
    QStringList evidence;
    // The machine inactivity limit locks the session regardless of the screen saver.
    const QMap<QString, QString> system = regQuery(
        context.probe, QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System"),
        {QStringLiteral("InactivityTimeoutSecs")}, evidence);
    const auto inactivity = registryNumber(system.value(QStringLiteral("inactivitytimeoutsecs")));
    if (inactivity && *inactivity > 0 && *inactivity <= maxSeconds)
        return CheckResult::pass(evidence.join(u'\n'),
                                 QObject::tr("Windows locks after %1 minutes idle (InactivityTimeoutSecs).")
                                     .arg(*inactivity / 60.0, 0, 'f', 1));
    const QStringList saver {QStringLiteral("ScreenSaveActive"), QStringLiteral("ScreenSaverIsSecure"),
                             QStringLiteral("ScreenSaveTimeOut"), QStringLiteral("SCRNSAVE.EXE")};
    QMap<QString, QString> desktop
        = regQuery(context.probe, QStringLiteral("HKCU\\Control Panel\\Desktop"), saver, evidence);
    // Group Policy values override the user's own.
    const QMap<QString, QString> policy = regQuery(
        context.probe, QStringLiteral("HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop"), saver,
        evidence);
    for (auto it = policy.begin(); it != policy.end(); ++it)
        desktop.insert(it.key(), it.value());
    const bool active = desktop.value(QStringLiteral("screensaveactive")) == u"1";
    const bool secure = desktop.value(QStringLiteral("screensaverissecure")) == u"1";
    const bool hasSaver = !desktop.value(QStringLiteral("scrnsave.exe")).isEmpty();
    const auto timeout = registryNumber(desktop.value(QStringLiteral("screensavetimeout")));
    const QString text = evidence.join(u'\n');
    if (desktop.isEmpty())
        return CheckResult::unknown(
            text, QObject::tr("Hearth could not read the screen-saver settings; attest to the lock."));
    if (!active || !hasSaver || !timeout || *timeout <= 0)
        return CheckResult::fail(
            text,
            QObject::tr("No screen saver starts when idle, so the screen does not lock. Set one with \"On resume, "
                        "display logon screen\" and a wait of at most %1 minutes, or set the machine inactivity limit.")
                .arg(maxSeconds / 60));
    if (!secure)
        return CheckResult::fail(text, QObject::tr("The screen saver does not ask for a password on resume."));
    if (*timeout > maxSeconds)
        return CheckResult::fail(text,
                                 QObject::tr("The screen locks after %1 minutes idle; the limit is %2.")
                                     .arg(*timeout / 60)
                                     .arg(maxSeconds / 60));
    return CheckResult::pass(text,
                             QObject::tr("The screen locks after %1 minutes idle.").arg(*timeout / 60.0, 0, 'f', 1));
}

CheckResult windowsDiskEncryption(const CheckContext& context)
{
    return bitLocker(context, driveOf(context.hearth.dataDir), QObject::tr("Hearth's data"));
}

CheckResult windowsSwapEncryption(const CheckContext& context)
{
    // The page file lives on the system drive unless moved.
    QString drive = context.probe.environment(QStringLiteral("SystemDrive"));
    return bitLocker(context, drive.isEmpty() ? QStringLiteral("C:") : drive.toUpper(), QObject::tr("the page file"));
}

CheckResult windowsSignIn(const CheckContext& context)
{
    QStringList evidence;
    bool found = false;
    const QMap<QString, QString> winlogon
        = regQuery(context.probe, QStringLiteral("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"),
                   {QStringLiteral("AutoAdminLogon"), QStringLiteral("DefaultUserName")}, evidence, &found);
    if (!found)
        return CheckResult::unknown(evidence.join(u'\n'), QObject::tr("Hearth could not read the sign-in settings."));
    if (winlogon.value(QStringLiteral("autoadminlogon")) == u"1")
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("Windows signs in %1 automatically (AutoAdminLogon=1). Turn automatic sign-in off.")
                .arg(winlogon.value(QStringLiteral("defaultusername"))));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("Windows asks for a password to sign in."));
}

} // namespace hearth::compliance
