#include "tests/gui/compliance/ComplianceGuiSupport.h"

#include "tests/gui/GuiTestSupport.h"
#include "ui/Workspace.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceItemModel.h"
#include "ui/compliance/ComplianceRunView.h"
#include "ui/widgets/SignaturePad.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTest>

namespace hearth::test {

std::shared_ptr<compliance::test::FakeSystemProbe> openFirewallWorkstation()
{
    auto probe = std::make_shared<compliance::test::FakeSystemProbe>();
    probe->onCommand(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("ruleset")}, 0,
                     compliance::test::recorded(QStringLiteral("linux/nft-ruleset-accept.txt")));
    probe->addFile(QStringLiteral("/etc/os-release"),
                   compliance::test::recorded(QStringLiteral("linux/os-release-debian12")));
    return probe;
}

void runChecklistThroughUi(ui::ComplianceArea& area, compliance::AuditKind kind)
{
    auto* kinds = child<QComboBox>(area, "complianceAuditKind");
    kinds->setCurrentIndex(kinds->findData(int(kind)));
    auto* run = child<QPushButton>(area, "runChecklistButton");
    REQUIRE(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !area.isChecking(); }, 20'000));
    REQUIRE(child<QStackedWidget>(area, "complianceRunStack")->currentWidget() == area.runView());
    REQUIRE(area.runView()->isEditing());
    CHECK(run->isEnabled());
}

void answerThroughUi(ui::ComplianceRunView& view, const QString& noItemId, const QString& note)
{
    const QList<compliance::ItemOutcome> items = view.model()->items();
    for (const compliance::ItemOutcome& item : items) {
        if (!item.needsAnswer())
            continue;
        view.selectItem(item.itemId);
        const bool no = item.itemId == noItemId;
        auto* answer = child<QRadioButton>(view, no ? "answerNo" : "answerYes");
        REQUIRE(answer->isVisible());
        QTest::mouseClick(answer, Qt::LeftButton);
        CHECK(view.run().item(item.itemId)->effective()
              == (no ? compliance::Verdict::Fail : compliance::Verdict::Pass));
        if (no) { // a No stays on its item for the note; a Yes has moved on
            CHECK(child<QLabel>(view, "complianceItemDetail")->text().startsWith(QStringLiteral("FAIL")));
            QTest::keyClicks(child<QLineEdit>(view, "complianceItemNote"), note);
        }
    }
}

void signThroughUi(ui::ComplianceRunView& view)
{
    auto* pad = child<ui::SignaturePad>(view, "signaturePad");
    REQUIRE(pad->isVisible());
    const auto at = [&](double x, double y) {
        return QPoint(qRound(x * pad->width()), qRound(y * pad->height()));
    };
    QTest::mousePress(pad, Qt::LeftButton, {}, at(0.1, 0.4));
    QTest::mouseMove(pad, at(0.4, 0.7));
    QTest::mouseMove(pad, at(0.6, 0.3));
    QTest::mouseRelease(pad, Qt::LeftButton, {}, at(0.9, 0.5));
    REQUIRE_FALSE(pad->isEmpty());
}

ui::ComplianceArea& openComplianceArea(ui::Workspace& workspace)
{
    const int row = int(workspace.areaNames().indexOf(QStringLiteral("Compliance")));
    REQUIRE(row >= 0);
    workspace.showArea(row);
    ui::ComplianceArea* area = workspace.complianceArea();
    REQUIRE(area != nullptr);
    REQUIRE(area->isVisible());
    return *area;
}

} // namespace hearth::test
