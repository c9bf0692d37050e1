// The compliance report's content: which runs and findings it holds, the JSON for the HMIS Lead and the
// HTML behind the PDF, escaped.
#include "tests/reports/ComplianceReportFixture.h"
#include "tests/support/QtStringMakers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <catch2/catch_test_macros.hpp>

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

const QString kHostile = QStringLiteral("table inet filter <script>alert(\"x\")</script> & nft");

QDateTime utc(int y, int m, int d, int hour = 15)
{
    return {QDate(y, m, d), QTime(hour, 0), Qt::UTC};
}

/// This workstation audited five times (the newest reported), plus a run of another workstation and a run
/// completed after the one reported. "Today" is the reported run's day.
struct History
{
    Checklist checklist = builtInChecklist();
    ComplianceRun now
        = completedRun(checklist, u"run-now"_qs, utc(2026, 11, 20), {u"firewall-active"_qs, u"printer-secure"_qs});
    ComplianceRun august = completedRun(checklist, u"run-aug"_qs, utc(2026, 8, 15), {u"disk-encryption"_qs});
    ComplianceRun may = completedRun(checklist, u"run-may"_qs, utc(2026, 5, 10), {u"screen-lock"_qs});
    ComplianceRun february = completedRun(checklist, u"run-feb"_qs, utc(2026, 2, 10));
    ComplianceRun lastYear = completedRun(checklist, u"run-2025"_qs, utc(2025, 11, 1));
    ComplianceRun otherDesk
        = completedRun(checklist, u"run-other"_qs, utc(2026, 10, 1), {u"os-updates"_qs}, AuditKind::SelfAudit,
                       {u"intake-2"_qs, u"Debian GNU/Linux 12 (bookworm)"_qs, u"aaaa"_qs});
    ComplianceRun later = completedRun(checklist, u"run-dec"_qs, utc(2026, 12, 1), {u"os-sign-in"_qs});
    std::vector<Finding> findings;

    History()
    {
        // What the firewall check saw comes from a system command: it may hold anything.
        for (ItemOutcome& o : now.items) {
            if (o.itemId == u"firewall-active")
                o.automatic->evidence = kHostile;
        }
        // February's checklist had no TLS item yet, and an item later dropped.
        february.items.removeIf([](const ItemOutcome& o) { return o.itemId == u"hearth-server-tls"; });
        ItemOutcome legacy;
        legacy.itemId = u"legacy-item"_qs;
        legacy.wording = u"A question the checklist no longer asks"_qs;
        legacy.answer = Answer::Yes;
        february.items << legacy;

        for (const ComplianceRun* run : {&now, &august, &may, &otherDesk, &later}) {
            for (Finding f : findingsFor(*run))
                findings.push_back(f);
        }
        for (Finding& f : findings) {
            // May's screen-lock finding and today's printer finding were fixed; August's disk is still not.
            if (f.itemId == u"screen-lock" || f.itemId == u"printer-secure") {
                f.resolvedAt = f.openedOn.startOfDay(Qt::UTC).addDays(2);
                f.resolvedBy = u"sam.officer"_qs;
                f.resolutionNote = u"Fixed & checked <again>."_qs;
            }
        }
    }

    ComplianceReport report() const
    {
        std::vector<ComplianceRun> all {later, lastYear, may, otherDesk, now, february, august};
        return complianceReportFor(now, all, findings, utc(2026, 11, 20, 16), QDate(2026, 11, 20));
    }
};

QStringList uuids(const QList<ComplianceRun>& runs)
{
    QStringList out;
    for (const ComplianceRun& r : runs)
        out << r.uuid;
    return out;
}

QJsonObject itemJson(const QJsonObject& report, const QString& id)
{
    for (const QJsonValue& v : report.value(u"items").toArray()) {
        if (v.toObject().value(u"itemId").toString() == id)
            return v.toObject();
    }
    FAIL("no item " << id.toStdString());
    return {};
}

/// The verdicts in the "Earlier runs" row of @p itemId, left to right ("—" where a run lacks the item).
QStringList sideBySide(const QString& html, const QString& itemId)
{
    const QString section = html.mid(html.indexOf(u"Earlier runs</h2>"_qs));
    static const QRegularExpression rowPattern(QStringLiteral("<tr>(.*?)</tr>"),
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression cellPattern(QStringLiteral("(PASS|FAIL|UNKNOWN|\u2014)</"));
    for (auto rows = rowPattern.globalMatch(section); rows.hasNext();) {
        const QString row = rows.next().captured(1);
        if (!row.contains(u"<small>"_qs + itemId + u"</small>"_qs))
            continue;
        QStringList cells;
        for (auto found = cellPattern.globalMatch(row); found.hasNext();)
            cells << found.next().captured(1);
        return cells;
    }
    return {};
}

} // namespace

TEST_CASE("compliance report: earlier runs are this workstation's, before this run, newest first")
{
    History h;
    const ComplianceReport report = h.report();
    CHECK(uuids(report.earlierRuns) == QStringList {u"run-aug"_qs, u"run-may"_qs, u"run-feb"_qs, u"run-2025"_qs});
    CHECK(uuids(report.earlierShown()) == QStringList {u"run-aug"_qs, u"run-may"_qs, u"run-feb"_qs});

    // This run's findings whatever their state; earlier runs' only while open; never another desk's or a later run's.
    QStringList found;
    for (const Finding& f : report.findings)
        found << f.itemId;
    found.sort();
    CHECK(found == QStringList {u"disk-encryption"_qs, u"firewall-active"_qs, u"printer-secure"_qs});
}

TEST_CASE("compliance report: a workstation without a machine id is matched by host name")
{
    History h;
    ComplianceRun anon = h.now;
    anon.workstation.machineId.clear();
    anon.workstation.hostName = u"FRONT-DESK-1"_qs;
    const ComplianceReport report = complianceReportFor(anon, {h.august, h.otherDesk}, {}, utc(2026, 11, 20), {});
    CHECK(uuids(report.earlierRuns) == QStringList {u"run-aug"_qs});
}

TEST_CASE("compliance report JSON: every item with its evidence, findings, earlier runs and the signature")
{
    History h;
    const QJsonObject json = complianceReportJson(h.report());

    CHECK(json.value(u"format").toString() == u"hearth-compliance-report");
    CHECK(json.value(u"version").toInt() == 1);
    CHECK(json.value(u"agency").toString() == u"Harbor House");
    const QJsonObject ws = json.value(u"workstation").toObject();
    CHECK(ws.value(u"hostName").toString() == u"front-desk-1");
    CHECK(ws.value(u"operatingSystem").toString() == u"Debian GNU/Linux 12 (bookworm)");
    CHECK(ws.value(u"fingerprint").toString().size() == 16);
    const QJsonObject officer = json.value(u"officer").toObject();
    CHECK(officer.value(u"login").toString() == u"sam.officer");
    CHECK(officer.value(u"name").toString() == u"Sam Okafor");
    const QJsonObject run = json.value(u"run").toObject();
    CHECK(run.value(u"uuid").toString() == u"run-now");
    CHECK(run.value(u"kind").toString() == u"self-audit");
    CHECK(run.value(u"completedAt").toString() == u"2026-11-20T15:00:00.000Z");
    CHECK(run.value(u"startedAt").toString() == u"2026-11-20T14:50:00.000Z");

    // Every checklist item, in order, each automatic one with what its check saw.
    const QJsonArray items = json.value(u"items").toArray();
    REQUIRE(items.size() == h.checklist.items.size());
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const ChecklistItem& expected = h.checklist.items.at(i);
        INFO(expected.id.toStdString());
        CHECK(item.value(u"itemId").toString() == expected.id);
        CHECK(item.value(u"wording").toString() == expected.wording);
        CHECK(item.value(u"policySection").toString() == expected.policySection);
        CHECK(item.value(u"severity").toString() == severityName(expected.severity));
        CHECK_FALSE(item.value(u"result").toString().isEmpty());
        if (expected.kind == ItemKind::Automatic)
            CHECK_FALSE(item.value(u"automatic").toObject().value(u"evidence").toString().isEmpty());
        else
            CHECK(item.value(u"attested").toBool());
    }
    const QJsonObject firewall = itemJson(json, u"firewall-active"_qs);
    CHECK(firewall.value(u"result").toString() == u"FAIL");
    CHECK(firewall.value(u"automatic").toObject().value(u"evidence").toString() == kHostile);
    CHECK(firewall.value(u"automatic").toObject().value(u"detail").toString() == u"Failed: firewall-active.");
    const QJsonObject printer = itemJson(json, u"printer-secure"_qs);
    CHECK(printer.value(u"answer").toString() == u"no");
    CHECK(printer.value(u"note").toString() == u"Note on printer-secure.");
    CHECK(printer.value(u"result").toString() == u"FAIL");

    const QJsonObject summary = json.value(u"summary").toObject();
    CHECK(summary.value(u"items").toInt() == h.checklist.items.size());
    CHECK(summary.value(u"fail").toInt() == 2);
    CHECK(summary.value(u"pass").toInt() == h.checklist.items.size() - 2);
    CHECK(summary.value(u"unknown").toInt() == 0);
    CHECK(summary.value(u"openFindings").toInt() == 2);
    CHECK(summary.value(u"overdueFindings").toInt() == 1);

    QMap<QString, QJsonObject> findings;
    for (const QJsonValue& v : json.value(u"findings").toArray())
        findings.insert(v.toObject().value(u"itemId").toString(), v.toObject());
    REQUIRE(findings.size() == 3);
    CHECK(findings[u"firewall-active"_qs].value(u"state").toString() == u"open");
    CHECK(findings[u"firewall-active"_qs].value(u"dueOn").toString() == u"2026-11-27");
    CHECK(findings[u"firewall-active"_qs].value(u"evidence").toString() == kHostile);
    CHECK(findings[u"firewall-active"_qs].value(u"fromThisRun").toBool());
    CHECK(findings[u"printer-secure"_qs].value(u"state").toString() == u"resolved");
    CHECK(findings[u"printer-secure"_qs].value(u"resolutionNote").toString() == u"Fixed & checked <again>.");
    CHECK(findings[u"disk-encryption"_qs].value(u"state").toString() == u"overdue");
    CHECK(findings[u"disk-encryption"_qs].value(u"dueOn").toString() == u"2026-08-22");
    CHECK_FALSE(findings[u"disk-encryption"_qs].value(u"fromThisRun").toBool());

    // Earlier runs side by side, keyed by item id: an item a run did not have is absent, not shifted.
    const QJsonArray earlier = json.value(u"earlierRuns").toArray();
    REQUIRE(earlier.size() == 3);
    CHECK(earlier.at(0).toObject().value(u"uuid").toString() == u"run-aug");
    CHECK(earlier.at(0).toObject().value(u"completedAt").toString() == u"2026-08-15T15:00:00.000Z");
    CHECK(earlier.at(0).toObject().value(u"kind").toString() == u"self-audit");
    CHECK(earlier.at(0).toObject().value(u"results").toObject().value(u"disk-encryption").toString() == u"FAIL");
    CHECK(earlier.at(1).toObject().value(u"results").toObject().value(u"screen-lock").toString() == u"FAIL");
    const QJsonObject feb = earlier.at(2).toObject().value(u"results").toObject();
    CHECK(earlier.at(2).toObject().value(u"uuid").toString() == u"run-feb");
    CHECK_FALSE(feb.contains(u"hearth-server-tls"));
    CHECK(feb.value(u"legacy-item").toString() == u"PASS");
    CHECK(feb.value(u"firewall-active").toString() == u"PASS");

    CHECK(QByteArray::fromBase64(json.value(u"signaturePng").toString().toLatin1()) == tinyPng());
    CHECK(json.value(u"notes").toString() == u"Quarterly check of the front desk.");
    CHECK(json.value(u"clientData").toBool(true) == false);

    // The machine id itself stays on the workstation.
    const QByteArray text = QJsonDocument(json).toJson();
    CHECK_FALSE(text.contains(frontDesk().machineId.toLatin1()));
}

TEST_CASE("compliance report HTML: header, results, findings, earlier runs and signature, all escaped")
{
    History h;
    h.now.agencyName = u"Harbor <House> & Co"_qs;
    h.now.notes = u"Replaced the <b>router</b>."_qs;
    const QString html = complianceReportHtml(h.report());

    CHECK(html.contains(u"Harbor &lt;House&gt; &amp; Co"_qs));
    CHECK(html.contains(u"front-desk-1"_qs));
    CHECK(html.contains(u"Debian GNU/Linux 12 (bookworm)"_qs));
    CHECK(html.contains(u"Sam Okafor"_qs));
    CHECK(html.contains(u"sam.officer"_qs));
    CHECK(html.contains(u"Quarterly self-audit"_qs));

    // Evidence from system commands and every officer's text are escaped, never markup.
    CHECK(html.contains(u"table inet filter &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; nft"_qs));
    CHECK_FALSE(html.contains(u"<script"_qs));
    CHECK(html.contains(u"Replaced the &lt;b&gt;router&lt;/b&gt;."_qs));
    CHECK(html.contains(u"Fixed &amp; checked &lt;again&gt;."_qs));
    CHECK(html.contains(u"font-family: monospace"_qs));
    for (const ChecklistItem& item : h.checklist.items)
        CHECK(html.contains(item.wording.toHtmlEscaped()));

    CHECK(html.contains(u"Note on printer-secure."_qs));
    CHECK(html.contains(u"OVERDUE"_qs));
    CHECK(html.contains(u"22 Aug 2026"_qs)); // August's finding was due a week after
    CHECK(html.contains(u"27 Nov 2026"_qs)); // today's is due in a week
    CHECK(html.contains(u"<img src=\""_qs + QString::fromLatin1(kSignatureResource) + u'"'));
    CHECK(html.contains(complianceReportNoClientData().toHtmlEscaped()));

    // Side by side: this run, then August, May and February; aligned by item id.
    CHECK(sideBySide(html, u"firewall-active"_qs) == QStringList {u"FAIL"_qs, u"PASS"_qs, u"PASS"_qs, u"PASS"_qs});
    CHECK(sideBySide(html, u"disk-encryption"_qs) == QStringList {u"PASS"_qs, u"FAIL"_qs, u"PASS"_qs, u"PASS"_qs});
    CHECK(sideBySide(html, u"screen-lock"_qs) == QStringList {u"PASS"_qs, u"PASS"_qs, u"FAIL"_qs, u"PASS"_qs});
    CHECK(sideBySide(html, u"hearth-server-tls"_qs) == QStringList {u"PASS"_qs, u"PASS"_qs, u"PASS"_qs, u"\u2014"_qs});
    CHECK(sideBySide(html, u"legacy-item"_qs) == QStringList {u"\u2014"_qs, u"\u2014"_qs, u"\u2014"_qs, u"PASS"_qs});
    CHECK_FALSE(html.contains(u"1 Nov 2025"_qs)); // the fourth earlier run is not shown
}

TEST_CASE("compliance report HTML: the summary comes first; what the checks printed waits in an appendix at the end")
{
    History h;
    const QString html = complianceReportHtml(h.report());

    // First the title, the workstation, the officer and when, then the verdict counts.
    const qsizetype summary = html.indexOf(u"Summary</h2>"_qs);
    REQUIRE(summary > 0);
    for (const QString& head : {complianceReportTitle(), u"front-desk-1"_qs, u"Sam Okafor"_qs, u"20 Nov 2026"_qs})
        CHECK(html.indexOf(head) < summary);
    const qsizetype counts = html.indexOf(u" PASS, "_qs);
    CHECK(counts > summary);

    // The results name each verdict with its sentence; the raw output of the commands comes last, after
    // the signature, under its own heading.
    const qsizetype results = html.indexOf(u"Results</h2>"_qs);
    const qsizetype signature = html.indexOf(u"notes and signature</h2>"_qs);
    const qsizetype appendix = html.indexOf(u"Appendix: evidence"_qs);
    CHECK(counts < results);
    CHECK(results < signature);
    REQUIRE(appendix > 0);
    CHECK(signature < appendix);
    CHECK(html.indexOf(u"Failed: firewall-active."_qs) < appendix);
    CHECK(html.indexOf(u"font-family: monospace"_qs) > appendix);
    CHECK(html.indexOf(u"table inet filter &lt;script&gt;"_qs) > appendix);
    for (const ItemOutcome& o : h.now.items) {
        if (!o.automatic || o.itemId == u"firewall-active") // the firewall's evidence is the hostile text
            continue;
        INFO(o.itemId.toStdString());
        CHECK(html.indexOf(u"$ check "_qs + o.itemId) > appendix);
    }
    // The no-client-data footer still closes the report.
    CHECK(html.indexOf(complianceReportNoClientData().toHtmlEscaped()) > appendix);
}

TEST_CASE("compliance report HTML: a first run says there is nothing to compare and no findings")
{
    Checklist checklist = builtInChecklist();
    const ComplianceRun first = completedRun(checklist, u"run-1"_qs, utc(2026, 11, 20));
    const ComplianceReport report = complianceReportFor(first, {first}, {}, utc(2026, 11, 20), QDate(2026, 11, 20));
    const QString html = complianceReportHtml(report);
    CHECK(html.contains(u"No earlier runs of this workstation."_qs));
    CHECK(html.contains(u"No findings."_qs));
    CHECK_FALSE(html.contains(u"OVERDUE"_qs));
    CHECK(complianceReportJson(report).value(u"earlierRuns").toArray().isEmpty());
}

TEST_CASE("compliance report: Not applicable is its own verdict in the totals, the items and the JSON")
{
    Checklist checklist = builtInChecklist();
    ComplianceRun run = completedRun(checklist, u"run-1"_qs, utc(2026, 11, 20));
    const int passedBefore = run.count(Verdict::Pass);
    int answered = 0;
    for (ItemOutcome& o : run.items) {
        if (!o.automatic && answered < 2) { // two attestations: no printer, no wireless
            o.answer = Answer::NotApplicable;
            ++answered;
        }
    }
    REQUIRE(answered == 2);
    CHECK(run.count(Verdict::NotApplicable) == 2);
    CHECK(run.count(Verdict::Pass) == passedBefore - 2); // "17 PASS" must not include them
    CHECK(run.failures().isEmpty());

    const ComplianceReport report = complianceReportFor(run, {run}, {}, utc(2026, 11, 20), QDate(2026, 11, 20));
    const QString html = complianceReportHtml(report);
    CHECK(html.contains(QStringLiteral("%1 PASS, 0 FAIL, 0 UNKNOWN, 2 N/A").arg(passedBefore - 2)));
    CHECK(html.count(u">N/A</span>"_qs) == 2);
    const QJsonObject summary = complianceReportJson(report).value(u"summary").toObject();
    CHECK(summary.value(u"pass").toInt() == passedBefore - 2);
    CHECK(summary.value(u"notApplicable").toInt() == 2);
}
