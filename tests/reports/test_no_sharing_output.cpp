// The No Sharing utilization report's pure parts: quarters, which stays count, and the CSV and HTML.
#include "core/intake/ServiceTypes.h"
#include "core/reports/NoSharingReportOutput.h"
#include "core/reports/NoSharingUtilization.h"
#include "tests/core/CoreTestSupport.h"

#include <catch2/catch_test_macros.hpp>

using namespace hearth;

namespace {

ServiceRecord service(const QDate& day, int recordType = 200, int typeProvided = 200)
{
    ServiceRecord s;
    s.dateProvided = day;
    s.recordType = recordType;
    s.typeProvided = typeProvided;
    return s;
}

NoSharingStayInput stay(const QString& client, const QString& project, QDate entry, std::optional<QDate> exit,
                        Disclosure::Reason reason = Disclosure::Reason::NoSharing)
{
    NoSharingStayInput s;
    s.client.uuid = client;
    s.client.caseNumber = QStringLiteral("CASE-") + client;
    s.client.firstName = QStringLiteral("Rosa");
    s.client.lastName = QStringLiteral("López");
    s.enrollment.clientUuid = client;
    s.enrollment.projectUuid = project;
    s.enrollment.entryDate = entry;
    s.enrollment.exitDate = exit;
    s.centralServer = reason;
    return s;
}

Project project(const QString& uuid, const QString& name)
{
    Project p;
    p.uuid = uuid;
    p.name = name;
    return p;
}

NoSharingUtilizationInput q3Input()
{
    NoSharingUtilizationInput in;
    in.range = {QDate(2026, 7, 1), QDate(2026, 9, 30)};
    in.agency = QStringLiteral("Harbor House");
    in.generatedAt = QDateTime(QDate(2026, 10, 2), QTime(9, 0), Qt::LocalTime);
    in.generatedBy = QStringLiteral("Ana Admin (ana.admin)");
    in.projects = {project(QStringLiteral("p1"), QStringLiteral("Harbor Night Shelter"))};
    return in;
}

} // namespace

TEST_CASE("quarterOf and previousQuarter give whole calendar quarters")
{
    CHECK(quarterOf(QDate(2026, 1, 1)) == DateRange {QDate(2026, 1, 1), QDate(2026, 3, 31)});
    CHECK(quarterOf(QDate(2026, 5, 17)) == DateRange {QDate(2026, 4, 1), QDate(2026, 6, 30)});
    CHECK(quarterOf(QDate(2026, 9, 30)) == DateRange {QDate(2026, 7, 1), QDate(2026, 9, 30)});
    CHECK(quarterOf(QDate(2026, 12, 31)) == DateRange {QDate(2026, 10, 1), QDate(2026, 12, 31)});

    // Early January: the last complete quarter is the previous year's October–December.
    CHECK(previousQuarter(QDate(2026, 1, 5)) == DateRange {QDate(2025, 10, 1), QDate(2025, 12, 31)});
    // On the first day of a quarter the one that just ended is complete.
    CHECK(previousQuarter(QDate(2026, 4, 1)) == DateRange {QDate(2026, 1, 1), QDate(2026, 3, 31)});
    CHECK(previousQuarter(QDate(2026, 3, 31)) == DateRange {QDate(2025, 10, 1), QDate(2025, 12, 31)});
    CHECK(previousQuarter(QDate(2026, 10, 2)) == DateRange {QDate(2026, 7, 1), QDate(2026, 9, 30)});
}

TEST_CASE("Only opted-out stays that overlap the range are in the report")
{
    NoSharingUtilizationInput in = q3Input();
    const QString p1 = QStringLiteral("p1");
    in.stays = {
        stay(QStringLiteral("a"), p1, QDate(2026, 6, 1), QDate(2026, 7, 1)), // exits on the first day: in
        stay(QStringLiteral("b"), p1, QDate(2026, 9, 30), std::nullopt), // enters on the last day: in
        stay(QStringLiteral("c"), p1, QDate(2026, 5, 1), QDate(2026, 6, 30)), // left the day before: out
        stay(QStringLiteral("d"), p1, QDate(2026, 10, 1), std::nullopt), // entered the day after: out
        stay(QStringLiteral("e"), p1, QDate(2026, 8, 1), std::nullopt, Disclosure::Reason::Revoked), // in
        stay(QStringLiteral("f"), p1, QDate(2026, 8, 1), std::nullopt, Disclosure::Reason::None), // shares: out
        stay(QStringLiteral("g"), p1, QDate(2026, 8, 1), std::nullopt, Disclosure::Reason::Expired), // out
        stay(QStringLiteral("h"), p1, QDate(2026, 8, 1), std::nullopt, Disclosure::Reason::NoConsentRecorded),
    };
    const NoSharingUtilizationReport report = computeNoSharingUtilization(in);
    REQUIRE(report.projects.size() == 1);
    QStringList cases;
    for (const NoSharingRow& row : report.projects.front().rows)
        cases << row.caseNumber;
    // Sorted by entry date.
    CHECK(cases == QStringList {QStringLiteral("CASE-a"), QStringLiteral("CASE-e"), QStringLiteral("CASE-b")});
    CHECK(report.projects.front().rows.at(1).note == QStringLiteral("Opted out of HMIS (consent revoked)"));
    CHECK(report.projects.front().rows.at(0).note == QStringLiteral("Opted out of HMIS (No Sharing)"));
    CHECK(report.clients == 3);
    CHECK(report.stays == 3);
}

TEST_CASE("Services are counted only inside the range; bed nights apart from the others")
{
    NoSharingUtilizationInput in = q3Input();
    in.projects.push_back(project(QStringLiteral("p2"), QStringLiteral("Day Center")));
    in.projects.push_back(project(QStringLiteral("p3"), QStringLiteral("Empty Project")));
    NoSharingStayInput a = stay(QStringLiteral("a"), QStringLiteral("p1"), QDate(2026, 6, 28), std::nullopt);
    a.services = {service(QDate(2026, 6, 29)),
                  service(QDate(2026, 6, 30)), // before the range
                  service(QDate(2026, 7, 1)),
                  service(QDate(2026, 9, 30)), // in
                  service(QDate(2026, 10, 1)), // after
                  service(QDate(2026, 7, 2), kLocalServiceRecordType, 1), // case management
                  service(QDate(2026, 7, 3), kLocalServiceRecordType, 1),
                  service(QDate(2026, 8, 3), kLocalServiceRecordType, 2), // referral
                  service(QDate(2026, 6, 3), kLocalServiceRecordType, 2)}; // before
    // The same client in a second project counts once in the grand total.
    NoSharingStayInput a2 = stay(QStringLiteral("a"), QStringLiteral("p2"), QDate(2026, 8, 1), QDate(2026, 8, 2));
    a2.services = {service(QDate(2026, 8, 1), kLocalServiceRecordType, 3)};
    NoSharingStayInput b = stay(QStringLiteral("b"), QStringLiteral("p2"), QDate(2026, 8, 5), std::nullopt);
    in.stays = {a, a2, b};

    const NoSharingUtilizationReport report = computeNoSharingUtilization(in);
    // p3 has no rows and is left out.
    REQUIRE(report.projects.size() == 2);
    const NoSharingProjectSection& shelter = report.projects.at(0);
    CHECK(shelter.projectName == QStringLiteral("Harbor Night Shelter"));
    REQUIRE(shelter.rows.size() == 1);
    CHECK(shelter.rows.front().bedNights == 2); // 1 Jul and 30 Sep
    CHECK(shelter.rows.front().otherServices == 3); // 2 + 3 Jul case management, 3 Aug referral
    CHECK(shelter.rows.front().servicesByTypeText() == QStringLiteral("Case management: 2; Referral: 1"));
    CHECK(shelter.clients == 1);

    const NoSharingProjectSection& day = report.projects.at(1);
    CHECK(day.projectName == QStringLiteral("Day Center"));
    CHECK(day.clients == 2);
    CHECK(day.bedNights == 0);
    CHECK(day.otherServices == 1);

    CHECK(report.clients == 2); // a (in both projects) and b
    CHECK(report.stays == 3);
    CHECK(report.bedNights == 2);
    CHECK(report.otherServices == 4);
}

TEST_CASE("Names appear only when asked for; otherwise initials")
{
    NoSharingUtilizationInput in = q3Input();
    NoSharingStayInput a = stay(QStringLiteral("a"), QStringLiteral("p1"), QDate(2026, 7, 4), std::nullopt);
    a.client.middleName = QStringLiteral("María");
    in.stays = {a};

    NoSharingUtilizationReport report = computeNoSharingUtilization(in);
    const NoSharingRow& row = report.projects.front().rows.front();
    CHECK(row.initials == QStringLiteral("R. L."));
    CHECK(row.fullName.isEmpty());
    CHECK(row.clientName() == QStringLiteral("R. L."));
    const QString csv = QString::fromUtf8(toCsv(report));
    const QString html = toHtml(report);
    for (const QString& text : {csv, html}) {
        CHECK_FALSE(text.contains(QStringLiteral("Rosa")));
        CHECK_FALSE(text.contains(QStringLiteral("López")));
        CHECK(text.contains(QStringLiteral("R. L.")));
    }

    in.includeNames = true;
    report = computeNoSharingUtilization(in);
    CHECK(report.projects.front().rows.front().clientName() == QStringLiteral("Rosa María López"));
    CHECK(QString::fromUtf8(toCsv(report)).contains(QStringLiteral(",Rosa María López,")));
    CHECK(toHtml(report).contains(QStringLiteral("Rosa María López")));
}

TEST_CASE("The CSV quotes per RFC 4180, disarms formulas and carries the header block and totals")
{
    NoSharingUtilizationInput in = q3Input();
    in.includeNames = true;
    in.agency = QStringLiteral("Harbor House, Inc.");
    in.projects = {project(QStringLiteral("p1"), QStringLiteral("The \"Harbor\" Shelter, North"))};
    NoSharingStayInput a = stay(QStringLiteral("a"), QStringLiteral("p1"), QDate(2026, 7, 4), std::nullopt);
    a.client.firstName = QStringLiteral("=HYPERLINK(\"x\")");
    a.client.lastName.clear();
    a.services = {service(QDate(2026, 7, 4)), service(QDate(2026, 7, 5))};
    in.stays = {a};

    const QByteArray bytes = toCsv(computeNoSharingUtilization(in));
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
    CHECK(lines.at(0) == QStringLiteral("No Sharing utilization report"));
    CHECK(lines.at(1) == QStringLiteral("Agency,\"Harbor House, Inc.\""));
    CHECK(lines.at(2) == QStringLiteral("Period,2026-07-01,2026-09-30"));
    CHECK(lines.at(3) == QStringLiteral("Generated,2026-10-02 09:00,Ana Admin (ana.admin)"));
    CHECK(lines.at(4)
          == QStringLiteral("Note,These clients opted out of HMIS; their records are kept only at this agency."));
    CHECK(lines.at(5).isEmpty());
    CHECK(lines.at(6)
          == QStringLiteral("Project,Case number,Name,Entry date,Exit date,Bed nights in period,"
                            "Other services in period,Services by type,Note"));
    CHECK(lines.at(7)
          == QStringLiteral("\"The \"\"Harbor\"\" Shelter, North\",CASE-a,\"'=HYPERLINK(\"\"x\"\")\",2026-07-04,"
                            "still enrolled,2,0,,Opted out of HMIS (No Sharing)"));
    CHECK(lines.at(8).isEmpty());
    CHECK(lines.at(9) == QStringLiteral("Totals"));
    CHECK(lines.at(10) == QStringLiteral("Project,Clients,Stays,Bed nights in period,Other services in period"));
    CHECK(lines.at(11) == QStringLiteral("\"The \"\"Harbor\"\" Shelter, North\",1,1,2,0"));
    CHECK(lines.at(12) == QStringLiteral("All projects,1,1,2,0"));
    CHECK(lines.at(13).isEmpty()); // the file ends with a line end
    CHECK(lines.size() == 14);
}

TEST_CASE("The HTML escapes record text and carries the notes a funder and a reader need")
{
    NoSharingUtilizationInput in = q3Input();
    in.projects = {project(QStringLiteral("p1"), QStringLiteral("<b>Shelter</b> & Co"))};
    in.stays = {stay(QStringLiteral("a"), QStringLiteral("p1"), QDate(2026, 7, 4), QDate(2026, 8, 1))};
    const QString html = toHtml(computeNoSharingUtilization(in));
    CHECK(html.contains(QStringLiteral("&lt;b&gt;Shelter&lt;/b&gt; &amp; Co")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>Shelter</b>")));
    CHECK(html.contains(QStringLiteral("Harbor House")));
    CHECK(html.contains(QStringLiteral("1 Jul 2026 \u2013 30 Sep 2026")));
    CHECK(html.contains(no_sharing_report::optOutStatement()));
    CHECK(html.contains(no_sharing_report::confidentialityNotice()));
    CHECK(html.contains(QStringLiteral("4 Jul 2026")));
    CHECK(html.contains(QStringLiteral("1 Aug 2026")));
    CHECK(html.contains(QStringLiteral("Total: 1 client, 1 stay")));
}

TEST_CASE("An empty report says so instead of showing empty tables")
{
    const NoSharingUtilizationReport report = computeNoSharingUtilization(q3Input());
    CHECK(report.isEmpty());
    const QString sentence = QStringLiteral("No clients who opted out of HMIS were served in this period.");
    CHECK(toHtml(report).contains(sentence));
    const QString csv = QString::fromUtf8(toCsv(report));
    CHECK(csv.contains(sentence));
    CHECK(csv.contains(QStringLiteral("All projects,0,0,0,0")));
}
