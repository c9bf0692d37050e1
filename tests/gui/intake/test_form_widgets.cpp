#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/intake/ProgramElements.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/intake/ElementForm.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::ElementForm;
using hearth::ui::HudCodeCombo;
using hearth::ui::HudDateEdit;

namespace {
QStringList itemTexts(const HudCodeCombo& combo)
{
    QStringList texts;
    for (int i = 0; i < combo.count(); ++i)
        texts << combo.itemText(i);
    return texts;
}

QStringList labels(const QList<HudOption>& options)
{
    QStringList out;
    for (const HudOption& o : options)
        out << o.label;
    return out;
}
} // namespace

TEST_CASE("gui: HudCodeCombo offers the catalog's labels in order, with the missing-data answers")
{
    const auto list = HudCatalog::instance().list(hud::list::NoYesReasons);
    REQUIRE(list.has_value());
    HudCodeCombo combo;
    combo.setList(hud::list::NoYesReasons);
    // "—" for not answered, then exactly the catalog's options in its order.
    CHECK(itemTexts(combo) == QStringList {QStringLiteral("—")} + labels(list->options));
    CHECK(itemTexts(combo).contains(QStringLiteral("Client doesn't know")));
    CHECK(itemTexts(combo).contains(QStringLiteral("Client prefers not to answer")));
    CHECK(itemTexts(combo).contains(QStringLiteral("Data not collected")));
    CHECK_FALSE(combo.code().has_value());

    QSignalSpy changed(&combo, &HudCodeCombo::codeChanged);
    combo.setCode(hud::ClientPrefersNotToAnswer);
    CHECK(combo.currentText() == QStringLiteral("Client prefers not to answer"));
    CHECK(combo.code() == hud::ClientPrefersNotToAnswer);
    CHECK(changed.count() == 1);
    combo.setCode(std::nullopt);
    CHECK(combo.currentText() == QStringLiteral("—"));
    CHECK_FALSE(combo.code().has_value());
}

TEST_CASE("gui: HudCodeCombo for a column leaves out the codes HUD excludes there, never the missing-data answers")
{
    HudCodeCombo destination;
    destination.setColumn(QStringLiteral("Exit"), QStringLiteral("Destination"));
    QList<int> codes;
    for (const HudOption& o : destination.options())
        codes << o.number().value_or(-1);
    CHECK(codes.contains(hud::LivingSituation::RentalWithSubsidy));
    CHECK(codes.contains(hud::LivingSituation::NoExitInterview));
    CHECK_FALSE(codes.contains(hud::LivingSituation::WorkerUnableToDetermine)); // excluded for destinations
    for (const int missing : {hud::ClientDoesntKnow, hud::ClientPrefersNotToAnswer, hud::DataNotCollected})
        CHECK(codes.contains(missing));

    // A stored code the list no longer offers is shown, not silently replaced.
    destination.setCode(hud::LivingSituation::WorkerUnableToDetermine);
    CHECK(destination.code() == hud::LivingSituation::WorkerUnableToDetermine);
}

TEST_CASE("gui: HudDateEdit takes US, ISO and digits-only dates, and may stay empty")
{
    HudDateEdit edit;
    CHECK_FALSE(edit.date().has_value());
    CHECK(edit.hasValidText());
    const QDate expected(1980, 3, 12);
    for (const char* typed : {"03/12/1980", "3/12/1980", "1980-03-12", "03121980"}) {
        edit.lineEdit()->clear();
        QTest::keyClicks(edit.lineEdit(), QString::fromLatin1(typed));
        INFO(typed);
        CHECK(edit.date() == expected);
    }
    edit.lineEdit()->clear();
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("13/45/2020"));
    CHECK_FALSE(edit.date().has_value());
    CHECK_FALSE(edit.hasValidText());

    edit.setReferenceDate(QDate(2026, 1, 5));
    edit.lineEdit()->clear();
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("t"));
    CHECK(edit.date() == QDate(2026, 1, 5));
    edit.setDate(std::nullopt);
    CHECK(edit.isEmpty());
}

TEST_CASE("gui: ElementForm shows the rental subsidy only for a subsidised rental and drops hidden answers")
{
    const auto element = ProgramElements::instance().find(QStringLiteral("3.917"));
    REQUIRE(element.has_value());
    ElementForm form(*element, hud::ProjectType::EmergencyShelterEntryExit);
    form.show();
    auto* situation = child<HudCodeCombo>(form, "LivingSituation");
    auto* subsidy = child<HudCodeCombo>(form, "RentalSubsidyType");
    auto* episodeStart = child<HudDateEdit>(form, "DateToStreetESSH");
    CHECK_FALSE(form.isShown(QStringLiteral("RentalSubsidyType")));
    CHECK_FALSE(subsidy->isVisible());

    QSignalSpy changed(&form, &ElementForm::changed);
    situation->setCode(hud::LivingSituation::RentalWithSubsidy);
    CHECK(changed.count() >= 1);
    CHECK(subsidy->isVisible());
    REQUIRE(subsidy->count() > 1);
    subsidy->setCurrentIndex(1);
    const std::optional<int> subsidyCode = subsidy->code();
    REQUIRE(subsidyCode.has_value());
    CHECK(form.values().code(QStringLiteral("RentalSubsidyType")) == subsidyCode);
    CHECK_FALSE(episodeStart->isVisible());

    // Street homelessness: the subsidy question goes away with its answer; the episode questions appear.
    situation->setCode(hud::LivingSituation::PlaceNotMeantForHabitation);
    CHECK_FALSE(subsidy->isVisible());
    CHECK_FALSE(form.values().has(QStringLiteral("RentalSubsidyType")));
    CHECK(form.values().code(QStringLiteral("LivingSituation")) == hud::LivingSituation::PlaceNotMeantForHabitation);
    CHECK(episodeStart->isVisible());

    // Loading saved answers shows the follow-up questions they need.
    HudValues saved;
    saved.setCode(QStringLiteral("LivingSituation"), hud::LivingSituation::RentalWithSubsidy);
    saved.setCode(QStringLiteral("RentalSubsidyType"), *subsidyCode);
    form.setValues(saved);
    CHECK(subsidy->isVisible());
    CHECK(subsidy->code() == subsidyCode);
}

TEST_CASE("gui: ElementForm carries a Disabilities row's type and reports unreadable dates")
{
    const auto element = ProgramElements::instance().find(QStringLiteral("4.05"));
    REQUIRE(element.has_value());
    ElementForm form(*element, hud::ProjectType::TransitionalHousing);
    child<HudCodeCombo>(form, "DisabilityResponse")->setCode(hud::NoYes::Yes);
    CHECK(form.values().code(QStringLiteral("DisabilityType")) == hud::DisabilityType::Physical);
    CHECK(form.values().code(QStringLiteral("DisabilityResponse")) == hud::NoYes::Yes);

    const auto prior = ProgramElements::instance().find(QStringLiteral("3.917"));
    REQUIRE(prior.has_value());
    ElementForm priorForm(*prior, hud::ProjectType::EmergencyShelterEntryExit);
    child<HudCodeCombo>(priorForm, "LivingSituation")->setCode(hud::LivingSituation::PlaceNotMeantForHabitation);
    QTest::keyClicks(child<HudDateEdit>(priorForm, "DateToStreetESSH")->lineEdit(), QStringLiteral("02/30/2025"));
    CHECK(priorForm.unreadableFields().size() == 1);
    CHECK_FALSE(priorForm.values().has(QStringLiteral("DateToStreetESSH")));
}
