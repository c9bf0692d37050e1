// Project rules (2.02, 2.03, 2.06) and what a project type implies.
#include "core/intake/ProjectRules.h"
#include "tests/intake/IntakeTestSupport.h"

#include <catch2/generators/catch_generators.hpp>

#include <functional>

using hearth::Project;
namespace projects = hearth::projects;

TEST_CASE("Project rule table")
{
    struct Row
    {
        const char* name;
        std::function<void(Project&)> change;
        QStringList expected;
    };
    const Row row = GENERATE(values<Row>({
        {"valid", [](Project&) {}, {}},
        {"no name", [](Project& p) { p.name = QStringLiteral("  "); }, {u"R name"_qs}},
        {"long name", [](Project& p) { p.name = QString(201, u'a'); }, {u"R name"_qs}},
        {"type 5 does not exist", [](Project& p) { p.projectType = 5; }, {u"R projectType"_qs}},
        {"lower-case CoC", [](Project& p) { p.cocCode = QStringLiteral("ca-504"); }, {u"R cocCode"_qs}},
        {"short CoC", [](Project& p) { p.cocCode = QStringLiteral("CA-54"); }, {u"R cocCode"_qs}},
        {"unknown funder",
         [](Project& p) {
             p.fundingSources = {8, 12};
         },
         {u"R fundingSources"_qs}},
        {"retired funder", [](Project& p) { p.fundingSources = {47}; }, {u"W fundingSources"_qs}},
        {"no funder", [](Project& p) { p.fundingSources.clear(); }, {}},
        {"no start", [](Project& p) { p.operatingStart = QDate(); }, {u"R operatingStart"_qs}},
        {"end before start", [](Project& p) { p.operatingEnd = QDate(2019, 12, 31); }, {u"R operatingEnd"_qs}},
        {"end on start", [](Project& p) { p.operatingEnd = p.operatingStart; }, {}},
        {"night-by-night without bed nights",
         [](Project& p) {
             p.projectType = 1;
             p.tracksBedNights = false;
         },
         {u"R tracksBedNights"_qs}},
        {"night-by-night with bed nights",
         [](Project& p) {
             p.projectType = 1;
             p.tracksBedNights = true;
         },
         {}},
    }));
    Project project = hearth::test::baselineProject();
    row.change(project);
    const auto findings = projects::validate(project);
    INFO(row.name << "\n" << hearth::test::messages(findings));
    CHECK(hearth::test::summarize(findings) == hearth::test::sorted(row.expected));
}

TEST_CASE("Permanent housing is PSH, PH housing only, PH with services and RRH")
{
    for (int type = 0; type <= 14; ++type) {
        INFO(type);
        CHECK(projects::isPermanentHousing(type) == (type == 3 || type == 9 || type == 10 || type == 13));
        CHECK(projects::isNightByNight(type) == (type == 1));
    }
    CHECK(projects::isResidential(2));
    CHECK_FALSE(projects::isResidential(4));
}

TEST_CASE("A project operates between its start and end dates")
{
    Project p = hearth::test::baselineProject();
    p.operatingEnd = QDate(2026, 6, 30);
    CHECK_FALSE(projects::isOperatingOn(p, QDate(2019, 12, 31)));
    CHECK(projects::isOperatingOn(p, QDate(2020, 1, 1)));
    CHECK(projects::isOperatingOn(p, QDate(2026, 6, 30)));
    CHECK_FALSE(projects::isOperatingOn(p, QDate(2026, 7, 1)));
}
