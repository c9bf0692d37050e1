#include "core/reports/ComplianceReport.h"

#include "core/common/IsoText.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace hearth::compliance {

namespace {
struct ComplianceReportText
{
    Q_DECLARE_TR_FUNCTIONS(ComplianceReport)
};

bool sameWorkstation(const WorkstationIdentity& a, const WorkstationIdentity& b)
{
    // Host names get reused and renamed; the machine id is the better key when both runs have one.
    if (!a.machineId.isEmpty() && !b.machineId.isEmpty())
        return a.machineId == b.machineId;
    return a.hostName.compare(b.hostName, Qt::CaseInsensitive) == 0;
}

QJsonObject earlierRunJson(const ComplianceRun& earlier)
{
    QJsonObject results;
    for (const ItemOutcome& o : earlier.items)
        results.insert(o.itemId, verdictName(o.effective()));
    return {{QStringLiteral("uuid"), earlier.uuid},
            {QStringLiteral("completedAt"), isoUtc(earlier.completedAt)},
            {QStringLiteral("kind"), auditKindKey(earlier.kind)},
            {QStringLiteral("results"), results}};
}
} // namespace

QList<ComplianceRun> ComplianceReport::earlierShown() const
{
    return earlierRuns.mid(0, kEarlierRunsShown);
}

ComplianceReport complianceReportFor(const ComplianceRun& run, const std::vector<ComplianceRun>& allRuns,
                                     const std::vector<Finding>& allFindings, const QDateTime& generatedAt,
                                     const QDate& today)
{
    ComplianceReport report;
    report.run = run;
    report.generatedAt = generatedAt.toUTC();
    report.today = today;

    QSet<QString> earlierUuids;
    for (const ComplianceRun& other : allRuns) {
        if (other.uuid == run.uuid || !other.completedAt.isValid()
            || !sameWorkstation(other.workstation, run.workstation))
            continue;
        // Re-printing an old report shows what came before it, not what came after.
        if (run.completedAt.isValid() && other.completedAt >= run.completedAt)
            continue;
        report.earlierRuns << other;
        earlierUuids.insert(other.uuid);
    }
    std::stable_sort(report.earlierRuns.begin(), report.earlierRuns.end(),
                     [](const ComplianceRun& a, const ComplianceRun& b) { return a.completedAt > b.completedAt; });

    for (const Finding& f : allFindings) {
        if (f.runUuid == run.uuid || (f.isOpen() && earlierUuids.contains(f.runUuid)))
            report.findings << f;
    }
    return report;
}

QString complianceReportTitle()
{
    return ComplianceReportText::tr("Compliance Certification Checklist report");
}

QString complianceReportNoClientData()
{
    return ComplianceReportText::tr(
        "This report contains no client data: only this workstation's settings as Hearth checked them, "
        "the security officer's answers and notes, and the findings to fix.");
}

QString findingState(const Finding& finding, const QDate& today)
{
    if (!finding.isOpen())
        return QStringLiteral("resolved");
    return finding.isOverdue(today) ? QStringLiteral("overdue") : QStringLiteral("open");
}

QString workstationFingerprint(const WorkstationIdentity& workstation)
{
    if (workstation.machineId.isEmpty())
        return {};
    // Salted so the fingerprint matches no other program's derivation of the same id.
    const QByteArray salted = "hearth-compliance-report:" + workstation.machineId.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(salted, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(16));
}

QJsonObject complianceReportJson(const ComplianceReport& report)
{
    const ComplianceRun& run = report.run;
    QJsonArray items;
    int attested = 0;
    for (const ItemOutcome& o : run.items) {
        QJsonObject item = toJson(o);
        item.insert(QStringLiteral("attested"), o.attested());
        items.append(item);
        attested += o.attested() ? 1 : 0;
    }

    QJsonArray findings;
    int open = 0;
    int overdue = 0;
    for (const Finding& f : report.findings) {
        QJsonObject finding = toJson(f);
        finding.insert(QStringLiteral("state"), findingState(f, report.today));
        finding.insert(QStringLiteral("fromThisRun"), f.runUuid == run.uuid);
        findings.append(finding);
        open += f.isOpen() ? 1 : 0;
        overdue += f.isOverdue(report.today) ? 1 : 0;
    }

    QJsonArray earlier;
    for (const ComplianceRun& e : report.earlierShown())
        earlier.append(earlierRunJson(e));

    QJsonObject runJson {{QStringLiteral("uuid"), run.uuid},
                         {QStringLiteral("kind"), auditKindKey(run.kind)},
                         {QStringLiteral("kindName"), auditKindName(run.kind)},
                         {QStringLiteral("checklistVersion"), run.checklistVersion},
                         {QStringLiteral("startedAt"), isoUtc(run.startedAt)},
                         {QStringLiteral("completedAt"), isoUtc(run.completedAt)}};
    if (run.sentToLeadAt)
        runJson.insert(QStringLiteral("sentToLeadAt"), isoUtc(*run.sentToLeadAt));

    return {{QStringLiteral("format"), QStringLiteral("hearth-compliance-report")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("title"), complianceReportTitle()},
            {QStringLiteral("generatedAt"), isoUtc(report.generatedAt)},
            {QStringLiteral("agency"), run.agencyName},
            {QStringLiteral("workstation"),
             QJsonObject {{QStringLiteral("hostName"), run.workstation.hostName},
                          {QStringLiteral("operatingSystem"), run.workstation.operatingSystem},
                          {QStringLiteral("fingerprint"), workstationFingerprint(run.workstation)}}},
            {QStringLiteral("run"), runJson},
            {QStringLiteral("officer"),
             QJsonObject {{QStringLiteral("login"), run.officerLogin}, {QStringLiteral("name"), run.officerName}}},
            {QStringLiteral("items"), items},
            {QStringLiteral("summary"),
             QJsonObject {{QStringLiteral("items"), int(run.items.size())},
                          {QStringLiteral("pass"), run.count(Verdict::Pass)},
                          {QStringLiteral("fail"), run.count(Verdict::Fail)},
                          {QStringLiteral("unknown"), run.count(Verdict::Unknown)},
                          {QStringLiteral("notApplicable"), run.count(Verdict::NotApplicable)},
                          {QStringLiteral("attested"), attested},
                          {QStringLiteral("openFindings"), open},
                          {QStringLiteral("overdueFindings"), overdue}}},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("earlierRuns"), earlier},
            {QStringLiteral("notes"), run.notes},
            {QStringLiteral("signaturePng"), QString::fromLatin1(run.signaturePng.toBase64())},
            {QStringLiteral("clientData"), false},
            {QStringLiteral("statement"), complianceReportNoClientData()}};
}

} // namespace hearth::compliance
