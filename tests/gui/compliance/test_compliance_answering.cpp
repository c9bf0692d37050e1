// Answering the checklist item by item: the counts follow every answer, each answer moves on to the next
// item still to answer (a No waits for its note), and the run just saved gives its report at once.
#include "core/services/AuditReader.h"
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/compliance/ComplianceGuiSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceItemModel.h"
#include "ui/compliance/ComplianceReportExport.h"
#include "ui/compliance/ComplianceRunView.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using compliance::Answer;
using compliance::Verdict;

namespace {

/// The ids of the items that still need an answer, in checklist order.
QStringList stillToAnswer(const ui::ComplianceRunView& view)
{
    QStringList ids;
    for (const compliance::ItemOutcome& item : view.run().unanswered())
        ids << item.itemId;
    return ids;
}

/// The id of the item selected in the run view's table.
QString selectedItemId(const ui::ComplianceRunView& view)
{
    const int row = child<QTableView>(view, "complianceItemTable")->currentIndex().row();
    return row >= 0 && row < view.model()->rowCount() ? view.model()->items().at(row).itemId : QString();
}

QString checksDoneLine(int pass, int fail, int notApplicable, int toAnswer)
{
    return QStringLiteral("Checks done: %1 pass, %2 fail, %3 not applicable, %4 to answer.")
        .arg(pass)
        .arg(fail)
        .arg(notApplicable)
        .arg(toAnswer);
}

/// The Compliance area of the administrator's window with a run of the checklist open.
ui::ComplianceArea& areaWithRun(ui::MainWindow& window)
{
    window.resize(1400, 950);
    showAndActivate(window);
    REQUIRE(window.workspace() != nullptr);
    ui::ComplianceArea& area = openComplianceArea(*window.workspace());
    area.setProbe(openFirewallWorkstation());
    runChecklistThroughUi(area, compliance::AuditKind::SelfAudit);
    return area;
}

} // namespace

TEST_CASE("gui: the 'Checks done' line counts each answer as it is given")
{
    GuiFixture f;
    f.createStore();
    ui::MainWindow window(f.vault);
    ui::ComplianceArea& area = areaWithRun(window);
    ui::ComplianceRunView& view = *area.runView();
    auto* status = child<QLabel>(area, "complianceStatus");
    const compliance::ComplianceRun started = view.run();
    const int pass = started.count(Verdict::Pass);
    const int fail = started.count(Verdict::Fail);
    const QStringList open = stillToAnswer(view);
    REQUIRE(open.size() >= 3);
    CHECK(status->text() == checksDoneLine(pass, fail, 0, int(open.size())));

    view.selectItem(open.at(0));
    QTest::mouseClick(child<QRadioButton>(view, "answerYes"), Qt::LeftButton);
    CHECK(status->text() == checksDoneLine(pass + 1, fail, 0, int(open.size()) - 1));
    view.selectItem(open.at(1));
    QTest::mouseClick(child<QRadioButton>(view, "answerNo"), Qt::LeftButton);
    CHECK(status->text() == checksDoneLine(pass + 1, fail + 1, 0, int(open.size()) - 2));
    view.selectItem(open.at(2));
    QTest::mouseClick(child<QRadioButton>(view, "answerNotApplicable"), Qt::LeftButton);
    CHECK(status->text() == checksDoneLine(pass + 1, fail + 1, 1, int(open.size()) - 3));
    // A changed answer counts as changed, not twice.
    view.selectItem(open.at(0));
    QTest::mouseClick(child<QRadioButton>(view, "answerNo"), Qt::LeftButton);
    CHECK(status->text() == checksDoneLine(pass, fail + 2, 1, int(open.size()) - 3));
}

TEST_CASE("gui: an answer moves on to the next item still to answer; a No first takes its note")
{
    GuiFixture f;
    f.createStore();
    ui::MainWindow window(f.vault);
    ui::ComplianceArea& area = areaWithRun(window);
    ui::ComplianceRunView& view = *area.runView();
    const QStringList open = stillToAnswer(view);
    REQUIRE(open.size() >= 5);
    auto* wording = child<QLabel>(view, "complianceItemWording");
    const auto wordingOf = [&view](const QString& id) {
        return view.run().item(id)->wording;
    };

    // The run opens on the first item to answer; Yes moves on to the next.
    REQUIRE(selectedItemId(view) == open.at(0));
    QTest::mouseClick(child<QRadioButton>(view, "answerYes"), Qt::LeftButton);
    CHECK(view.run().item(open.at(0))->answer == Answer::Yes);
    CHECK(selectedItemId(view) == open.at(1));
    CHECK(wording->text() == wordingOf(open.at(1)));

    // Answered out of order, the next one skips what is already answered.
    view.selectItem(open.at(2));
    QTest::mouseClick(child<QRadioButton>(view, "answerNotApplicable"), Qt::LeftButton);
    CHECK(selectedItemId(view) == open.at(3));
    view.selectItem(open.at(1));
    QTest::mouseClick(child<QRadioButton>(view, "answerYes"), Qt::LeftButton);
    CHECK(selectedItemId(view) == open.at(3));

    // A No opens a finding: the note that explains it comes first, then Return moves on.
    QTest::mouseClick(child<QRadioButton>(view, "answerNo"), Qt::LeftButton);
    CHECK(selectedItemId(view) == open.at(3));
    auto* note = child<QLineEdit>(view, "complianceItemNote");
    CHECK(QApplication::focusWidget() == note);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("No lock on the cabinet"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    CHECK(view.run().item(open.at(3))->answer == Answer::No);
    CHECK(view.run().item(open.at(3))->note == QStringLiteral("No lock on the cabinet"));
    CHECK(selectedItemId(view) == open.at(4));
    CHECK(wording->text() == wordingOf(open.at(4)));
    CHECK(QApplication::focusWidget() == child<QRadioButton>(view, "answerYes")); // ready for the next answer
}

TEST_CASE("gui: the run just saved offers its report as PDF in the same view")
{
    GuiFixture f;
    f.createStore();
    ui::MainWindow window(f.vault);
    ui::ComplianceArea& area = areaWithRun(window);
    ui::ComplianceRunView& view = *area.runView();
    answerThroughUi(view, QStringLiteral("printer-secure"), QStringLiteral("Printer in the open lobby"));
    signThroughUi(view);
    QTest::mouseClick(child<QPushButton>(view, "saveComplianceRun"), Qt::LeftButton);
    REQUIRE(child<QLabel>(area, "complianceRunIntro")->isVisible());

    // Right below what the save says, without opening the run again from Runs.
    auto* savePdf = child<QPushButton>(area, "complianceReportSavePdf");
    CHECK(savePdf->isVisible());
    CHECK(savePdf->isEnabled());
    auto* report = area.findChild<ui::ComplianceReportExport*>();
    REQUIRE(report != nullptr);
    CHECK(report->isAncestorOf(savePdf));
    REQUIRE(report->report().has_value());
    const QString runUuid = report->report()->run.uuid;
    CHECK_FALSE(runUuid.isEmpty());
    CHECK(report->report()->run.completedAt.isValid());

    // The report as the Save PDF… button writes it once a file is chosen; the copy is audited.
    const QString pdfPath = f.dir.path() + QStringLiteral("/just-saved.pdf");
    REQUIRE(report->savePdfTo(pdfPath).ok());
    QFile pdf(pdfPath);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(4) == QByteArrayLiteral("%PDF"));
    AuditFilter exports;
    exports.action = QString::fromLatin1(audit::ComplianceReportExport);
    auto entries = AuditReader(f.vault).query(exports);
    REQUIRE(entries.ok());
    REQUIRE(entries->size() == 1);
    CHECK(entries->front().recordUuid == runUuid);
    CHECK(entries->front().detail == QStringLiteral("pdf"));

    // A new run hides the copy of the last one.
    area.setProbe(openFirewallWorkstation());
    runChecklistThroughUi(area, compliance::AuditKind::SelfAudit);
    CHECK_FALSE(savePdf->isVisible());
}
