// Household-first intake: a family member who is not yet a client is created inside the enroll dialog,
// release first, with the relationship suggested from age; and the household column says who has left.
#include "core/hud/HudCodes.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/intake/ClientEnrollmentsPanel.h"
#include "ui/intake/EnrollDialog.h"
#include "ui/intake/MemberEntryForm.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: a child who is not yet a client joins the household from the enroll dialog, release first")
{
    GuiFixture f;
    f.createStore();
    makeProject(f.vault, QStringLiteral("Family Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const ClientProfile maria
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    ui::EnrollDialog dialog(f.vault, maria);
    dialog.show();

    std::shared_ptr<bool> filled;
    auto consented = giveConsentOnNextModal(SharingChoice::FullSharing, [&filled](ui::ConsentDialog&) {
        // The release is given first; the name and date of birth come next.
        filled = onNextModal([](QWidget& form) {
            auto* first = form.findChild<QLineEdit*>(QStringLiteral("newMemberFirst"));
            auto* last = form.findChild<QLineEdit*>(QStringLiteral("newMemberLast"));
            auto* dob = form.findChild<ui::HudDateEdit*>(QStringLiteral("newMemberDob"));
            auto* save = form.findChild<QPushButton*>(QStringLiteral("saveNewMember"));
            REQUIRE((first && last && dob && save));
            QTest::keyClicks(first, QStringLiteral("Teo"));
            QTest::keyClicks(last, QStringLiteral("Lopez"));
            QTest::keyClicks(dob->lineEdit(), QStringLiteral("03/15/2022"));
            save->click();
        });
    });
    child<QPushButton>(dialog, "newMemberButton")->click();
    REQUIRE(*consented);
    REQUIRE(filled);
    REQUIRE(*filled);

    REQUIRE(dialog.members().size() == 2);
    const ui::MemberEntryForm* teo = dialog.members().at(1);
    CHECK(teo->client().firstName == u"Teo");
    CHECK(teo->client().dob == QDate(2022, 3, 15));
    CHECK(teo->relationshipCombo()->code() == hud::Relationship::Child); // suggested from his age
    // He is a client now, with his own release.
    const auto status = ConsentRecords(f.vault).status(teo->client().uuid);
    REQUIRE(status.ok());
    CHECK(status->standing == ConsentStatus::Standing::Active);
}

TEST_CASE("gui: the household column says who has exited")
{
    GuiFixture f;
    f.createStore();
    const Project shelter
        = makeProject(f.vault, QStringLiteral("Family Shelter"), hud::ProjectType::EmergencyShelterEntryExit);
    const ClientProfile maria
        = makeClient(f.vault, QStringLiteral("Maria"), QStringLiteral("Lopez"), QDate(1990, 4, 2));
    const ClientProfile ana = makeClient(f.vault, QStringLiteral("Ana"), QStringLiteral("Lopez"), QDate(2018, 6, 30));
    Enrollment head;
    head.clientUuid = maria.uuid;
    head.relationshipToHoH = hud::Relationship::Self;
    head.entryDate = QDate(2026, 1, 2);
    Enrollment child = head;
    child.clientUuid = ana.uuid;
    child.relationshipToHoH = hud::Relationship::Child;
    auto enrolled = EnrollmentRecords(f.vault).enrollHousehold(shelter.uuid, {head, child});
    REQUIRE(enrolled.ok());
    REQUIRE(EnrollmentRecords(f.vault).exit({{enrolled->at(1).uuid, QDate(2026, 1, 4), 12, {}, {}}}).ok());

    ui::ClientEnrollmentsPanel panel(f.vault, maria);
    auto* table = panel.findChild<QTableWidget*>(QStringLiteral("enrollmentTable"));
    REQUIRE(table != nullptr);
    REQUIRE(table->rowCount() == 1);
    const QString household = table->item(0, 4)->text();
    INFO(household.toStdString());
    CHECK(household.contains(u"Ana Lopez"_qs));
    CHECK(household.contains(u"(exited "_qs));
}
