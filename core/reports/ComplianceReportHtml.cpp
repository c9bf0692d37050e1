// The Compliance Certification Checklist report as HTML for QTextDocument (Qt's rich-text subset).
#include "core/common/MessageDate.h"
#include "core/reports/ComplianceReport.h"
#include "core/reports/HtmlText.h"

#include <QCoreApplication>
#include <QStringList>

namespace hearth::compliance {

namespace {
struct ComplianceReportHtmlText
{
    Q_DECLARE_TR_FUNCTIONS(ComplianceReport)
};

/// Escaped text that keeps its line breaks and wraps long lines (white-space: pre would run off the page).
QString block(const QString& text, bool monospace)
{
    QString style = QStringLiteral("white-space: pre-wrap;");
    if (monospace)
        style += QStringLiteral(" font-family: monospace; font-size: 7pt;");
    return QStringLiteral("<div style=\"") + style + QStringLiteral("\">") + esc(text.trimmed())
        + QStringLiteral("</div>");
}

QString when(const QDateTime& at)
{
    if (!at.isValid())
        return ComplianceReportHtmlText::tr("\u2014");
    const QDateTime local = at.toLocalTime();
    return messageDate(local.date()) + u' ' + local.toString(u"HH:mm"_qs);
}

QString evidenceTable()
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n");
}

/// A header row; @p widths are percentages of the page, so long evidence gets the room and not the labels.
QString headerRow(const QStringList& texts, const QList<int>& widths = {})
{
    QString row = QStringLiteral("<tr>");
    for (qsizetype i = 0; i < texts.size(); ++i) {
        row += QStringLiteral("<th align=\"left\"");
        if (i < widths.size())
            row += QStringLiteral(" width=\"%1%\"").arg(widths.at(i));
        row += u'>' + esc(texts.at(i)).replace(u'\n', QStringLiteral("<br>")) + QStringLiteral("</th>");
    }
    return row + QStringLiteral("</tr>\n");
}

QString td(const QString& html)
{
    return QStringLiteral("<td valign=\"top\">") + html + QStringLiteral("</td>");
}

QString verdictHtml(Verdict verdict)
{
    const QString colour = verdict == Verdict::Pass ? QStringLiteral("#1b5e20")
        : verdict == Verdict::Fail                  ? QStringLiteral("#b71c1c")
        : verdict == Verdict::NotApplicable         ? QStringLiteral("#455a64")
                                                    : QStringLiteral("#8a5a00");
    return QStringLiteral("<b><span style=\"color: ") + colour + QStringLiteral("\">") + esc(verdictName(verdict))
        + QStringLiteral("</span></b>");
}

QString answerText(Answer answer)
{
    switch (answer) {
    case Answer::Yes:
        return ComplianceReportHtmlText::tr("Yes");
    case Answer::No:
        return ComplianceReportHtmlText::tr("No");
    case Answer::NotApplicable:
        return ComplianceReportHtmlText::tr("Not applicable");
    case Answer::Unanswered:
        break;
    }
    return ComplianceReportHtmlText::tr("Not answered");
}

QString itemCell(const QString& wording, const QString& itemId, const QString& policySection)
{
    QString html = esc(wording) + QStringLiteral("<br><small>") + esc(itemId);
    if (!policySection.isEmpty())
        html += QStringLiteral(" \u00b7 ") + esc(policySection);
    return html + QStringLiteral("</small>");
}

QString headerSection(const ComplianceReport& report)
{
    const ComplianceRun& run = report.run;
    QStringList lines;
    lines << QStringLiteral("<b>") + esc(run.agencyName) + QStringLiteral("</b>");
    QString host = esc(ComplianceReportHtmlText::tr("Workstation: %1 (%2)")
                           .arg(run.workstation.hostName, run.workstation.operatingSystem));
    if (const QString print = workstationFingerprint(run.workstation); !print.isEmpty())
        host += esc(ComplianceReportHtmlText::tr(", fingerprint %1").arg(print));
    lines << host;
    lines << esc(ComplianceReportHtmlText::tr("Audit: %1, checklist version %2")
                     .arg(auditKindName(run.kind))
                     .arg(run.checklistVersion));
    lines << esc(
        ComplianceReportHtmlText::tr("Checked %1; completed %2").arg(when(run.startedAt), when(run.completedAt)));
    lines << esc(ComplianceReportHtmlText::tr("Security officer: %1 (%2)").arg(run.officerName, run.officerLogin));
    if (run.sentToLeadAt)
        lines << esc(ComplianceReportHtmlText::tr("Sent to the HMIS Lead %1").arg(when(*run.sentToLeadAt)));
    lines << esc(ComplianceReportHtmlText::tr("Report generated %1").arg(when(report.generatedAt)));
    return QStringLiteral("<h1>") + esc(complianceReportTitle()) + QStringLiteral("</h1>\n<p>")
        + lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>\n");
}

QString summarySection(const ComplianceReport& report)
{
    const ComplianceRun& run = report.run;
    int attested = 0;
    for (const ItemOutcome& o : run.items)
        attested += o.attested() ? 1 : 0;
    int open = 0;
    int overdue = 0;
    for (const Finding& f : report.findings) {
        open += f.isOpen() ? 1 : 0;
        overdue += f.isOverdue(report.today) ? 1 : 0;
    }
    const QString items
        = ComplianceReportHtmlText::tr(
              "%1 items: %2 PASS, %3 FAIL, %4 UNKNOWN, %5 N/A (not applicable to this workstation); %6 answered by "
              "the security officer.")
              .arg(run.items.size())
              .arg(run.count(Verdict::Pass))
              .arg(run.count(Verdict::Fail))
              .arg(run.count(Verdict::Unknown))
              .arg(run.count(Verdict::NotApplicable))
              .arg(attested);
    const QString findings
        = ComplianceReportHtmlText::tr("Open findings: %1, of which %2 overdue.").arg(open).arg(overdue);
    return QStringLiteral("<h2>") + esc(ComplianceReportHtmlText::tr("Summary")) + QStringLiteral("</h2>\n<p>")
        + esc(items) + QStringLiteral("<br>")
        + (overdue > 0 ? QStringLiteral("<b>") + esc(findings) + QStringLiteral("</b>") : esc(findings))
        + QStringLiteral("</p>\n");
}

QString resultsSection(const ComplianceRun& run)
{
    QString html = QStringLiteral("<h2>") + esc(ComplianceReportHtmlText::tr("Results")) + QStringLiteral("</h2>\n")
        + evidenceTable();
    html += headerRow({ComplianceReportHtmlText::tr("Item"), ComplianceReportHtmlText::tr("Severity"),
                       ComplianceReportHtmlText::tr("Result"), ComplianceReportHtmlText::tr("Detail")},
                      {36, 11, 13, 40});
    for (const ItemOutcome& o : run.items) {
        QString result = verdictHtml(o.effective());
        if (o.attested())
            result += QStringLiteral("<br><small>")
                + esc(ComplianceReportHtmlText::tr("attested: %1").arg(answerText(o.answer)))
                + QStringLiteral("</small>");
        else if (o.automatic)
            result += QStringLiteral("<br><small>") + esc(ComplianceReportHtmlText::tr("checked by Hearth"))
                + QStringLiteral("</small>");
        // The sentence only: what the commands printed is in the appendix, so the results read first.
        QString detail;
        if (o.automatic) {
            if (o.attested())
                detail += block(
                    ComplianceReportHtmlText::tr("Hearth's check: %1").arg(verdictName(o.automatic->verdict)), false);
            detail += block(o.automatic->detail, false);
        } else {
            detail = block(ComplianceReportHtmlText::tr("Attestation by the security officer."), false);
        }
        html += QStringLiteral("<tr>") + td(itemCell(o.wording, o.itemId, o.policySection))
            + td(esc(severityName(o.severity))) + td(result) + td(detail) + QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString attestationsSection(const ComplianceRun& run)
{
    QString rows;
    for (const ItemOutcome& o : run.items) {
        if (!o.attested() && o.note.isEmpty())
            continue;
        rows += QStringLiteral("<tr>") + td(itemCell(o.wording, o.itemId, o.policySection))
            + td(esc(o.attested() ? answerText(o.answer) : ComplianceReportHtmlText::tr("(checked by Hearth)")))
            + td(block(o.note, false)) + QStringLiteral("</tr>\n");
    }
    QString html = QStringLiteral("<h2>") + esc(ComplianceReportHtmlText::tr("Attestations and notes"))
        + QStringLiteral("</h2>\n");
    if (rows.isEmpty())
        return html + QStringLiteral("<p>") + esc(ComplianceReportHtmlText::tr("No item was answered or annotated."))
            + QStringLiteral("</p>\n");
    return html + evidenceTable()
        + headerRow({ComplianceReportHtmlText::tr("Item"), ComplianceReportHtmlText::tr("Answer"),
                     ComplianceReportHtmlText::tr("Note")},
                    {40, 15, 45})
        + rows + QStringLiteral("</table>\n");
}

QString findingStateHtml(const Finding& f, const QDate& today)
{
    if (!f.isOpen()) {
        QString text = ComplianceReportHtmlText::tr("Resolved %1 by %2").arg(when(*f.resolvedAt), f.resolvedBy);
        return esc(text) + block(f.resolutionNote, false);
    }
    if (f.isOverdue(today))
        return QStringLiteral("<b><span style=\"color: #b71c1c\">") + esc(ComplianceReportHtmlText::tr("OVERDUE"))
            + QStringLiteral("</span></b>");
    return esc(ComplianceReportHtmlText::tr("Open"));
}

/// "this run", or "run of <date>" for a finding an earlier run opened.
QString findingFrom(const ComplianceReport& report, const Finding& f)
{
    for (const ComplianceRun& e : report.earlierRuns) {
        if (e.uuid == f.runUuid)
            return ComplianceReportHtmlText::tr("run of %1").arg(messageDate(e.completedAt.toLocalTime().date()));
    }
    return ComplianceReportHtmlText::tr("this run");
}

QString findingsSection(const ComplianceReport& report)
{
    QString html = QStringLiteral("<h2>") + esc(ComplianceReportHtmlText::tr("Findings")) + QStringLiteral("</h2>\n");
    html += QStringLiteral("<p>")
        + esc(ComplianceReportHtmlText::tr("Each FAIL must be fixed within %1 days of this audit.")
                  .arg(findingDueDays(report.run.kind)))
        + QStringLiteral("</p>\n");
    if (report.findings.isEmpty())
        return html + QStringLiteral("<p>") + esc(ComplianceReportHtmlText::tr("No findings."))
            + QStringLiteral("</p>\n");
    // What each finding's check saw is in the appendix (this run's items, then earlier runs' findings).
    html += evidenceTable()
        + headerRow({ComplianceReportHtmlText::tr("Item"), ComplianceReportHtmlText::tr("Severity"),
                     ComplianceReportHtmlText::tr("From"), ComplianceReportHtmlText::tr("Opened"),
                     ComplianceReportHtmlText::tr("Due"), ComplianceReportHtmlText::tr("State")},
                    {34, 11, 14, 12, 12, 17});
    for (const Finding& f : report.findings) {
        html += QStringLiteral("<tr>") + td(itemCell(f.wording, f.itemId, {})) + td(esc(severityName(f.severity)))
            + td(esc(findingFrom(report, f))) + td(esc(messageDate(f.openedOn))) + td(esc(messageDate(f.dueOn)))
            + td(findingStateHtml(f, report.today)) + QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString cellFor(const ComplianceRun& run, const QString& itemId)
{
    const ItemOutcome* o = run.item(itemId);
    return o ? verdictHtml(o->effective()) : QStringLiteral("\u2014");
}

QString earlierRunsSection(const ComplianceReport& report)
{
    QString html
        = QStringLiteral("<h2>") + esc(ComplianceReportHtmlText::tr("Earlier runs")) + QStringLiteral("</h2>\n");
    const QList<ComplianceRun> earlier = report.earlierShown();
    if (earlier.isEmpty())
        return html + QStringLiteral("<p>") + esc(ComplianceReportHtmlText::tr("No earlier runs of this workstation."))
            + QStringLiteral("</p>\n");

    // Rows are this run's items, then any item only an earlier checklist had: aligned by id, never by position.
    QList<const ComplianceRun*> columns {&report.run};
    for (const ComplianceRun& e : earlier)
        columns << &e;
    QList<const ItemOutcome*> rows;
    QStringList ids;
    for (const ComplianceRun* run : columns) {
        for (const ItemOutcome& o : run->items) {
            if (!ids.contains(o.itemId)) {
                ids << o.itemId;
                rows << &o;
            }
        }
    }

    QStringList headers {
        ComplianceReportHtmlText::tr("Item"),
        ComplianceReportHtmlText::tr("This run\n%1").arg(messageDate(report.run.completedAt.toLocalTime().date()))};
    for (const ComplianceRun& e : earlier)
        headers << auditKindName(e.kind) + u'\n' + messageDate(e.completedAt.toLocalTime().date());
    QList<int> widths {40};
    for (qsizetype i = 1; i < headers.size(); ++i)
        widths << int(60 / (headers.size() - 1));
    html += evidenceTable() + headerRow(headers, widths);
    for (const ItemOutcome* item : rows) {
        html += QStringLiteral("<tr>") + td(itemCell(item->wording, item->itemId, {}));
        for (const ComplianceRun* run : columns)
            html += td(cellFor(*run, item->itemId));
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString signatureSection(const ComplianceRun& run)
{
    QString html = QStringLiteral("<h2>") + esc(ComplianceReportHtmlText::tr("Security officer's notes and signature"))
        + QStringLiteral("</h2>\n");
    html += run.notes.trimmed().isEmpty()
        ? QStringLiteral("<p>") + esc(ComplianceReportHtmlText::tr("No notes.")) + QStringLiteral("</p>\n")
        : block(run.notes, false);
    html += QStringLiteral("<p>")
        + esc(ComplianceReportHtmlText::tr(
            "I certify that I audited this workstation and that the answers above are true."))
        + QStringLiteral("</p>\n<p>");
    if (run.signaturePng.isEmpty())
        html += esc(ComplianceReportHtmlText::tr("(not signed)"));
    else
        html += QStringLiteral("<img src=\"") + QString::fromLatin1(kSignatureResource)
            + QStringLiteral("\" width=\"240\">");
    html += QStringLiteral("<br>") + esc(run.officerName) + QStringLiteral(", ") + esc(when(run.completedAt))
        + QStringLiteral("</p>\n");
    return html;
}
/// What the checks printed, after everything else: raw command output that the HMIS Lead reads only to check
/// a verdict. This run's automatic items, then the evidence of earlier runs' findings still listed.
QString appendixSection(const ComplianceReport& report)
{
    QString html = QStringLiteral("<h2 style=\"page-break-before: always\">")
        + esc(ComplianceReportHtmlText::tr("Appendix: evidence")) + QStringLiteral("</h2>\n<p>")
        + esc(ComplianceReportHtmlText::tr("What each automatic check of this run saw: the commands and files "
                                           "Hearth read, and what they said. Attestations have no evidence: the "
                                           "security officer's answers and notes are above."))
        + QStringLiteral("</p>\n");
    QString rows;
    for (const ItemOutcome& o : report.run.items) {
        if (o.automatic)
            rows += QStringLiteral("<tr>") + td(itemCell(o.wording, o.itemId, {}))
                + td(verdictHtml(o.automatic->verdict)) + td(block(o.automatic->evidence, true))
                + QStringLiteral("</tr>\n");
    }
    if (!rows.isEmpty())
        html += evidenceTable()
            + headerRow({ComplianceReportHtmlText::tr("Item"), ComplianceReportHtmlText::tr("Hearth's check"),
                         ComplianceReportHtmlText::tr("Evidence")},
                        {28, 12, 60})
            + rows + QStringLiteral("</table>\n");
    QString earlier;
    for (const Finding& f : report.findings) {
        if (f.runUuid != report.run.uuid && !f.evidence.trimmed().isEmpty())
            earlier += QStringLiteral("<tr>") + td(itemCell(f.wording, f.itemId, {})) + td(esc(findingFrom(report, f)))
                + td(block(f.evidence, true)) + QStringLiteral("</tr>\n");
    }
    if (!earlier.isEmpty())
        html += QStringLiteral("<h3>") + esc(ComplianceReportHtmlText::tr("Findings of earlier runs"))
            + QStringLiteral("</h3>\n") + evidenceTable()
            + headerRow({ComplianceReportHtmlText::tr("Item"), ComplianceReportHtmlText::tr("From"),
                         ComplianceReportHtmlText::tr("Evidence")},
                        {28, 12, 60})
            + earlier + QStringLiteral("</table>\n");
    return html;
}
} // namespace

QString complianceReportHtml(const ComplianceReport& report)
{
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>") + esc(complianceReportTitle())
        + QStringLiteral("</title></head><body>\n");
    html += headerSection(report);
    html += summarySection(report);
    html += resultsSection(report.run);
    html += attestationsSection(report.run);
    html += findingsSection(report);
    html += earlierRunsSection(report);
    html += signatureSection(report.run);
    html += appendixSection(report);
    html += QStringLiteral("<hr><p><i>") + esc(complianceReportNoClientData()) + QStringLiteral("</i></p>\n");
    return html + QStringLiteral("</body></html>\n");
}

} // namespace hearth::compliance
