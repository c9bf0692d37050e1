// The intake forms file: every column exists in the HUD catalog, coded columns take their list from
// it, conditions are well formed, and the applicability table answers as documented.
#include "core/hud/HudCatalog.h"
#include "core/intake/ProgramElements.h"
#include "tests/intake/IntakeTestSupport.h"

#include <catch2/generators/catch_generators.hpp>

using hearth::HudCatalog;
using hearth::ProgramElement;
using hearth::ProgramElements;

namespace {

QStringList idsOf(const QList<ProgramElement>& elements)
{
    QStringList ids;
    for (const auto& e : elements)
        ids.append(e.id);
    return ids;
}

QStringList columnsOf(const QList<hearth::FormField>& fields)
{
    QStringList columns;
    for (const auto& f : fields)
        columns.append(f.column);
    return columns;
}

} // namespace

TEST_CASE("The intake forms load")
{
    INFO(ProgramElements::instance().loadError().toStdString());
    REQUIRE(ProgramElements::instance().loadError().isEmpty());
    CHECK(idsOf(ProgramElements::instance().all())
          == QStringList {u"3.917"_qs, u"3.20"_qs, u"4.02"_qs, u"4.03"_qs, u"4.04"_qs, u"4.05"_qs, u"4.06"_qs,
                          u"4.07"_qs, u"4.08"_qs, u"4.09"_qs, u"4.10"_qs, u"4.11"_qs, u"4.12"_qs, u"4.13"_qs,
                          u"3.12"_qs, u"V1"_qs});
}

TEST_CASE("Every form column exists in the catalog and coded columns have a list")
{
    const HudCatalog& catalog = HudCatalog::instance();
    for (const ProgramElement& element : ProgramElements::instance().all()) {
        INFO(element.id.toStdString());
        CHECK_FALSE(element.title.isEmpty());
        CHECK_FALSE(element.help.isEmpty());
        CHECK_FALSE(element.stages.isEmpty());
        CHECK_FALSE(element.fields.isEmpty());
        for (auto it = element.fixedValues.cbegin(); it != element.fixedValues.cend(); ++it)
            CHECK(catalog.column(element.file, it.key()).has_value());
        QStringList above;
        for (const auto& field : element.fields) {
            INFO(field.column.toStdString());
            const auto column = catalog.column(element.file, field.column);
            REQUIRE(column.has_value());
            CHECK_FALSE(field.label.isEmpty());
            CHECK_FALSE(above.contains(field.column));
            if (column->isCoded()) {
                CHECK(column->listIds.contains(field.listId));
                CHECK(catalog.list(field.listId).has_value());
            } else {
                CHECK(field.listId.isEmpty());
            }
            for (const auto& condition : field.shownWhen) {
                INFO("depends on " << condition.column.toStdString());
                const auto on = catalog.column(element.file, condition.column);
                REQUIRE(on.has_value());
                REQUIRE(on->isCoded());
                // Dependencies point upwards (or outside the form), so one pass settles visibility.
                const bool inForm = element.fields.end()
                    != std::find_if(element.fields.begin(), element.fields.end(),
                                    [&](const auto& f) { return f.column == condition.column; });
                CHECK((!inForm || above.contains(condition.column)));
                for (int code : condition.anyOf) {
                    const bool known = std::any_of(on->listIds.cbegin(), on->listIds.cend(), [&](const QString& id) {
                        return !catalog.label(id, code).isEmpty();
                    });
                    CHECK(known);
                }
            }
            above.append(field.column);
        }
    }
}

TEST_CASE("Disability forms ask the substance-use question with its own list")
{
    const auto substance = ProgramElements::instance().find(u"4.10"_qs);
    REQUIRE(substance.has_value());
    CHECK(substance->fixedValues.value(u"DisabilityType"_qs) == 10);
    CHECK(substance->fields.first().listId == u"4.10.2"_qs);
    const auto physical = ProgramElements::instance().find(u"4.05"_qs);
    REQUIRE(physical.has_value());
    CHECK(physical->fields.first().listId == u"1.8"_qs);
    const auto developmental = ProgramElements::instance().find(u"4.06"_qs);
    CHECK(developmental->fields.size() == 1); // disabling on its own: no "long-continuing" question
}

TEST_CASE("Which elements a project collects, by type, stage and client")
{
    struct Row
    {
        int projectType;
        int stage;
        bool head;
        bool adult;
        QStringList expected;
    };
    const Row row = GENERATE(values<Row>({
        {0,
         1,
         true,
         true,
         {u"3.917"_qs, u"4.02"_qs, u"4.03"_qs, u"4.04"_qs, u"4.05"_qs, u"4.06"_qs, u"4.07"_qs, u"4.08"_qs, u"4.09"_qs,
          u"4.10"_qs, u"4.11"_qs}},
        {0, 1, false, false, {u"4.04"_qs, u"4.05"_qs, u"4.06"_qs, u"4.07"_qs, u"4.08"_qs, u"4.09"_qs, u"4.10"_qs}},
        {13,
         1,
         true,
         true,
         {u"3.917"_qs, u"3.20"_qs, u"4.02"_qs, u"4.03"_qs, u"4.04"_qs, u"4.05"_qs, u"4.06"_qs, u"4.07"_qs, u"4.08"_qs,
          u"4.09"_qs, u"4.10"_qs, u"4.11"_qs}},
        {13,
         1,
         false,
         true,
         {u"3.917"_qs, u"4.02"_qs, u"4.03"_qs, u"4.04"_qs, u"4.05"_qs, u"4.06"_qs, u"4.07"_qs, u"4.08"_qs, u"4.09"_qs,
          u"4.10"_qs, u"4.11"_qs}},
        {4,
         1,
         true,
         true,
         {u"3.917"_qs, u"4.02"_qs, u"4.03"_qs, u"4.04"_qs, u"4.05"_qs, u"4.06"_qs, u"4.07"_qs, u"4.08"_qs, u"4.09"_qs,
          u"4.10"_qs, u"4.11"_qs, u"4.12"_qs, u"4.13"_qs}},
        {14, 1, true, true, {u"3.917"_qs, u"4.12"_qs}},
        {0,
         3,
         true,
         true,
         {u"4.02"_qs, u"4.03"_qs, u"4.04"_qs, u"4.05"_qs, u"4.06"_qs, u"4.07"_qs, u"4.08"_qs, u"4.09"_qs, u"4.10"_qs,
          u"3.12"_qs}},
        {11, 3, true, true, {u"3.12"_qs}},
    }));
    hearth::Project project = hearth::test::baselineProject(row.projectType);
    INFO(row.projectType << " stage " << row.stage);
    CHECK(idsOf(ProgramElements::instance().required(project, row.stage, row.head, row.adult)) == row.expected);
}

TEST_CASE("Veteran details are collected only in projects with VA funding")
{
    hearth::Project project = hearth::test::baselineProject();
    CHECK_FALSE(idsOf(ProgramElements::instance().required(project, 1, true, true)).contains(u"V1"_qs));
    project.fundingSources = {8, 33};
    CHECK(idsOf(ProgramElements::instance().required(project, 1, true, true)).contains(u"V1"_qs));
    CHECK_FALSE(idsOf(ProgramElements::instance().required(project, 1, true, false)).contains(u"V1"_qs));
}

TEST_CASE("Fields appear when their condition holds, and hide with what they depend on")
{
    const auto income = ProgramElements::instance().find(u"4.02"_qs);
    REQUIRE(income.has_value());
    hearth::HudValues row;
    CHECK(columnsOf(ProgramElements::shownFields(*income, row, 0)) == QStringList {u"IncomeFromAnySource"_qs});

    row.setCode(u"IncomeFromAnySource"_qs, 1);
    row.setCode(u"Earned"_qs, 1);
    row.setMoney(u"EarnedAmount"_qs, 900.0);
    const QStringList shown = columnsOf(ProgramElements::shownFields(*income, row, 0));
    CHECK(shown.contains(u"EarnedAmount"_qs));
    CHECK(shown.contains(u"SSI"_qs));
    CHECK_FALSE(shown.contains(u"SSIAmount"_qs));

    // Income turned to No: the source and its amount disappear together and are not saved.
    row.setCode(u"IncomeFromAnySource"_qs, 0);
    CHECK(columnsOf(ProgramElements::shownFields(*income, row, 0)) == QStringList {u"IncomeFromAnySource"_qs});
    const hearth::HudValues saved = ProgramElements::withoutHiddenAnswers(*income, row, 0);
    CHECK(saved.columns() == QStringList {u"IncomeFromAnySource"_qs});
}

TEST_CASE("3.917 asks the homelessness history after a homeless night or a short stay that followed one")
{
    const auto prior = ProgramElements::instance().find(u"3.917"_qs);
    REQUIRE(prior.has_value());
    const auto shown = [&](const hearth::HudValues& row) {
        return columnsOf(ProgramElements::shownFields(*prior, row, 0));
    };
    hearth::HudValues street;
    street.setCode(u"LivingSituation"_qs, 116);
    CHECK(shown(street).contains(u"DateToStreetESSH"_qs));
    CHECK_FALSE(shown(street).contains(u"LOSUnderThreshold"_qs));

    hearth::HudValues jail;
    jail.setCode(u"LivingSituation"_qs, 207);
    CHECK(shown(jail).contains(u"LOSUnderThreshold"_qs));
    CHECK_FALSE(shown(jail).contains(u"DateToStreetESSH"_qs));
    jail.setCode(u"LOSUnderThreshold"_qs, 1);
    jail.setCode(u"PreviousStreetESSH"_qs, 1);
    CHECK(shown(jail).contains(u"DateToStreetESSH"_qs));

    hearth::HudValues rental;
    rental.setCode(u"LivingSituation"_qs, 435);
    CHECK(shown(rental).contains(u"RentalSubsidyType"_qs));
}

TEST_CASE("Verified by is asked only by coordinated entry")
{
    const auto cls = ProgramElements::instance().find(u"4.12"_qs);
    REQUIRE(cls.has_value());
    CHECK(columnsOf(ProgramElements::shownFields(*cls, {}, 14)).contains(u"VerifiedBy"_qs));
    CHECK_FALSE(columnsOf(ProgramElements::shownFields(*cls, {}, 4)).contains(u"VerifiedBy"_qs));
}
