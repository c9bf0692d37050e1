// A whole run of the Compliance Certification Checklist through the real widgets: the officer runs
// the checks against a recorded workstation, answers, signs and saves; findings get their due dates,
// are resolved with a note; the home-screen banner and the client-records block follow.
#include "core/common/DisplayDates.h"
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/compliance/ComplianceGuiSupport.h"
#include "ui/Workspace.h"
#include "ui/admin/SettingsPage.h"
#include "ui/compliance/ClientAccessBlockedPanel.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceBanner.h"
#include "ui/compliance/ComplianceFindingsView.h"
#include "ui/compliance/ComplianceHistoryView.h"
#include "ui/compliance/ComplianceItemModel.h"
#include "ui/compliance/ComplianceReportExport.h"
#include "ui/compliance/ComplianceRunDialog.h"
#include "ui/compliance/ComplianceRunView.h"
#include "ui/consent/AlertBanner.h"
#include "ui/intake/ClientsPage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using compliance::Verdict;

namespace {

const QString kFirewall = QStringLiteral("firewall-active");
const QString kPrinter = QStringLiteral("printer-secure");

/// The findings table's row for @p itemId, or -1.
int findingRow(const QTableWidget& table, const ui::ComplianceFindingsView& view, const QString& itemId)
{
    for (int row = 0; row < int(view.findings().size()); ++row) {
        if (view.findings().at(size_t(row)).itemId == itemId)
            return row;
    }
    (void)table;
    return -1;
}

QString cell(const QTableWidget& table, int row, int column)
{
    const QTableWidgetItem* item = table.item(row, column);
    return item ? item->text() : QString();
}

/// Clicks Resolve… on the finding for @p itemId and types @p note into the dialog.
void resolveThroughUi(ui::ComplianceFindingsView& view, const QString& itemId, const QString& note)
{
    REQUIRE(view.selectItem(itemId));
    const auto ran = onNextModal([note](QWidget& dialog) {
        auto* text = dialog.findChild<QPlainTextEdit*>();
        CHECK(text != nullptr);
        if (text && !note.isEmpty())
            QTest::keyClicks(text, note);
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        CHECK(buttons != nullptr);
        if (buttons)
            buttons->button(QDialogButtonBox::Ok)->click();
    });
    QTest::mouseClick(child<QPushButton>(view, "resolveFindingButton"), Qt::LeftButton);
    REQUIRE(*ran);
}

} // namespace

TEST_CASE("gui: a security officer runs the checklist, saves it signed, resolves findings; the banner and the "
          "client block follow")
{
    GuiFixture f; // today: 01/05/2026
    f.createStore();
    f.vault.signOut();
    ui::MainWindow window(f.vault);
    window.resize(1400, 950);
    showAndActivate(window);
    signInThroughUi(window, kAdminLogin, kAdminPassword);
    ui::Workspace* workspace = window.workspace();
    REQUIRE(workspace != nullptr);
    auto* pages = child<QStackedWidget>(*workspace, "pages");

    // Never audited: the banner says the self-audit is due and leads to the Compliance area.
    ui::ComplianceBanner* banner = workspace->complianceBanner();
    REQUIRE(banner != nullptr);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("The quarterly self-audit is due today.")));
    QTest::mouseClick(child<QPushButton>(*banner, "openComplianceButton"), Qt::LeftButton);
    ui::ComplianceArea* area = workspace->complianceArea();
    REQUIRE(area != nullptr);
    CHECK(pages->currentWidget() == area);
    CHECK(area->remindersText().contains(QStringLiteral("none recorded on this workstation yet")));

    // The checks run against the recorded workstation: the open firewall fails with what was seen,
    // and the officer cannot answer it away.
    area->setProbe(openFirewallWorkstation());
    runChecklistThroughUi(*area, compliance::AuditKind::SelfAudit);
    ui::ComplianceRunView& view = *area->runView();
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int firewallRow = view.model()->rowOf(kFirewall);
    REQUIRE(firewallRow >= 0);
    CHECK(view.model()->index(firewallRow, ui::ComplianceItemModel::ResultColumn).data().toString()
          == QStringLiteral("FAIL"));
    view.selectItem(kFirewall);
    auto* evidence = child<QPlainTextEdit>(view, "complianceEvidence");
    CHECK(evidence->toPlainText().contains(QStringLiteral("no input chain drops or rejects traffic")));
    CHECK(evidence->isReadOnly());
    CHECK_FALSE(child<QRadioButton>(view, "answerYes")->isVisible());
    CHECK_FALSE(child<QLabel>(view, "complianceItemPolicy")->text().isEmpty());

    // Save waits for every answer and the signature, and says so.
    auto* save = child<QPushButton>(view, "saveComplianceRun");
    auto* problems = child<QLabel>(view, "complianceRunProblems");
    CHECK_FALSE(save->isEnabled());
    CHECK(problems->text().contains(QStringLiteral("Answer every item")));
    CHECK(problems->text().contains(QStringLiteral("Sign the checklist")));
    answerThroughUi(view, kPrinter, QStringLiteral("Printer stands in the open lobby"));
    CHECK_FALSE(problems->text().contains(QStringLiteral("Answer every item")));
    CHECK_FALSE(save->isEnabled());
    signThroughUi(view);
    CHECK(problems->text().isEmpty());
    REQUIRE(save->isEnabled());
    QTest::keyClicks(child<QPlainTextEdit>(view, "complianceRunNotes"), QStringLiteral("First quarterly audit."));
    const QList<compliance::ItemOutcome> failures = view.run().failures();
    QStringList failed;
    for (const compliance::ItemOutcome& item : failures)
        failed << item.itemId;
    REQUIRE(failed.contains(kFirewall));
    REQUIRE(failed.contains(kPrinter));
    QTest::mouseClick(save, Qt::LeftButton);

    // Saved: each failure is a finding due seven days after today, listed with its date.
    auto* outcome = child<QLabel>(*area, "complianceRunIntro");
    REQUIRE(child<QStackedWidget>(*area, "complianceRunStack")->currentWidget()
            == child<QWidget>(*area, "complianceRunDone"));
    REQUIRE(outcome->isVisible());
    CHECK(outcome->text().contains(QStringLiteral("%1 findings opened").arg(failed.size())));
    for (const compliance::ItemOutcome& item : failures)
        CHECK(
            outcome->text().contains(item.wording + QStringLiteral(" — due %1").arg(displayDate(QDate(2026, 1, 12)))));
    ui::ComplianceFindingsView* findings = area->findingsView();
    auto* findingsTable = child<QTableWidget>(*findings, "complianceFindingsTable");
    CHECK(findingsTable->rowCount() == failed.size());
    for (const QString& id : failed) {
        const int row = findingRow(*findingsTable, *findings, id);
        INFO(id.toStdString());
        REQUIRE(row >= 0);
        CHECK(cell(*findingsTable, row, ui::ComplianceFindingsView::DueColumn) == displayDate(QDate(2026, 1, 12)));
        CHECK(cell(*findingsTable, row, ui::ComplianceFindingsView::StatusColumn) == QStringLiteral("Open"));
    }
    auto* history = child<QTableWidget>(*area->historyView(), "complianceHistoryTable");
    REQUIRE(history->rowCount() == 1);
    CHECK(cell(*history, 0, ui::ComplianceHistoryView::FailColumn) == QString::number(failed.size()));
    CHECK(cell(*history, 0, ui::ComplianceHistoryView::SentColumn) == QStringLiteral("Not sent"));

    // A finding is resolved only with a note saying what was done.
    auto* findingsError = child<QLabel>(*findings, "complianceFindingsError");
    resolveThroughUi(*findings, kPrinter, {});
    CHECK(findingsError->isVisibleTo(findings));
    CHECK(findings->findings().at(size_t(findingRow(*findingsTable, *findings, kPrinter))).isOpen());
    resolveThroughUi(*findings, kPrinter, QStringLiteral("Moved the printer into the locked office"));
    const int printerRow = findingRow(*findingsTable, *findings, kPrinter);
    REQUIRE(printerRow >= 0);
    CHECK_FALSE(findings->findings().at(size_t(printerRow)).isOpen());
    CHECK(cell(*findingsTable, printerRow, ui::ComplianceFindingsView::StatusColumn)
          == QStringLiteral("Resolved on %1 by admin").arg(displayDate(QDate(2026, 1, 5))));
    CHECK(cell(*findingsTable, printerRow, ui::ComplianceFindingsView::ResolutionColumn)
          == QStringLiteral("Moved the printer into the locked office"));
    CHECK(findingRow(*findingsTable, *findings, kFirewall) < printerRow); // open ones first

    // The yearly copy: the saved run opens read-only and is marked sent to the HMIS Lead.
    QTest::mouseClick(child<QPushButton>(*area->historyView(), "openComplianceRunButton"), Qt::LeftButton);
    auto* dialog = area->findChild<ui::ComplianceRunDialog*>();
    REQUIRE(dialog != nullptr);
    REQUIRE(QTest::qWaitForWindowExposed(dialog));
    CHECK_FALSE(dialog->view()->isEditing());
    CHECK_FALSE(child<QPushButton>(*dialog, "saveComplianceRun")->isVisible());
    CHECK_FALSE(child<QLabel>(*dialog, "complianceSavedSignature")->pixmap().isNull());
    CHECK(child<QPlainTextEdit>(*dialog, "complianceRunNotes")->toPlainText()
          == QStringLiteral("First quarterly audit."));
    // The report for the HMIS Lead, as the Save PDF… button writes it once a file is chosen.
    CHECK(child<QPushButton>(*dialog, "complianceReportSavePdf")->isEnabled());
    const QString pdfPath = f.dir.path() + QStringLiteral("/compliance-report.pdf");
    REQUIRE(dialog->reportExport()->savePdfTo(pdfPath).ok());
    QFile pdf(pdfPath);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(4) == QByteArrayLiteral("%PDF"));
    CHECK(child<QLabel>(*dialog, "complianceSentToLead")->text().contains(QStringLiteral("mark it sent")));
    QTest::mouseClick(child<QPushButton>(*dialog, "markSentToLeadButton"), Qt::LeftButton);
    CHECK(child<QLabel>(*dialog, "complianceSentToLead")->text()
          == QStringLiteral("Sent to the HMIS Lead on %1.").arg(displayDate(QDate(2026, 1, 5))));
    dialog->close();
    CHECK(cell(*history, 0, ui::ComplianceHistoryView::SentColumn)
          == QStringLiteral("Sent on %1").arg(displayDate(QDate(2026, 1, 5))));

    // Self-audit done, copy sent, the one open finding not yet due: nothing for the banner.
    CHECK_FALSE(banner->isVisible());
    CHECK(area->remindersText().contains(
        QStringLiteral("the next one is due on %1").arg(displayDate(QDate(2026, 4, 5)))));

    // Past the due date the banner comes back, and the finding reads "Overdue".
    f.clock.set(QDateTime(QDate(2026, 1, 13), QTime(9, 0), Qt::UTC));
    stayActive(window); // before the idle check can run: it would lock the window and free the workspace
    workspace->showArea(0);
    REQUIRE(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("1 compliance finding is overdue")));
    QTest::mouseClick(child<QPushButton>(*banner, "openComplianceButton"), Qt::LeftButton);
    CHECK(pages->currentWidget() == area);
    const int firewallFinding = findingRow(*findingsTable, *findings, kFirewall);
    CHECK(cell(*findingsTable, firewallFinding, ui::ComplianceFindingsView::StatusColumn) == QStringLiteral("Overdue"));
    CHECK(area->remindersText().contains(QStringLiteral("1 open finding, 1 overdue.")));

    // The agency closes client records while a critical finding is open: Clients says why.
    ui::SettingsPage* settings = workspace->settingsPage();
    REQUIRE(settings != nullptr);
    workspace->showArea(pages->indexOf(settings));
    auto* block = child<QCheckBox>(*settings, "complianceBlockClients");
    CHECK_FALSE(block->isChecked());
    QTest::mouseClick(block, Qt::LeftButton, {}, QPoint(8, block->height() / 2)); // on the box itself
    QTest::mouseClick(child<QPushButton>(*settings, "saveSettings"), Qt::LeftButton);
    CHECK_FALSE(child<QLabel>(*settings, "settingsError")->isVisibleTo(settings));
    CHECK(block->isChecked());
    workspace->showArea(0);
    ui::ClientAccessBlockedPanel* blocked = workspace->clientsPage()->accessBlockedPanel();
    REQUIRE(blocked->isVisible());
    CHECK(blocked->reason().contains(QStringLiteral("Client records are closed on this workstation")));
    CHECK(blocked->reason().contains(failures.at(0).itemId == kFirewall ? failures.at(0).wording
                                                                        : view.run().item(kFirewall)->wording));
    CHECK(blocked->reason().contains(QStringLiteral("a critical compliance finding: A host firewall is active. The "
                                                    "agency turned on this rule in Settings.")));
    CHECK_FALSE(child<QStackedWidget>(*workspace->clientsPage(), "clientsStack")->isVisible());
    REQUIRE(workspace->alertBanner() != nullptr);
    CHECK_FALSE(workspace->alertBanner()->isVisible()); // the sentence once, not again as an alert error
    QTest::mouseClick(child<QPushButton>(*blocked, "blockedOpenComplianceButton"), Qt::LeftButton);
    CHECK(pages->currentWidget() == area);

    // Fixed and resolved: the records open again.
    resolveThroughUi(*findings, kFirewall, QStringLiteral("Turned on the firewall (ufw enable)"));
    workspace->showArea(0);
    CHECK_FALSE(blocked->isVisible());
    CHECK(child<QStackedWidget>(*workspace->clientsPage(), "clientsStack")->isVisible());
    CHECK_FALSE(banner->isVisible());
}
