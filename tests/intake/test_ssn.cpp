// 3.02 SSN entry: rule tables for input clean-up, the automatic data quality, the validity rules,
// masking, "consent refused" and the save-time findings.
#include "core/intake/Ssn.h"
#include "tests/intake/IntakeTestSupport.h"

#include <catch2/generators/catch_generators.hpp>

namespace ssn = hearth::ssn;
using Rule = ssn::Rule;

namespace Catch {
template<>
struct StringMaker<Rule>
{
    static std::string convert(Rule rule) { return std::to_string(static_cast<int>(rule)); }
};
} // namespace Catch

TEST_CASE("SSN input keeps digits, drops formatting and turns anything else into X")
{
    const auto [input, stored] = GENERATE(table<const char*, const char*>({
        {"123-45-6789", "123456789"},
        {"123 45 6789", "123456789"},
        {"xxx-xx-6789", "XXXXX6789"},
        {"*#*-*/-6789", "XXXXX6789"},
        {"12a456789", "12X456789"},
        {"1234567890", "123456789"},
        {"6789", "6789"},
        {"", ""},
        {"---", ""},
    }));
    CHECK(ssn::normalizeInput(QString::fromUtf8(input)) == QString::fromUtf8(stored));
}

TEST_CASE("The SSN field shows ###-##-####, and says when a typed character became X")
{
    const auto [input, shown, converts] = GENERATE(table<const char*, const char*, bool>({
        {"123-45-67ab", "123-45-67XX", true},
        {"123456789", "123-45-6789", false},
        {"xxx-xx-6789", "XXX-XX-6789", false},
        {"*#*-*/-6789", "XXX-XX-6789", true},
        {"12345", "123-45", false},
        {"123", "123", false},
        {"", "", false},
    }));
    CHECK(ssn::formatForEntry(ssn::normalizeInput(QString::fromUtf8(input))) == QString::fromUtf8(shown));
    CHECK(ssn::convertsCharacters(QString::fromUtf8(input)) == converts);
}

TEST_CASE("Non-ASCII digits are not accepted as SSN digits")
{
    CHECK(ssn::normalizeInput(QStringLiteral("\u0661\u0662\u0663")) == u"XXX"_qs);
}

TEST_CASE("SSN data quality follows the number")
{
    const auto [number, quality] = GENERATE(table<const char*, int>({
        {"", 99},
        {"XXXXXXXXX", 8},
        {"XXXXX6789", 2},
        {"12345678X", 2},
        {"6789", 2},
        {"512437891", 1},
    }));
    CHECK(ssn::dataQualityFor(QString::fromLatin1(number)) == quality);
}

TEST_CASE("Short SSNs are padded on the left as the last digits")
{
    CHECK(ssn::padToNine(u"6789"_qs) == u"XXXXX6789"_qs);
    CHECK(ssn::padToNine(u""_qs) == u""_qs);
    CHECK(ssn::padToNine(u"512437891"_qs) == u"512437891"_qs);
    CHECK(ssn::isWellFormed(ssn::padToNine(u"6789"_qs)));
    CHECK_FALSE(ssn::isWellFormed(u"6789"_qs));
    CHECK_FALSE(ssn::isWellFormed(u"12345678x"_qs));
    CHECK(ssn::isWellFormed(u""_qs));
}

TEST_CASE("Each broken validity rule gets its own warning")
{
    struct Row
    {
        const char* number;
        std::vector<Rule> rules;
    };
    const Row row = GENERATE(values<Row>({
        {"512437891", {}},
        {"000437891", {Rule::AreaZero}},
        {"666437891", {Rule::Area666}},
        {"912437891", {Rule::Area9xx}},
        {"512007891", {Rule::GroupZero}},
        {"512430000", {Rule::SerialZero}},
        {"000000000", {Rule::AreaZero, Rule::GroupZero, Rule::SerialZero, Rule::RepeatedDigit}},
        {"333333333", {Rule::RepeatedDigit}},
        {"999999999", {Rule::Area9xx, Rule::RepeatedDigit}},
        {"123456789", {Rule::Sequence}},
        {"345678901", {Rule::Sequence}},
        {"987654321", {Rule::Area9xx, Rule::Sequence}},
        {"543210987", {Rule::Sequence}},
        {"123456788", {}},
        // Partial numbers: only the fully known parts are checked.
        {"000XXXXXX", {Rule::AreaZero}},
        {"XXXXX0000", {Rule::SerialZero}},
        {"XXX00XXXX", {Rule::GroupZero}},
        {"0X0XXXXXX", {}},
        {"XXXXXXXXX", {}},
        {"123456XXX", {}},
        {"", {}},
    }));
    std::vector<Rule> rules;
    for (const auto& w : ssn::validityWarnings(QString::fromLatin1(row.number))) {
        rules.push_back(w.rule);
        CHECK_FALSE(w.message.isEmpty());
    }
    INFO(row.number);
    CHECK(rules == row.rules);
}

TEST_CASE("SSNs are masked to the last four")
{
    CHECK(ssn::mask(u"512437891"_qs) == u"XXX-XX-7891"_qs);
    CHECK(ssn::mask(u"XXXXX6789"_qs) == u"XXX-XX-6789"_qs);
    CHECK(ssn::mask(u"XXXXXXXXX"_qs) == u"XXX-XX-XXXX"_qs);
    CHECK(ssn::mask(u""_qs) == u"not recorded"_qs);
    CHECK_FALSE(ssn::mask(u"512437891"_qs).contains(u"512"_qs));
}

TEST_CASE("Consent refused turns every digit into X and records the refusal")
{
    const auto given = ssn::applyConsentRefused(u"512437891"_qs);
    CHECK(given.ssn == u"XXXXXXXXX"_qs);
    CHECK(given.dataQuality == 9);
    const auto partial = ssn::applyConsentRefused(u"XXXXX6789"_qs);
    CHECK(partial.ssn == u"XXXXXXXXX"_qs);
    const auto none = ssn::applyConsentRefused(u""_qs);
    CHECK(none.ssn.isEmpty());
    CHECK(none.dataQuality == 9);
    CHECK(ssn::check(given.ssn, given.dataQuality).size() == 1); // only the missing-data warning
}

TEST_CASE("SSN findings: malformed numbers and impossible quality claims are refused, the rest warns")
{
    using hearth::test::summarize;
    struct Row
    {
        const char* number;
        int quality;
        QStringList expected;
    };
    const Row row = GENERATE(values<Row>({
        {"512437891", 1, {}},
        {"512437891", 2, {}}, // the client was unsure: allowed
        {"XXXXX7891", 2, {}},
        {"XXXXX7891", 1, {u"R ssnDataQuality"_qs}},
        {"", 1, {u"R ssnDataQuality"_qs}},
        {"", 2, {u"R ssnDataQuality"_qs}},
        {"XXXXXXXXX", 2, {u"R ssnDataQuality"_qs}},
        {"XXXXXXXXX", 8, {u"W ssnDataQuality"_qs}},
        {"", 9, {u"W ssnDataQuality"_qs}},
        {"", 99, {u"W ssnDataQuality"_qs}},
        {"512437891", 9, {u"W ssnDataQuality"_qs, u"W ssnDataQuality"_qs}},
        {"123456789", 1, {u"W ssn"_qs}},
        {"000000000", 1, {u"W ssn"_qs, u"W ssn"_qs, u"W ssn"_qs, u"W ssn"_qs}},
        {"12345", 2, {u"R ssn"_qs}},
        {"12345678a", 1, {u"R ssn"_qs}},
        {"512437891", 3, {u"R ssnDataQuality"_qs}},
    }));
    const auto findings = ssn::check(QString::fromLatin1(row.number), row.quality);
    INFO(row.number << " / " << row.quality << "\n" << hearth::test::messages(findings));
    CHECK(summarize(findings) == hearth::test::sorted(row.expected));
}
