#include "core/compliance/ComplianceRun.h"

#include "core/common/IsoText.h"

#include <QJsonArray>
#include <QObject>
#include <QSysInfo>

#include <algorithm>

namespace hearth::compliance {
namespace {

Error malformed(const QString& what)
{
    return makeError(ErrorCode::StoreCorrupt, QObject::tr("A stored compliance record is damaged (%1).").arg(what));
}

QDateTime parseUtc(const QJsonValue& value)
{
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : QDateTime();
}

std::optional<Verdict> verdictFromName(const QString& name)
{
    for (Verdict v : {Verdict::Pass, Verdict::Fail, Verdict::Unknown, Verdict::NotApplicable}) {
        if (verdictName(v) == name)
            return v;
    }
    return std::nullopt;
}

} // namespace

QString auditKindName(AuditKind kind)
{
    return kind == AuditKind::SelfAudit ? QObject::tr("Quarterly self-audit") : QObject::tr("HMIS Lead visit");
}

QString auditKindKey(AuditKind kind)
{
    return kind == AuditKind::SelfAudit ? QStringLiteral("self-audit") : QStringLiteral("lead-visit");
}

std::optional<AuditKind> auditKindFromKey(const QString& key)
{
    if (key == u"self-audit")
        return AuditKind::SelfAudit;
    if (key == u"lead-visit")
        return AuditKind::LeadVisit;
    return std::nullopt;
}

int findingDueDays(AuditKind kind)
{
    // Sonoma P&P, Ongoing Monitoring: seven days after a self-audit, 30 after the Coordinator's visit.
    return kind == AuditKind::SelfAudit ? 7 : 30;
}

QString answerKey(Answer answer)
{
    switch (answer) {
    case Answer::Unanswered:
        return QStringLiteral("unanswered");
    case Answer::Yes:
        return QStringLiteral("yes");
    case Answer::No:
        return QStringLiteral("no");
    case Answer::NotApplicable:
        return QStringLiteral("not-applicable");
    }
    return {};
}

std::optional<Answer> answerFromKey(const QString& key)
{
    for (Answer a : {Answer::Unanswered, Answer::Yes, Answer::No, Answer::NotApplicable}) {
        if (answerKey(a) == key)
            return a;
    }
    return std::nullopt;
}

Verdict ItemOutcome::effective() const
{
    if (automatic && automatic->verdict != Verdict::Unknown)
        return automatic->verdict;
    switch (answer) {
    case Answer::Yes:
        return Verdict::Pass;
    case Answer::NotApplicable:
        return Verdict::NotApplicable;
    case Answer::No:
        return Verdict::Fail;
    case Answer::Unanswered:
        break;
    }
    return Verdict::Unknown;
}

bool ItemOutcome::needsAnswer() const
{
    return effective() == Verdict::Unknown;
}

bool ItemOutcome::attested() const
{
    return (!automatic || automatic->verdict == Verdict::Unknown) && answer != Answer::Unanswered;
}

WorkstationIdentity WorkstationIdentity::current()
{
    return {QSysInfo::machineHostName(), QSysInfo::prettyProductName(),
            QString::fromLatin1(QSysInfo::machineUniqueId())};
}

QList<ItemOutcome> ComplianceRun::failures() const
{
    QList<ItemOutcome> out;
    std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                 [](const ItemOutcome& o) { return o.effective() == Verdict::Fail; });
    return out;
}

QList<ItemOutcome> ComplianceRun::unanswered() const
{
    QList<ItemOutcome> out;
    std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                 [](const ItemOutcome& o) { return o.needsAnswer(); });
    return out;
}

QStringList ComplianceRun::completionProblems() const
{
    QStringList problems;
    if (items.isEmpty())
        problems << QObject::tr("The run has no checklist items.");
    const QList<ItemOutcome> open = unanswered();
    if (!open.isEmpty()) {
        problems << QObject::tr("Answer every item Hearth could not check and every attestation (%n left).", nullptr,
                                int(open.size()));
    }
    if (signaturePng.isEmpty())
        problems << QObject::tr("Sign the checklist before saving it.");
    return problems;
}

int ComplianceRun::count(Verdict verdict) const
{
    return int(std::count_if(items.begin(), items.end(),
                             [verdict](const ItemOutcome& o) { return o.effective() == verdict; }));
}

const ItemOutcome* ComplianceRun::item(const QString& itemId) const
{
    for (const ItemOutcome& o : items) {
        if (o.itemId == itemId)
            return &o;
    }
    return nullptr;
}

ComplianceRun startRun(const Checklist& checklist, const QList<ItemResult>& automatic, AuditKind kind,
                       const QDateTime& startedAt, const WorkstationIdentity& workstation)
{
    ComplianceRun run;
    run.kind = kind;
    run.startedAt = startedAt.toUTC();
    run.workstation = workstation;
    run.checklistVersion = checklist.version;
    for (const ChecklistItem& item : checklist.items) {
        ItemOutcome outcome;
        outcome.itemId = item.id;
        outcome.wording = item.wording;
        outcome.policySection = item.policySection;
        outcome.kind = item.kind;
        outcome.severity = item.severity;
        if (item.kind == ItemKind::Automatic) {
            // A check that did not run is UNKNOWN: the officer attests instead.
            outcome.automatic = CheckResult::unknown(QObject::tr("No check ran for this item."),
                                                     QObject::tr("Hearth could not check this; answer it yourself."));
            for (const ItemResult& r : automatic) {
                if (r.itemId == item.id)
                    outcome.automatic = r.result;
            }
        }
        run.items << outcome;
    }
    return run;
}

QList<Finding> findingsOf(const ComplianceRun& run, const QDate& openedOn)
{
    QList<Finding> findings;
    for (const ItemOutcome& o : run.failures()) {
        Finding f;
        f.runUuid = run.uuid;
        f.itemId = o.itemId;
        f.wording = o.wording;
        f.severity = o.severity;
        f.evidence = (o.automatic && o.automatic->verdict == Verdict::Fail) ? o.automatic->evidence : o.note;
        f.openedOn = openedOn;
        f.dueOn = openedOn.addDays(findingDueDays(run.kind));
        findings << f;
    }
    return findings;
}

ComplianceReminders remindersFor(const QList<ComplianceRun>& runs, const QList<Finding>& findings, const QDate& today)
{
    ComplianceReminders r;
    for (const ComplianceRun& run : runs) {
        const QDate done = run.completedAt.toLocalTime().date();
        if (run.kind == AuditKind::SelfAudit && (!r.lastSelfAudit || done > *r.lastSelfAudit))
            r.lastSelfAudit = done;
        if (run.sentToLeadAt) {
            const QDate sent = run.sentToLeadAt->toLocalTime().date();
            if (!r.lastSentToLead || sent > *r.lastSentToLead)
                r.lastSentToLead = sent;
        }
    }
    // "At least quarterly"; "turn in a copy ... annually" (Sonoma P&P, Ongoing Monitoring).
    r.selfAuditDue = r.lastSelfAudit ? r.lastSelfAudit->addMonths(3) : today;
    r.leadCopyDue = r.lastSentToLead ? r.lastSentToLead->addYears(1) : today;
    for (const Finding& f : findings) {
        if (f.isOpen())
            ++r.openFindings;
        if (f.isOverdue(today))
            ++r.overdueFindings;
    }
    return r;
}

QString clientAccessBlock(const ComplianceSettings& settings, const QList<Finding>& openFindings)
{
    if (!settings.blockClientsOnCriticalFailure)
        return {};
    QStringList critical;
    for (const Finding& f : openFindings) {
        // Checklist wordings are sentences; one full stop at the end of the list, not one per item.
        if (f.isOpen() && f.severity == Severity::Critical)
            critical << (f.wording.endsWith(u'.') ? f.wording.chopped(1) : f.wording);
    }
    if (critical.isEmpty())
        return {};
    const QString findings = critical.size() == 1 ? QObject::tr("a critical compliance finding")
                                                  : QObject::tr("%1 critical compliance findings").arg(critical.size());
    return QObject::tr("Client records are closed on this workstation until the security officer fixes and resolves "
                       "%1: %2. The agency turned on this rule in Settings.")
        .arg(findings, critical.join(QStringLiteral("; ")));
}

QJsonObject toJson(const ItemOutcome& o)
{
    QJsonObject json {{QStringLiteral("itemId"), o.itemId},
                      {QStringLiteral("wording"), o.wording},
                      {QStringLiteral("policySection"), o.policySection},
                      {QStringLiteral("kind"), itemKindName(o.kind)},
                      {QStringLiteral("severity"), severityName(o.severity)},
                      {QStringLiteral("answer"), answerKey(o.answer)},
                      {QStringLiteral("note"), o.note},
                      {QStringLiteral("result"), verdictName(o.effective())}};
    if (o.automatic) {
        json.insert(QStringLiteral("automatic"),
                    QJsonObject {{QStringLiteral("verdict"), verdictName(o.automatic->verdict)},
                                 {QStringLiteral("evidence"), o.automatic->evidence},
                                 {QStringLiteral("detail"), o.automatic->detail}});
    }
    return json;
}

Result<ItemOutcome> itemOutcomeFromJson(const QJsonObject& json)
{
    ItemOutcome o;
    o.itemId = json.value(u"itemId").toString();
    o.wording = json.value(u"wording").toString();
    o.policySection = json.value(u"policySection").toString();
    o.note = json.value(u"note").toString();
    const auto kind = itemKindFromName(json.value(u"kind").toString());
    const auto severity = severityFromName(json.value(u"severity").toString());
    const auto answer = answerFromKey(json.value(u"answer").toString());
    if (o.itemId.isEmpty() || !kind || !severity || !answer)
        return malformed(QObject::tr("an item"));
    o.kind = *kind;
    o.severity = *severity;
    o.answer = *answer;
    if (json.contains(u"automatic")) {
        const QJsonObject a = json.value(u"automatic").toObject();
        const auto verdict = verdictFromName(a.value(u"verdict").toString());
        if (!verdict)
            return malformed(QObject::tr("an automatic result"));
        o.automatic = CheckResult {*verdict, a.value(u"evidence").toString(), a.value(u"detail").toString()};
    }
    return o;
}

QJsonObject toJson(const ComplianceRun& run, bool withSignature)
{
    QJsonArray items;
    for (const ItemOutcome& o : run.items)
        items.append(toJson(o));
    QJsonObject json {{QStringLiteral("uuid"), run.uuid},
                      {QStringLiteral("kind"), auditKindKey(run.kind)},
                      {QStringLiteral("startedAt"), isoUtc(run.startedAt)},
                      {QStringLiteral("completedAt"), run.completedAt.isValid() ? isoUtc(run.completedAt) : QString()},
                      {QStringLiteral("officerLogin"), run.officerLogin},
                      {QStringLiteral("officerName"), run.officerName},
                      {QStringLiteral("agencyName"), run.agencyName},
                      {QStringLiteral("workstation"),
                       QJsonObject {{QStringLiteral("hostName"), run.workstation.hostName},
                                    {QStringLiteral("operatingSystem"), run.workstation.operatingSystem},
                                    {QStringLiteral("machineId"), run.workstation.machineId}}},
                      {QStringLiteral("checklistVersion"), run.checklistVersion},
                      {QStringLiteral("items"), items},
                      {QStringLiteral("notes"), run.notes},
                      {QStringLiteral("summary"),
                       QJsonObject {{QStringLiteral("pass"), run.count(Verdict::Pass)},
                                    {QStringLiteral("fail"), run.count(Verdict::Fail)},
                                    {QStringLiteral("unknown"), run.count(Verdict::Unknown)},
                                    {QStringLiteral("notApplicable"), run.count(Verdict::NotApplicable)}}}};
    if (run.sentToLeadAt)
        json.insert(QStringLiteral("sentToLeadAt"), isoUtc(*run.sentToLeadAt));
    if (withSignature && !run.signaturePng.isEmpty())
        json.insert(QStringLiteral("signaturePng"), QString::fromLatin1(run.signaturePng.toBase64()));
    return json;
}

Result<ComplianceRun> complianceRunFromJson(const QJsonObject& json)
{
    ComplianceRun run;
    run.uuid = json.value(u"uuid").toString();
    const auto kind = auditKindFromKey(json.value(u"kind").toString());
    if (!kind)
        return malformed(QObject::tr("the audit kind"));
    run.kind = *kind;
    run.startedAt = parseUtc(json.value(u"startedAt"));
    run.completedAt = parseUtc(json.value(u"completedAt"));
    run.officerLogin = json.value(u"officerLogin").toString();
    run.officerName = json.value(u"officerName").toString();
    run.agencyName = json.value(u"agencyName").toString();
    const QJsonObject ws = json.value(u"workstation").toObject();
    run.workstation = {ws.value(u"hostName").toString(), ws.value(u"operatingSystem").toString(),
                       ws.value(u"machineId").toString()};
    run.checklistVersion = json.value(u"checklistVersion").toInt();
    for (const QJsonValue& v : json.value(u"items").toArray()) {
        auto item = itemOutcomeFromJson(v.toObject());
        if (!item)
            return item.error();
        run.items << item.value();
    }
    run.notes = json.value(u"notes").toString();
    if (json.contains(u"sentToLeadAt"))
        run.sentToLeadAt = parseUtc(json.value(u"sentToLeadAt"));
    run.signaturePng = QByteArray::fromBase64(json.value(u"signaturePng").toString().toLatin1());
    return run;
}

QJsonObject toJson(const Finding& f)
{
    QJsonObject json {{QStringLiteral("uuid"), f.uuid},
                      {QStringLiteral("runUuid"), f.runUuid},
                      {QStringLiteral("itemId"), f.itemId},
                      {QStringLiteral("wording"), f.wording},
                      {QStringLiteral("severity"), severityName(f.severity)},
                      {QStringLiteral("evidence"), f.evidence},
                      {QStringLiteral("openedOn"), f.openedOn.toString(Qt::ISODate)},
                      {QStringLiteral("dueOn"), f.dueOn.toString(Qt::ISODate)}};
    if (f.resolvedAt) {
        json.insert(QStringLiteral("resolvedAt"), isoUtc(*f.resolvedAt));
        json.insert(QStringLiteral("resolvedBy"), f.resolvedBy);
        json.insert(QStringLiteral("resolutionNote"), f.resolutionNote);
    }
    return json;
}

Result<Finding> findingFromJson(const QJsonObject& json)
{
    Finding f;
    f.uuid = json.value(u"uuid").toString();
    f.runUuid = json.value(u"runUuid").toString();
    f.itemId = json.value(u"itemId").toString();
    f.wording = json.value(u"wording").toString();
    f.evidence = json.value(u"evidence").toString();
    const auto severity = severityFromName(json.value(u"severity").toString());
    f.openedOn = QDate::fromString(json.value(u"openedOn").toString(), Qt::ISODate);
    f.dueOn = QDate::fromString(json.value(u"dueOn").toString(), Qt::ISODate);
    if (f.itemId.isEmpty() || !severity || !f.openedOn.isValid() || !f.dueOn.isValid())
        return malformed(QObject::tr("a finding"));
    f.severity = *severity;
    if (json.contains(u"resolvedAt")) {
        f.resolvedAt = parseUtc(json.value(u"resolvedAt"));
        f.resolvedBy = json.value(u"resolvedBy").toString();
        f.resolutionNote = json.value(u"resolutionNote").toString();
    }
    return f;
}

} // namespace hearth::compliance
