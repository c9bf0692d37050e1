// Hidden test: the two-desk walk-through of issue 16, through the real windows of two workstations and a
// real hearth-server, saving a screenshot at each point a person checks. Run it under a real X server:
//   xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb HEARTH_SCREENSHOT_DIR=/tmp/walk
//       build/ci/tests/gui/test_gui_sync "[.walkthrough]"
// It checks what each screenshot shows, so a run that saved pictures of a wrong state fails.
#include "core/auth/Roles.h"
#include "core/hud/HudCodes.h"
#include "core/services/ClientRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"
#include "core/services/ServiceRecords.h"
#include "core/services/UserAdministration.h"
#include "core/syncstate/SyncConflicts.h"
#include "tests/gui/sync/SyncGuiSupport.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientsPage.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/ExitDialog.h"
#include "ui/signin/LockScreen.h"
#include "ui/sync/SyncPage.h"
#include "ui/widgets/HudCodeCombo.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {

void shootWindow(QWidget& window, const QString& name)
{
    const QString dir = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QTest::qWait(200); // painting only: nothing checked depends on it
    CHECK(window.grab().save(dir + QStringLiteral("/walk-") + name + QStringLiteral(".png")));
}

void recordBirth(Vault& vault, const QString& uuid, QDate dob, const QString& ssn = {})
{
    ClientProfile c = ClientRecords(vault).open(uuid).value();
    c.dob = dob;
    c.dobDataQuality = 1;
    if (!ssn.isEmpty()) {
        c.ssn = ssn;
        c.ssnDataQuality = 1;
    }
    REQUIRE(ClientRecords(vault).update(c).ok());
}

ui::ClientPage* openClientOf(SyncGuiFixture& desk, const QString& uuid, int tab)
{
    desk.workspace().showArea(0);
    ui::ClientsPage* clients = desk.workspace().clientsPage();
    if (clients->clientPage())
        QTest::mouseClick(child<QPushButton>(*clients->clientPage(), "backToSearchButton"), Qt::LeftButton);
    clients->openClient(uuid);
    ui::ClientPage* page = clients->clientPage();
    REQUIRE(page != nullptr);
    child<QTabWidget>(*page, "clientTabs")->setCurrentIndex(tab);
    return page;
}

} // namespace

TEST_CASE("walkthrough: two desks of one agency, as a new user tried it", "[.walkthrough]")
{
    SyncServer server;
    SyncGuiFixture a;
    a.window->resize(1400, 900);
    a.window->setWindowTitle(QStringLiteral("Hearth — desk A"));

    // Desk A, before its first sync: a mother and two children enrolled, checked in, the children exited
    // together through the exit dialog.
    const QString marta = a.client(u"Marta"_qs, u"Vega"_qs);
    const QString teo = a.client(u"Teo"_qs, u"Vega"_qs);
    const QString lia = a.client(u"Lia"_qs, u"Vega"_qs);
    recordBirth(a.vault, marta, QDate(1990, 3, 1), u"219099999"_qs);
    recordBirth(a.vault, teo, QDate(2022, 5, 1));
    recordBirth(a.vault, lia, QDate(2019, 8, 1));
    Project shelter;
    shelter.name = u"Harbor Family Shelter"_qs;
    shelter.projectType = hud::ProjectType::EmergencyShelterEntryExit;
    shelter.cocCode = u"CA-504"_qs;
    shelter.fundingSources = {8};
    shelter.tracksBedNights = true;
    shelter.operatingStart = QDate(2025, 1, 1);
    shelter = ProjectRecords(a.vault).create(shelter).value();
    std::vector<Enrollment> members(3);
    const QString people[] = {marta, teo, lia};
    for (size_t i = 0; i < 3; ++i) {
        members[i].clientUuid = people[i];
        members[i].relationshipToHoH = i == 0 ? hud::Relationship::Self : hud::Relationship::Child;
        members[i].entryDate = QDate(2026, 1, 2);
    }
    const auto family = EnrollmentRecords(a.vault).enrollHousehold(shelter.uuid, members).value();
    REQUIRE(ServiceRecords(a.vault).checkIn({family[0].uuid, family[1].uuid, family[2].uuid}, QDate(2026, 1, 2)).ok());
    {
        ui::ExitDialog exit(a.vault, family[1].uuid);
        exit.show();
        auto* checks = child<QListWidget>(exit, "exitMembers");
        for (int i = 0; i < checks->count(); ++i)
            if (checks->item(i)->text().startsWith(u"Lia Vega"))
                checks->item(i)->setCheckState(Qt::Checked);
        auto* destination = child<ui::HudCodeCombo>(*child<ui::ElementForm>(exit, "element_3.12"), "Destination");
        destination->setCode(312); // staying with family, temporary tenure
        child<QPushButton>(exit, "exitButton")->click();
        REQUIRE(exit.result() == QDialog::Accepted);
    }

    // 1. Desk A registers and syncs: a single writer's first sync raises no conflict.
    a.registerThroughUi(server.url());
    REQUIRE(a.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));
    CHECK(SyncConflicts(a.vault).openCount().value() == 0);
    a.workspace().showSync();
    CHECK(child<QLabel>(*a.workspace().syncPage(), "conflictSummary")->text().startsWith(u"No conflicts"));
    shootWindow(*a.window, u"1-desk-a-first-sync-no-conflicts"_qs);

    // 2. Desk B registers and syncs: the family arrives with both exits kept, and A still has them.
    SyncGuiFixture b;
    b.window->resize(1400, 900);
    b.window->setWindowTitle(QStringLiteral("Hearth — desk B"));
    b.registerThroughUi(server.url());
    REQUIRE(b.waitForStatus([](const QString& s) { return s.startsWith(u"Synced"_qs); }));
    CHECK(SyncConflicts(b.vault).openCount().value() == 0);
    for (Vault* vault : {&a.vault, &b.vault}) {
        CHECK(EnrollmentRecords(*vault).find(family[0].uuid).value().isActive());
        CHECK(EnrollmentRecords(*vault).find(family[0].uuid).value().isHead());
        CHECK(EnrollmentRecords(*vault).find(family[1].uuid).value().exitDate == QDate(2026, 1, 5));
        CHECK(EnrollmentRecords(*vault).find(family[2].uuid).value().exitDate == QDate(2026, 1, 5));
    }
    ui::ClientPage* atB = openClientOf(b, marta, 1);
    CHECK(child<QTableWidget>(*atB, "enrollmentTable")->item(0, 4)->text().contains(u"(exited "));
    shootWindow(*b.window, u"2-desk-b-exits-kept"_qs);

    // 3. Desk A: edits typed into Marta's profile survive Ctrl+L and unlock.
    showAndActivate(*a.window);
    ui::ClientPage* page = openClientOf(a, marta, 0);
    QTest::keyClicks(child<QLineEdit>(*page, "middleName"), u"Isabel"_qs);
    QTest::keyClicks(child<QLineEdit>(*page, "alias"), u"Tita"_qs);
    QTest::keyClick(a.window.get(), Qt::Key_L, Qt::ControlModifier);
    REQUIRE(a.vault.state() == Vault::State::Locked);
    QTest::keyClicks(child<QLineEdit>(*a.window->lockScreen(), "unlockPassword"), kAdminPassword);
    child<QPushButton>(*a.window->lockScreen(), "unlockButton")->click();
    REQUIRE(a.vault.state() == Vault::State::Unlocked);
    page = a.workspace().clientsPage()->clientPage();
    REQUIRE(page != nullptr);
    CHECK(child<QLineEdit>(*page, "middleName")->text() == u"Isabel");
    CHECK(child<QLineEdit>(*page, "alias")->text() == u"Tita");
    shootWindow(*a.window, u"3-desk-a-edits-back-after-unlock"_qs);
    child<QPushButton>(*page, "saveClientChanges")->click();
    CHECK_FALSE(page->hasUnsavedChanges());
    CHECK(ClientRecords(a.vault).open(marta).value().ssn == u"219099999"_qs);

    // 4. Agency Staff (the SSN masked) fix a typo in Marta's name and save.
    const QString temporary = u"Tq4!temporary9"_qs;
    const QString staffPassword = u"Kt5#Lm8Rv-staff"_qs;
    REQUIRE(UserAdministration(a.vault).addUser(u"sam"_qs, u"Sam Staff"_qs, Role::AgencyStaff, temporary).ok());
    a.vault.signOut();
    REQUIRE(a.vault.signIn(u"sam"_qs, temporary).ok());
    REQUIRE(a.vault.changePassword(temporary, staffPassword).ok());
    a.vault.signOut();
    signInThroughUi(*a.window, u"sam"_qs, staffPassword);
    REQUIRE(a.vault.state() == Vault::State::Unlocked);
    page = openClientOf(a, marta, 0);
    CHECK(child<QLabel>(*page, "clientSsn")->text().contains(u"XXX-XX-9999"));
    auto* first = child<QLineEdit>(*page, "firstName");
    first->setText(u"Martha"_qs);
    child<QPushButton>(*page, "saveClientChanges")->click();
    CHECK(child<QLabel>(*page, "clientPageError")->text().isEmpty());
    CHECK(ClientRecords(a.vault).open(marta).value().firstName == u"Martha");
    shootWindow(*a.window, u"4-staff-fixed-a-name"_qs);
    // The number staff never saw is stored as it was (an administrator reads it whole).
    a.vault.signOut();
    REQUIRE(a.vault.signIn(kAdminLogin, kAdminPassword).ok());
    CHECK(ClientRecords(a.vault).open(marta).value().ssn == u"219099999"_qs);
}
