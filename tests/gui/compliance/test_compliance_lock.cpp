// A lock half-way through the attestations keeps the officer's answers (encrypted, as a draft) but
// not the signature: the run is signed again after unlock.
#include "core/common/DisplayDates.h"
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/compliance/ComplianceGuiSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceItemModel.h"
#include "ui/compliance/ComplianceRunView.h"
#include "ui/widgets/SignaturePad.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: a lock mid-run keeps the answers and notes; after unlock the officer signs again and saves")
{
    GuiFixture f;
    f.createStore();
    ui::MainWindow window(f.vault);
    window.resize(1400, 950);
    showAndActivate(window);
    REQUIRE(window.workspace() != nullptr);
    ui::ComplianceArea& area = openComplianceArea(*window.workspace());
    area.setProbe(openFirewallWorkstation());
    runChecklistThroughUi(area, compliance::AuditKind::LeadVisit);
    const QString printer = QStringLiteral("printer-secure");
    answerThroughUi(*area.runView(), printer, QStringLiteral("Printer in the lobby"));
    signThroughUi(*area.runView());
    const int rows = area.runView()->model()->rowCount();

    showAndActivate(window);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(f.vault.state() == Vault::State::Locked);
    CHECK(window.workspace() == nullptr);

    QTest::keyClicks(child<QLineEdit>(*window.lockScreen(), "unlockPassword"), kAdminPassword);
    child<QPushButton>(*window.lockScreen(), "unlockButton")->click();
    REQUIRE(window.workspace() != nullptr);
    ui::ComplianceArea* restored = window.workspace()->complianceArea();
    REQUIRE(restored != nullptr);
    CHECK(child<QStackedWidget>(*window.workspace(), "pages")->currentWidget() == restored);
    ui::ComplianceRunView& view = *restored->runView();
    REQUIRE(view.isEditing());
    CHECK(view.model()->rowCount() == rows);
    CHECK(view.run().kind == compliance::AuditKind::LeadVisit);
    const compliance::ItemOutcome* item = view.run().item(printer);
    REQUIRE(item != nullptr);
    CHECK(item->answer == compliance::Answer::No);
    CHECK(item->note == QStringLiteral("Printer in the lobby"));
    CHECK(view.run().unanswered().isEmpty());
    CHECK(child<ui::SignaturePad>(view, "signaturePad")->isEmpty());
    CHECK(view.problems() == QStringList {QStringLiteral("Sign the checklist before saving it.")});

    signThroughUi(view);
    QTest::mouseClick(child<QPushButton>(view, "saveComplianceRun"), Qt::LeftButton);
    // An HMIS Lead visit gives 30 days.
    CHECK(child<QLabel>(*restored, "complianceRunIntro")
              ->text()
              .contains(QStringLiteral("due %1").arg(displayDate(QDate(2026, 2, 4)))));
}
