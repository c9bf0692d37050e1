// Hidden test: renders the compliance screens after a real run on this machine to PNG files, for the
// docs and for checking the layout by eye (not run by ctest).
//   HEARTH_SCREENSHOT_DIR=/tmp test_gui_compliance "[.screenshots]"
#include "core/services/ComplianceRecords.h"
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/compliance/ComplianceGuiSupport.h"
#include "ui/Workspace.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceRunView.h"

#include <QDir>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: screenshots of the compliance screens", "[.screenshots]")
{
    const QString outDir = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR", QDir::tempPath());
    GuiFixture f;
    f.createStore();
    const auto shoot = [&](QWidget& w, const QString& name) {
        QTest::qWait(100);
        CHECK(w.grab().save(outDir + QStringLiteral("/hearth-") + name + QStringLiteral(".png")));
    };
    ui::Workspace workspace(f.vault);
    workspace.resize(1400, 950);
    workspace.show();
    ui::ComplianceArea& area = openComplianceArea(workspace);
    shoot(workspace, QStringLiteral("compliance-start"));
    // The real probe: what this machine really shows.
    runChecklistThroughUi(area, compliance::AuditKind::SelfAudit);
    area.runView()->selectItem(QStringLiteral("firewall-active"));
    shoot(workspace, QStringLiteral("compliance-run"));
    answerThroughUi(*area.runView(), QStringLiteral("printer-secure"), QStringLiteral("Printer in the open lobby"));
    signThroughUi(*area.runView());
    shoot(workspace, QStringLiteral("compliance-run-signed"));
    QTest::mouseClick(child<QPushButton>(*area.runView(), "saveComplianceRun"), Qt::LeftButton);
    shoot(workspace, QStringLiteral("compliance-saved"));
    child<QTabWidget>(area, "complianceTabs")->setCurrentIndex(1);
    shoot(workspace, QStringLiteral("compliance-findings"));
    workspace.showArea(int(workspace.areaNames().indexOf(QStringLiteral("Settings"))));
    shoot(workspace, QStringLiteral("compliance-settings"));
    REQUIRE(ComplianceRecords(f.vault).setSettings({true}).ok());
    workspace.showArea(0);
    shoot(workspace, QStringLiteral("compliance-clients-closed"));
}
