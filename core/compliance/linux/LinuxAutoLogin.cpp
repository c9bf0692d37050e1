#include "core/compliance/CheckSupport.h"
#include "core/compliance/linux/LinuxChecks.h"

#include <QObject>

namespace hearth::compliance {
namespace {

struct Findings
{
    QStringList evidence;
    QStringList autoLogins; ///< "GDM logs in alice automatically (/etc/gdm3/daemon.conf)"
    QStringList absent; ///< files looked for and not present
    bool unreadable = false;
};

// Reads @p path into @p findings' evidence; empty when the file is absent or unreadable.
std::optional<IniFile> readConfig(const SystemProbe& probe, const QString& path, Findings& findings)
{
    const FileResult file = probe.readFile(path);
    if (!file.ok()) {
        if (file.status == ProbeStatus::NotFound) {
            findings.absent << path;
        } else {
            findings.evidence << describeUnreadable(path, file.status);
            findings.unreadable = true;
        }
        return std::nullopt;
    }
    return parseIni(file.content);
}

// The *.conf files of a drop-in directory, in the order the tool applies them.
QStringList dropIns(const SystemProbe& probe, const QString& dir, Findings& findings)
{
    QStringList paths;
    const DirectoryResult listing = probe.listDirectory(dir);
    if (listing.status == ProbeStatus::NotFound)
        findings.absent << dir + QStringLiteral("/*.conf");
    else if (!listing.ok()) {
        findings.evidence << describeUnreadable(dir, listing.status);
        findings.unreadable = true;
    }
    for (const DirectoryEntry& entry : listing.entries) {
        if (entry.name.endsWith(QStringLiteral(".conf")) && !entry.isDirectory)
            paths << dir + u'/' + entry.name;
    }
    return paths;
}

void gdm(const SystemProbe& probe, Findings& findings)
{
    for (const QString& path : {QStringLiteral("/etc/gdm3/daemon.conf"), QStringLiteral("/etc/gdm3/custom.conf"),
                                QStringLiteral("/etc/gdm/custom.conf")}) {
        const auto ini = readConfig(probe, path, findings);
        if (!ini)
            continue;
        const QMap<QString, QString> daemon = ini->value(QStringLiteral("daemon"));
        const QString automatic = daemon.value(QStringLiteral("AutomaticLoginEnable"), QStringLiteral("false"));
        const QString timed = daemon.value(QStringLiteral("TimedLoginEnable"), QStringLiteral("false"));
        findings.evidence
            << QStringLiteral("%1 [daemon]: AutomaticLoginEnable=%2, TimedLoginEnable=%3").arg(path, automatic, timed);
        if (isTruthy(automatic))
            findings.autoLogins << QStringLiteral("GDM logs in %1 automatically (%2)")
                                       .arg(daemon.value(QStringLiteral("AutomaticLogin")), path);
        if (isTruthy(timed))
            findings.autoLogins << QStringLiteral("GDM logs in %1 after a delay (%2)")
                                       .arg(daemon.value(QStringLiteral("TimedLogin")), path);
    }
}

void lightdm(const SystemProbe& probe, Findings& findings)
{
    const QStringList paths = dropIns(probe, QStringLiteral("/usr/share/lightdm/lightdm.conf.d"), findings)
        + dropIns(probe, QStringLiteral("/etc/lightdm/lightdm.conf.d"), findings)
        + QStringList {QStringLiteral("/etc/lightdm/lightdm.conf")};
    QMap<QString, QString> userBySeat; // later files override earlier ones
    QMap<QString, QString> fileBySeat;
    for (const QString& path : paths) {
        const auto ini = readConfig(probe, path, findings);
        if (!ini)
            continue;
        QStringList seen;
        for (auto section = ini->begin(); section != ini->end(); ++section) {
            if (!section.value().contains(QStringLiteral("autologin-user")))
                continue;
            userBySeat[section.key()] = section.value().value(QStringLiteral("autologin-user"));
            fileBySeat[section.key()] = path;
            seen << QStringLiteral("[%1] autologin-user=%2").arg(section.key(), userBySeat[section.key()]);
        }
        findings.evidence << path + QStringLiteral(": ")
                + (seen.isEmpty() ? QStringLiteral("no autologin-user") : seen.join(QStringLiteral(", ")));
    }
    for (auto it = userBySeat.begin(); it != userBySeat.end(); ++it) {
        if (!it.value().isEmpty())
            findings.autoLogins
                << QStringLiteral("LightDM logs in %1 automatically (%2)").arg(it.value(), fileBySeat[it.key()]);
    }
}

void sddm(const SystemProbe& probe, Findings& findings)
{
    const QStringList paths = dropIns(probe, QStringLiteral("/usr/lib/sddm/sddm.conf.d"), findings)
        + dropIns(probe, QStringLiteral("/etc/sddm.conf.d"), findings) + QStringList {QStringLiteral("/etc/sddm.conf")};
    QString user;
    QString from;
    for (const QString& path : paths) {
        const auto ini = readConfig(probe, path, findings);
        if (!ini)
            continue;
        const QMap<QString, QString> autologin = ini->value(QStringLiteral("Autologin"));
        findings.evidence << path + QStringLiteral(" [Autologin]: User=") + autologin.value(QStringLiteral("User"));
        if (autologin.contains(QStringLiteral("User"))) {
            user = autologin.value(QStringLiteral("User"));
            from = path;
        }
    }
    if (!user.isEmpty())
        findings.autoLogins << QStringLiteral("SDDM logs in %1 automatically (%2)").arg(user, from);
}

// A console autologin is an agetty --autologin in a getty drop-in.
void getty(const SystemProbe& probe, Findings& findings)
{
    for (const QString& dir : {QStringLiteral("/etc/systemd/system/getty@tty1.service.d"),
                               QStringLiteral("/etc/systemd/system/getty@.service.d"),
                               QStringLiteral("/etc/systemd/system/serial-getty@.service.d")}) {
        for (const QString& path : dropIns(probe, dir, findings)) {
            const FileResult file = probe.readFile(path);
            if (!file.ok()) {
                findings.evidence << describeUnreadable(path, file.status);
                findings.unreadable = true;
                continue;
            }
            const QString text = QString::fromUtf8(file.content);
            const bool autologin
                = text.contains(QStringLiteral("--autologin")) || text.contains(QStringLiteral(" -a "));
            findings.evidence << path
                    + (autologin ? QStringLiteral(": agetty --autologin") : QStringLiteral(": no autologin"));
            if (autologin)
                findings.autoLogins << QStringLiteral("the text console logs in automatically (%1)").arg(path);
        }
    }
}

} // namespace

CheckResult linuxSignIn(const CheckContext& context)
{
    const SystemProbe& probe = context.probe;
    Findings findings;
    const QString defaultPath = QStringLiteral("/etc/X11/default-display-manager");
    const FileResult defaultDm = probe.readFile(defaultPath);
    const QString displayManager
        = defaultDm.ok() ? QString::fromUtf8(defaultDm.content).trimmed().section(u'/', -1) : QString();
    findings.evidence << (defaultDm.ok()
                              ? defaultPath + QStringLiteral(": ") + QString::fromUtf8(defaultDm.content).trimmed()
                              : describeUnreadable(defaultPath, defaultDm.status));
    gdm(probe, findings);
    lightdm(probe, findings);
    sddm(probe, findings);
    getty(probe, findings);
    if (!findings.absent.isEmpty())
        findings.evidence << QStringLiteral("not present: ") + findings.absent.join(QStringLiteral(", "));
    const QString evidence = findings.evidence.join(u'\n');
    if (!findings.autoLogins.isEmpty())
        return CheckResult::fail(
            evidence,
            QObject::tr("Automatic login is on: %1. Turn it off so the computer asks for a password.")
                .arg(findings.autoLogins.join(QStringLiteral("; "))));
    static const QStringList known {QStringLiteral("gdm3"), QStringLiteral("gdm"), QStringLiteral("lightdm"),
                                    QStringLiteral("sddm")};
    if (!displayManager.isEmpty() && !known.contains(displayManager))
        return CheckResult::unknown(
            evidence,
            QObject::tr("The display manager is %1, whose automatic-login setting Hearth cannot read; attest to it.")
                .arg(displayManager));
    if (findings.unreadable)
        return CheckResult::unknown(
            evidence, QObject::tr("Some login settings could not be read; attest that signing in needs a password."));
    return CheckResult::pass(
        evidence, QObject::tr("No automatic login is configured for GDM, LightDM, SDDM or the text console."));
}

} // namespace hearth::compliance
