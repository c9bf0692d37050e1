#include "core/compliance/CheckSupport.h"
#include "core/compliance/linux/LinuxChecks.h"

#include <QLocale>
#include <QObject>
#include <QRegularExpression>

namespace hearth::compliance {
namespace {

const QString kClamavDatabaseDir = QStringLiteral("/var/lib/clamav");

struct Antivirus
{
    QStringList evidence;
    QString runningProduct; ///< first product whose service is active
    bool clamavInstalled = false;
    bool serviceStateUnknown = false; ///< systemd could not answer
};

Antivirus survey(const CheckContext& context)
{
    Antivirus av;
    for (const QString& program : {QStringLiteral("clamd"), QStringLiteral("clamscan"), QStringLiteral("clamdscan")}) {
        const QString path = context.probe.which(program);
        av.clamavInstalled = av.clamavInstalled || !path.isEmpty();
        av.evidence << program + QStringLiteral(": ") + (path.isEmpty() ? QStringLiteral("not installed") : path);
    }
    for (const AntivirusService& service : context.checklist.linuxAntivirusServices) {
        const UnitState state = unitState(context.probe, service.service, av.evidence);
        if (state == UnitState::Active && av.runningProduct.isEmpty())
            av.runningProduct = service.product;
        av.serviceStateUnknown = av.serviceStateUnknown || state == UnitState::Unknown;
    }
    return av;
}

bool thirdParty(const Antivirus& av)
{
    return !av.runningProduct.isEmpty() && av.runningProduct != u"ClamAV";
}

// "ClamAV 1.0.7/27460/Wed Nov 19 09:35:02 2026": the date the daily signatures were built, in
// ctime's fixed English form, local time.
QDateTime versionDatabaseDate(const QByteArray& output)
{
    const QString line = QString::fromUtf8(output).trimmed();
    const QStringList parts = line.split(u'/');
    if (parts.size() < 3)
        return {};
    const QDateTime local
        = QLocale::c().toDateTime(parts.at(2).simplified(), QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
    return local.isValid() ? local.toUTC() : QDateTime();
}

QString hours(qint64 seconds)
{
    return QString::number(seconds / 3600.0, 'f', 1);
}

} // namespace

CheckResult linuxAntivirusRunning(const CheckContext& context)
{
    Antivirus av = survey(context);
    if (av.runningProduct == u"ClamAV") {
        // clamd scans only what it is asked to; clamonacc is what scans files as they are opened.
        const bool onAccess
            = unitState(context.probe, QStringLiteral("clamav-clamonacc"), av.evidence) == UnitState::Active;
        return CheckResult::pass(
            av.evidence.join(u'\n'),
            onAccess ? QObject::tr("ClamAV is running, with on-access scanning (clamonacc).")
                     : QObject::tr("ClamAV is running. On-access scanning (clamonacc) is off, so files are scanned "
                                   "only by scheduled scans; make sure a weekly full scan runs."));
    }
    const QString evidence = av.evidence.join(u'\n');
    if (!av.runningProduct.isEmpty())
        return CheckResult::pass(evidence, QObject::tr("%1 is running.").arg(av.runningProduct));
    if (av.serviceStateUnknown)
        return CheckResult::unknown(
            evidence,
            QObject::tr("Hearth could not ask systemd which antivirus services run; attest to the antivirus."));
    if (av.clamavInstalled)
        return CheckResult::fail(
            evidence,
            QObject::tr("ClamAV is installed but its scanning daemon is not running. Run `sudo apt install "
                        "clamav-daemon` and `sudo systemctl enable --now clamav-daemon`."));
    return CheckResult::fail(
        evidence,
        QObject::tr("No antivirus was found. Install one, for example `sudo apt install clamav clamav-daemon`."));
}

CheckResult linuxAntivirusDefinitions(const CheckContext& context)
{
    const qint64 maxSeconds
        = static_cast<qint64>(context.item.threshold(QStringLiteral("antivirusDefinitionsMaxAgeHours"), 24) * 3600);
    Antivirus av = survey(context);
    if (thirdParty(av))
        return CheckResult::unknown(
            av.evidence.join(u'\n'),
            QObject::tr("%1 is running; Hearth cannot read its definition dates. Check its console and attest.")
                .arg(av.runningProduct));
    // The version line names the signatures' build date; the files' times are the fallback.
    QDateTime updated;
    QString source;
    for (const QString& program : {QStringLiteral("freshclam"), QStringLiteral("clamscan")}) {
        if (context.probe.which(program).isEmpty())
            continue;
        const QStringList arguments {QStringLiteral("--version")};
        const CommandResult result = context.probe.run(program, arguments);
        av.evidence << describeCommand(program, arguments, result, 1);
        if (result.succeeded())
            updated = versionDatabaseDate(result.standardOutput);
        if (updated.isValid()) {
            source = QObject::tr("the signatures' build date");
            break;
        }
    }
    if (!updated.isValid()) {
        const DirectoryResult dir = context.probe.listDirectory(kClamavDatabaseDir);
        if (!dir.ok())
            av.evidence << describeUnreadable(kClamavDatabaseDir, dir.status);
        static const QRegularExpression database(QStringLiteral("^(daily|main|bytecode)\\.(cvd|cld)$"));
        for (const DirectoryEntry& entry : dir.entries) {
            if (!database.match(entry.name).hasMatch())
                continue;
            av.evidence << QStringLiteral("%1/%2: modified %3")
                               .arg(kClamavDatabaseDir, entry.name, entry.modified.toString(Qt::ISODate));
            if (!updated.isValid() || entry.modified > updated)
                updated = entry.modified;
        }
        source = QObject::tr("the newest database file");
    }
    const QString evidence = av.evidence.join(u'\n');
    if (!updated.isValid()) {
        if (!av.clamavInstalled && av.runningProduct.isEmpty() && !av.serviceStateUnknown)
            return CheckResult::fail(evidence, QObject::tr("No antivirus was found, so there are no definitions."));
        if (av.clamavInstalled)
            return CheckResult::fail(
                evidence,
                QObject::tr("ClamAV has no virus database. Run `sudo systemctl enable --now clamav-freshclam`."));
        return CheckResult::unknown(
            evidence, QObject::tr("Hearth could not find the antivirus definitions' date; attest to it."));
    }
    const qint64 age = updated.secsTo(context.now);
    if (age > maxSeconds)
        return CheckResult::fail(
            evidence,
            QObject::tr("The definitions are %1 hours old (%2, %3); the limit is %4 hours. Check that "
                        "clamav-freshclam runs and reaches the internet.")
                .arg(hours(age), updated.toString(Qt::ISODate), source, hours(maxSeconds)));
    return CheckResult::pass(evidence,
                             QObject::tr("The definitions are %1 hours old (%2, %3).")
                                 .arg(hours(age), updated.toString(Qt::ISODate), source));
}

CheckResult linuxAntivirusFullScan(const CheckContext& context)
{
    const qint64 maxDays = static_cast<qint64>(context.item.threshold(QStringLiteral("fullScanMaxAgeDays"), 7));
    Antivirus av = survey(context);
    if (thirdParty(av))
        return CheckResult::unknown(
            av.evidence.join(u'\n'),
            QObject::tr("%1 is running; Hearth cannot read when it last scanned. Check its console and attest.")
                .arg(av.runningProduct));
    if (!av.clamavInstalled && av.runningProduct.isEmpty() && !av.serviceStateUnknown)
        return CheckResult::fail(av.evidence.join(u'\n'), QObject::tr("No antivirus was found, so nothing scans."));
    // clamscan --log writes a summary ending "End Date: 2026:11:19 02:41:13" (local time).
    static const QRegularExpression endDate(QStringLiteral("^End Date:\\s*(\\d{4}:\\d\\d:\\d\\d \\d\\d:\\d\\d:\\d\\d)"),
                                            QRegularExpression::MultilineOption);
    bool unreadable = false;
    for (const QString& path : context.checklist.linuxScanLogs) {
        const FileResult log = context.probe.readFile(path, 16 << 20);
        if (!log.ok()) {
            av.evidence << describeUnreadable(path, log.status);
            unreadable = unreadable || log.status != ProbeStatus::NotFound;
            continue;
        }
        QDateTime finished;
        auto matches = endDate.globalMatch(QString::fromUtf8(log.content));
        while (matches.hasNext())
            finished = QDateTime::fromString(matches.next().captured(1), QStringLiteral("yyyy:MM:dd HH:mm:ss"));
        finished = finished.isValid() ? finished.toUTC() : log.modified;
        av.evidence << QStringLiteral("%1: last scan ended %2").arg(path, finished.toString(Qt::ISODate));
        const qint64 days = finished.secsTo(context.now) / 86400;
        if (days > maxDays)
            return CheckResult::fail(
                av.evidence.join(u'\n'),
                QObject::tr("The last full scan logged in %1 ended %2 days ago; the limit is %3 days.")
                    .arg(path)
                    .arg(days)
                    .arg(maxDays));
        return CheckResult::pass(av.evidence.join(u'\n'),
                                 QObject::tr("A full scan logged in %1 ended %2 days ago.").arg(path).arg(days));
    }
    return CheckResult::unknown(
        av.evidence.join(u'\n'),
        unreadable ? QObject::tr("A scan log exists but could not be read; attest to the last full scan.")
                   : QObject::tr("No full-scan log was found in the places listed above, so Hearth cannot tell when "
                                 "the last full scan ran. Schedule a weekly `clamscan -r / --log=%1` or attest.")
                         .arg(context.checklist.linuxScanLogs.value(0)));
}

} // namespace hearth::compliance
