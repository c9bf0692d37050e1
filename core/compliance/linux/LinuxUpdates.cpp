#include "core/compliance/CheckSupport.h"
#include "core/compliance/linux/LinuxChecks.h"

#include <QObject>
#include <QRegularExpression>

namespace hearth::compliance {
namespace {

// APT's configuration syntax: `APT::Periodic::Unattended-Upgrade "1";`
QString aptValue(const QByteArray& text, const QString& key)
{
    const QRegularExpression line(u'^' + QRegularExpression::escape(key) + QStringLiteral("\\s+\"([^\"]*)\"\\s*;"),
                                  QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    QString value;
    auto matches = line.globalMatch(QString::fromUtf8(text));
    while (matches.hasNext())
        value = matches.next().captured(1);
    return value;
}

CheckResult apt(const CheckContext& context)
{
    const SystemProbe& probe = context.probe;
    const QString key = QStringLiteral("APT::Periodic::Unattended-Upgrade");
    QStringList evidence;
    QString value;
    // apt-config prints the merged configuration of every file in apt.conf.d.
    const QStringList arguments {QStringLiteral("dump")};
    const CommandResult dump = probe.run(QStringLiteral("apt-config"), arguments);
    if (dump.succeeded()) {
        value = aptValue(dump.standardOutput, key);
        evidence << QStringLiteral("`apt-config dump`: exit 0; %1 \"%2\"").arg(key, value);
    } else {
        evidence << describeCommand(QStringLiteral("apt-config"), arguments, dump, 2);
        const QString path = QStringLiteral("/etc/apt/apt.conf.d/20auto-upgrades");
        const FileResult file = probe.readFile(path);
        if (!file.ok() && file.status != ProbeStatus::NotFound)
            return CheckResult::unknown(
                evidence.join(u'\n') + u'\n' + describeUnreadable(path, file.status),
                QObject::tr("Hearth could not read APT's configuration; attest to automatic updates."));
        value = aptValue(file.content, key);
        evidence << (file.ok() ? QStringLiteral("%1: %2 \"%3\"").arg(path, key, value)
                               : describeUnreadable(path, file.status));
    }
    const QString program = probe.which(QStringLiteral("unattended-upgrade"));
    evidence << QStringLiteral("unattended-upgrade: ")
            + (program.isEmpty() ? QStringLiteral("not installed") : program);
    const QString howTo = QObject::tr("Run `sudo apt install unattended-upgrades` and `sudo dpkg-reconfigure -plow "
                                      "unattended-upgrades`.");
    if (program.isEmpty())
        return CheckResult::fail(evidence.join(u'\n'), QObject::tr("unattended-upgrades is not installed. ") + howTo);
    if (value.toInt() < 1 && value.compare(u"always", Qt::CaseInsensitive) != 0)
        return CheckResult::fail(evidence.join(u'\n'),
                                 QObject::tr("Automatic upgrades are turned off (%1 is \"%2\"). ").arg(key, value)
                                     + howTo);
    switch (unitState(probe, QStringLiteral("apt-daily-upgrade.timer"), evidence)) {
    case UnitState::Active:
        return CheckResult::pass(
            evidence.join(u'\n'),
            QObject::tr("unattended-upgrades is installed, enabled, and its daily timer is active."));
    case UnitState::Inactive:
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("unattended-upgrades is enabled but the apt-daily-upgrade timer that runs it is stopped. Run "
                        "`sudo systemctl enable --now apt-daily-upgrade.timer`."));
    case UnitState::Unknown:
        break;
    }
    return CheckResult::unknown(
        evidence.join(u'\n'),
        QObject::tr("unattended-upgrades is enabled, but Hearth could not confirm that its timer runs; attest to it."));
}

} // namespace

CheckResult linuxOsSupported(const CheckContext& context)
{
    QStringList evidence;
    FileResult osRelease;
    for (const QString& path : {QStringLiteral("/etc/os-release"), QStringLiteral("/usr/lib/os-release")}) {
        osRelease = context.probe.readFile(path);
        if (osRelease.ok()) {
            evidence << path;
            break;
        }
        evidence << describeUnreadable(path, osRelease.status);
    }
    if (!osRelease.ok())
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("Hearth could not tell which operating system this is; attest to its support."));
    const QMap<QString, QString> fields = parseIni(osRelease.content).value(QString());
    const QString id = unquoted(fields.value(QStringLiteral("ID")));
    const QString version = unquoted(fields.value(QStringLiteral("VERSION_ID")));
    evidence.last() += QStringLiteral(": ID=%1 VERSION_ID=%2 PRETTY_NAME=%3")
                           .arg(id, version, unquoted(fields.value(QStringLiteral("PRETTY_NAME"))));
    const SupportedRelease* release = context.checklist.release(id, version);
    if (!release)
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("%1 %2 is not in the checklist's table of supported releases; check the vendor's support "
                        "dates and attest (or ask the HMIS Lead to add it).")
                .arg(id, version.isEmpty() ? QObject::tr("(no version: a testing or rolling release)") : version));
    evidence << QStringLiteral("checklist table: %1 supported until %2 (%3)")
                    .arg(release->name, release->supportedUntil.toString(Qt::ISODate), release->note);
    const QDate today = context.now.toLocalTime().date();
    if (today > release->supportedUntil)
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("%1 stopped receiving security updates on %2. Upgrade to a supported release.")
                .arg(release->name, release->supportedUntil.toString(Qt::ISODate)));
    return CheckResult::pass(evidence.join(u'\n'),
                             QObject::tr("%1 receives security updates until %2.")
                                 .arg(release->name, release->supportedUntil.toString(Qt::ISODate)));
}

CheckResult linuxOsUpdates(const CheckContext& context)
{
    if (!context.probe.which(QStringLiteral("apt-config")).isEmpty()
        || context.probe.readFile(QStringLiteral("/etc/debian_version"), 64).ok())
        return apt(context);
    QStringList evidence {QStringLiteral("apt-config: not installed")};
    if (!context.probe.which(QStringLiteral("dnf")).isEmpty()) {
        if (unitState(context.probe, QStringLiteral("dnf-automatic-install.timer"), evidence) == UnitState::Active
            || unitState(context.probe, QStringLiteral("dnf5-automatic.timer"), evidence) == UnitState::Active)
            return CheckResult::pass(evidence.join(u'\n'), QObject::tr("dnf-automatic installs updates."));
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("Hearth found no active dnf-automatic timer; attest to how updates are installed."));
    }
    return CheckResult::unknown(
        evidence.join(u'\n'),
        QObject::tr("Hearth reads automatic updates on Debian and Ubuntu (APT) only; attest to how updates are "
                    "installed."));
}

} // namespace hearth::compliance
