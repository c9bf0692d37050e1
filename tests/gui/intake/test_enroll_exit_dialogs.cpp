#include "core/auth/Roles.h"
#include "core/hud/HudCodes.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ServiceRecords.h"
#include "core/services/UserAdministration.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/EnrollDialog.h"
#include "ui/intake/ExitDialog.h"
#include "ui/intake/FindingsView.h"
#include "ui/intake/MemberEntryForm.h"
#include "ui/intake/ReopenDialog.h"
#include "ui/intake/ServiceDialog.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {

const QDate kEntry(2026, 1, 2);

/// Maria (head), Jose (partner) and Ana (child, 7) and the enrollment of all three in @p project.
struct Family
{
    ClientProfile maria, jose, ana;
    Enrollment mariaE, joseE, anaE;
};

Family makeFamily(Vault& vault)
{
    Family fam;
    fam.maria = makeClient(vault, QStringLiteral("Maria"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    fam.jose = makeClient(vault, QStringLiteral("Jose"), QStringLiteral("Lopez"), QDate(1988, 9, 14));
    fam.ana = makeClient(vault, QStringLiteral("Ana"), QStringLiteral("Lopez"), QDate(2018, 6, 30));
    return fam;
}

Family enrolledFamily(Vault& vault, const Project& project)
{
    Family fam = makeFamily(vault);
    std::vector<Enrollment> members(3);
    const ClientProfile* people[] = {&fam.maria, &fam.jose, &fam.ana};
    const int relationships[] = {hud::Relationship::Self, hud::Relationship::SpouseOrPartner, hud::Relationship::Child};
    for (size_t i = 0; i < 3; ++i) {
        members[i].clientUuid = people[i]->uuid;
        members[i].relationshipToHoH = relationships[i];
        members[i].entryDate = kEntry;
    }
    auto enrolled = EnrollmentRecords(vault).enrollHousehold(project.uuid, members);
    INFO((enrolled ? QString() : enrolled.message()).toStdString());
    REQUIRE(enrolled.ok());
    fam.mariaE = enrolled->at(0);
    fam.joseE = enrolled->at(1);
    fam.anaE = enrolled->at(2);
    return fam;
}

ui::MemberEntryForm* member(const QWidget& dialog, int index)
{
    const QString name = QStringLiteral("member_%1").arg(index);
    auto* found = dialog.findChild<ui::MemberEntryForm*>(name);
    REQUIRE(found != nullptr);
    return found;
}

QListWidgetItem* itemFor(const QListWidget& list, const QString& name)
{
    for (int i = 0; i < list.count(); ++i) {
        if (list.item(i)->text().startsWith(name))
            return list.item(i);
    }
    FAIL("no list item for " << name.toStdString());
    return nullptr;
}

bool anyMessageContains(const ui::FindingsView& view, const QString& text)
{
    const QStringList messages = view.messages();
    return std::any_of(messages.cbegin(), messages.cend(), [&](const QString& m) { return m.contains(text); });
}

} // namespace

TEST_CASE("gui: a family of three is enrolled through the enroll dialog with exactly one head")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Family Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    Family fam = makeFamily(f.vault);

    ui::EnrollDialog dialog(f.vault, fam.maria);
    dialog.show();
    auto* findings = child<ui::FindingsView>(dialog, "enrollFindings");
    auto* enroll = child<QPushButton>(dialog, "enrollButton");
    CHECK(child<QComboBox>(dialog, "enrollProject")->currentText().startsWith(QStringLiteral("Family Shelter")));
    CHECK(child<ui::HudDateEdit>(dialog, "enrollEntryDate")->date() == QDate(2026, 1, 5));
    CHECK(member(dialog, 0)->isHead());
    CHECK(child<QLineEdit>(*member(dialog, 0), "clientLocation")->text() == QStringLiteral("CA-504"));

    // Jose through the picker: type part of his name, Enter.
    auto ran = onNextModal([](QWidget& picker) {
        auto* filter = picker.findChild<QLineEdit*>(QStringLiteral("clientPickerFilter"));
        auto* list = picker.findChild<QListWidget*>(QStringLiteral("clientPickerList"));
        CHECK((filter && list));
        if (!filter || !list)
            return;
        CHECK(list->count() == 2); // Maria is already in the household
        QTest::keyClicks(filter, QStringLiteral("jos"));
        CHECK((list->currentItem() && list->currentItem()->text().startsWith(QStringLiteral("Jose Lopez"))));
        QTest::keyClick(filter, Qt::Key_Return);
    });
    child<QPushButton>(dialog, "addMemberButton")->click();
    REQUIRE(*ran);
    dialog.addMember(fam.ana);
    REQUIRE(dialog.members().size() == 3);
    CHECK(member(dialog, 1)->client().uuid == fam.jose.uuid);

    // New members have no relationship yet: that blocks enrolling, and says why.
    CHECK_FALSE(enroll->isEnabled());
    CHECK(anyMessageContains(*findings, QStringLiteral("Jose Lopez: Choose the relationship")));

    // Choosing Jose as head takes "Self" away from Maria, with a message.
    member(dialog, 1)->relationshipCombo()->setCode(hud::Relationship::Self);
    CHECK(member(dialog, 1)->isHead());
    CHECK_FALSE(member(dialog, 0)->relationship().has_value());
    auto* householdMessage = child<QLabel>(dialog, "householdMessage");
    CHECK(householdMessage->isVisible());
    CHECK(householdMessage->text().contains(QStringLiteral("Jose Lopez is now the head of household")));
    const auto heads = std::count_if(dialog.members().cbegin(), dialog.members().cend(),
                                     [](const ui::MemberEntryForm* m) { return m->isHead(); });
    CHECK(heads == 1);

    // Back to Maria as head; Jose her partner, Ana their child.
    member(dialog, 0)->relationshipCombo()->setCode(hud::Relationship::Self);
    CHECK_FALSE(member(dialog, 1)->relationship().has_value());
    member(dialog, 1)->relationshipCombo()->setCode(hud::Relationship::SpouseOrPartner);
    member(dialog, 2)->relationshipCombo()->setCode(hud::Relationship::Child);
    CHECK_FALSE(householdMessage->isVisible());

    // The project's entry elements per person: prior living situation for adults, not for a child.
    auto* mariaPrior = member(dialog, 0)->findChild<ui::ElementForm*>(QStringLiteral("element_3.917"));
    REQUIRE(mariaPrior != nullptr);
    CHECK(member(dialog, 2)->findChild<ui::ElementForm*>(QStringLiteral("element_3.917")) == nullptr);
    CHECK(member(dialog, 2)->findChild<ui::ElementForm*>(QStringLiteral("element_4.04")) != nullptr);
    child<ui::HudCodeCombo>(*mariaPrior, "LivingSituation")->setCode(hud::LivingSituation::PlaceNotMeantForHabitation);
    auto* anaInsurance = member(dialog, 2)->findChild<ui::ElementForm*>(QStringLiteral("element_4.04"));
    child<ui::HudCodeCombo>(*anaInsurance, "InsuranceFromAnySource")->setCode(hud::NoYes::Yes);
    child<ui::HudCodeCombo>(*anaInsurance, "Medicaid")->setCode(hud::NoYes::Yes);

    INFO(findings->messages().join(u'\n').toStdString());
    REQUIRE(enroll->isEnabled());
    enroll->click();
    INFO(child<QLabel>(dialog, "enrollError")->text().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.enrolled().size() == 3);

    const auto household = EnrollmentRecords(f.vault).household(dialog.enrolled().front().householdId);
    REQUIRE(household.ok());
    REQUIRE(household->size() == 3);
    int storedHeads = 0;
    for (const Enrollment& e : household.value()) {
        CHECK(e.projectUuid == shelter.uuid);
        CHECK(e.entryDate == QDate(2026, 1, 5));
        CHECK(e.enrollmentCoC == QStringLiteral("CA-504"));
        if (e.isHead()) {
            ++storedHeads;
            CHECK(e.clientUuid == fam.maria.uuid);
            CHECK(e.entryValues.code(QStringLiteral("LivingSituation"))
                  == hud::LivingSituation::PlaceNotMeantForHabitation);
        }
        if (e.clientUuid == fam.ana.uuid) {
            CHECK(e.relationshipToHoH == hud::Relationship::Child);
            REQUIRE(e.assessments.size() == 1); // only the answered element becomes a row
            CHECK(e.assessments.front().file == QStringLiteral("IncomeBenefits"));
            CHECK(e.assessments.front().dataCollectionStage == hud::Stage::Entry);
            CHECK(e.assessments.front().informationDate == QDate(2026, 1, 5));
            CHECK(e.assessments.front().values.code(QStringLiteral("Medicaid")) == hud::NoYes::Yes);
        }
    }
    CHECK(storedHeads == 1);
}

TEST_CASE("gui: the exit dialog refuses to exit the head alone, then exits two members after a change of head")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Family Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const Family fam = enrolledFamily(f.vault, shelter);

    ui::ExitDialog dialog(f.vault, fam.mariaE.uuid);
    dialog.show();
    auto* exitButton = child<QPushButton>(dialog, "exitButton");
    auto* headBox = child<QWidget>(dialog, "exitHeadBox");
    auto* headMessage = child<QLabel>(dialog, "exitHeadMessage");
    auto* checks = child<QListWidget>(dialog, "exitMembers");
    REQUIRE(checks->count() == 3);
    CHECK(dialog.leaving() == QStringList {fam.mariaE.uuid}); // the one it was opened for
    CHECK(child<ui::HudDateEdit>(dialog, "exitDate")->date() == QDate(2026, 1, 5));

    // The head alone cannot leave: the dialog says a new head is needed and offers the way.
    CHECK_FALSE(exitButton->isEnabled());
    CHECK(headBox->isVisible());
    CHECK(headMessage->text().contains(QStringLiteral("new head of household")));
    CHECK(child<QPushButton>(dialog, "changeHeadButton")->isVisible());

    // Ana leaves with Maria; still refused while Jose stays and Maria is head.
    CHECK(checks->item(0)->text() == QStringLiteral("Maria Lopez — Self (head of household)"));
    itemFor(*checks, QStringLiteral("Ana Lopez"))->setCheckState(Qt::Checked);
    CHECK(dialog.leaving() == (QStringList {fam.mariaE.uuid, fam.anaE.uuid}));
    CHECK_FALSE(exitButton->isEnabled());

    auto ran = onNextModal([](QWidget& changeHead) {
        auto* newHead = changeHead.findChild<QComboBox*>(QStringLiteral("newHeadCombo"));
        auto* former = changeHead.findChild<ui::HudCodeCombo*>(QStringLiteral("formerHeadRelationship"));
        auto* ok = changeHead.findChild<QPushButton*>(QStringLiteral("changeHeadOk"));
        CHECK((newHead && former && ok));
        if (!newHead || !former || !ok)
            return;
        CHECK(newHead->currentText() == QStringLiteral("Jose Lopez")); // the one who stays is offered first
        former->setCode(hud::Relationship::SpouseOrPartner);
        ok->click();
    });
    child<QPushButton>(dialog, "changeHeadButton")->click();
    REQUIRE(*ran);
    // The choices survive the reload (the list is re-sorted with the new head first).
    QStringList stillLeaving = dialog.leaving();
    stillLeaving.sort();
    QStringList expectedLeaving {fam.mariaE.uuid, fam.anaE.uuid};
    expectedLeaving.sort();
    CHECK(stillLeaving == expectedLeaving);
    CHECK_FALSE(headBox->isVisible());

    auto* destinationForm = child<ui::ElementForm>(dialog, "element_3.12");
    auto* destination = child<ui::HudCodeCombo>(*destinationForm, "Destination");
    auto* subsidy = child<ui::HudCodeCombo>(*destinationForm, "DestinationSubsidyType");
    CHECK_FALSE(subsidy->isVisible());
    destination->setCode(hud::LivingSituation::RentalWithSubsidy);
    CHECK(subsidy->isVisible());
    subsidy->setCurrentIndex(1);
    const auto subsidyCode = subsidy->code();
    REQUIRE(subsidyCode.has_value());

    auto* findings = child<ui::FindingsView>(dialog, "exitFindings");
    INFO(findings->messages().join(u'\n').toStdString());
    REQUIRE(exitButton->isEnabled());
    exitButton->click();
    INFO(child<QLabel>(dialog, "exitError")->text().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);

    for (const Enrollment* left : {&fam.mariaE, &fam.anaE}) {
        const Enrollment e = storedEnrollment(f.vault, left->uuid);
        CHECK(e.exitDate == QDate(2026, 1, 5));
        CHECK(e.destination == hud::LivingSituation::RentalWithSubsidy);
        CHECK(e.exitValues.code(QStringLiteral("DestinationSubsidyType")) == subsidyCode);
    }
    const Enrollment jose = storedEnrollment(f.vault, fam.joseE.uuid);
    CHECK(jose.isActive());
    CHECK(jose.isHead());
    CHECK(storedEnrollment(f.vault, fam.mariaE.uuid).relationshipToHoH == hud::Relationship::SpouseOrPartner);
}

TEST_CASE("gui: a head chosen in the exit dialog is saved only with the exit; a child over an adult 'child' is refused")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Family Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const Family fam = enrolledFamily(f.vault, shelter); // Maria 1990 head, Jose 1988, Ana 2018

    auto dialog = std::make_unique<ui::ExitDialog>(f.vault, fam.mariaE.uuid);
    dialog->show();
    std::shared_ptr<bool> confirmAsked;
    auto ran = onNextModal([&confirmAsked](QWidget& changeHead) {
        auto* newHead = changeHead.findChild<QComboBox*>(QStringLiteral("newHeadCombo"));
        auto* former = changeHead.findChild<ui::HudCodeCombo*>(QStringLiteral("formerHeadRelationship"));
        auto* ok = changeHead.findChild<QPushButton*>(QStringLiteral("changeHeadOk"));
        auto* error = changeHead.findChild<QLabel*>(QStringLiteral("changeHeadError"));
        REQUIRE((newHead && former && ok && error));
        // Ana (7) as head with her mother (36) as her "Child": refused, the dialog stays.
        newHead->setCurrentIndex(newHead->findText(QStringLiteral("Ana Lopez")));
        former->setCode(hud::Relationship::Child);
        ok->click();
        CHECK(changeHead.isVisible());
        CHECK(error->text().contains(QStringLiteral("older than the new head")));
        // As "Other relative": plausible, but Jose, an adult, stays: it asks first, and No keeps the dialog.
        former->setCode(hud::Relationship::OtherRelative);
        confirmAsked = onNextModal([](QWidget& box) {
            CHECK(box.objectName() == QStringLiteral("childHeadConfirmation"));
            qobject_cast<QMessageBox*>(&box)->button(QMessageBox::No)->click();
        });
        ok->click();
        CHECK(changeHead.isVisible());
        // Jose, her partner: no question.
        newHead->setCurrentIndex(newHead->findText(QStringLiteral("Jose Lopez")));
        former->setCode(hud::Relationship::SpouseOrPartner);
        ok->click();
    });
    child<QPushButton>(*dialog, "changeHeadButton")->click();
    REQUIRE(*ran);
    REQUIRE(confirmAsked);
    CHECK(*confirmAsked);

    // Shown at once in the dialog; nothing is saved yet.
    auto* checks = child<QListWidget>(*dialog, "exitMembers");
    CHECK(checks->item(0)->text() == QStringLiteral("Jose Lopez — Self (head of household)"));
    CHECK(child<QPushButton>(*dialog, "exitButton")->isEnabled());
    CHECK(storedEnrollment(f.vault, fam.mariaE.uuid).isHead());

    // Cancelled: the household stays as it was.
    dialog->reject();
    dialog.reset();
    CHECK(storedEnrollment(f.vault, fam.mariaE.uuid).isHead());
    CHECK(storedEnrollment(f.vault, fam.joseE.uuid).relationshipToHoH == hud::Relationship::SpouseOrPartner);
    CHECK(storedEnrollment(f.vault, fam.mariaE.uuid).isActive());
}

TEST_CASE("gui: reopening an enrollment keeps the exit destination unless an administrator clears it")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const ClientProfile client = makeClient(f.vault, QStringLiteral("Sam"), QStringLiteral("Reyes"), QDate(1975, 1, 1));
    Enrollment e;
    e.clientUuid = client.uuid;
    e.relationshipToHoH = hud::Relationship::Self;
    e.entryDate = kEntry;
    auto enrolled = EnrollmentRecords(f.vault).enrollHousehold(shelter.uuid, {e});
    REQUIRE(enrolled.ok());
    const QString uuid = enrolled->front().uuid;
    const auto exitNow = [&] {
        REQUIRE(EnrollmentRecords(f.vault)
                    .exit({ExitRequest {uuid, QDate(2026, 1, 4), hud::LivingSituation::EmergencyShelter, {}, {}}})
                    .ok());
    };
    exitNow();

    {
        ui::ReopenDialog dialog(f.vault, uuid);
        dialog.show();
        CHECK(child<QLabel>(dialog, "reopenExplanation")->text().contains(QStringLiteral("the exit data stays")));
        auto* clear = child<QCheckBox>(dialog, "clearExitData"); // an administrator may clear
        CHECK_FALSE(clear->isChecked());
        child<QPushButton>(dialog, "reopenButton")->click();
        REQUIRE(dialog.result() == QDialog::Accepted);
        const Enrollment reopened = storedEnrollment(f.vault, uuid);
        CHECK(reopened.isActive());
        CHECK(reopened.destination == hud::LivingSituation::EmergencyShelter);
    }

    exitNow();
    {
        ui::ReopenDialog dialog(f.vault, uuid);
        dialog.show();
        child<QCheckBox>(dialog, "clearExitData")->setChecked(true);
        // The confirmation names what goes; confirming clears it.
        auto ran = onNextModal([](QWidget& box) {
            auto* label = box.findChild<QLabel*>(QStringLiteral("qt_msgbox_label"));
            CHECK((label && label->text().contains(QStringLiteral("destination"))));
            auto* confirm = box.findChild<QPushButton*>(QStringLiteral("confirmClearButton"));
            CHECK(confirm != nullptr);
            if (confirm)
                confirm->click();
        });
        child<QPushButton>(dialog, "reopenButton")->click();
        REQUIRE(*ran);
        REQUIRE(dialog.result() == QDialog::Accepted);
        const Enrollment cleared = storedEnrollment(f.vault, uuid);
        CHECK(cleared.isActive());
        CHECK_FALSE(cleared.destination.has_value());
    }
}

TEST_CASE("gui: Agency Staff reopen without the Clear all exit data option")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const ClientProfile client = makeClient(f.vault, QStringLiteral("Sam"), QStringLiteral("Reyes"), QDate(1975, 1, 1));
    Enrollment e;
    e.clientUuid = client.uuid;
    e.relationshipToHoH = hud::Relationship::Self;
    e.entryDate = kEntry;
    auto enrolled = EnrollmentRecords(f.vault).enrollHousehold(shelter.uuid, {e});
    REQUIRE(enrolled.ok());
    const QString uuid = enrolled->front().uuid;
    REQUIRE(EnrollmentRecords(f.vault)
                .exit({ExitRequest {uuid, QDate(2026, 1, 4), hud::LivingSituation::EmergencyShelter, {}, {}}})
                .ok());
    const QString temporary = QStringLiteral("Kt5#Lm8Rv");
    const QString own = QStringLiteral("Wq4$Hn7Bz");
    REQUIRE(UserAdministration(f.vault)
                .addUser(QStringLiteral("staff"), QStringLiteral("Sam Staff"), Role::AgencyStaff, temporary)
                .ok());
    f.vault.signOut();
    REQUIRE(f.vault.signIn(QStringLiteral("staff"), temporary).ok());
    REQUIRE(f.vault.changePassword(temporary, own).ok());
    REQUIRE(f.vault.can(Permission::EditClients));
    REQUIRE_FALSE(f.vault.can(Permission::ClearExitData));

    ui::ReopenDialog dialog(f.vault, uuid);
    dialog.show();
    CHECK(dialog.findChild<QCheckBox*>(QStringLiteral("clearExitData")) == nullptr);
    CHECK_FALSE(visibleTexts(dialog).join(u' ').contains(QStringLiteral("Clear all exit data")));
    child<QPushButton>(dialog, "reopenButton")->click();
    REQUIRE(dialog.result() == QDialog::Accepted);
    const Enrollment reopened = storedEnrollment(f.vault, uuid);
    CHECK(reopened.isActive());
    CHECK(reopened.destination == hud::LivingSituation::EmergencyShelter);
}

TEST_CASE("gui: a service is added to an enrollment; a future date is refused in the dialog")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const Family fam = enrolledFamily(f.vault, shelter);

    ui::ServiceDialog dialog(f.vault, fam.anaE);
    dialog.show();
    auto* type = child<QComboBox>(dialog, "serviceType");
    auto* date = child<ui::HudDateEdit>(dialog, "serviceDate");
    auto* add = child<QPushButton>(dialog, "addServiceButton");
    type->setCurrentIndex(type->findText(QStringLiteral("Meal")));
    date->lineEdit()->clear();
    QTest::keyClicks(date->lineEdit(), QStringLiteral("01/06/2026"));
    add->click();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(child<QLabel>(dialog, "serviceError")->isVisible());
    CHECK(type->currentText() == QStringLiteral("Meal")); // nothing typed is lost

    date->lineEdit()->clear();
    QTest::keyClicks(date->lineEdit(), QStringLiteral("01/03/2026"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "serviceNotes"), QStringLiteral("Breakfast"));
    add->click();
    REQUIRE(dialog.result() == QDialog::Accepted);
    const auto services = ServiceRecords(f.vault).forEnrollment(fam.anaE.uuid);
    REQUIRE(services.ok());
    REQUIRE(services->size() == 1);
    const ServiceRecord& s = services->front();
    CHECK(s.recordType == 0);
    CHECK(s.typeProvided == 3);
    CHECK(s.dateProvided == QDate(2026, 1, 3));
    CHECK(s.notes == QStringLiteral("Breakfast"));
    CHECK(s.clientUuid == fam.ana.uuid);
}
