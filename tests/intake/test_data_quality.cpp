// The data-quality checks, as rule tables: a baseline that passes every check, changed one thing
// per row, and exactly the findings (refused or warning, and where) that change must produce.
#include "core/intake/DataQuality.h"
#include "tests/intake/IntakeTestSupport.h"

#include <catch2/generators/catch_generators.hpp>

#include <functional>

using hearth::ClientProfile;
using hearth::Enrollment;
using hearth::Project;
using hearth::test::kToday;
using hearth::test::sorted;
using hearth::test::summarize;
namespace quality = hearth::quality;

TEST_CASE("The baselines pass every check")
{
    const Project project = hearth::test::baselineProject();
    Enrollment enrollment = hearth::test::baselineEnrollment(project);
    const ClientProfile client = hearth::test::baselineClient();
    const auto clientFindings = quality::checkClientProfile(client, kToday);
    INFO(hearth::test::messages(clientFindings));
    CHECK(clientFindings.isEmpty());
    const auto entryFindings = quality::checkEnrollment(enrollment, project, client, kToday);
    INFO(hearth::test::messages(entryFindings));
    CHECK(entryFindings.isEmpty());
    enrollment.exitDate = kToday;
    enrollment.destination = 410;
    enrollment.assessments += hearth::test::stageAssessments(3, kToday);
    const auto exitFindings = quality::checkExit(enrollment, project, client, kToday);
    INFO(hearth::test::messages(exitFindings));
    CHECK(exitFindings.isEmpty());
}

TEST_CASE("Client checks")
{
    struct Row
    {
        const char* name;
        std::function<void(ClientProfile&)> change;
        QStringList expected;
    };
    const Row row = GENERATE(values<Row>({
        {"name: full with only a first name", [](ClientProfile& c) { c.lastName.clear(); }, {u"W nameDataQuality"_qs}},
        {"name: partial with only a first name",
         [](ClientProfile& c) {
             c.lastName.clear();
             c.nameDataQuality = 2;
         },
         {}},
        {"name: full with no name",
         [](ClientProfile& c) {
             c.firstName.clear();
             c.lastName.clear();
         },
         {u"R nameDataQuality"_qs}},
        {"name: doesn't know", [](ClientProfile& c) { c.nameDataQuality = 8; }, {u"W nameDataQuality"_qs}},
        {"name: prefers not to answer", [](ClientProfile& c) { c.nameDataQuality = 9; }, {u"W nameDataQuality"_qs}},
        {"name: not collected", [](ClientProfile& c) { c.nameDataQuality = 99; }, {u"W nameDataQuality"_qs}},
        {"name: unknown quality", [](ClientProfile& c) { c.nameDataQuality = 3; }, {u"R nameDataQuality"_qs}},
        {"name: too long", [](ClientProfile& c) { c.lastName = QString(51, u'a'); }, {u"R lastName"_qs}},
        {"ssn: sequence", [](ClientProfile& c) { c.ssn = QStringLiteral("123456789"); }, {u"W ssn"_qs}},
        {"ssn: partial reported as full",
         [](ClientProfile& c) { c.ssn = QStringLiteral("XXXXX7891"); },
         {u"R ssnDataQuality"_qs}},
        {"ssn: not collected",
         [](ClientProfile& c) {
             c.ssn.clear();
             c.ssnDataQuality = 99;
         },
         {u"W ssnDataQuality"_qs}},
        {"dob: future", [](ClientProfile& c) { c.dob = kToday.addDays(3); }, {u"R dob"_qs}},
        {"dob: prefers not to answer",
         [](ClientProfile& c) {
             c.dob.reset();
             c.dobDataQuality = 9;
         },
         {u"W dobDataQuality"_qs}},
        {"race: none chosen", [](ClientProfile& c) { c.raceEthnicity.clear(); }, {u"W raceNone"_qs}},
        {"race: doesn't know",
         [](ClientProfile& c) {
             c.raceEthnicity.clear();
             c.raceNone = 8;
         },
         {u"W raceNone"_qs}},
        {"race: both races and a reason", [](ClientProfile& c) { c.raceNone = 9; }, {u"R raceNone"_qs}},
        {"race: unknown column",
         [](ClientProfile& c) { c.raceEthnicity = {QStringLiteral("Martian")}; },
         {u"R raceEthnicity"_qs}},
        {"race: several",
         [](ClientProfile& c) {
             c.raceEthnicity = {QStringLiteral("Asian"), QStringLiteral("White")};
         },
         {}},
        {"race: long detail",
         [](ClientProfile& c) { c.additionalRaceEthnicity = QString(101, u'a'); },
         {u"R additionalRaceEthnicity"_qs}},
        {"sex: not answered", [](ClientProfile& c) { c.sex.reset(); }, {u"W sex"_qs}},
        {"sex: prefers not to answer", [](ClientProfile& c) { c.sex = 9; }, {u"W sex"_qs}},
        {"sex: unknown code", [](ClientProfile& c) { c.sex = 2; }, {u"R sex"_qs}},
        {"veteran: not collected for an adult",
         [](ClientProfile& c) { c.veteranStatus = 99; },
         {u"W veteranStatus"_qs}},
        {"veteran: not collected for a minor",
         [](ClientProfile& c) {
             c.dob = QDate(2012, 5, 1);
             c.veteranStatus = 99;
         },
         {}},
        {"veteran: a minor recorded as veteran",
         [](ClientProfile& c) {
             c.dob = QDate(2009, 5, 1);
             c.veteranStatus = 1;
         },
         {u"W veteranStatus"_qs}},
        {"veteran: age unknown, recorded as veteran",
         [](ClientProfile& c) {
             c.dob.reset();
             c.dobDataQuality = 99;
             c.veteranStatus = 1;
         },
         {u"W dobDataQuality"_qs}},
        {"veteran: unknown code", [](ClientProfile& c) { c.veteranStatus = 2; }, {u"R veteranStatus"_qs}},
        {"V1: details of a veteran",
         [](ClientProfile& c) {
             c.veteranStatus = 1;
             c.veteranDetails.setCode(QStringLiteral("YearEnteredService"), 1998);
             c.veteranDetails.setCode(QStringLiteral("YearSeparated"), 2004);
             c.veteranDetails.setCode(QStringLiteral("MilitaryBranch"), 4);
         },
         {}},
        {"V1: details of a non-veteran",
         [](ClientProfile& c) { c.veteranDetails.setCode(QStringLiteral("MilitaryBranch"), 4); },
         {u"W veteranDetails"_qs}},
        {"V1: separated before entering",
         [](ClientProfile& c) {
             c.veteranStatus = 1;
             c.veteranDetails.setCode(QStringLiteral("YearEnteredService"), 2004);
             c.veteranDetails.setCode(QStringLiteral("YearSeparated"), 1998);
         },
         {u"R YearSeparated"_qs}},
        {"V1: entered before birth",
         [](ClientProfile& c) {
             c.veteranStatus = 1;
             c.veteranDetails.setCode(QStringLiteral("YearEnteredService"), 1975);
         },
         {u"R YearEnteredService"_qs}},
        {"V1: year in the future",
         [](ClientProfile& c) {
             c.veteranStatus = 1;
             c.veteranDetails.setCode(QStringLiteral("YearSeparated"), 2030);
         },
         {u"R YearSeparated"_qs}},
        {"V1: unknown branch",
         [](ClientProfile& c) {
             c.veteranStatus = 1;
             c.veteranDetails.setCode(QStringLiteral("MilitaryBranch"), 5);
         },
         {u"R MilitaryBranch"_qs}},
        {"V1: not a veteran column",
         [](ClientProfile& c) {
             c.veteranStatus = 1;
             c.veteranDetails.setCode(QStringLiteral("Sex"), 1);
         },
         {u"R Sex"_qs}},
    }));
    ClientProfile client = hearth::test::baselineClient();
    row.change(client);
    const auto findings = quality::checkClientProfile(client, kToday);
    INFO(row.name << "\n" << hearth::test::messages(findings));
    CHECK(summarize(findings) == sorted(row.expected));
    for (const auto& f : findings) {
        CHECK_FALSE(f.element.isEmpty());
        CHECK_FALSE(f.message.isEmpty());
    }
}

namespace {

hearth::Assessment* findAssessment(Enrollment& e, const QString& file, int disabilityType = 0)
{
    for (auto& a : e.assessments) {
        if (a.file == file
            && (disabilityType == 0 || a.values.code(QStringLiteral("DisabilityType")) == disabilityType))
            return &a;
    }
    return nullptr;
}

void setDisability(Enrollment& e, int type, int response, std::optional<int> impairs)
{
    auto* a = findAssessment(e, QStringLiteral("Disabilities"), type);
    REQUIRE(a);
    a->values.setCode(QStringLiteral("DisabilityResponse"), response);
    a->values.setCode(QStringLiteral("IndefiniteAndImpairs"), impairs);
}

void setPrior(Enrollment& e, int situation, int stay, std::optional<int> under)
{
    e.entryValues = hearth::HudValues();
    e.entryValues.setCode(QStringLiteral("LivingSituation"), situation);
    e.entryValues.setCode(QStringLiteral("LengthOfStay"), stay);
    e.entryValues.setCode(QStringLiteral("LOSUnderThreshold"), under);
}

} // namespace

TEST_CASE("Enrollment checks")
{
    struct Row
    {
        const char* name;
        int projectType;
        std::function<void(Enrollment&, ClientProfile&)> change;
        QStringList expected;
    };
    using E = Enrollment;
    using C = ClientProfile;
    const Row row = GENERATE(values<Row>({
        {"start: missing", 0, [](E& e, C&) { e.entryDate = QDate(); }, {u"R entryDate"_qs}},
        {"start: future",
         0,
         [](E& e, C&) {
             e.entryDate = kToday.addDays(1);
             for (auto& a : e.assessments)
                 a.informationDate = kToday;
         },
         {u"R entryDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs,
          u"R informationDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs,
          u"R informationDate"_qs}},
        {"start: before birth", 0, [](E&, C& c) { c.dob = QDate(2026, 11, 19); }, {u"R entryDate"_qs}},
        {"timeliness: entered on day 5",
         0,
         [](E& e, C&) { e.createdAt = QDateTime(QDate(2026, 11, 23), QTime(17, 0)); },
         {}},
        {"timeliness: entered on day 6",
         0,
         [](E& e, C&) { e.createdAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0)); },
         {u"W entryDate"_qs}},
        {"timeliness: new record, today is day 3", 0, [](E& e, C&) { e.createdAt = QDateTime(); }, {}},
        {"timeliness: new record, start 30 days ago",
         0,
         [](E& e, C&) {
             e.createdAt = QDateTime();
             e.entryDate = kToday.addDays(-30);
             for (auto& a : e.assessments)
                 a.informationDate = e.entryDate;
         },
         {u"W entryDate"_qs}},
        {"start: outside operating dates",
         0,
         [](E& e, C&) {
             e.entryDate = QDate(2019, 6, 1);
             e.createdAt = QDateTime(e.entryDate, QTime(9, 0));
             e.entryValues.remove(QStringLiteral("DateToStreetESSH"));
             for (auto& a : e.assessments)
                 a.informationDate = e.entryDate;
         },
         {u"W entryDate"_qs}},
        {"relationship: not collected", 0, [](E& e, C&) { e.relationshipToHoH = 99; }, {u"W relationshipToHoH"_qs}},
        {"relationship: unknown code", 0, [](E& e, C&) { e.relationshipToHoH = 7; }, {u"R relationshipToHoH"_qs}},
        {"client location: missing", 0, [](E& e, C&) { e.enrollmentCoC.clear(); }, {u"W enrollmentCoC"_qs}},
        {"client location: malformed",
         0,
         [](E& e, C&) { e.enrollmentCoC = QStringLiteral("CA504"); },
         {u"R enrollmentCoC"_qs}},
        {"disabling: doesn't know", 0, [](E& e, C&) { e.disablingCondition = 8; }, {u"W disablingCondition"_qs}},
        {"disabling: No but a disabling physical disability",
         0,
         [](E& e, C&) { setDisability(e, 5, 1, 1); },
         {u"W disablingCondition"_qs}},
        {"disabling: No, physical disability that does not impair", 0, [](E& e, C&) { setDisability(e, 5, 1, 0); }, {}},
        {"disabling: No but HIV/AIDS",
         0,
         [](E& e, C&) { setDisability(e, 8, 1, std::nullopt); },
         {u"W disablingCondition"_qs}},
        {"disabling: No but a disabling substance use disorder",
         0,
         [](E& e, C&) { setDisability(e, 10, 2, 1); },
         {u"W disablingCondition"_qs}},
        {"disabling: Yes with a disability",
         0,
         [](E& e, C&) {
             e.disablingCondition = 1;
             setDisability(e, 9, 1, 1);
         },
         {}},
        {"disabling: Yes with no disability recorded",
         0,
         [](E& e, C&) { e.disablingCondition = 1; },
         {u"W disablingCondition"_qs}},
        {"disabling: unknown code", 0, [](E& e, C&) { e.disablingCondition = 2; }, {u"R disablingCondition"_qs}},
        {"3.917: missing", 0, [](E& e, C&) { e.entryValues = hearth::HudValues(); }, {u"W LivingSituation"_qs}},
        {"3.917: not asked of a child",
         0,
         [](E& e, C& c) {
             e.entryValues = hearth::HudValues();
             e.relationshipToHoH = 2;
             c.dob = QDate(2015, 1, 1);
         },
         {}},
        {"3.917: prefers not to answer",
         0,
         [](E& e, C&) { e.entryValues.setCode(QStringLiteral("LivingSituation"), 9); },
         {u"W LivingSituation"_qs}},
        {"3.917: length of stay not collected",
         0,
         [](E& e, C&) { e.entryValues.setCode(QStringLiteral("LengthOfStay"), 99); },
         {u"W LengthOfStay"_qs}},
        {"3.917: excluded code",
         0,
         [](E& e, C&) { e.entryValues.setCode(QStringLiteral("LivingSituation"), 17); },
         {u"R LivingSituation"_qs}},
        {"3.917: not a HUD length of stay",
         0,
         [](E& e, C&) { e.entryValues.setCode(QStringLiteral("LengthOfStay"), 7); },
         {u"R LengthOfStay"_qs}},
        {"3.917: jail 2-6 nights, under 90 days Yes", 0, [](E& e, C&) { setPrior(e, 207, 11, 1); }, {}},
        {"3.917: jail 1-3 months, under 90 days No",
         0,
         [](E& e, C&) { setPrior(e, 207, 3, 0); },
         {u"W LOSUnderThreshold"_qs}},
        {"3.917: jail a year, under 90 days Yes",
         0,
         [](E& e, C&) { setPrior(e, 207, 5, 1); },
         {u"W LOSUnderThreshold"_qs}},
        {"3.917: jail a year, under 90 days No", 0, [](E& e, C&) { setPrior(e, 207, 5, 0); }, {}},
        {"3.917: rental 2-6 nights, under 7 nights Yes", 0, [](E& e, C&) { setPrior(e, 410, 11, 1); }, {}},
        {"3.917: rental 2-6 nights, under 7 nights No",
         0,
         [](E& e, C&) { setPrior(e, 410, 11, 0); },
         {u"W LOSUnderThreshold"_qs}},
        {"3.917: rental 1-3 months, under 7 nights Yes",
         0,
         [](E& e, C&) { setPrior(e, 410, 3, 1); },
         {u"W LOSUnderThreshold"_qs}},
        {"3.917: hotel 1-3 months, under 7 nights No", 0, [](E& e, C&) { setPrior(e, 314, 3, 0); }, {}},
        {"3.917: threshold not collected", 0, [](E& e, C&) { setPrior(e, 314, 3, 99); }, {}},
        {"3.917: subsidised rental without subsidy type",
         0,
         [](E& e, C&) { setPrior(e, 435, 5, 0); },
         {u"W RentalSubsidyType"_qs}},
        {"3.917: subsidy type without a subsidised rental",
         0,
         [](E& e, C&) { e.entryValues.setCode(QStringLiteral("RentalSubsidyType"), 419); },
         {u"W RentalSubsidyType"_qs}},
        {"3.917: homelessness started after project start",
         0,
         [](E& e, C&) { e.entryValues.setDate(QStringLiteral("DateToStreetESSH"), QDate(2026, 11, 19)); },
         {u"R DateToStreetESSH"_qs}},
        {"3.20: PH head without move-in", 13, [](E&, C&) {}, {u"W moveInDate"_qs}},
        {"3.20: PH child without move-in", 13, [](E& e, C&) { e.relationshipToHoH = 2; }, {}},
        {"3.20: PH head with move-in", 13, [](E& e, C&) { e.moveInDate = QDate(2026, 11, 20); }, {}},
        {"3.20: move-in before start", 13, [](E& e, C&) { e.moveInDate = QDate(2026, 11, 17); }, {u"R moveInDate"_qs}},
        {"3.20: move-in in the future", 13, [](E& e, C&) { e.moveInDate = kToday.addDays(1); }, {u"R moveInDate"_qs}},
        {"3.20: move-in in a shelter", 0, [](E& e, C&) { e.moveInDate = QDate(2026, 11, 20); }, {u"W moveInDate"_qs}},
        {"4.13: engagement before start",
         0,
         [](E& e, C&) { e.dateOfEngagement = QDate(2026, 11, 1); },
         {u"R dateOfEngagement"_qs}},
        {"4.13: engagement in the future",
         0,
         [](E& e, C&) { e.dateOfEngagement = kToday.addDays(2); },
         {u"R dateOfEngagement"_qs}},
        {"4.02: income No but a source Yes",
         0,
         [](E& e, C&) {
             findAssessment(e, QStringLiteral("IncomeBenefits"))->values.setCode(QStringLiteral("SSI"), 1);
         },
         {u"W IncomeFromAnySource"_qs}},
        {"4.02: income Yes with a source",
         0,
         [](E& e, C&) {
             auto& v = findAssessment(e, QStringLiteral("IncomeBenefits"))->values;
             v.setCode(QStringLiteral("IncomeFromAnySource"), 1);
             v.setCode(QStringLiteral("Earned"), 1);
             v.setMoney(QStringLiteral("EarnedAmount"), 800.0);
             v.setMoney(QStringLiteral("TotalMonthlyIncome"), 800.0);
         },
         {}},
        {"4.02: total is not the sum",
         0,
         [](E& e, C&) {
             auto& v = findAssessment(e, QStringLiteral("IncomeBenefits"))->values;
             v.setCode(QStringLiteral("IncomeFromAnySource"), 1);
             v.setCode(QStringLiteral("Earned"), 1);
             v.setMoney(QStringLiteral("EarnedAmount"), 800.0);
             v.setMoney(QStringLiteral("TotalMonthlyIncome"), 850.0);
         },
         {u"W TotalMonthlyIncome"_qs}},
        {"4.02: income Yes with no source",
         0,
         [](E& e, C&) {
             findAssessment(e, QStringLiteral("IncomeBenefits"))
                 ->values.setCode(QStringLiteral("IncomeFromAnySource"), 1);
         },
         {u"W IncomeFromAnySource"_qs}},
        {"4.02: negative amount",
         0,
         [](E& e, C&) {
             findAssessment(e, QStringLiteral("IncomeBenefits"))->values.setMoney(QStringLiteral("EarnedAmount"), -5.0);
         },
         {u"R EarnedAmount"_qs}},
        {"4.03: benefits not collected",
         0,
         [](E& e, C&) {
             findAssessment(e, QStringLiteral("IncomeBenefits"))
                 ->values.setCode(QStringLiteral("BenefitsFromAnySource"), 99);
         },
         {u"W BenefitsFromAnySource"_qs}},
        {"4.04: insured with no kind chosen",
         0,
         [](E& e, C&) {
             findAssessment(e, QStringLiteral("IncomeBenefits"))->values.remove(QStringLiteral("Medicaid"));
         },
         {u"W InsuranceFromAnySource"_qs}},
        {"4.11: DV prefers not to answer",
         0,
         [](E& e, C&) {
             findAssessment(e, QStringLiteral("HealthAndDV"))
                 ->values.setCode(QStringLiteral("DomesticViolenceSurvivor"), 9);
         },
         {u"W DomesticViolenceSurvivor"_qs}},
        {"4.07: chronic health doesn't know",
         0,
         [](E& e, C&) { setDisability(e, 7, 8, std::nullopt); },
         {u"W DisabilityResponse"_qs}},
        {"4.05: not recorded at entry",
         0,
         [](E& e, C&) { e.assessments.removeOne(*findAssessment(e, QStringLiteral("Disabilities"), 5)); },
         {u"W DisabilityResponse"_qs}},
        {"4.02-4.04: not recorded at entry",
         0,
         [](E& e, C&) { e.assessments.removeOne(*findAssessment(e, QStringLiteral("IncomeBenefits"))); },
         {u"W IncomeFromAnySource"_qs, u"W BenefitsFromAnySource"_qs, u"W InsuranceFromAnySource"_qs}},
        {"4.12: outreach without a current living situation", 4, [](E&, C&) {}, {u"W CurrentLivingSituation"_qs}},
        {"assessment: dated before start",
         0,
         [](E& e, C&) { findAssessment(e, QStringLiteral("HealthAndDV"))->informationDate = QDate(2026, 11, 1); },
         {u"R informationDate"_qs}},
    }));
    const Project project = hearth::test::baselineProject(row.projectType);
    Enrollment enrollment = hearth::test::baselineEnrollment(project);
    ClientProfile client = hearth::test::baselineClient();
    row.change(enrollment, client);
    const auto findings = quality::checkEnrollment(enrollment, project, client, kToday);
    INFO(row.name << "\n" << hearth::test::messages(findings));
    CHECK(summarize(findings) == sorted(row.expected));
}

TEST_CASE("Timeliness counts calendar days from the project start")
{
    const Project project = hearth::test::baselineProject();
    Enrollment enrollment = hearth::test::baselineEnrollment(project);
    enrollment.createdAt = QDateTime(QDate(2026, 11, 25), QTime(8, 0));
    const auto findings = quality::checkEnrollment(enrollment, project, hearth::test::baselineClient(), kToday);
    REQUIRE(findings.size() == 1);
    CHECK(findings.first().message.contains(u"7 days"_qs));
    CHECK(findings.first().message.contains(u"5 calendar days"_qs));
    CHECK_FALSE(findings.first().isRefusal());
}

TEST_CASE("Exit checks")
{
    struct Row
    {
        const char* name;
        std::function<void(Enrollment&)> change;
        QStringList expected;
    };
    const Row row = GENERATE(values<Row>({
        {"no exit date", [](Enrollment& e) { e.exitDate.reset(); }, {u"R exitDate"_qs}},
        {"exit on the start date",
         [](Enrollment& e) {
             e.exitDate = e.entryDate;
             for (auto& a : e.assessments)
                 a.informationDate = e.entryDate;
         },
         {}},
        {"exit before start",
         [](Enrollment& e) { e.exitDate = e.entryDate.addDays(-1); },
         // the seven exit rows are dated after the exit
         {u"R exitDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs,
          u"R informationDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs, u"R informationDate"_qs}},
        {"exit in the future", [](Enrollment& e) { e.exitDate = kToday.addDays(1); }, {u"R exitDate"_qs}},
        {"move-in after exit",
         [](Enrollment& e) {
             e.exitDate = QDate(2026, 11, 20);
             e.moveInDate = QDate(2026, 11, 21);
             for (auto& a : e.assessments)
                 a.informationDate = e.entryDate;
         },
         {u"R moveInDate"_qs}},
        {"destination missing", [](Enrollment& e) { e.destination.reset(); }, {u"W destination"_qs}},
        {"destination doesn't know", [](Enrollment& e) { e.destination = 8; }, {u"W destination"_qs}},
        {"destination: no exit interview", [](Enrollment& e) { e.destination = 30; }, {u"W destination"_qs}},
        {"destination: excluded code", [](Enrollment& e) { e.destination = 336; }, {u"R Destination"_qs}},
        {"destination: deceased", [](Enrollment& e) { e.destination = 24; }, {}},
        {"destination: subsidised rental without type",
         [](Enrollment& e) { e.destination = 435; },
         {u"W DestinationSubsidyType"_qs}},
        {"destination: subsidised rental with type",
         [](Enrollment& e) {
             e.destination = 435;
             e.exitValues.setCode(QStringLiteral("DestinationSubsidyType"), 431);
         },
         {}},
        {"destination: other, undescribed", [](Enrollment& e) { e.destination = 17; }, {u"W OtherDestination"_qs}},
        {"destination: other, described",
         [](Enrollment& e) {
             e.destination = 17;
             e.exitValues.setText(QStringLiteral("OtherDestination"), QStringLiteral("Boat"));
         },
         {}},
        {"exit income not recorded",
         [](Enrollment& e) {
             e.assessments.removeIf([](const hearth::Assessment& a) {
                 return a.dataCollectionStage == 3 && a.file == u"IncomeBenefits"_qs;
             });
         },
         {u"W IncomeFromAnySource"_qs, u"W BenefitsFromAnySource"_qs, u"W InsuranceFromAnySource"_qs}},
    }));
    const Project project = hearth::test::baselineProject();
    Enrollment enrollment = hearth::test::baselineEnrollment(project);
    enrollment.exitDate = kToday;
    enrollment.destination = 410;
    enrollment.assessments += hearth::test::stageAssessments(3, kToday);
    row.change(enrollment);
    const auto findings = quality::checkExit(enrollment, project, hearth::test::baselineClient(), kToday);
    INFO(row.name << "\n" << hearth::test::messages(findings));
    CHECK(summarize(findings) == sorted(row.expected));
}

TEST_CASE("Overlapping enrollments in the same project are refused")
{
    const auto stay = [](const char* uuid, QDate start, std::optional<QDate> exit) {
        Enrollment e;
        e.uuid = QString::fromLatin1(uuid);
        e.clientUuid = QStringLiteral("client-1");
        e.projectUuid = QStringLiteral("project-1");
        e.entryDate = start;
        e.exitDate = exit;
        return e;
    };
    const QList<Enrollment> history {stay("a", QDate(2026, 1, 5), QDate(2026, 2, 10)),
                                     stay("b", QDate(2026, 6, 1), QDate(2026, 6, 1))};
    struct Row
    {
        QDate start;
        std::optional<QDate> exit;
        bool overlaps;
    };
    const Row row = GENERATE(values<Row>({
        {QDate(2026, 2, 10), QDate(2026, 3, 1), false}, // comes back the day they left
        {QDate(2026, 2, 10), std::nullopt, true}, // and is still there in June
        {QDate(2026, 2, 9), std::nullopt, true},
        {QDate(2025, 12, 1), QDate(2026, 1, 5), false}, // leaves the day the next stay starts
        {QDate(2025, 12, 1), QDate(2026, 1, 6), true},
        {QDate(2025, 12, 1), std::nullopt, true}, // still open across both stays
        {QDate(2026, 1, 20), QDate(2026, 1, 25), true}, // inside
        {QDate(2026, 6, 1), QDate(2026, 6, 3), true}, // same-day stay occupies its day
        {QDate(2026, 6, 2), QDate(2026, 6, 3), false},
        {QDate(2026, 3, 1), QDate(2026, 4, 1), false},
    }));
    Enrollment candidate = stay("new", row.start, row.exit);
    const auto finding = quality::findOverlappingEnrollment(candidate, history);
    INFO(row.start.toString(Qt::ISODate).toStdString());
    CHECK(finding.has_value() == row.overlaps);
    if (finding) {
        CHECK(finding->isRefusal());
        CHECK(finding->field == u"entryDate"_qs);
    }
}

TEST_CASE("An enrollment does not overlap itself, and other projects or clients do not count")
{
    Enrollment open;
    open.uuid = QStringLiteral("a");
    open.clientUuid = QStringLiteral("client-1");
    open.projectUuid = QStringLiteral("project-1");
    open.entryDate = QDate(2026, 1, 5);
    CHECK_FALSE(quality::findOverlappingEnrollment(open, {open}).has_value());
    Enrollment elsewhere = open;
    elsewhere.uuid = QStringLiteral("b");
    elsewhere.projectUuid = QStringLiteral("project-2");
    CHECK_FALSE(quality::findOverlappingEnrollment(open, {elsewhere}).has_value());
    Enrollment same = open;
    same.uuid = QStringLiteral("c");
    const auto finding = quality::findOverlappingEnrollment(open, {same});
    REQUIRE(finding.has_value());
    CHECK(finding->message.contains(QLocale().toString(QDate(2026, 1, 5), QLocale::ShortFormat)));
    CHECK(finding->message.contains(u"has not exited"_qs));
}
