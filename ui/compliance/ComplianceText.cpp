#include "ui/compliance/ComplianceText.h"

#include "core/common/DisplayDates.h"

#include <QCoreApplication>

namespace hearth::ui::compliance_text {

namespace {
struct ComplianceTextText
{
    Q_DECLARE_TR_FUNCTIONS(ComplianceText)
};

} // namespace

QString dueWording(const QDate& due, const QDate& today)
{
    const qint64 days = today.daysTo(due);
    if (days < 0)
        return ComplianceTextText::tr("overdue: it was due on %1").arg(displayDate(due));
    if (days == 0)
        return ComplianceTextText::tr("due today");
    return days == 1 ? ComplianceTextText::tr("due tomorrow, %1").arg(displayDate(due))
                     : ComplianceTextText::tr("due on %1 (in %2 days)").arg(displayDate(due)).arg(days);
}

QString verdictText(compliance::Verdict verdict)
{
    return compliance::verdictName(verdict);
}

QColor verdictBackground(compliance::Verdict verdict)
{
    switch (verdict) {
    case compliance::Verdict::Pass:
        return QColor(0xdf, 0xf2, 0xe1);
    case compliance::Verdict::Fail:
        return QColor(0xfd, 0xe7, 0xea);
    case compliance::Verdict::NotApplicable:
        return QColor(0xec, 0xef, 0xf1);
    case compliance::Verdict::Unknown:
        break;
    }
    return QColor(0xff, 0xf4, 0xd6);
}

QString severityText(compliance::Severity severity)
{
    switch (severity) {
    case compliance::Severity::Critical:
        return ComplianceTextText::tr("Critical");
    case compliance::Severity::High:
        return ComplianceTextText::tr("High");
    case compliance::Severity::Medium:
        return ComplianceTextText::tr("Medium");
    case compliance::Severity::Low:
        break;
    }
    return ComplianceTextText::tr("Low");
}

QString answerText(compliance::Answer answer)
{
    switch (answer) {
    case compliance::Answer::Yes:
        return ComplianceTextText::tr("Yes");
    case compliance::Answer::No:
        return ComplianceTextText::tr("No");
    case compliance::Answer::NotApplicable:
        return ComplianceTextText::tr("Not applicable");
    case compliance::Answer::Unanswered:
        break;
    }
    return {};
}

QColor alertColour()
{
    return QColor(0xb0, 0x00, 0x20);
}

QString findingCounts(int open, int overdue)
{
    if (open == 0)
        return ComplianceTextText::tr("No open findings.");
    const QString late
        = overdue == 0 ? ComplianceTextText::tr("none overdue") : ComplianceTextText::tr("%1 overdue").arg(overdue);
    return open == 1 ? ComplianceTextText::tr("1 open finding, %1.").arg(late)
                     : ComplianceTextText::tr("%1 open findings, %2.").arg(open).arg(late);
}

QStringList reminderLines(const compliance::ComplianceReminders& r, const QDate& today)
{
    QStringList lines;
    lines << (r.lastSelfAudit
                  ? ComplianceTextText::tr("Quarterly self-audit: last completed on %1; the next one is %2.")
                        .arg(displayDate(*r.lastSelfAudit), dueWording(r.selfAuditDue, today))
                  : ComplianceTextText::tr("Quarterly self-audit: none recorded on this workstation yet; one is %1.")
                        .arg(dueWording(r.selfAuditDue, today)));
    lines << (r.lastSentToLead
                  ? ComplianceTextText::tr("Yearly copy to the HMIS Lead: last sent on %1; the next one is %2.")
                        .arg(displayDate(*r.lastSentToLead), dueWording(r.leadCopyDue, today))
                  : ComplianceTextText::tr("Yearly copy to the HMIS Lead: none sent yet; one is %1.")
                        .arg(dueWording(r.leadCopyDue, today)));
    lines << findingCounts(r.openFindings, r.overdueFindings);
    return lines;
}

bool remindersNeedAttention(const compliance::ComplianceReminders& r, const QDate& today)
{
    return r.overdueFindings > 0 || r.selfAuditDueSoon(today, 14) || r.leadCopyDueSoon(today, 14);
}

} // namespace hearth::ui::compliance_text
