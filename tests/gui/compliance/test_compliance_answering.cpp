// Answering the checklist item by item: the counts follow every answer.
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/compliance/ComplianceGuiSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceItemModel.h"
#include "ui/compliance/ComplianceRunView.h"

#include <QLabel>
#include <QRadioButton>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
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
