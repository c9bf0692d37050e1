// The Audit log page as an administrator reads it: what happened since it was last open.
#include "core/services/ClientRecords.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/admin/AuditLogModel.h"
#include "ui/admin/AuditLogPage.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {

/// The rows of @p model whose action is @p action.
QList<int> auditRowsOf(const ui::AuditLogModel& model, const char* action)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, ui::AuditLogModel::Action).data().toString() == QLatin1String(action))
            rows << row;
    }
    return rows;
}

/// Signs the administrator in through the window and opens the Audit log area.
ui::AuditLogPage& openAuditLog(ui::MainWindow& window)
{
    signInThroughUi(window, kAdminLogin, kAdminPassword);
    ui::Workspace* workspace = window.workspace();
    REQUIRE(workspace != nullptr);
    const int row = int(workspace->areaNames().indexOf(QStringLiteral("Audit log")));
    REQUIRE(row >= 0);
    workspace->showArea(row);
    ui::AuditLogPage* page = workspace->auditLogPage();
    REQUIRE(page != nullptr);
    REQUIRE(page->isVisible());
    return *page;
}

} // namespace

TEST_CASE("gui: the audit log shows what happened since it was last open, without pressing Apply")
{
    GuiFixture f;
    f.createStore();
    f.vault.signOut();
    ui::MainWindow window(f.vault);
    showAndActivate(window);
    ui::AuditLogPage& page = openAuditLog(window);
    ui::AuditLogModel& model = *page.model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(auditRowsOf(model, audit::RecordCreate).isEmpty());

    // The administrator goes to Clients, where a client is created (the service the Clients page calls).
    window.workspace()->showArea(0);
    REQUIRE(ClientRecords(f.vault).create(QStringLiteral("Ada"), QStringLiteral("Lovelace")).ok());

    // Back on the Audit log, the new entry is there at once.
    const int auditArea = int(window.workspace()->areaNames().indexOf(QStringLiteral("Audit log")));
    window.workspace()->showArea(auditArea);
    REQUIRE(page.isVisible());
    CHECK(auditRowsOf(model, audit::RecordCreate).size() == 1);
}
