// The No Sharing report page with real widgets: default range, run, preview, CSV, PDF and print, audited.
#include "core/reports/NoSharingReportOutput.h"
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"
#include "core/services/ServiceRecords.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/reports/NoSharingReportPage.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QTextBrowser>

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::NoSharingReportPage;

namespace {

#define REQUIRE_DONE(expr)                                                                                             \
    do {                                                                                                               \
        const auto& done_ = (expr);                                                                                    \
        INFO((done_.ok() ? QString() : done_.message()).toStdString());                                                \
        REQUIRE(done_.ok());                                                                                           \
    } while (false)

/// A shelter with one No Sharing client and one Full Sharing client, both staying in December 2025
/// (the fixture's clock is 5 January 2026, so the last complete quarter is October–December 2025).
struct ReportFixture : GuiFixture
{
    ClientProfile hidden;
    ClientProfile shared;

    ReportFixture()
    {
        createStore();
        Project p;
        p.name = QStringLiteral("Lakeside <Night> Shelter");
        p.projectType = 1;
        p.cocCode = QStringLiteral("CA-504");
        p.fundingSources = {8};
        p.tracksBedNights = true;
        p.operatingStart = QDate(2025, 1, 1);
        auto project = ProjectRecords(vault).create(p);
        REQUIRE_DONE(project);
        hidden = stay(u"Rosa"_qs, u"Lopez"_qs, SharingChoice::NoSharing, project->uuid);
        shared = stay(u"Dana"_qs, u"Smith"_qs, SharingChoice::FullSharing, project->uuid);
    }

    ClientProfile stay(const QString& first, const QString& last, SharingChoice choice, const QString& project)
    {
        auto client = ClientRecords(vault).create(first, last);
        REQUIRE_DONE(client);
        ReleaseOfInformation r;
        r.clientUuid = client->uuid;
        r.choice = choice;
        r.signedOn = QDate(2025, 12, 1);
        r.language = QStringLiteral("en");
        REQUIRE_DONE(ConsentRecords(vault).record(r));
        Enrollment e;
        e.clientUuid = client->uuid;
        e.relationshipToHoH = 1;
        e.entryDate = QDate(2025, 12, 1);
        auto enrolled = EnrollmentRecords(vault).enrollHousehold(project, {e});
        REQUIRE_DONE(enrolled);
        for (int day = 1; day <= 3; ++day)
            REQUIRE_DONE(ServiceRecords(vault).checkIn({enrolled->front().uuid}, QDate(2025, 12, day)));
        return *client;
    }

    QStringList auditDetails(const char* action)
    {
        AuditFilter f;
        f.action = QString::fromLatin1(action);
        auto entries = AuditReader(vault).query(f);
        REQUIRE_DONE(entries);
        QStringList details;
        for (const AuditEntry& e : *entries)
            details << e.detail;
        return details;
    }
};

QByteArray reportContents(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("gui: the No Sharing report page runs the last quarter, previews it, saves and prints it audited")
{
    ReportFixture f;
    NoSharingReportPage page(f.vault);
    page.resize(900, 700);
    page.show();

    auto* from = child<QDateEdit>(page, "reportFrom");
    auto* to = child<QDateEdit>(page, "reportTo");
    auto* names = child<QCheckBox>(page, "reportIncludeNames");
    auto* preview = child<QTextBrowser>(page, "reportPreview");
    auto* saveCsv = child<QPushButton>(page, "reportSaveCsv");
    auto* savePdf = child<QPushButton>(page, "reportSavePdf");
    auto* print = child<QPushButton>(page, "reportPrint");

    // The last complete quarter by default; "This quarter" and "Last quarter" move between them.
    CHECK(from->date() == QDate(2025, 10, 1));
    CHECK(to->date() == QDate(2025, 12, 31));
    child<QPushButton>(page, "reportThisQuarter")->click();
    CHECK(from->date() == QDate(2026, 1, 1));
    CHECK(to->date() == QDate(2026, 3, 31));
    child<QPushButton>(page, "reportLastQuarter")->click();
    CHECK(from->date() == QDate(2025, 10, 1));
    CHECK_FALSE(names->isChecked());

    // Nothing to save before a run.
    CHECK_FALSE(saveCsv->isEnabled());
    CHECK_FALSE(savePdf->isEnabled());
    CHECK_FALSE(print->isEnabled());
    CHECK(page.saveCsvTo(f.dir.path() + u"/early.csv"_qs).code() == ErrorCode::InvalidInput);
    CHECK_FALSE(QFile::exists(f.dir.path() + u"/early.csv"_qs));

    child<QPushButton>(page, "reportRun")->click();
    REQUIRE(page.report().has_value());
    const QString shown = preview->toPlainText();
    CHECK(shown.contains(u"Lakeside <Night> Shelter"_qs));
    CHECK(shown.contains(f.hidden.caseNumber));
    CHECK(shown.contains(u"R. L."_qs));
    CHECK(shown.contains(u"Opted out of HMIS (No Sharing)"_qs));
    CHECK(shown.contains(no_sharing_report::optOutStatement()));
    CHECK_FALSE(shown.contains(f.shared.caseNumber));
    CHECK_FALSE(shown.contains(u"Rosa"_qs));
    CHECK(saveCsv->isEnabled());
    CHECK(savePdf->isEnabled());
    CHECK(print->isEnabled());
    CHECK(f.auditDetails(audit::RecordView)
              .contains(u"no-sharing-utilization report 2025-10-01..2025-12-31, 1 client"_qs));

    const QString csvPath = f.dir.path() + u"/report.csv"_qs;
    REQUIRE_DONE(page.saveCsvTo(csvPath));
    const QByteArray csv = reportContents(csvPath);
    CHECK(csv.startsWith("\xEF\xBB\xBF"));
    CHECK(csv.contains(QByteArray(f.hidden.caseNumber.toUtf8() + ",R. L.,2025-12-01,still enrolled,3,0,")));
    CHECK_FALSE(csv.contains("Rosa"));

    const QString pdfPath = f.dir.path() + u"/report.pdf"_qs;
    REQUIRE_DONE(page.savePdfTo(pdfPath));
    CHECK(reportContents(pdfPath).startsWith("%PDF"));

    const QString printedPath = f.dir.path() + u"/printed.pdf"_qs;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printedPath);
    REQUIRE_DONE(page.printTo(printer));
    CHECK(reportContents(printedPath).startsWith("%PDF"));

    const QStringList exports = f.auditDetails(audit::Export);
    CHECK(exports.contains(u"no-sharing-utilization csv 2025-10-01..2025-12-31, 1 client"_qs));
    CHECK(exports.contains(u"no-sharing-utilization pdf 2025-10-01..2025-12-31, 1 client"_qs));
    // A printout that goes to a file is a file: audited as an export, not as a printout.
    CHECK(exports.contains(u"no-sharing-utilization print-to-file 2025-10-01..2025-12-31, 1 client"_qs));
    CHECK(f.auditDetails(audit::Print).isEmpty());

    // Asking for names forgets the report shown: what is saved always matches the choices on screen.
    names->click();
    CHECK_FALSE(page.report().has_value());
    CHECK_FALSE(saveCsv->isEnabled());
    CHECK(preview->toPlainText().isEmpty());
    child<QPushButton>(page, "reportRun")->click();
    CHECK(preview->toPlainText().contains(u"Rosa Lopez"_qs));
}

TEST_CASE("gui: a range that ends before it starts is refused on the page")
{
    ReportFixture f;
    NoSharingReportPage page(f.vault);
    child<QDateEdit>(page, "reportFrom")->setDate(QDate(2025, 12, 31));
    child<QDateEdit>(page, "reportTo")->setDate(QDate(2025, 10, 1));
    child<QPushButton>(page, "reportRun")->click();
    CHECK_FALSE(page.report().has_value());
    CHECK(child<QLabel>(page, "reportError")->text().contains(u"after its last day"_qs));
    CHECK_FALSE(child<QPushButton>(page, "reportPrint")->isEnabled());
}
