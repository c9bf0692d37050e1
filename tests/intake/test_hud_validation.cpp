// Checking a row of answers against its HMIS CSV file: a table of answers and the message each gets.
#include "core/hud/HudValidation.h"
#include "tests/intake/IntakeTestSupport.h"

#include <QVariant>

#include <catch2/generators/catch_generators.hpp>

using hearth::HudValues;

TEST_CASE("Answers are checked against the CSV column they belong to")
{
    struct Row
    {
        const char* file;
        const char* column;
        QVariant value;
        const char* expected; // empty: valid
    };
    const Row row = GENERATE(values<Row>({
        {"Enrollment", "LengthOfStay", 4, ""},
        {"Enrollment", "LengthOfStay", 7, "3.917.2 Length of stay: 7 is not a HUD response."},
        {"Enrollment", "LengthOfStay", QStringLiteral("4"),
         "3.917.2 Length of stay: the answer must be one of the HUD responses."},
        {"Enrollment.csv", "LivingSituation", 116, ""},
        {"Enrollment", "LivingSituation", 24,
         "3.917.1 Living situation: \u201cDeceased\u201d (24) is not an allowed answer here."},
        {"Exit", "Destination", 24, ""},
        {"Exit", "Destination", 336, "is not an allowed answer here."},
        {"Exit", "OtherDestination", QString(51, u'a'),
         "3.12.B Other destination: at most 50 characters (51 entered)."},
        {"Exit", "OtherDestination", QString(50, u'a'), ""},
        {"Exit", "OtherDestination", 5, "the answer must be text."},
        {"IncomeBenefits", "EarnedAmount", 120.5, ""},
        {"IncomeBenefits", "EarnedAmount", -1.0, "4.02.A Earned amount: the amount cannot be negative."},
        {"IncomeBenefits", "EarnedAmount", 12, "the answer must be an amount of money."},
        {"IncomeBenefits", "InformationDate", QDate(2026, 1, 2), ""},
        {"IncomeBenefits", "InformationDate", QStringLiteral("2026-01-02"), "the answer must be a date."},
        {"Client", "YearEnteredService", 1990, ""},
        {"Client", "YearEnteredService", QStringLiteral("1990"),
         "V1.1 Year entered service: the answer must be a whole number."},
        {"Client", "Gender", 1, "Gender is not a column of the HUD Client file."},
        {"Enrollment", "VAMCStation", QStringLiteral("589A5"), ""},
        {"Enrollment", "VAMCStation", QStringLiteral("ZZZ"), "V6.1 VAMC station: ZZZ is not a HUD response."},
    }));
    HudValues values;
    values.set(QString::fromLatin1(row.column), row.value);
    const auto problems = hearth::validateHudValues(QString::fromLatin1(row.file), values);
    INFO(row.file << "." << row.column);
    if (QByteArray(row.expected).isEmpty()) {
        CHECK(problems.isEmpty());
    } else {
        REQUIRE(problems.size() == 1);
        CHECK(problems.first().column == QString::fromLatin1(row.column));
        CHECK(problems.first().message.contains(QString::fromUtf8(row.expected)));
    }
}

TEST_CASE("A column whose list depends on another column uses the list that column picks")
{
    HudValues substance;
    substance.setCode(QStringLiteral("DisabilityType"), 10);
    substance.setCode(QStringLiteral("DisabilityResponse"), 3);
    CHECK(hearth::validateHudValues(QStringLiteral("Disabilities"), substance).isEmpty());

    HudValues physical;
    physical.setCode(QStringLiteral("DisabilityType"), 5);
    physical.setCode(QStringLiteral("DisabilityResponse"), 3);
    const auto problems = hearth::validateHudValues(QStringLiteral("Disabilities"), physical);
    REQUIRE(problems.size() == 1);
    CHECK(problems.first().column == u"DisabilityResponse"_qs);

    HudValues bedNight;
    bedNight.setCode(QStringLiteral("RecordType"), 200);
    bedNight.setCode(QStringLiteral("TypeProvided"), 200);
    CHECK(hearth::validateHudValues(QStringLiteral("Services"), bedNight).isEmpty());
    bedNight.setCode(QStringLiteral("TypeProvided"), 1);
    CHECK(hearth::validateHudValues(QStringLiteral("Services"), bedNight).size() == 1);
}

TEST_CASE("Column names read as words")
{
    const auto [name, words] = GENERATE(table<const char*, const char*>({
        {"LengthOfStay", "Length of stay"},
        {"LOSUnderThreshold", "LOS under threshold"},
        {"DomesticViolenceSurvivor", "Domestic violence survivor"},
        {"SSIAmount", "SSI amount"},
        {"TANFChildCare", "TANF child care"},
        {"LeaveSituation14Days", "Leave situation 14 days"},
        {"IraqOIF", "Iraq OIF"},
        {"SSN", "SSN"},
    }));
    CHECK(hearth::humanizeColumnName(QString::fromLatin1(name)) == QString::fromLatin1(words));
}
