// 3.03 Date of birth: age, approximate and partial dates, the checks and the display.
#include "core/intake/DateOfBirth.h"
#include "tests/intake/IntakeTestSupport.h"

#include <catch2/generators/catch_generators.hpp>

namespace dob = hearth::dob;
using hearth::test::kToday;

TEST_CASE("Age counts whole years and the birthday itself")
{
    const auto [born, on, age] = GENERATE(table<QDate, QDate, int>({
        {QDate(1980, 3, 12), QDate(2026, 3, 11), 45},
        {QDate(1980, 3, 12), QDate(2026, 3, 12), 46},
        {QDate(1980, 3, 12), QDate(2026, 11, 21), 46},
        {QDate(2008, 2, 29), QDate(2026, 2, 28), 17},
        {QDate(2008, 2, 29), QDate(2026, 3, 1), 18},
        {QDate(2008, 2, 29), QDate(2028, 2, 29), 20},
        {QDate(2026, 11, 21), QDate(2026, 11, 21), 0},
        {QDate(2026, 11, 22), QDate(2026, 11, 21), -1},
    }));
    CHECK(dob::ageOn(born, on) == age);
}

TEST_CASE("An approximate age becomes 1 January and gives back the same age")
{
    const int age = GENERATE(0, 17, 18, 45, 110);
    const QDate today = GENERATE(QDate(2026, 1, 1), QDate(2026, 11, 21), QDate(2026, 12, 31));
    const QDate born = dob::fromApproximateAge(age, today);
    CHECK(born.month() == 1);
    CHECK(born.day() == 1);
    CHECK(dob::ageOn(born, today) == age);
}

TEST_CASE("Partial dates fall on the first of the month, or 1 January")
{
    CHECK(dob::fromPartial(1975) == QDate(1975, 1, 1));
    CHECK(dob::fromPartial(1975, 6) == QDate(1975, 6, 1));
    CHECK_FALSE(dob::fromPartial(1975, 13).isValid());
}

TEST_CASE("DOB data quality follows how the date was entered")
{
    CHECK(dob::dataQualityFor(QDate(1980, 3, 12), false) == 1);
    CHECK(dob::dataQualityFor(QDate(1980, 1, 1), true) == 2);
    CHECK(dob::dataQualityFor(std::nullopt, false) == 99);
    CHECK(dob::dataQualityFor(std::nullopt, true, 9) == 9);
}

TEST_CASE("DOB findings: impossible dates and claims are refused, contradictions warn")
{
    using hearth::test::summarize;
    struct Row
    {
        std::optional<QDate> born;
        int quality;
        QStringList expected;
    };
    const Row row = GENERATE(values<Row>({
        {QDate(1980, 3, 12), 1, {}},
        {QDate(1980, 1, 1), 2, {}},
        {kToday, 1, {}},
        {kToday.addDays(1), 1, {u"R dob"_qs}},
        {QDate(1916, 11, 21), 1, {}}, // exactly 110
        {QDate(1916, 11, 20), 2, {}}, // still 110 until the next birthday
        {QDate(1915, 11, 21), 1, {u"R dob"_qs}}, // 111
        {std::nullopt, 1, {u"R dobDataQuality"_qs}},
        {std::nullopt, 2, {u"R dobDataQuality"_qs}},
        {std::nullopt, 8, {u"W dobDataQuality"_qs}},
        {std::nullopt, 9, {u"W dobDataQuality"_qs}},
        {std::nullopt, 99, {u"W dobDataQuality"_qs}},
        {QDate(1980, 3, 12), 99, {u"W dobDataQuality"_qs, u"W dobDataQuality"_qs}},
        {QDate(1980, 3, 12), 4, {u"R dobDataQuality"_qs}},
    }));
    const auto findings = dob::check(row.born, row.quality, kToday);
    INFO(hearth::test::messages(findings));
    CHECK(summarize(findings) == hearth::test::sorted(row.expected));
}

TEST_CASE("The date of birth is shown with the age")
{
    const QLocale c = QLocale::c();
    CHECK(dob::display(QDate(1980, 3, 12), 1, kToday, c) == u"12 Mar 1980 (age 46)"_qs);
    CHECK(dob::display(QDate(1980, 1, 1), 2, kToday, c) == u"1 Jan 1980 (approximate, age 46)"_qs);
    CHECK(dob::display(std::nullopt, 9, kToday, c) == u"not recorded"_qs);
}
