// The Audit log page as an administrator reads it: what happened since it was last open, and records named
// as the administrator knows them (a client's name and case number), while the log itself keeps ids only.
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
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

QString auditRecordShown(const ui::AuditLogModel& model, int row)
{
    return model.index(row, ui::AuditLogModel::Record).data().toString();
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

/// Entries of @p action in the whole log, read through the service (not the page).
std::size_t auditEntriesOf(Vault& vault, const char* action)
{
    AuditFilter filter;
    filter.action = QString::fromLatin1(action);
    auto entries = AuditReader(vault).query(filter);
    REQUIRE(entries.ok());
    return entries->size();
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

TEST_CASE("gui: the audit log names a client's records by name and case number, and writes neither into the log")
{
    GuiFixture f;
    f.createStore();
    ClientProfile ada;
    ada.firstName = QStringLiteral("Ada");
    ada.lastName = QStringLiteral("Lovelace");
    ada.nameDataQuality = 1;
    ReleaseOfInformation release;
    release.choice = SharingChoice::FullSharing;
    release.signedOn = QDate(2026, 1, 2);
    release.expiresOn = release.signedOn.addYears(2);
    release.language = QStringLiteral("en");
    auto created = ConsentRecords(f.vault).createClient(ada, release); // the client and the release: two entries
    INFO((created ? QString() : created.message()).toStdString());
    REQUIRE(created.ok());
    const ClientProfile held = created.value();
    REQUIRE_FALSE(held.caseNumber.isEmpty());
    // A client this workstation no longer holds: created, then deleted.
    auto gone = ClientRecords(f.vault).create(QStringLiteral("Grace"), QStringLiteral("Hopper"));
    REQUIRE(gone.ok());
    REQUIRE(ClientRecords(f.vault).remove(gone->uuid).ok());
    const std::size_t viewsBefore = auditEntriesOf(f.vault, audit::RecordView);
    f.vault.signOut();

    ui::MainWindow window(f.vault);
    showAndActivate(window);
    ui::AuditLogPage& page = openAuditLog(window);
    const ui::AuditLogModel& model = *page.model();

    // The client's creation and their release both read as the client, as this workstation holds them.
    const QString adaShown = QStringLiteral("Ada Lovelace — case %1").arg(held.caseNumber);
    const QList<int> consentRows = auditRowsOf(model, audit::ConsentRecord);
    REQUIRE(consentRows.size() == 1);
    CHECK(auditRecordShown(model, consentRows.front()) == adaShown);
    QStringList creations;
    for (int row : auditRowsOf(model, audit::RecordCreate))
        creations << auditRecordShown(model, row);
    CHECK(creations.contains(adaShown));
    // A record not held here keeps a short id; the whole id is a tooltip away.
    const QList<int> deletions = auditRowsOf(model, audit::RecordDelete);
    REQUIRE(deletions.size() == 1);
    CHECK(auditRecordShown(model, deletions.front()) == gone->uuid.left(8) + QStringLiteral("…"));
    CHECK(model.index(deletions.front(), ui::AuditLogModel::Record).data(Qt::ToolTipRole).toString() == gone->uuid);
    CHECK(creations.contains(gone->uuid.left(8) + QStringLiteral("…")));

    // Naming them is not viewing them, and the log itself still holds ids only.
    CHECK(auditEntriesOf(f.vault, audit::RecordView) == viewsBefore);
    auto all = AuditReader(f.vault).query({});
    REQUIRE(all.ok());
    for (const AuditEntry& entry : all.value()) {
        for (const QString& text : {entry.recordUuid, entry.detail, entry.recordType}) {
            CHECK_FALSE(text.contains(QStringLiteral("Lovelace")));
            CHECK_FALSE(text.contains(held.caseNumber));
        }
    }
}
