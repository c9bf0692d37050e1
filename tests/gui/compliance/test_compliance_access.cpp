// Who sees the compliance screens, and what everyone else sees while the agency's policy closes
// client records on this workstation.
#include "core/compliance/Checks.h"
#include "core/services/ComplianceRecords.h"
#include "core/services/UserAdministration.h"
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/compliance/ComplianceGuiSupport.h"
#include "ui/Workspace.h"
#include "ui/compliance/ClientAccessBlockedPanel.h"
#include "ui/compliance/ComplianceBanner.h"
#include "ui/intake/ClientsPage.h"

#include <QPushButton>
#include <QStackedWidget>

using namespace hearth;
using namespace hearth::test;

namespace {

const QString kStaffLogin = QStringLiteral("staff");
const QString kStaffTemporary = QStringLiteral("Kt5#Lm8Rv");
const QString kStaffOwn = QStringLiteral("Wq4$Hn7Bz");

/// As the signed-in officer: a saved self-audit of the open-firewall workstation (every answer Yes),
/// so a critical finding is open, and the agency's block turned on.
void blockWithCriticalFinding(Vault& vault)
{
    const auto checklist = compliance::Checklist::builtIn();
    REQUIRE(checklist.ok());
    const auto probe = openFirewallWorkstation();
    const QList<compliance::ItemResult> results = compliance::runAutomaticChecks(
        checklist.value(), *probe, {}, vault.clock().now(), compliance::Platform::Linux);
    compliance::ComplianceRun run
        = compliance::startRun(checklist.value(), results, compliance::AuditKind::SelfAudit, vault.clock().now(),
                               compliance::WorkstationIdentity::current());
    for (compliance::ItemOutcome& item : run.items) {
        if (item.needsAnswer())
            item.answer = compliance::Answer::Yes;
    }
    run.signaturePng = QByteArrayLiteral("\x89PNG signature");
    ComplianceRecords records(vault);
    const auto saved = records.saveRun(run);
    INFO((saved ? QString() : saved.message()).toStdString());
    REQUIRE(saved.ok());
    REQUIRE(records.setSettings({true}).ok());
    REQUIRE_FALSE(records.clientAccessBlock().isEmpty());
}

} // namespace

TEST_CASE("gui: Agency Staff get no Compliance area or banner, and see why client records are closed")
{
    GuiFixture f;
    f.createStore();
    REQUIRE(UserAdministration(f.vault)
                .addUser(kStaffLogin, QStringLiteral("Sam Staff"), Role::AgencyStaff, kStaffTemporary)
                .ok());
    blockWithCriticalFinding(f.vault);
    f.vault.signOut();
    REQUIRE(f.vault.signIn(kStaffLogin, kStaffTemporary).ok());
    REQUIRE(f.vault.changePassword(kStaffTemporary, kStaffOwn).ok());

    ui::Workspace workspace(f.vault);
    workspace.resize(1280, 800);
    workspace.show();
    CHECK_FALSE(workspace.areaNames().contains(QStringLiteral("Compliance")));
    CHECK(workspace.complianceArea() == nullptr);
    CHECK(workspace.complianceBanner() == nullptr);

    // The block reaches them as a sentence in place of the search, with no way into Compliance.
    ui::ClientAccessBlockedPanel* blocked = workspace.clientsPage()->accessBlockedPanel();
    CHECK(blocked->isVisible());
    CHECK(blocked->reason().contains(QStringLiteral("critical compliance finding")));
    CHECK_FALSE(child<QPushButton>(*blocked, "blockedOpenComplianceButton")->isVisible());
    CHECK_FALSE(child<QStackedWidget>(*workspace.clientsPage(), "clientsStack")->isVisible());
}

TEST_CASE("gui: a Site Manager is the security officer: the Compliance area and its banner are there")
{
    GuiFixture f;
    f.createStore();
    REQUIRE(UserAdministration(f.vault)
                .addUser(QStringLiteral("site"), QStringLiteral("Sita Manager"), Role::SiteManager, kStaffTemporary)
                .ok());
    f.vault.signOut();
    REQUIRE(f.vault.signIn(QStringLiteral("site"), kStaffTemporary).ok());
    REQUIRE(f.vault.changePassword(kStaffTemporary, kStaffOwn).ok());

    ui::Workspace workspace(f.vault);
    workspace.resize(1280, 800);
    workspace.show();
    CHECK(workspace.areaNames().contains(QStringLiteral("Compliance")));
    REQUIRE(workspace.complianceBanner() != nullptr);
    CHECK(workspace.complianceBanner()->isVisible()); // never audited: the self-audit is due today
}
