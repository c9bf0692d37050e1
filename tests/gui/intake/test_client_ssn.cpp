// The SSN on the client screens: normalised as typed, data quality following it, masked everywhere but
// the edit field, and Reveal only for those allowed to see it.
#include "core/auth/Roles.h"
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

const QString kFullSsn = QStringLiteral("219099999");

} // namespace

TEST_CASE("gui: the SSN field normalises as typed; data quality follows until chosen by hand; consent refused")
{
    GuiFixture f;
    f.createStore();
    ui::ClientProfileForm form(QDate(2026, 1, 5));
    form.show();
    auto* ssn = child<QLineEdit>(form, "ssn");
    auto* quality = child<ui::DataQualityCombo>(form, "ssnDataQuality");

    QTest::keyClicks(ssn, QStringLiteral("xxx-xx-xxxx"));
    CHECK(ssn->text() == QStringLiteral("XXX-XX-XXXX"));
    CHECK(child<QLabel>(form, "ssnWarnings")->isHidden()); // an X typed as X converts nothing
    CHECK(quality->code() == hud::ClientDoesntKnow);
    typeInto(ssn, QStringLiteral("1234"));
    CHECK(quality->code() == hud::DataQuality::Partial);
    CHECK(form.profile().ssn == QStringLiteral("XXXXX1234")); // the last four, padded
    typeInto(ssn, QStringLiteral("219 09 9999"));
    CHECK(ssn->text() == QStringLiteral("219-09-9999"));
    CHECK(quality->code() == hud::DataQuality::Full);
    CHECK(child<QLabel>(form, "ssnWarnings")->isHidden());

    // Chosen by hand: typing no longer changes it.
    quality->setCode(hud::DataQuality::Partial);
    typeInto(ssn, QStringLiteral("219099998"));
    CHECK(quality->code() == hud::DataQuality::Partial);

    // An SSN breaking a validity rule warns, never changes.
    typeInto(ssn, QStringLiteral("666123456"));
    CHECK(ssn->text() == QStringLiteral("666-12-3456"));
    CHECK(child<QLabel>(form, "ssnWarnings")->isVisible());
    CHECK_FALSE(form.hasRefusal());

    // Consent refused: digits become X on save, data quality 9.
    child<QCheckBox>(form, "ssnConsentRefused")->setChecked(true);
    CHECK(ssn->text() == QStringLiteral("666-12-3456")); // the field is left alone until saving
    CHECK(form.profile().ssn == QStringLiteral("XXXXXXXXX"));
    CHECK(form.profile().ssnDataQuality == hud::ClientPrefersNotToAnswer);

    // Date of birth: a future date is refused; an approximate age gives 1 January.
    auto* dob = child<ui::HudDateEdit>(form, "dob");
    typeInto(dob->lineEdit(), QStringLiteral("02/01/2026"));
    CHECK(form.hasRefusal());
    child<QSpinBox>(form, "dobApproximateAge")->setValue(40);
    CHECK(dob->date() == QDate(1986, 1, 1));
    CHECK(child<QCheckBox>(form, "dobApproximate")->isChecked());
    CHECK(child<ui::HudCodeCombo>(form, "dobDataQuality")->code() == hud::DataQuality::Partial);
    CHECK(child<QLabel>(form, "dobAge")->text() == QStringLiteral("age 40, approximate"));
    CHECK_FALSE(form.hasRefusal());

    // Race: "none" reason only while nothing is ticked.
    auto* raceNone = child<ui::HudCodeCombo>(form, "raceNone");
    CHECK(raceNone->isEnabled());
    child<QCheckBox>(form, "race_White")->setChecked(true);
    CHECK_FALSE(raceNone->isEnabled());

    // Veteran information appears for veterans only.
    auto* v1 = child<ui::ElementForm>(form, "element_V1");
    CHECK(v1->isHidden());
    child<ui::HudCodeCombo>(form, "veteranStatus")->setCode(hud::NoYes::Yes);
    CHECK_FALSE(v1->isHidden());
    auto* branch = v1->control(QStringLiteral("MilitaryBranch"));
    REQUIRE(branch != nullptr);
    CHECK(v1->isShown(QStringLiteral("MilitaryBranch")));

    // The whole form round-trips through a draft.
    ui::ClientProfileForm restored(QDate(2026, 1, 5));
    restored.restoreDraft(form.draft());
    CHECK(restored.profile() == form.profile());
    CHECK(child<QLineEdit>(restored, "ssn")->text() == QStringLiteral("666-12-3456"));
}

TEST_CASE("gui: an SSN's converted characters and a short number are explained; a bad date gets one message")
{
    GuiFixture f;
    f.createStore();
    ui::ClientProfileForm form(QDate(2026, 1, 5));
    form.show();
    auto* ssn = child<QLineEdit>(form, "ssn");
    auto* warnings = child<QLabel>(form, "ssnWarnings");

    // "123-45-67ab": the letters become X, and the field says so (Orange County: X is an unknown digit).
    QTest::keyClicks(ssn, QStringLiteral("123-45-67ab"));
    CHECK(ssn->text() == QStringLiteral("123-45-67XX"));
    CHECK(form.profile().ssn == QStringLiteral("1234567XX"));
    CHECK(warnings->isVisible());
    CHECK(warnings->text().contains(QStringLiteral("Letters and signs became X")));
    // Typed over with digits only: the explanation goes with the last X.
    typeInto(ssn, QStringLiteral("219099999"));
    CHECK(warnings->isHidden());
    // A short number: how it is saved.
    typeInto(ssn, QStringLiteral("6789"));
    CHECK(warnings->text().contains(QStringLiteral("Saved as XXX-XX-6789")));

    // 02/30/2020 is no date: one message for the field, and the data quality keeps its answer.
    auto* dobQuality = child<ui::HudCodeCombo>(form, "dobDataQuality");
    auto* dob = child<ui::HudDateEdit>(form, "dob");
    typeInto(dob->lineEdit(), QStringLiteral("04/02/1990"));
    REQUIRE(dobQuality->code() == hud::DataQuality::Full);
    dob->lineEdit()->selectAll();
    QTest::keyClicks(dob->lineEdit(), QStringLiteral("02/30/2020")); // typed over the date
    CHECK(child<QLabel>(form, "dobAge")->text() == QStringLiteral("not a date"));
    CHECK(dobQuality->code() == hud::DataQuality::Full);
    int aboutDob = 0;
    for (const QualityFinding& finding : form.findings())
        aboutDob += finding.element == u"3.03";
    CHECK(aboutDob == 1);
}

TEST_CASE("gui: a child is not asked veteran status: the field says so and no finding asks for it")
{
    GuiFixture f;
    f.createStore();
    ui::ClientProfileForm form(QDate(2026, 1, 5));
    form.show();
    auto* veteran = child<ui::HudCodeCombo>(form, "veteranStatus");
    auto* note = child<QLabel>(form, "veteranNote");
    auto* dob = child<ui::HudDateEdit>(form, "dob");
    const auto asksVeteran = [&form] {
        for (const QualityFinding& finding : form.findings())
            if (finding.element == u"3.07")
                return true;
        return false;
    };

    typeInto(dob->lineEdit(), QStringLiteral("06/30/2021")); // four years old
    CHECK_FALSE(veteran->isEnabled());
    CHECK(note->isVisible());
    CHECK(veteran->code() == hud::DataNotCollected); // HUD's answer for a child, as exported
    CHECK_FALSE(asksVeteran());

    typeInto(dob->lineEdit(), QStringLiteral("06/30/1981"));
    CHECK(veteran->isEnabled());
    CHECK(note->isHidden());
    CHECK(asksVeteran()); // an adult's "not collected" is worth a warning
}

TEST_CASE("gui: SSNs are masked everywhere but the edit field; Reveal shows it until the page closes")
{
    GuiFixture f;
    f.createStore();
    ClientProfile c;
    c.firstName = QStringLiteral("Rosa");
    c.lastName = QStringLiteral("Park");
    c.nameDataQuality = 1;
    c.ssn = kFullSsn;
    c.ssnDataQuality = 1;
    c.dob = QDate(1970, 2, 4);
    c.dobDataQuality = 1;
    auto created = ClientRecords(f.vault).create(c);
    REQUIRE(created.ok());

    ui::ClientsPage page(f.vault);
    page.show();
    const auto noFullSsn = [&] {
        const QString all = visibleTexts(page).join(u'\n');
        return !all.contains(kFullSsn) && !all.contains(QStringLiteral("219-09"));
    };
    CHECK(visibleTexts(page).contains(QStringLiteral("XXX-XX-9999"))); // the list
    CHECK(noFullSsn());
    search(page, QStringLiteral("Rosa"), QStringLiteral("Park"));
    REQUIRE(page.model()->rowCount() == 1);
    CHECK(noFullSsn());

    page.openClient(created->uuid);
    REQUIRE(page.clientPage() != nullptr);
    ui::ClientPage& clientPage = *page.clientPage();
    CHECK(child<QLabel>(clientPage, "clientSsn")->text() == QStringLiteral("SSN XXX-XX-9999"));
    CHECK(child<QLabel>(clientPage, "clientDob")->text().contains(QStringLiteral("age 55")));
    CHECK(child<QLabel>(clientPage, "clientCompleteness")->text().startsWith(QStringLiteral("Complete: ")));
    CHECK(child<QLabel>(clientPage, "clientCompleteness")->toolTip().contains(QStringLiteral("3.04")));
    auto* ssnEdit = child<QLineEdit>(clientPage, "ssn");
    CHECK(ssnEdit->text().isEmpty()); // the stored number stays masked (placeholder) until revealed
    CHECK(ssnEdit->placeholderText().contains(QStringLiteral("XXX-XX-9999")));
    CHECK(noFullSsn());

    // Saving without touching the SSN keeps it.
    typeInto(child<QLineEdit>(clientPage, "alias"), QStringLiteral("Ro"));
    child<QPushButton>(clientPage, "saveClientChanges")->click();
    INFO(child<QLabel>(clientPage, "clientPageError")->text().toStdString());
    CHECK(storedClient(f.vault, created->uuid).ssn == kFullSsn);
    CHECK(storedClient(f.vault, created->uuid).alias == QStringLiteral("Ro"));

    // Reveal: audited, shown in the header and the edit field.
    auto* reveal = child<QPushButton>(clientPage, "revealSsnButton");
    REQUIRE(reveal->isVisible());
    reveal->click();
    CHECK(child<QLabel>(clientPage, "clientSsn")->text() == QStringLiteral("SSN 219-09-9999"));
    CHECK(ssnEdit->text() == QStringLiteral("219-09-9999"));
    CHECK_FALSE(reveal->isVisible());
    AuditFilter filter;
    filter.action = QString::fromLatin1(audit::SsnReveal);
    auto reveals = AuditReader(f.vault).query(filter);
    REQUIRE(reveals.ok());
    CHECK(reveals->size() == 1);

    // Closing the page forgets it.
    QTest::keyClick(ssnEdit, Qt::Key_Escape);
    CHECK(page.clientPage() == nullptr);
    QTest::qWait(10);
    CHECK(noFullSsn());
}

TEST_CASE("gui: Agency Staff see no Reveal button")
{
    GuiFixture f;
    f.createStore();
    ClientProfile c;
    c.firstName = QStringLiteral("Rosa");
    c.lastName = QStringLiteral("Park");
    c.ssn = kFullSsn;
    c.ssnDataQuality = 1;
    auto created = ClientRecords(f.vault).create(c);
    REQUIRE(created.ok());
    const QString temporary = QStringLiteral("Kt5#Lm8Rv");
    const QString own = QStringLiteral("Wq4$Hn7Bz");
    REQUIRE(UserAdministration(f.vault)
                .addUser(QStringLiteral("staff"), QStringLiteral("Sam Staff"), Role::AgencyStaff, temporary)
                .ok());
    f.vault.signOut();
    REQUIRE(f.vault.signIn(QStringLiteral("staff"), temporary).ok());
    REQUIRE(f.vault.changePassword(temporary, own).ok());
    REQUIRE_FALSE(f.vault.can(Permission::RevealSsn));

    ui::ClientsPage page(f.vault);
    page.show();
    page.openClient(created->uuid);
    REQUIRE(page.clientPage() != nullptr);
    CHECK(page.clientPage()->findChild<QPushButton*>(QStringLiteral("revealSsnButton")) == nullptr);
    CHECK(child<QLabel>(*page.clientPage(), "clientSsn")->text() == QStringLiteral("SSN XXX-XX-9999"));
    CHECK_FALSE(visibleTexts(page).join(u'\n').contains(kFullSsn));

    // The role that does most intake fixes a typo in a name: the masked number counts as unchanged.
    ui::ClientPage& clientPage = *page.clientPage();
    typeInto(child<QLineEdit>(clientPage, "firstName"), QStringLiteral("Rose"));
    child<QPushButton>(clientPage, "saveClientChanges")->click();
    INFO(child<QLabel>(clientPage, "clientPageError")->text().toStdString());
    f.vault.signOut();
    REQUIRE(f.vault.signIn(kAdminLogin, kAdminPassword).ok()); // an administrator reads the stored number
    const ClientProfile stored = storedClient(f.vault, created->uuid);
    CHECK(stored.firstName == QStringLiteral("Rose"));
    CHECK(stored.ssn == kFullSsn);
    CHECK(stored.ssnDataQuality == 1);
}
