#include "core/compliance/CheckSupport.h"
#include "core/compliance/linux/LinuxChecks.h"

#include <QObject>

#include <optional>

namespace hearth::compliance {
namespace {

// `gsettings get` prints GVariant text: "uint32 300", "true". Its output is never localized.
std::optional<QString> gsetting(const SystemProbe& probe, const QString& schema, const QString& key,
                                QStringList& evidence)
{
    const QStringList arguments {QStringLiteral("get"), schema, key};
    const CommandResult result = probe.run(QStringLiteral("gsettings"), arguments);
    evidence << describeCommand(QStringLiteral("gsettings"), arguments, result, 2);
    if (!result.succeeded())
        return std::nullopt;
    const QStringList lines = nonEmptyLines(result.standardOutput);
    if (lines.isEmpty())
        return std::nullopt;
    return lines.first().section(u' ', -1);
}

CheckResult gnome(const CheckContext& context, int maxSeconds)
{
    QStringList evidence;
    const auto idle
        = gsetting(context.probe, QStringLiteral("org.gnome.desktop.session"), QStringLiteral("idle-delay"), evidence);
    const auto lockEnabled = gsetting(context.probe, QStringLiteral("org.gnome.desktop.screensaver"),
                                      QStringLiteral("lock-enabled"), evidence);
    const auto lockDelay = gsetting(context.probe, QStringLiteral("org.gnome.desktop.screensaver"),
                                    QStringLiteral("lock-delay"), evidence);
    bool idleOk = false;
    bool delayOk = false;
    const int idleSeconds = idle ? idle->toInt(&idleOk) : 0;
    const int delaySeconds = lockDelay ? lockDelay->toInt(&delayOk) : 0;
    const QString text = evidence.join(u'\n');
    if (!idleOk || !delayOk || !lockEnabled || (*lockEnabled != u"true" && *lockEnabled != u"false"))
        return CheckResult::unknown(
            text, QObject::tr("GNOME's screen-lock settings could not be read; attest to the screen lock."));
    if (*lockEnabled != u"true")
        return CheckResult::fail(
            text,
            QObject::tr("GNOME does not lock the screen when it blanks. Turn on Settings › Privacy › Screen Lock › "
                        "Automatic Screen Lock."));
    if (idleSeconds == 0)
        return CheckResult::fail(
            text,
            QObject::tr("GNOME never blanks the screen when idle, so it never locks. Set Settings › Power › Screen "
                        "Blank to at most %1 minutes.")
                .arg(maxSeconds / 60));
    const int total = idleSeconds + delaySeconds;
    if (total > maxSeconds)
        return CheckResult::fail(
            text,
            QObject::tr("GNOME locks after %1 minutes idle (blank after %2 s, lock %3 s later); the limit is %4.")
                .arg(total / 60.0, 0, 'f', 1)
                .arg(idleSeconds)
                .arg(delaySeconds)
                .arg(maxSeconds / 60));
    return CheckResult::pass(text,
                             QObject::tr("GNOME locks the screen after %1 minutes idle.").arg(total / 60.0, 0, 'f', 1));
}

// KDE reads /etc/xdg first, then the user's file; defaults: Autolock=true, Timeout=5 (minutes),
// LockGrace=5 (seconds).
CheckResult kde(const CheckContext& context, int maxSeconds)
{
    QStringList evidence;
    QString configHome = context.probe.environment(QStringLiteral("XDG_CONFIG_HOME"));
    if (configHome.isEmpty())
        configHome = context.probe.homePath() + QStringLiteral("/.config");
    QMap<QString, QString> daemon;
    const QStringList paths {QStringLiteral("/etc/xdg/kscreenlockerrc"),
                             configHome + QStringLiteral("/kscreenlockerrc")};
    for (const QString& path : paths) {
        const FileResult file = context.probe.readFile(path);
        if (file.status == ProbeStatus::NotFound) {
            evidence << describeUnreadable(path, file.status);
            continue;
        }
        if (!file.ok())
            return CheckResult::unknown(
                describeUnreadable(path, file.status),
                QObject::tr("KDE's screen-lock settings could not be read; attest to the screen lock."));
        const QMap<QString, QString> section = parseIni(file.content).value(QStringLiteral("Daemon"));
        QStringList shown;
        for (auto it = section.begin(); it != section.end(); ++it) {
            daemon.insert(it.key(), it.value());
            shown << it.key() + u'=' + it.value();
        }
        evidence << path + QStringLiteral(" [Daemon]: ")
                + (shown.isEmpty() ? QStringLiteral("no settings") : shown.join(QStringLiteral(", ")));
    }
    const bool autolock = isTruthy(daemon.value(QStringLiteral("Autolock"), QStringLiteral("true")));
    const int timeoutMinutes = daemon.value(QStringLiteral("Timeout"), QStringLiteral("5")).toInt();
    const int graceSeconds = daemon.value(QStringLiteral("LockGrace"), QStringLiteral("5")).toInt();
    const bool lockOnResume = isTruthy(daemon.value(QStringLiteral("LockOnResume"), QStringLiteral("true")));
    evidence << QStringLiteral("effective: Autolock=%1, Timeout=%2 min, LockGrace=%3 s, LockOnResume=%4 "
                               "(KDE defaults where unset)")
                    .arg(autolock ? QStringLiteral("true") : QStringLiteral("false"))
                    .arg(timeoutMinutes)
                    .arg(graceSeconds)
                    .arg(lockOnResume ? QStringLiteral("true") : QStringLiteral("false"));
    const QString text = evidence.join(u'\n');
    if (!autolock || timeoutMinutes <= 0)
        return CheckResult::fail(
            text,
            QObject::tr("KDE does not lock the screen when idle. Turn on System Settings › Screen Locking › "
                        "Lock screen automatically."));
    const int total = timeoutMinutes * 60 + graceSeconds;
    if (total > maxSeconds)
        return CheckResult::fail(text,
                                 QObject::tr("KDE locks after %1 minutes idle; the limit is %2.")
                                     .arg(total / 60.0, 0, 'f', 1)
                                     .arg(maxSeconds / 60));
    return CheckResult::pass(text,
                             QObject::tr("KDE locks the screen after %1 minutes idle%2.")
                                 .arg(total / 60.0, 0, 'f', 1)
                                 .arg(lockOnResume ? QString() : QObject::tr(", but not after sleep")));
}

} // namespace

CheckResult linuxScreenLock(const CheckContext& context)
{
    const int maxSeconds = static_cast<int>(context.item.threshold(QStringLiteral("idleLockMaxMinutes"), 15) * 60);
    QString desktop = context.probe.environment(QStringLiteral("XDG_CURRENT_DESKTOP"));
    QString evidence = QStringLiteral("XDG_CURRENT_DESKTOP=") + desktop;
    if (desktop.isEmpty()) {
        desktop = context.probe.environment(QStringLiteral("DESKTOP_SESSION"));
        evidence += QStringLiteral("; DESKTOP_SESSION=") + desktop;
    }
    const QStringList names = desktop.toLower().split(u':', Qt::SkipEmptyParts);
    CheckResult result;
    if (names.contains(u"gnome"))
        result = gnome(context, maxSeconds);
    else if (names.contains(u"kde") || names.contains(u"plasma"))
        result = kde(context, maxSeconds);
    else if (desktop.isEmpty())
        return CheckResult::unknown(
            evidence,
            QObject::tr("No graphical desktop session was found, so there is no screen locker to read. Attest to "
                        "how this workstation's screen locks."));
    else
        return CheckResult::unknown(
            evidence,
            QObject::tr("Hearth reads the screen lock of GNOME and KDE only, not %1. Attest to the screen lock.")
                .arg(desktop));
    result.evidence = evidence + u'\n' + result.evidence;
    return result;
}

} // namespace hearth::compliance
