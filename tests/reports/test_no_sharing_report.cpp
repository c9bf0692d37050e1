// The No Sharing utilization report from a real store: a quarter of stays, bed nights and services
// recorded through the real services, figures checked against hand-computed values, and the audit trail.
#include "core/intake/ServiceTypes.h"
#include "core/reports/NoSharingReportOutput.h"
#include "core/services/AuditReader.h"
#include "core/services/ConsentReports.h"
#include "core/services/ServiceRecords.h"
#include "tests/consent/ConsentTestSupport.h"

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

const QDate kQ3Start(2026, 7, 1);
const QDate kQ3End(2026, 9, 30);

ServiceRecord localService(const QString& enrollmentUuid, QDate day, int code)
{
    ServiceRecord s;
    s.enrollmentUuid = enrollmentUuid;
    s.dateProvided = day;
    s.recordType = kLocalServiceRecordType;
    s.typeProvided = code;
    return s;
}
constexpr int kCaseManagement = 1;
constexpr int kReferral = 2;

/// Two projects and one quarter (July–September 2026) of clients recorded day by day:
///
/// Harbor Night Shelter (bed nights)
///   Rosa Lopez   No Sharing   25 Jun – 10 Jul   nights 25 Jun–9 Jul, case management 28 Jun and 5 Jul
///   Lee Park     Full, revoked 15 Aug   1 Aug – 20 Aug   nights 1–3 Aug and 15–16 Aug
///   Marcus Chen  No Sharing   25 Sep – still there   nights 25 Sep–1 Oct, referral 1 Oct
///   Dana Smith   Full Sharing 15 Jul – still there   nights 15–17 Jul              (never in the report)
///   Kim Nguyen   No Sharing   1 Jun – 15 Jun   nights 1–14 Jun                     (before the quarter)
/// Harbor Day Center (no bed nights)
///   Sam Jones    No Sharing   20 Jul – 10 Sep   case management 20 Jul and 3 Aug, referral 10 Aug
///   Rosa Lopez   No Sharing   5 Aug – still there   case management 5 Aug
struct QuarterStore : ConsentStore
{
    Project dayCenter;
    ClientProfile rosa, lee, marcus, dana, kim, sam;
    QString rosaShelter, rosaDay, leeStay, marcusStay, danaStay, kimStay, samStay;

    QuarterStore()
    {
        Project p;
        p.name = QStringLiteral("Harbor Day Center");
        p.projectType = 6; // services only
        p.cocCode = QStringLiteral("CA-504");
        p.fundingSources = {8};
        p.operatingStart = QDate(2025, 1, 1);
        auto made = ProjectRecords(*vault).create(p);
        REQUIRE_OK(made);
        dayCenter = *made;

        at(QDate(2026, 6, 1));
        rosa = person(u"Rosa"_qs, u"Lopez"_qs, SharingChoice::NoSharing);
        lee = person(u"Lee"_qs, u"Park"_qs, SharingChoice::FullSharing);
        marcus = person(u"Marcus"_qs, u"Chen"_qs, SharingChoice::NoSharing);
        dana = person(u"Dana"_qs, u"Smith"_qs, SharingChoice::FullSharing);
        kim = person(u"Kim"_qs, u"Nguyen"_qs, SharingChoice::NoSharing);
        sam = person(u"Sam"_qs, u"Jones"_qs, SharingChoice::NoSharing);

        // Records are entered the day after: nothing may be dated in the future.
        at(QDate(2026, 6, 16));
        kimStay = enroll(kim.uuid, shelter.uuid, QDate(2026, 6, 1));
        nights(kimStay, QDate(2026, 6, 1), QDate(2026, 6, 14));
        leave(kimStay, QDate(2026, 6, 15));

        at(QDate(2026, 8, 14));
        rosaShelter = enroll(rosa.uuid, shelter.uuid, QDate(2026, 6, 25));
        nights(rosaShelter, QDate(2026, 6, 25), QDate(2026, 7, 9));
        add(localService(rosaShelter, QDate(2026, 6, 28), kCaseManagement));
        add(localService(rosaShelter, QDate(2026, 7, 5), kCaseManagement));
        leave(rosaShelter, QDate(2026, 7, 10));
        danaStay = enroll(dana.uuid, shelter.uuid, QDate(2026, 7, 15));
        nights(danaStay, QDate(2026, 7, 15), QDate(2026, 7, 17));
        samStay = enroll(sam.uuid, dayCenter.uuid, QDate(2026, 7, 20));
        add(localService(samStay, QDate(2026, 7, 20), kCaseManagement));
        add(localService(samStay, QDate(2026, 8, 3), kCaseManagement));
        add(localService(samStay, QDate(2026, 8, 10), kReferral));
        leeStay = enroll(lee.uuid, shelter.uuid, QDate(2026, 8, 1));
        nights(leeStay, QDate(2026, 8, 1), QDate(2026, 8, 3));
        rosaDay = enroll(rosa.uuid, dayCenter.uuid, QDate(2026, 8, 5));
        add(localService(rosaDay, QDate(2026, 8, 5), kCaseManagement));

        // Lee revokes mid-quarter and stays on a few more nights.
        at(QDate(2026, 8, 15));
        REQUIRE_OK(ConsentRecords(*vault).revoke(lee.uuid, u"Asked in person"_qs));

        at(QDate(2026, 10, 2)); // the report is run early in the next quarter
        nights(leeStay, QDate(2026, 8, 15), QDate(2026, 8, 16));
        leave(leeStay, QDate(2026, 8, 20));
        leave(samStay, QDate(2026, 9, 10));
        marcusStay = enroll(marcus.uuid, shelter.uuid, QDate(2026, 9, 25));
        nights(marcusStay, QDate(2026, 9, 25), QDate(2026, 10, 1));
        add(localService(marcusStay, QDate(2026, 10, 1), kReferral));
    }

    void at(QDate day) { clock.set(QDateTime(day, QTime(10, 0), Qt::UTC)); }

    ClientProfile person(const QString& first, const QString& last, SharingChoice choice)
    {
        auto made = ClientRecords(*vault).create(first, last);
        REQUIRE_OK(made);
        record(made->uuid, choice);
        return *made;
    }

    void nights(const QString& enrollmentUuid, QDate first, QDate last)
    {
        for (QDate night = first; night <= last; night = night.addDays(1))
            REQUIRE_OK(ServiceRecords(*vault).checkIn({enrollmentUuid}, night));
    }

    void add(const ServiceRecord& service) { REQUIRE_OK(ServiceRecords(*vault).add(service)); }

    void leave(const QString& enrollmentUuid, QDate day)
    {
        ExitRequest x;
        x.enrollmentUuid = enrollmentUuid;
        x.exitDate = day;
        x.destination = 116;
        REQUIRE_OK(EnrollmentRecords(*vault).exit({x}));
    }

    NoSharingUtilizationReport run(bool includeNames = false)
    {
        auto report = ConsentReports(*vault).noSharingUtilization(kQ3Start, kQ3End, includeNames);
        REQUIRE_OK(report);
        return std::move(report).value();
    }

    std::vector<AuditEntry> audits(const char* action)
    {
        AuditFilter f;
        f.action = QString::fromLatin1(action);
        auto entries = AuditReader(*vault).query(f);
        REQUIRE_OK(entries);
        return std::move(entries).value();
    }
};

const NoSharingRow& rowOf(const NoSharingProjectSection& section, const QString& caseNumber)
{
    for (const NoSharingRow& row : section.rows) {
        if (row.caseNumber == caseNumber)
            return row;
    }
    FAIL("no row for " << caseNumber.toStdString());
    return section.rows.front();
}

} // namespace

TEST_CASE("The quarter's No Sharing report matches the hand-computed figures", "[reports][no-sharing]")
{
    QuarterStore s;
    CHECK(previousQuarter(s.clock.today()) == DateRange {kQ3Start, kQ3End});
    const NoSharingUtilizationReport report = s.run();

    CHECK(report.agency == QStringLiteral("Harbor House"));
    CHECK(report.generatedBy == QStringLiteral("Ana Admin (ana.admin)"));
    // Projects by name; Dana (Full Sharing) and Kim (left in June) are in no row.
    REQUIRE(report.projects.size() == 2);
    const NoSharingProjectSection& day = report.projects.at(0);
    const NoSharingProjectSection& shelter = report.projects.at(1);
    REQUIRE(day.projectName == QStringLiteral("Harbor Day Center"));
    REQUIRE(shelter.projectName == QStringLiteral("Harbor Night Shelter"));

    // Shelter rows by entry date: Rosa (25 Jun), Lee (1 Aug), Marcus (25 Sep).
    REQUIRE(shelter.rows.size() == 3);
    CHECK(shelter.rows.at(0).caseNumber == s.rosa.caseNumber);
    CHECK(shelter.rows.at(1).caseNumber == s.lee.caseNumber);
    CHECK(shelter.rows.at(2).caseNumber == s.marcus.caseNumber);

    // Rosa: nights 1–9 Jul = 9 (25–30 Jun are before the quarter; none on the exit day 10 Jul);
    // case management 5 Jul = 1 (28 Jun is before the quarter).
    const NoSharingRow& rosa = rowOf(shelter, s.rosa.caseNumber);
    CHECK(rosa.initials == QStringLiteral("R. L."));
    CHECK(rosa.fullName.isEmpty());
    CHECK(rosa.entryDate == QDate(2026, 6, 25));
    CHECK(rosa.exitDate == QDate(2026, 7, 10));
    CHECK(rosa.bedNights == 9);
    CHECK(rosa.otherServices == 1);
    CHECK(rosa.servicesByTypeText() == QStringLiteral("Case management: 1"));
    CHECK(rosa.note == QStringLiteral("Opted out of HMIS (No Sharing)"));

    // Lee: nights 1–3 Aug + 15–16 Aug = 3 + 2 = 5; revoked, so every stay of Lee's stays here.
    const NoSharingRow& lee = rowOf(shelter, s.lee.caseNumber);
    CHECK(lee.exitDate == QDate(2026, 8, 20));
    CHECK(lee.bedNights == 5);
    CHECK(lee.otherServices == 0);
    CHECK(lee.note == QStringLiteral("Opted out of HMIS (consent revoked)"));

    // Marcus: nights 25–30 Sep = 6 (1 Oct is after the quarter, as is the referral).
    const NoSharingRow& marcus = rowOf(shelter, s.marcus.caseNumber);
    CHECK_FALSE(marcus.exitDate.has_value());
    CHECK(marcus.bedNights == 6);
    CHECK(marcus.otherServices == 0);

    // Shelter: 3 clients, 9 + 5 + 6 = 20 nights, 1 + 0 + 0 = 1 other service.
    CHECK(shelter.clients == 3);
    CHECK(shelter.bedNights == 20);
    CHECK(shelter.otherServices == 1);

    // Day center: Sam 20 Jul – 10 Sep with case management ×2 and a referral = 3; Rosa's case management 5 Aug = 1.
    REQUIRE(day.rows.size() == 2);
    const NoSharingRow& sam = rowOf(day, s.sam.caseNumber);
    CHECK(day.rows.at(0).caseNumber == s.sam.caseNumber);
    CHECK(sam.otherServices == 3);
    CHECK(sam.servicesByTypeText() == QStringLiteral("Case management: 2; Referral: 1"));
    CHECK(rowOf(day, s.rosa.caseNumber).otherServices == 1);
    CHECK(day.clients == 2);
    CHECK(day.bedNights == 0);
    CHECK(day.otherServices == 4); // 3 + 1

    // All projects: Rosa, Lee, Marcus, Sam = 4 clients (Rosa in both counts once), 3 + 2 = 5 stays,
    // 20 + 0 = 20 nights, 1 + 4 = 5 other services.
    CHECK(report.clients == 4);
    CHECK(report.stays == 5);
    CHECK(report.bedNights == 20);
    CHECK(report.otherServices == 5);
}

TEST_CASE("Running, exporting and printing the report are audited without client data", "[reports][no-sharing]")
{
    QuarterStore s;
    const NoSharingUtilizationReport report = s.run();
    const QString range = QStringLiteral("2026-07-01..2026-09-30, 4 clients");

    auto views = s.audits(audit::RecordView);
    REQUIRE_FALSE(views.empty());
    CHECK(views.front().detail == QStringLiteral("no-sharing-utilization report ") + range);

    auto csv = ConsentReports(*s.vault).exportCsv(report);
    REQUIRE_OK(csv);
    REQUIRE_OK(ConsentReports(*s.vault).recordOutput(report, QStringLiteral("pdf")));
    REQUIRE_OK(ConsentReports(*s.vault).recordOutput(report, QStringLiteral("print")));
    REQUIRE_OK(ConsentReports(*s.vault).recordOutput(report, QStringLiteral("print-to-file")));
    CHECK(ConsentReports(*s.vault).recordOutput(report, QStringLiteral("email")).code() == ErrorCode::InvalidInput);

    QStringList exports;
    for (const AuditEntry& e : s.audits(audit::Export)) {
        if (e.detail.startsWith(u"no-sharing-utilization"_qs))
            exports << e.detail;
    }
    exports.sort();
    CHECK(exports
          == QStringList {QStringLiteral("no-sharing-utilization csv ") + range,
                          QStringLiteral("no-sharing-utilization pdf ") + range,
                          QStringLiteral("no-sharing-utilization print-to-file ") + range}); // a file: an export
    const auto prints = s.audits(audit::Print);
    REQUIRE(prints.size() == 1);
    CHECK(prints.front().detail == QStringLiteral("no-sharing-utilization print ") + range);
    CHECK(prints.front().userLogin == kAdminLogin);

    // Names asked for are named in the audit trail, so a reviewer can tell such copies apart.
    (void)s.run(true);
    CHECK(s.audits(audit::RecordView).front().detail.endsWith(u", full names"_qs));
}

TEST_CASE("The CSV lists every opted-out stay with its project, the opt-out note and the totals",
          "[reports][no-sharing]")
{
    QuarterStore s;
    auto csv = ConsentReports(*s.vault).exportCsv(s.run());
    REQUIRE_OK(csv);
    const QString text = QString::fromUtf8(csv->mid(3));
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    CHECK(lines.contains(
        QStringLiteral("Note,These clients opted out of HMIS; their records are kept only at this agency.")));
    CHECK(lines.contains(QStringLiteral("Harbor Night Shelter,") + s.rosa.caseNumber
                         + QStringLiteral(",R. L.,2026-06-25,2026-07-10,9,1,Case management: 1,"
                                          "Opted out of HMIS (No Sharing)")));
    CHECK(lines.contains(QStringLiteral("Harbor Night Shelter,") + s.lee.caseNumber
                         + QStringLiteral(",L. P.,2026-08-01,2026-08-20,5,0,,Opted out of HMIS (consent revoked)")));
    CHECK(lines.contains(QStringLiteral("Harbor Night Shelter,") + s.marcus.caseNumber
                         + QStringLiteral(",M. C.,2026-09-25,still enrolled,6,0,,Opted out of HMIS (No Sharing)")));
    CHECK(lines.contains(QStringLiteral("Harbor Day Center,") + s.sam.caseNumber
                         + QStringLiteral(",S. J.,2026-07-20,2026-09-10,0,3,Case management: 2; Referral: 1,"
                                          "Opted out of HMIS (No Sharing)")));
    CHECK(lines.contains(QStringLiteral("Harbor Day Center,2,2,0,4")));
    CHECK(lines.contains(QStringLiteral("Harbor Night Shelter,3,3,20,1")));
    CHECK(lines.contains(QStringLiteral("All projects,4,5,20,5")));
    // Full Sharing Dana and June's Kim are not in it; no names without asking.
    for (const ClientProfile& c : {s.dana, s.kim})
        CHECK_FALSE(text.contains(c.caseNumber));
    for (const QString& name : {u"Rosa"_qs, u"Lopez"_qs, u"Park"_qs, u"Marcus"_qs, u"Jones"_qs, u"Smith"_qs})
        CHECK_FALSE(text.contains(name));

    auto named = ConsentReports(*s.vault).exportCsv(s.run(true));
    REQUIRE_OK(named);
    const QString namedText = QString::fromUtf8(*named);
    CHECK(namedText.contains(u",Name,"_qs));
    CHECK(namedText.contains(u",Rosa Lopez,"_qs));
    CHECK(namedText.contains(u",Lee Park,"_qs));
    CHECK_FALSE(namedText.contains(u"Dana"_qs));
}

TEST_CASE("The report needs full reporting access, exports need export access", "[reports][no-sharing]")
{
    QuarterStore s;
    const NoSharingUtilizationReport report = s.run();
    CHECK(ConsentReports(*s.vault).noSharingUtilization(kQ3End, kQ3Start, false).code() == ErrorCode::InvalidInput);
    s.addUser(u"sol.staff"_qs, Role::AgencyStaff, kThirdPassword);
    s.switchTo(u"sol.staff"_qs, kThirdPassword);
    ConsentReports reports(*s.vault);
    CHECK(reports.noSharingUtilization(kQ3Start, kQ3End, false).code() == ErrorCode::PermissionDenied);
    CHECK(reports.exportCsv(report).code() == ErrorCode::PermissionDenied);
    CHECK(reports.recordOutput(report, u"pdf"_qs).code() == ErrorCode::PermissionDenied);
    CHECK(reports.recordOutput(report, u"print"_qs).code() == ErrorCode::PermissionDenied);
    CHECK(reports.recordOutput(report, u"print-to-file"_qs).code() == ErrorCode::PermissionDenied);
}

TEST_CASE("A client who later shares again, past records included, leaves the report", "[reports][no-sharing]")
{
    QuarterStore s;
    s.record(s.sam.uuid, SharingChoice::FullSharing, true);
    const NoSharingUtilizationReport report = s.run();
    REQUIRE(report.projects.size() == 2);
    CHECK(report.projects.at(0).rows.size() == 1); // Rosa only in the day center
    CHECK(report.clients == 3);
}
