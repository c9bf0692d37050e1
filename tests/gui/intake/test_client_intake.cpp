// The client screens end to end: the whole intake (search, create, duplicates, family enrollment,
// check-ins, exits, reopen), anonymous clients and screenshots. SSN entry and masking: test_client_ssn.cpp.
#include "core/auth/Roles.h"
#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/intake/AnonymousProfiles.h"
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ServiceRecords.h"
#include "core/services/UserAdministration.h"
#include "tests/gui/intake/ClientIntakeSupport.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/intake/ClientEnrollmentsPanel.h"
#include "ui/intake/ClientListModel.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientProfileForm.h"
#include "ui/intake/ClientsPage.h"
#include "ui/intake/DataQualityCombo.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/EnrollDialog.h"
#include "ui/intake/FindingsView.h"
#include "ui/intake/MemberEntryForm.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::test::clientintake;

namespace {

int bedNights(Vault& vault, const QString& enrollmentUuid)
{
    auto services = ServiceRecords(vault).forEnrollment(enrollmentUuid);
    REQUIRE(services.ok());
    return int(
        std::count_if(services->cbegin(), services->cend(), [](const ServiceRecord& s) { return s.isBedNight(); }));
}

QListWidgetItem* itemStartingWith(QListWidget& list, const QString& text)
{
    for (int i = 0; i < list.count(); ++i) {
        if (list.item(i)->text().startsWith(text))
            return list.item(i);
    }
    return nullptr;
}

ui::ClientEnrollmentsPanel* enrollmentsOf(ui::ClientsPage& page)
{
    REQUIRE(page.clientPage() != nullptr);
    auto* tabs = child<QTabWidget>(*page.clientPage(), "clientTabs");
    auto* panel = page.clientPage()->enrollmentsPanel();
    tabs->setCurrentWidget(panel);
    return panel;
}

/// Presses "Check in tonight" and answers the household question with @p answer.
void checkIn(ui::ClientEnrollmentsPanel& panel, const char* answer)
{
    auto* button = child<QPushButton>(panel, "checkInButton");
    INFO(button->toolTip().toStdString());
    REQUIRE(button->isEnabled());
    const QString answerName = QString::fromLatin1(answer);
    auto ran = onNextModal([answerName](QWidget& box) {
        auto* choice = box.findChild<QPushButton*>(answerName);
        CHECK(choice != nullptr);
        if (choice)
            choice->click();
    });
    button->click();
    CHECK(*ran);
}

} // namespace

TEST_CASE("gui: the whole intake — search, create, duplicate warning, family enrollment, check-ins, exits, reopen")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Night Shelter"), hud::ProjectType::EmergencyShelterNightByNight);
    REQUIRE(shelter.tracksBedNights);

    ui::ClientsPage page(f.vault);
    page.resize(1280, 860);
    page.show();
    auto* newButton = child<QPushButton>(page, "newClientButton");
    CHECK_FALSE(newButton->isEnabled()); // search first

    // 1. Search: no match.
    search(page, QStringLiteral("Maria"), QStringLiteral("Lopez"), QStringLiteral("04/02/1990"));
    CHECK(page.model()->rowCount() == 0);
    CHECK(child<QLabel>(page, "searchSummary")->text().startsWith(QStringLiteral("No match")));
    REQUIRE(newButton->isEnabled());

    // 2. Consent comes first; then the new client carries what was searched.
    auto consented = giveConsentOnNextModal(SharingChoice::FullSharing);
    newButton->click();
    REQUIRE(*consented);
    auto* form = page.newClientForm();
    REQUIRE(form->isVisible());
    CHECK(child<QLineEdit>(*form, "firstName")->text() == QStringLiteral("Maria"));
    CHECK(child<QLineEdit>(*form, "lastName")->text() == QStringLiteral("Lopez"));
    CHECK(child<ui::HudDateEdit>(*form, "dob")->date() == QDate(1990, 4, 2));
    CHECK(child<QLabel>(*form, "dobAge")->text() == QStringLiteral("age 35"));
    CHECK(child<ui::HudCodeCombo>(*form, "nameDataQuality")->code() == hud::DataQuality::Full);
    CHECK(child<ui::HudCodeCombo>(*form, "dobDataQuality")->code() == hud::DataQuality::Full);

    // 3. SSN: a letter becomes X and the data quality follows; an invalid number warns but saves.
    auto* ssn = child<QLineEdit>(*form, "ssn");
    auto* ssnQuality = child<ui::HudCodeCombo>(*form, "ssnDataQuality");
    QTest::keyClicks(ssn, QStringLiteral("123-45-678a"));
    CHECK(ssn->text() == QStringLiteral("123-45-678X"));
    CHECK(child<QLabel>(*form, "ssnWarnings")->text().contains(QStringLiteral("Letters and signs became X")));
    CHECK(ssnQuality->code() == hud::DataQuality::Partial);
    typeInto(ssn, QStringLiteral("000-12-3456"));
    CHECK(ssn->text() == QStringLiteral("000-12-3456"));
    CHECK(ssnQuality->code() == hud::DataQuality::Full);
    auto* warnings = child<QLabel>(*form, "ssnWarnings");
    CHECK(warnings->isVisible());
    CHECK_FALSE(warnings->text().isEmpty());
    CHECK_FALSE(form->hasRefusal());
    child<QCheckBox>(*form, "race_HispanicLatinao")->setChecked(true);
    child<ui::HudCodeCombo>(*form, "sex")->setCode(hud::Sex::Female);
    child<ui::HudCodeCombo>(*form, "veteranStatus")->setCode(hud::NoYes::No);
    child<QPushButton>(page, "saveNewClient")->click();
    INFO(child<QLabel>(page, "clientsError")->text().toStdString());
    REQUIRE(page.clientPage() != nullptr);
    const ClientProfile maria = page.clientPage()->client();
    {
        const ClientProfile stored = storedClient(f.vault, maria.uuid);
        CHECK(stored.ssn == QStringLiteral("000123456"));
        CHECK(stored.ssnDataQuality == hud::DataQuality::Full);
        CHECK(stored.dob == QDate(1990, 4, 2));
        CHECK(stored.raceEthnicity == QStringList {QStringLiteral("HispanicLatinao")});
        CHECK(stored.sex == hud::Sex::Female);
        CHECK(stored.veteranStatus == hud::NoYes::No);
        CHECK_FALSE(stored.caseNumber.isEmpty());
    }
    CHECK(child<QLabel>(*page.clientPage(), "clientSsn")->text().contains(QStringLiteral("XXX-XX-3456")));

    // The rest of the family was recorded earlier by a colleague.
    child<QPushButton>(*page.clientPage(), "backToSearchButton")->click();
    CHECK(page.clientPage() == nullptr);
    const ClientProfile jose = makeClient(f.vault, QStringLiteral("Jose"), QStringLiteral("Lopez"), QDate(1988, 9, 14));
    const ClientProfile ana = makeClient(f.vault, QStringLiteral("Ana"), QStringLiteral("Lopez"), QDate(2018, 6, 30));

    // 4. A near-duplicate (a typo in the last name): results say why, saving warns, open the existing one.
    search(page, QStringLiteral("Maria"), QStringLiteral("Lopes"), QStringLiteral("04/02/1990"));
    REQUIRE(page.model()->rowCount() >= 1);
    CHECK(page.model()->uuidAt(0) == maria.uuid);
    CHECK_FALSE(page.model()->reasonsAt(0).isEmpty());
    consented = giveConsentOnNextModal(SharingChoice::FullSharing);
    newButton->click();
    REQUIRE(*consented);
    REQUIRE(form->isVisible());
    auto warned = onNextModal([&](QWidget& dialog) {
        auto* list = dialog.findChild<QListWidget*>(QStringLiteral("duplicateList"));
        CHECK((list && list->count() >= 1));
        if (list && list->count() >= 1) {
            CHECK(list->item(0)->text().startsWith(QStringLiteral("Maria Lopez")));
            CHECK(list->item(0)->text().contains(QStringLiteral("Why:")));
            CHECK(list->item(0)->text().contains(QStringLiteral("XXX-XX-3456")));
        }
        auto* open = dialog.findChild<QPushButton*>(QStringLiteral("openExistingButton"));
        CHECK(open != nullptr);
        if (open)
            open->click();
    });
    child<QPushButton>(page, "saveNewClient")->click();
    REQUIRE(*warned);
    REQUIRE(page.clientPage() != nullptr);
    CHECK(page.clientPage()->client().uuid == maria.uuid);
    CHECK(ClientRecords(f.vault).list()->size() == 3); // no second Maria
    // The release just collected is recorded for the client opened instead.
    auto mariaReleases = ConsentRecords(f.vault).history(maria.uuid);
    REQUIRE(mariaReleases.ok());
    CHECK(mariaReleases->size() == 2);
    CHECK(child<QLabel>(page, "clientsError")->isHidden());

    // 5. Enroll the family of three into the night-by-night shelter.
    auto* panel = enrollmentsOf(page);
    auto enrolledRan = onNextModal([&](QWidget& modal) {
        auto* dialog = qobject_cast<ui::EnrollDialog*>(&modal);
        CHECK(dialog != nullptr);
        if (!dialog)
            return;
        dialog->addMember(jose);
        dialog->addMember(ana);
        const auto members = dialog->members();
        CHECK(members.size() == 3);
        if (members.size() != 3)
            return;
        members.at(1)->relationshipCombo()->setCode(hud::Relationship::SpouseOrPartner);
        members.at(2)->relationshipCombo()->setCode(hud::Relationship::Child);
        for (ui::MemberEntryForm* member : members) {
            if (auto* prior = member->findChild<ui::ElementForm*>(QStringLiteral("element_3.917"))) {
                if (auto* living = prior->findChild<ui::HudCodeCombo*>(QStringLiteral("LivingSituation")))
                    living->setCode(hud::LivingSituation::PlaceNotMeantForHabitation);
            }
        }
        auto* enroll = dialog->findChild<QPushButton*>(QStringLiteral("enrollButton"));
        auto* findings = dialog->findChild<ui::FindingsView*>(QStringLiteral("enrollFindings"));
        INFO((findings ? findings->messages().join(u'\n') : QString()).toStdString());
        CHECK((enroll && enroll->isEnabled()));
        if (enroll)
            enroll->click();
        CHECK(dialog->result() == QDialog::Accepted);
    });
    child<QPushButton>(*panel, "enrollClientButton")->click();
    REQUIRE(*enrolledRan);
    REQUIRE(panel->enrollments().size() == 1);
    const Enrollment mariaE = panel->enrollments().front();
    auto household = EnrollmentRecords(f.vault).household(mariaE.householdId);
    REQUIRE(household.ok());
    REQUIRE(household->size() == 3);
    QString joseE, anaE;
    for (const Enrollment& e : *household) {
        if (e.clientUuid == jose.uuid)
            joseE = e.uuid;
        if (e.clientUuid == ana.uuid)
            anaE = e.uuid;
    }
    REQUIRE_FALSE(joseE.isEmpty());
    REQUIRE_FALSE(anaE.isEmpty());
    auto* enrollmentTable = child<QTableWidget>(*panel, "enrollmentTable");
    CHECK(enrollmentTable->item(0, 0)->text() == QStringLiteral("Night Shelter"));
    CHECK(enrollmentTable->item(0, 4)->text().contains(QStringLiteral("Jose Lopez")));

    // 6. Three nights: everyone twice, then Maria alone. The worker comes back each evening.
    checkIn(*panel, "checkInEveryoneButton");
    CHECK_FALSE(child<QPushButton>(*panel, "checkInButton")->isEnabled()); // once a night
    CHECK(child<QLabel>(*panel, "checkInMessage")->text().contains(QStringLiteral("Ana Lopez")));
    CHECK(ui::toneOf(*child<QLabel>(*panel, "checkInMessage")) == ui::Tone::Good); // good news, not an error
    f.clock.advanceSeconds(86400);
    panel->reload();
    checkIn(*panel, "checkInEveryoneButton");
    f.clock.advanceSeconds(86400);
    panel->reload();
    checkIn(*panel, "checkInOnlyButton");
    auto* services = child<QTableWidget>(*panel, "serviceTable");
    REQUIRE(services->rowCount() == 3);
    CHECK(services->item(0, 1)->text() == QStringLiteral("Bed night"));
    CHECK(services->item(0, 0)->text() == displayDate(QDate(2026, 1, 7)));

    // 7. The next day Jose and Ana leave; Maria stays.
    f.clock.advanceSeconds(86400);
    panel->reload();
    auto exited = onNextModal([&](QWidget& dialog) {
        auto* checks = dialog.findChild<QListWidget*>(QStringLiteral("exitMembers"));
        CHECK(checks != nullptr);
        if (!checks)
            return;
        for (const char* name : {"Maria Lopez", "Jose Lopez", "Ana Lopez"}) {
            QListWidgetItem* item = itemStartingWith(*checks, QString::fromLatin1(name));
            CHECK(item != nullptr);
            if (item)
                item->setCheckState(QLatin1String(name) == QLatin1String("Maria Lopez") ? Qt::Unchecked : Qt::Checked);
        }
        auto* destinationForm = dialog.findChild<ui::ElementForm*>(QStringLiteral("element_3.12"));
        auto* destination
            = destinationForm ? destinationForm->findChild<ui::HudCodeCombo*>(QStringLiteral("Destination")) : nullptr;
        CHECK(destination != nullptr);
        if (destination)
            destination->setCode(hud::LivingSituation::EmergencyShelter);
        auto* exitButton = dialog.findChild<QPushButton*>(QStringLiteral("exitButton"));
        auto* findings = dialog.findChild<ui::FindingsView*>(QStringLiteral("exitFindings"));
        INFO((findings ? findings->messages().join(u'\n') : QString()).toStdString());
        CHECK((exitButton && exitButton->isEnabled()));
        if (exitButton)
            exitButton->click();
    });
    child<QPushButton>(*panel, "exitEnrollmentButton")->click();
    REQUIRE(*exited);
    CHECK_FALSE(storedEnrollment(f.vault, joseE).isActive());
    CHECK_FALSE(storedEnrollment(f.vault, anaE).isActive());
    CHECK(storedEnrollment(f.vault, mariaE.uuid).isActive());

    // 8. Jose comes back: find him, open his page, reopen his enrollment.
    child<QPushButton>(*page.clientPage(), "backToSearchButton")->click();
    search(page, QStringLiteral("Jose"), QStringLiteral("Lopez"));
    REQUIRE(page.model()->rowCount() >= 1);
    REQUIRE(page.model()->uuidAt(0) == jose.uuid);
    auto* table = child<QTableView>(page, "clientTable");
    table->setFocus();
    table->setCurrentIndex(page.model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    REQUIRE(page.clientPage() != nullptr);
    REQUIRE(page.clientPage()->client().uuid == jose.uuid);
    panel = enrollmentsOf(page);
    REQUIRE(panel->selectedEnrollment().has_value());
    CHECK(panel->selectedEnrollment()->uuid == joseE);
    CHECK_FALSE(child<QPushButton>(*panel, "checkInButton")->isEnabled());
    auto reopened = onNextModal([](QWidget& dialog) {
        auto* ok = dialog.findChild<QPushButton*>(QStringLiteral("reopenButton"));
        CHECK(ok != nullptr);
        if (ok)
            ok->click();
    });
    child<QPushButton>(*panel, "reopenEnrollmentButton")->click();
    REQUIRE(*reopened);

    // 9. What is stored.
    CHECK(bedNights(f.vault, mariaE.uuid) == 3);
    CHECK(bedNights(f.vault, joseE) == 2);
    CHECK(bedNights(f.vault, anaE) == 2);
    const Enrollment anaStored = storedEnrollment(f.vault, anaE);
    CHECK(anaStored.exitDate == QDate(2026, 1, 8));
    CHECK(anaStored.destination == hud::LivingSituation::EmergencyShelter);
    const Enrollment joseStored = storedEnrollment(f.vault, joseE);
    CHECK(joseStored.isActive());
    CHECK(joseStored.destination == hud::LivingSituation::EmergencyShelter); // reopened keeps the destination
    CHECK(storedEnrollment(f.vault, mariaE.uuid).isActive());

    // The history tab lists what happened to Jose's records.
    auto* history = child<QTableWidget>(*page.clientPage(), "historyTable");
    CHECK(history->rowCount() >= 3);
}

TEST_CASE("gui: an anonymous client is created with the agency's default profile and an approximate age")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.show();
    auto ran = std::make_shared<bool>(false);
    // Consent first (Anonymous), then how the anonymous client is recorded.
    auto consented = giveConsentOnNextModal(SharingChoice::Anonymous, [ran](ui::ConsentDialog&) {
        onNextModal([ran](QWidget& dialog) {
            *ran = true;
            auto* age = dialog.findChild<QSpinBox*>(QStringLiteral("anonymousAge"));
            auto* ok = dialog.findChild<QPushButton*>(QStringLiteral("createAnonymousButton"));
            CHECK((age && ok));
            if (!age || !ok)
                return;
            age->setValue(30);
            ok->click();
        });
    });
    child<QPushButton>(page, "anonymousClientButton")->click();
    REQUIRE(*consented);
    REQUIRE(*ran);
    REQUIRE(page.clientPage() != nullptr);
    const ClientProfile stored = storedClient(f.vault, page.clientPage()->client().uuid);
    CHECK(stored.anonymousProfile == defaultAnonymousProfileId());
    CHECK(stored.dob == QDate(1996, 1, 1));
    CHECK(stored.dobDataQuality == hud::DataQuality::Partial);
    // The consent badge says Anonymous; the other badges do not repeat it.
    CHECK(child<QLabel>(*page.clientPage(), "clientConsentBadge")->text() == QStringLiteral("Anonymous"));
    CHECK_FALSE(child<QLabel>(*page.clientPage(), "clientBadges")->text().contains(QStringLiteral("Anonymous")));
    auto consent = ConsentRecords(f.vault).status(stored.uuid);
    REQUIRE(consent.ok());
    REQUIRE(consent->current.has_value());
    CHECK(consent->current->choice == SharingChoice::Anonymous);
}

// Hidden: renders the client screens to PNG files for a visual check (not run by ctest).
//   HEARTH_SCREENSHOT_DIR=/tmp test_gui_intake_forms "[.screenshots]"
TEST_CASE("gui: screenshots of the client screens", "[.screenshots]")
{
    const QString outDir = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR", QDir::tempPath());
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Night Shelter"), hud::ProjectType::EmergencyShelterNightByNight);
    const ClientProfile maria
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    makeClient(f.vault, QStringLiteral("Mario"), QStringLiteral("Lopes"), QDate(1991, 2, 4));
    Enrollment e;
    e.clientUuid = maria.uuid;
    e.relationshipToHoH = hud::Relationship::Self;
    e.entryDate = QDate(2026, 1, 2);
    REQUIRE(EnrollmentRecords(f.vault).enrollHousehold(shelter.uuid, {e}).ok());
    const auto shoot = [&](QWidget& w, const QString& name) {
        QTest::qWait(50);
        CHECK(w.grab().save(outDir + QStringLiteral("/hearth-") + name + QStringLiteral(".png")));
    };

    ui::ClientsPage page(f.vault);
    page.resize(1280, 860);
    page.show();
    search(page, QStringLiteral("Maria"), QStringLiteral("Lopez"));
    shoot(page, QStringLiteral("client-search"));
    auto consented = giveConsentOnNextModal();
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*consented);
    QTest::keyClicks(child<QLineEdit>(*page.newClientForm(), "ssn"), QStringLiteral("000-12-345a"));
    child<ui::HudCodeCombo>(*page.newClientForm(), "veteranStatus")->setCode(hud::NoYes::Yes);
    shoot(page, QStringLiteral("client-new"));
    page.cancelNewClient();
    page.openClient(maria.uuid);
    REQUIRE(page.clientPage() != nullptr);
    shoot(page, QStringLiteral("client-page-profile"));
    child<QTabWidget>(*page.clientPage(), "clientTabs")->setCurrentIndex(1);
    shoot(page, QStringLiteral("client-page-enrollments"));
    auto* tabs = child<QTabWidget>(*page.clientPage(), "clientTabs");
    tabs->setCurrentWidget(child<QWidget>(*page.clientPage(), "historyTable"));
    shoot(page, QStringLiteral("client-page-history"));
}

TEST_CASE("gui: Ctrl+S saves the open client's profile")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile created
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    ui::ClientsPage page(f.vault);
    showAndActivate(page);
    page.openClient(created.uuid);
    REQUIRE(page.clientPage() != nullptr);
    auto* alias = child<QLineEdit>(*page.clientPage(), "alias");
    alias->setFocus();
    QTest::keyClicks(alias, QStringLiteral("Mari"));
    QTest::keyClick(alias, Qt::Key_S, Qt::ControlModifier);
    CHECK(storedClient(f.vault, created.uuid).alias == QStringLiteral("Mari"));
}

TEST_CASE("gui: 'Not saved: fix what is marked' goes once the mark is fixed")
{
    GuiFixture f;
    f.createStore();
    const ClientProfile created
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    ui::ClientsPage page(f.vault);
    page.show();
    page.openClient(created.uuid);
    REQUIRE(page.clientPage() != nullptr);
    ui::ClientPage& clientPage = *page.clientPage();
    auto* dob = child<ui::HudDateEdit>(clientPage, "dob")->lineEdit();
    typeInto(dob, QStringLiteral("13/45/1990"));
    child<QPushButton>(clientPage, "saveClientChanges")->click();
    auto* error = child<QLabel>(clientPage, "clientPageError");
    CHECK(error->text().startsWith(u"Not saved"));
    typeInto(dob, QStringLiteral("04/02/1990"));
    CHECK(error->text().isEmpty());
}

TEST_CASE("gui: the new-client form's 'Not saved' message goes once the mark is fixed")
{
    GuiFixture f;
    f.createStore();
    ui::ClientsPage page(f.vault);
    page.show();
    search(page, QStringLiteral("Maria"), QStringLiteral("Lopez"));
    auto consented = giveConsentOnNextModal();
    child<QPushButton>(page, "newClientButton")->click();
    REQUIRE(*consented);
    auto* dob = child<ui::HudDateEdit>(*page.newClientForm(), "dob")->lineEdit();
    typeInto(dob, QStringLiteral("13/45/1990"));
    child<QPushButton>(page, "saveNewClient")->click();
    auto* error = child<QLabel>(page, "clientsError");
    CHECK(error->text().startsWith(u"Not saved"));
    typeInto(dob, QStringLiteral("04/02/1990"));
    CHECK(error->text().isEmpty());
}
