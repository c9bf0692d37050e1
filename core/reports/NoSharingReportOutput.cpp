#include "core/reports/NoSharingReportOutput.h"

#include "core/common/IsoText.h"
#include "core/common/MessageDate.h"
#include "core/reports/HtmlText.h"

#include <QCoreApplication>
#include <QStringList>

namespace hearth {

namespace {
struct NoSharingReportOutputText
{
    Q_DECLARE_TR_FUNCTIONS(NoSharingReport)
};

QString generatedText(const NoSharingUtilizationReport& report)
{
    return report.generatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_qs);
}

// --- CSV -----------------------------------------------------------------------------------------

/// One RFC 4180 field. A leading = + - @ would make a spreadsheet run the text as a formula.
QString csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return text;
}

void csvLine(QString& out, const QStringList& fields)
{
    QStringList quoted;
    for (const QString& field : fields)
        quoted << csvField(field);
    out += quoted.join(u',') + QStringLiteral("\r\n");
}

// --- HTML ----------------------------------------------------------------------------------------

QString cells(const QStringList& texts, const char* tag, const QString& attributes = {})
{
    QString row = QStringLiteral("<tr>");
    const QString open = u'<' + QString::fromLatin1(tag) + attributes + u'>';
    const QString close = QStringLiteral("</") + QString::fromLatin1(tag) + u'>';
    for (const QString& text : texts)
        row += open + esc(text) + close;
    return row + QStringLiteral("</tr>\n");
}

QString utilizationTable()
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n");
}

QString clientsText(int clients)
{
    return clients == 1 ? NoSharingReportOutputText::tr("1 client")
                        : NoSharingReportOutputText::tr("%1 clients").arg(clients);
}

QString staysText(size_t stays)
{
    return stays == 1 ? NoSharingReportOutputText::tr("1 stay") : NoSharingReportOutputText::tr("%1 stays").arg(stays);
}
} // namespace

namespace no_sharing_report {

QString title()
{
    return NoSharingReportOutputText::tr("No Sharing utilization report");
}

QString optOutStatement()
{
    return NoSharingReportOutputText::tr(
        "These clients opted out of HMIS; their records are kept only at this agency.");
}

QString confidentialityNotice()
{
    return NoSharingReportOutputText::tr(
        "Contains confidential client information: keep it within the agency and the funder it is sent to.");
}

QString rangeText(const DateRange& range)
{
    return messageDate(range.from) + QStringLiteral(" \u2013 ") + messageDate(range.to);
}

} // namespace no_sharing_report

QByteArray toCsv(const NoSharingUtilizationReport& report)
{
    QString out;
    csvLine(out, {no_sharing_report::title()});
    csvLine(out, {NoSharingReportOutputText::tr("Agency"), report.agency});
    csvLine(out, {NoSharingReportOutputText::tr("Period"), isoDate(report.range.from), isoDate(report.range.to)});
    csvLine(out, {NoSharingReportOutputText::tr("Generated"), generatedText(report), report.generatedBy});
    csvLine(out, {NoSharingReportOutputText::tr("Note"), no_sharing_report::optOutStatement()});
    out += QStringLiteral("\r\n");

    csvLine(out,
            {NoSharingReportOutputText::tr("Project"), NoSharingReportOutputText::tr("Case number"),
             report.includeNames ? NoSharingReportOutputText::tr("Name") : NoSharingReportOutputText::tr("Initials"),
             NoSharingReportOutputText::tr("Entry date"), NoSharingReportOutputText::tr("Exit date"),
             NoSharingReportOutputText::tr("Bed nights in period"),
             NoSharingReportOutputText::tr("Other services in period"),
             NoSharingReportOutputText::tr("Services by type"), NoSharingReportOutputText::tr("Note")});
    for (const NoSharingProjectSection& section : report.projects) {
        for (const NoSharingRow& row : section.rows) {
            csvLine(out,
                    {section.projectName, row.caseNumber, row.clientName(), isoDate(row.entryDate),
                     row.exitDate ? isoDate(*row.exitDate) : NoSharingReportOutputText::tr("still enrolled"),
                     QString::number(row.bedNights), QString::number(row.otherServices), row.servicesByTypeText(),
                     row.note});
        }
    }
    if (report.isEmpty())
        csvLine(out, {NoSharingReportOutputText::tr("No clients who opted out of HMIS were served in this period.")});
    out += QStringLiteral("\r\n");

    csvLine(out, {NoSharingReportOutputText::tr("Totals")});
    csvLine(out,
            {NoSharingReportOutputText::tr("Project"), NoSharingReportOutputText::tr("Clients"),
             NoSharingReportOutputText::tr("Stays"), NoSharingReportOutputText::tr("Bed nights in period"),
             NoSharingReportOutputText::tr("Other services in period")});
    for (const NoSharingProjectSection& section : report.projects) {
        csvLine(out,
                {section.projectName, QString::number(section.clients), QString::number(section.rows.size()),
                 QString::number(section.bedNights), QString::number(section.otherServices)});
    }
    csvLine(out,
            {NoSharingReportOutputText::tr("All projects"), QString::number(report.clients),
             QString::number(report.stays), QString::number(report.bedNights), QString::number(report.otherServices)});
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

QString toHtml(const NoSharingUtilizationReport& report)
{
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>") + esc(no_sharing_report::title())
        + QStringLiteral("</title></head><body>\n");
    html += QStringLiteral("<h1>") + esc(no_sharing_report::title()) + QStringLiteral("</h1>\n");
    html += QStringLiteral("<p><b>") + esc(report.agency) + QStringLiteral("</b><br>")
        + esc(NoSharingReportOutputText::tr("Period: %1").arg(no_sharing_report::rangeText(report.range)))
        + QStringLiteral("<br>")
        + esc(NoSharingReportOutputText::tr("Generated %1 by %2").arg(generatedText(report), report.generatedBy))
        + QStringLiteral("</p>\n");
    html += QStringLiteral("<p><b>") + esc(no_sharing_report::optOutStatement()) + QStringLiteral("</b></p>\n");

    if (report.isEmpty())
        html += QStringLiteral("<p>")
            + esc(NoSharingReportOutputText::tr("No clients who opted out of HMIS were served in this period."))
            + QStringLiteral("</p>\n");
    const QString number = QStringLiteral(" align=\"right\"");
    for (const NoSharingProjectSection& section : report.projects) {
        html += QStringLiteral("<h2>") + esc(section.projectName) + QStringLiteral("</h2>\n") + utilizationTable();
        html += cells(
            {NoSharingReportOutputText::tr("Case number"),
             report.includeNames ? NoSharingReportOutputText::tr("Name") : NoSharingReportOutputText::tr("Initials"),
             NoSharingReportOutputText::tr("Entry date"), NoSharingReportOutputText::tr("Exit date"),
             NoSharingReportOutputText::tr("Bed nights"), NoSharingReportOutputText::tr("Other services"),
             NoSharingReportOutputText::tr("Services by type"), NoSharingReportOutputText::tr("Note")},
            "th");
        for (const NoSharingRow& row : section.rows) {
            html += QStringLiteral("<tr>");
            for (const QString& text :
                 {row.caseNumber, row.clientName(), messageDate(row.entryDate),
                  row.exitDate ? messageDate(*row.exitDate) : NoSharingReportOutputText::tr("\u2014 (still enrolled)")})
                html += QStringLiteral("<td>") + esc(text) + QStringLiteral("</td>");
            for (int count : {row.bedNights, row.otherServices})
                html += QStringLiteral("<td align=\"right\">") + QString::number(count) + QStringLiteral("</td>");
            html += QStringLiteral("<td>") + esc(row.servicesByTypeText()) + QStringLiteral("</td><td>") + esc(row.note)
                + QStringLiteral("</td></tr>\n");
        }
        html += QStringLiteral("<tr><td colspan=\"4\"><b>")
            + esc(NoSharingReportOutputText::tr("Total: %1, %2")
                      .arg(clientsText(section.clients), staysText(section.rows.size())))
            + QStringLiteral("</b></td><td align=\"right\"><b>") + QString::number(section.bedNights)
            + QStringLiteral("</b></td><td align=\"right\"><b>") + QString::number(section.otherServices)
            + QStringLiteral("</b></td><td colspan=\"2\"></td></tr>\n</table>\n");
    }

    html += QStringLiteral("<h2>") + esc(NoSharingReportOutputText::tr("All projects")) + QStringLiteral("</h2>\n")
        + utilizationTable();
    html += cells({NoSharingReportOutputText::tr("Clients"), NoSharingReportOutputText::tr("Stays"),
                   NoSharingReportOutputText::tr("Bed nights"), NoSharingReportOutputText::tr("Other services")},
                  "th");
    html += cells({QString::number(report.clients), QString::number(report.stays), QString::number(report.bedNights),
                   QString::number(report.otherServices)},
                  "td", number);
    html += QStringLiteral("</table>\n");
    html += QStringLiteral("<p><i>") + esc(no_sharing_report::confidentialityNotice())
        + QStringLiteral("</i></p>\n</body></html>\n");
    return html;
}

} // namespace hearth
