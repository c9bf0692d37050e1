// Saving and printing the compliance report through the real export widget: real PDF and JSON files,
// atomic writes, audit entries without evidence, and no client data even with clients in the store.
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/ComplianceRecords.h"
#include "core/services/UserAdministration.h"
#include "core/vault/AgencySettings.h"
#include "tests/gui/GuiTestSupport.h"
#include "tests/reports/ComplianceReportFixture.h"
#include "tests/support/QtStringMakers.h"
#include "ui/compliance/ComplianceReportExport.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPainter>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextDocument>
#include <QUrl>

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::compliance;
using namespace hearth::compliance::test;
using hearth::ui::ComplianceReportExport;

namespace {

const QString kExportAction = QStringLiteral("compliance.report-export");

/// A signature as SignaturePad makes it: a stroke on white.
QByteArray drawnSignature()
{
    QImage image(160, 48, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setPen(QPen(Qt::black, 3));
        painter.drawLine(10, 40, 150, 8);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, "PNG"));
    return png;
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

/// A store holding a client with a name found nowhere else, and a signed run of this workstation by the
/// signed-in administrator (who may audit workstations) with one failing check and an earlier run.
struct ExportFixture : GuiFixture
{
    ClientProfile client;
    ComplianceReport report;

    ExportFixture()
    {
        createStore();
        auto created = ClientRecords(vault).create(u"Zephyrine"_qs, u"Quillfeather-Okonkwo"_qs);
        REQUIRE(created.ok());
        client = *created;

        const Checklist checklist = builtInChecklist();
        const QDateTime now = clock.now();
        ComplianceRun run = completedRun(checklist, u"run-now"_qs, now, {u"firewall-active"_qs});
        ComplianceRun earlier = completedRun(checklist, u"run-before"_qs, now.addDays(-90), {u"screen-lock"_qs});
        for (ComplianceRun* r : {&run, &earlier}) {
            r->agencyName = vault.settings().agency()->name;
            r->officerLogin = kAdminLogin;
            r->officerName = kAdminName;
            r->signaturePng = drawnSignature();
        }
        std::vector<Finding> findings = findingsFor(run);
        report = complianceReportFor(run, {run, earlier}, findings, now, clock.today());
    }

    std::vector<AuditEntry> exports()
    {
        AuditFilter f;
        f.action = kExportAction;
        auto entries = AuditReader(vault).query(f);
        REQUIRE(entries.ok());
        return std::move(entries).value();
    }
};

/// The earlier runs' results for @p itemId in the JSON, newest first.
QStringList sideBySideJson(const QJsonObject& json, const QString& itemId)
{
    QStringList out;
    for (const QJsonValue& v : json.value(u"earlierRuns").toArray())
        out << v.toObject().value(u"results").toObject().value(itemId).toString();
    return out;
}

} // namespace

TEST_CASE("gui: the compliance report saves as PDF and JSON and prints, each copy audited without evidence")
{
    ExportFixture f;
    ComplianceReportExport exporter(f.vault);
    exporter.show();
    auto* savePdf = child<QPushButton>(exporter, "complianceReportSavePdf");
    auto* saveJson = child<QPushButton>(exporter, "complianceReportSaveJson");
    auto* print = child<QPushButton>(exporter, "complianceReportPrint");
    QSignalSpy exported(&exporter, &ComplianceReportExport::exported);

    // Nothing to save before a report is chosen.
    CHECK_FALSE(savePdf->isEnabled());
    CHECK_FALSE(saveJson->isEnabled());
    CHECK_FALSE(print->isEnabled());
    const QString early = f.dir.path() + u"/early.pdf"_qs;
    CHECK(exporter.savePdfTo(early).code() == ErrorCode::InvalidInput);
    CHECK_FALSE(QFile::exists(early));

    exporter.setReport(f.report);
    CHECK(savePdf->isEnabled());
    CHECK(saveJson->isEnabled());
    CHECK(print->isEnabled());

    const QString pdfPath = f.dir.path() + u"/report.pdf"_qs;
    REQUIRE(exporter.savePdfTo(pdfPath).ok());
    const QByteArray pdf = contents(pdfPath);
    CHECK(pdf.startsWith("%PDF"));
    CHECK(pdf.contains("/Width 160")); // the officer's signature is drawn (QPdfWriter keeps its size)
    CHECK(pdf.contains("/Height 48"));

    const QString jsonPath = f.dir.path() + u"/report.json"_qs;
    REQUIRE(exporter.saveJsonTo(jsonPath).ok());
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(contents(jsonPath), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonObject json = parsed.object();
    CHECK(json.value(u"format").toString() == u"hearth-compliance-report");
    CHECK(json.value(u"agency").toString() == kAgencyName);
    CHECK(json.value(u"officer").toObject().value(u"login").toString() == kAdminLogin);
    CHECK(json.value(u"items").toArray().size() == f.report.run.items.size());
    CHECK(json.value(u"earlierRuns").toArray().size() == 1);
    CHECK(QByteArray::fromBase64(json.value(u"signaturePng").toString().toLatin1()) == f.report.run.signaturePng);
    CHECK(json == complianceReportJson(f.report));

    const QString printedPath = f.dir.path() + u"/printed.pdf"_qs;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printedPath);
    REQUIRE(exporter.printTo(printer).ok());
    CHECK(contents(printedPath).startsWith("%PDF"));

    REQUIRE(exported.size() == 3);
    CHECK(exported.at(0).at(0).toString() == u"pdf");
    CHECK(exported.at(1).at(0).toString() == u"json");
    CHECK(exported.at(2).at(0).toString() == u"print-to-file"); // the printer wrote a file

    const std::vector<AuditEntry> entries = f.exports();
    QStringList details;
    for (const AuditEntry& e : entries) {
        CHECK(e.recordUuid == u"run-now");
        CHECK(e.userLogin == kAdminLogin);
        CHECK_FALSE(e.detail.contains(u"check firewall-active"_qs));
        details << e.detail;
    }
    details.sort();
    CHECK(details == QStringList {u"json"_qs, u"pdf"_qs, u"print-to-file"_qs});
}

TEST_CASE("gui: the compliance report holds no client data though the store holds clients")
{
    ExportFixture f;
    const QString html = complianceReportHtml(f.report);
    const QByteArray json = QJsonDocument(complianceReportJson(f.report)).toJson();
    QTextDocument document;
    ui::loadComplianceReport(document, f.report);
    const QString laidOut = document.toPlainText();

    for (const QString& text : {f.client.firstName, f.client.lastName, f.client.caseNumber, f.client.uuid}) {
        INFO(text.toStdString());
        REQUIRE_FALSE(text.isEmpty());
        CHECK_FALSE(html.contains(text));
        CHECK_FALSE(json.contains(text.toUtf8()));
        CHECK_FALSE(laidOut.contains(text));
    }
    // What it does hold: the agency, the workstation and the officer, and the signature as an image.
    CHECK(laidOut.contains(kAgencyName));
    CHECK(laidOut.contains(u"front-desk-1"_qs));
    CHECK(laidOut.contains(kAdminName));
    CHECK(laidOut.contains(complianceReportNoClientData()));
    const QVariant signature
        = document.resource(QTextDocument::ImageResource, QUrl(QString::fromLatin1(kSignatureResource)));
    CHECK_FALSE(signature.value<QImage>().isNull());
}

TEST_CASE("gui: a report of runs saved in the store holds the earlier run and its findings, and no client data")
{
    ExportFixture f;
    ComplianceRecords records(f.vault);
    const Checklist checklist = builtInChecklist();
    auto first = records.saveRun(completedRun(checklist, {}, f.clock.now(), {u"firewall-active"_qs}));
    REQUIRE(first.ok());
    f.clock.advanceSeconds(qint64(90) * 24 * 3600);
    auto second = records.saveRun(completedRun(checklist, {}, f.clock.now(), {u"printer-secure"_qs}));
    REQUIRE(second.ok());
    auto runs = records.runs();
    auto findings = records.findings();
    REQUIRE(runs.ok());
    REQUIRE(findings.ok());

    const ComplianceReport report = complianceReportFor(*second, *runs, *findings, f.clock.now(), f.clock.today());
    REQUIRE(report.earlierRuns.size() == 1);
    CHECK(report.earlierRuns.front().uuid == first->uuid);
    const QJsonObject json = complianceReportJson(report);
    CHECK(json.value(u"agency").toString() == kAgencyName);
    CHECK(json.value(u"officer").toObject().value(u"name").toString() == kAdminName);
    QStringList states;
    for (const QJsonValue& v : json.value(u"findings").toArray())
        states << v.toObject().value(u"itemId").toString() + u'=' + v.toObject().value(u"state").toString();
    states.sort();
    // The firewall finding of the first run was due in a week and is still open 90 days on.
    CHECK(states == QStringList {u"firewall-active=overdue"_qs, u"printer-secure=open"_qs});
    CHECK(sideBySideJson(json, u"firewall-active"_qs) == QStringList {u"FAIL"_qs});

    const QByteArray text = QJsonDocument(json).toJson();
    const QString html = complianceReportHtml(report);
    for (const QString& clientText : {f.client.firstName, f.client.lastName, f.client.caseNumber, f.client.uuid}) {
        INFO(clientText.toStdString());
        CHECK_FALSE(text.contains(clientText.toUtf8()));
        CHECK_FALSE(html.contains(clientText));
    }

    ComplianceReportExport exporter(f.vault);
    exporter.setReport(report);
    const QString path = f.dir.path() + u"/stored.pdf"_qs;
    REQUIRE(exporter.savePdfTo(path).ok());
    CHECK(contents(path).startsWith("%PDF"));
}

TEST_CASE("gui: a compliance report that cannot be written leaves no file, no audit entry and says why")
{
    ExportFixture f;
    ComplianceReportExport exporter(f.vault);
    exporter.setReport(f.report);
    QSignalSpy exported(&exporter, &ComplianceReportExport::exported);

    const Status missingFolder = exporter.saveJsonTo(f.dir.path() + u"/no-such-folder/report.json"_qs);
    CHECK(missingFolder.code() == ErrorCode::Io);
    CHECK(missingFolder.message().contains(u"could not be saved"_qs));

    // A locked workstation writes nothing: the copy exists only with its audit entry.
    f.vault.lock();
    const QString path = f.dir.path() + u"/locked.pdf"_qs;
    CHECK_FALSE(exporter.savePdfTo(path).ok());
    CHECK_FALSE(QFile::exists(path));
    CHECK(exported.isEmpty());

    REQUIRE(f.vault.unlock(kAdminPassword).ok());
    CHECK(f.exports().empty());
}

TEST_CASE("gui: only a user who may audit workstations saves or prints the compliance report")
{
    ExportFixture f;
    const QString staff = u"sam.staff"_qs;
    REQUIRE(UserAdministration(f.vault).addUser(staff, u"Sam Staff"_qs, Role::AgencyStaff, u"Temp-Pass-1234!"_qs).ok());
    f.vault.signOut();
    REQUIRE(f.vault.signIn(staff, u"Temp-Pass-1234!"_qs).ok());
    REQUIRE(f.vault.changePassword(u"Temp-Pass-1234!"_qs, u"Own-Pass-5678?x"_qs).ok());

    ComplianceReportExport exporter(f.vault);
    exporter.setReport(f.report);
    const QString path = f.dir.path() + u"/staff.json"_qs;
    CHECK(exporter.saveJsonTo(path).code() == ErrorCode::PermissionDenied);
    CHECK_FALSE(QFile::exists(path));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(f.dir.path() + u"/staff.pdf"_qs);
    CHECK(exporter.printTo(printer).code() == ErrorCode::PermissionDenied);
    CHECK_FALSE(QFile::exists(f.dir.path() + u"/staff.pdf"_qs));
}

TEST_CASE("gui: the officer prints the compliance report while a critical finding closes client records")
{
    ExportFixture f;
    ComplianceRecords records(f.vault);
    REQUIRE(records.setSettings(ComplianceSettings {true}).ok());
    auto saved = records.saveRun(completedRun(builtInChecklist(), {}, f.clock.now(), {u"firewall-active"_qs}));
    REQUIRE(saved.ok());
    REQUIRE_FALSE(f.vault.clientAccessBlock().isEmpty());
    CHECK(f.vault.require(Permission::ViewClientProfile).code() == ErrorCode::PermissionDenied);

    // The report is how the block gets fixed and explained to the HMIS Lead: it stays available.
    auto runs = records.runs();
    auto findings = records.findings();
    REQUIRE(runs.ok());
    REQUIRE(findings.ok());
    ComplianceReportExport exporter(f.vault);
    exporter.setReport(complianceReportFor(*saved, *runs, *findings, f.clock.now(), f.clock.today()));
    const QString path = f.dir.path() + u"/blocked.pdf"_qs;
    REQUIRE(exporter.savePdfTo(path).ok());
    CHECK(contents(path).startsWith("%PDF"));
}

TEST_CASE("gui: an unsigned run cannot be exported as a report")
{
    ExportFixture f;
    ComplianceReport draft = f.report;
    draft.run.signaturePng.clear();
    ComplianceReportExport exporter(f.vault);
    exporter.setReport(draft);
    const QString path = f.dir.path() + u"/draft.json"_qs;
    CHECK(exporter.saveJsonTo(path).code() == ErrorCode::InvalidInput);
    CHECK_FALSE(QFile::exists(path));
}
