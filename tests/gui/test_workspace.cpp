#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/UserAdministration.h"
#include "core/store/KeyFile.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/admin/AuditLogModel.h"
#include "ui/admin/AuditLogPage.h"
#include "ui/admin/UserListModel.h"
#include "ui/admin/UsersPage.h"
#include "ui/intake/ClientListModel.h"
#include "ui/intake/ClientsPage.h"
#include "ui/signin/ChangePasswordDialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::MainWindow;

namespace {
const QString kStaffLogin = QStringLiteral("staff");
const QString kStaffTemporary = QStringLiteral("Kt5#Lm8Rv");
const QString kStaffOwn = QStringLiteral("Wq4$Hn7Bz");
} // namespace

TEST_CASE("gui: Agency Staff change their temporary password and see only Clients")
{
    GuiFixture f;
    f.createStore();
    const auto added = UserAdministration(f.vault).addUser(kStaffLogin, QStringLiteral("Sam Staff"), Role::AgencyStaff,
                                                           kStaffTemporary);
    INFO((added ? QString() : added.message()).toStdString());
    REQUIRE(added.ok());
    f.vault.signOut();

    MainWindow window(f.vault);
    showAndActivate(window);
    signInThroughUi(window, kStaffLogin, kStaffTemporary);
    REQUIRE(f.vault.state() == Vault::State::Unlocked);

    // The forced change comes first; nothing is reachable behind it.
    auto* dialog = window.findChild<ui::ChangePasswordDialog*>();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    CHECK(window.workspace() == nullptr);
    auto* change = child<QPushButton>(*dialog, "changePasswordButton");
    QTest::keyClicks(child<QLineEdit>(*dialog, "currentPassword"), kStaffTemporary);
    QTest::keyClicks(child<QLineEdit>(*dialog, "newPassword"), kStaffOwn);
    CHECK_FALSE(change->isEnabled()); // not confirmed yet
    QTest::keyClicks(child<QLineEdit>(*dialog, "confirmPassword"), kStaffOwn);
    REQUIRE(change->isEnabled());
    change->click();

    REQUIRE(window.workspace() != nullptr);
    CHECK(window.workspace()->areaNames()
          == QStringList {QStringLiteral("Clients"), QStringLiteral("Consent"), QStringLiteral("Sync")});
    CHECK(window.workspace()->usersPage() == nullptr);
    CHECK(window.workspace()->auditLogPage() == nullptr);
    CHECK(window.workspace()->settingsPage() == nullptr);
    CHECK(child<QLabel>(window, "statusRole")->text() == roleName(Role::AgencyStaff));
}

TEST_CASE("gui: declining the forced password change signs out")
{
    GuiFixture f;
    f.createStore();
    REQUIRE(UserAdministration(f.vault)
                .addUser(kStaffLogin, QStringLiteral("Sam Staff"), Role::AgencyStaff, kStaffTemporary)
                .ok());
    f.vault.signOut();
    MainWindow window(f.vault);
    showAndActivate(window);
    signInThroughUi(window, kStaffLogin, kStaffTemporary);
    auto* dialog = window.findChild<ui::ChangePasswordDialog*>();
    REQUIRE(dialog != nullptr);
    dialog->reject();
    CHECK(f.vault.state() == Vault::State::Locked);
    CHECK(f.vault.lockedUserLogin().isEmpty());
    CHECK(window.currentScreen() == window.signInWidget());
    CHECK(window.workspace() == nullptr);
}

TEST_CASE("gui: an administrator sees every area; the audit log lists sign-ins and verifies")
{
    GuiFixture f;
    f.createStore();
    REQUIRE(ClientRecords(f.vault).create(QStringLiteral("Ada"), QStringLiteral("Lovelace")).ok());
    f.vault.signOut();
    MainWindow window(f.vault);
    showAndActivate(window);
    signInThroughUi(window, kAdminLogin, kAdminPassword);
    REQUIRE(window.workspace() != nullptr);
    CHECK(window.workspace()->areaNames()
          == QStringList {QStringLiteral("Clients"), QStringLiteral("Consent"), QStringLiteral("Users"),
                          QStringLiteral("Audit log"), QStringLiteral("Projects"), QStringLiteral("Settings"),
                          QStringLiteral("Reports"), QStringLiteral("Compliance"), QStringLiteral("Sync")});

    ui::AuditLogPage* page = window.workspace()->auditLogPage();
    REQUIRE(page != nullptr);
    ui::AuditLogModel* model = page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model->rowCount() > 0);
    int signIns = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ui::AuditLogModel::Action).data().toString() == QLatin1String(audit::SignInSuccess)) {
            ++signIns;
            CHECK(model->index(row, ui::AuditLogModel::User).data().toString() == kAdminLogin);
        }
    }
    CHECK(signIns >= 2); // set-up and the sign-in above

    // Filter by action through the widgets.
    auto* action = child<QComboBox>(*page, "auditActionFilter");
    const int index = action->findData(QString::fromLatin1(audit::SignInSuccess));
    REQUIRE(index >= 0);
    action->setCurrentIndex(index);
    child<QPushButton>(*page, "auditApply")->click();
    CHECK(model->rowCount() == signIns);

    child<QPushButton>(*page, "verifyChain")->click();
    const QString verdict = child<QLabel>(*page, "verifyResult")->text();
    CHECK(verdict.contains(QStringLiteral("intact")));

    // The other models hold up to the model tester too.
    QAbstractItemModelTester clients(window.workspace()->clientsPage()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(window.workspace()->clientsPage()->model()->rowCount() == 1);
    window.workspace()->clientsPage()->reload();
    REQUIRE(window.workspace()->usersPage() != nullptr);
    QAbstractItemModelTester users(window.workspace()->usersPage()->model(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(window.workspace()->usersPage()->model()->rowCount() == 1);
    window.workspace()->usersPage()->reload();
}

namespace {
/// Selects @p login's row in the Users page.
void selectUser(ui::UsersPage& page, const QString& login)
{
    auto* table = child<QTableView>(page, "userTable");
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (table->model()->index(row, ui::UserListModel::Login).data().toString() == login) {
            table->selectRow(row);
            return;
        }
    FAIL("no row for " << login.toStdString());
}

/// Presses @p button of the next message box, and of the one after it when @p then is set.
std::shared_ptr<bool> answerNextBoxes(QMessageBox::StandardButton button,
                                      std::optional<QMessageBox::StandardButton> then)
{
    return onNextModal([button, then](QWidget& modal) {
        auto* box = qobject_cast<QMessageBox*>(&modal);
        REQUIRE(box != nullptr);
        if (then)
            (void)answerNextBoxes(*then, std::nullopt);
        box->button(button)->click();
    });
}
} // namespace

TEST_CASE("gui: removing or deactivating a user offers to change the data key; reactivating asks a password")
{
    GuiFixture f;
    f.createStore();
    for (const QString& login : {QStringLiteral("bo.staff"), QStringLiteral("cy.staff")})
        REQUIRE(UserAdministration(f.vault).addUser(login, {}, Role::AgencyStaff, kStaffTemporary).ok());
    ui::Workspace workspace(f.vault);
    workspace.resize(1280, 800);
    workspace.show();
    ui::UsersPage* page = workspace.usersPage();
    REQUIRE(page != nullptr);
    const auto rotations = [&f] {
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::KeyRotate);
        return AuditReader(f.vault).query(filter).value().size();
    };

    // Removing: confirmed, then the key changes.
    selectUser(*page, QStringLiteral("bo.staff"));
    auto answered = answerNextBoxes(QMessageBox::Yes, QMessageBox::Yes);
    child<QPushButton>(*page, "removeUserButton")->click();
    REQUIRE(*answered);
    CHECK(rotations() == 1);

    // Deactivating: the offer declined, the key stays; the account's key slot is gone all the same.
    selectUser(*page, QStringLiteral("cy.staff"));
    answered = answerNextBoxes(QMessageBox::No, std::nullopt);
    child<QPushButton>(*page, "activeUserButton")->click();
    REQUIRE(*answered);
    CHECK(rotations() == 1);
    auto keys = KeyFile::load(f.vault.location().keyFilePath());
    REQUIRE(keys.ok());
    CHECK(keys->findLogin(QStringLiteral("cy.staff")) == nullptr);

    // Reactivating takes a temporary password.
    selectUser(*page, QStringLiteral("cy.staff"));
    answered = onNextModal([](QWidget& modal) {
        auto* input = qobject_cast<QInputDialog*>(&modal);
        REQUIRE(input != nullptr);
        input->setTextValue(QStringLiteral("Back-again-72"));
        input->accept();
    });
    child<QPushButton>(*page, "activeUserButton")->click();
    REQUIRE(*answered);
    f.vault.signOut();
    REQUIRE(f.vault.signIn(QStringLiteral("cy.staff"), QStringLiteral("Back-again-72")).ok());
    CHECK(f.vault.user()->mustChangePassword);
}
