// The HMIS password policy: a table of passwords and the rules each one breaks.
#include "auth/PasswordPolicy.h"

#include <QFile>
#include <QJsonObject>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/generators/catch_generators_range.hpp>

#include <string>
#include <vector>

using hearth::PasswordPolicy;
using hearth::PasswordPolicyConfig;
using hearth::PasswordRule;
using hearth::PasswordViolation;

namespace Catch {
template<>
struct StringMaker<PasswordRule>
{
    static std::string convert(PasswordRule rule)
    {
        switch (rule) {
        case PasswordRule::TooShort:
            return "TooShort";
        case PasswordRule::TooLong:
            return "TooLong";
        case PasswordRule::TooFewDigits:
            return "TooFewDigits";
        case PasswordRule::ContainsUserName:
            return "ContainsUserName";
        case PasswordRule::ContainsHmisName:
            return "ContainsHmisName";
        case PasswordRule::ContainsVendorName:
            return "ContainsVendorName";
        case PasswordRule::DictionaryWord:
            return "DictionaryWord";
        case PasswordRule::SameAsPrevious:
            return "SameAsPrevious";
        case PasswordRule::Mismatch:
            return "Mismatch";
        }
        return "?";
    }
};
} // namespace Catch

namespace {

using Rules = std::vector<PasswordRule>;
using R = PasswordRule;

struct Row
{
    QStringView password;
    QStringView login;
    Rules expected; // empty = accepted; otherwise in the order check() reports them
};

Rules rulesOf(const QList<PasswordViolation>& violations)
{
    Rules rules;
    for (const PasswordViolation& v : violations)
        rules.push_back(v.rule);
    return rules;
}

// Runs one row and checks both the rules and that each message is the rule's own message.
void checkRow(const PasswordPolicy& policy, const Row& row)
{
    INFO("password \"" << row.password.toString().toStdString() << "\", login \"" << row.login.toString().toStdString()
                       << "\"");
    const QList<PasswordViolation> violations = policy.check(row.password.toString(), row.login.toString());
    CHECK(rulesOf(violations) == row.expected);
    for (const PasswordViolation& v : violations) {
        CHECK_FALSE(v.message.isEmpty());
        CHECK(v.message == hearth::passwordRuleMessage(v.rule, policy.config()));
    }
}

const std::vector<Row> kDefaultRows {
    // Accepted.
    {u"correct7horse9", u"jsmith", {}},
    {u"zq9kx7wv", u"jsmith", {}}, // exactly 8
    {u"abcd1234efgh5678", u"jsmith", {}}, // exactly 16
    {u"Sun4shine7x", u"jsmith", {}}, // digit inside: "sun4shine7x" is no word
    {u"sunshine12x", u"jsmith", {}}, // letter after the digits: core is not a word
    {u"12345678", u"jsmith", {}}, // no letters, no word
    {u"Xq7 vB2 pL", u"jsmith", {}},
    {u"ZQ9KX7WV", u"jsmith", {}}, // upper case is as good as lower case
    {u"mith12zq", u"jsmith", {}}, // a part of the login is fine
    {u"jo12zq9kx", u"jo", {}}, // a 2-character login does not veto
    {u"ab12ba34xy", u"ab", {}}, // ... forwards or backwards
    {u"xjsmith42", u"", {}}, // no login given
    // Length: spaces count, nothing is trimmed.
    {u"a1b2c   ", u"jsmith", {}}, // 5 + 3 spaces = 8
    {u" zq9kx7w", u"jsmith", {}}, // leading space makes 8
    {u"a1b2c  ", u"jsmith", {R::TooShort}}, // 7 with spaces
    {u"zq9kx7w", u"jsmith", {R::TooShort}},
    {u"ab1c2", u"jsmith", {R::TooShort}},
    {u"", u"jsmith", {R::TooShort, R::TooFewDigits}},
    {u"zq9kx7wvzq9kx7wvz", u"jsmith", {R::TooLong}}, // 17
    {u"zq9kx7wv zq9kx7w ", u"jsmith", {R::TooLong}}, // 17 with spaces
    // Digits.
    {u"zq9kxtwvp", u"jsmith", {R::TooFewDigits}},
    {u"zqkxtwvp!", u"jsmith", {R::TooFewDigits}},
    // User name: forwards, backwards, any case.
    {u"xjsmith42", u"jsmith", {R::ContainsUserName}},
    {u"JSmith99x", u"jsmith", {R::ContainsUserName}},
    {u"xjsmith42", u"JSMITH", {R::ContainsUserName}},
    {u"77htimsjq", u"jsmith", {R::ContainsUserName}},
    {u"77HtImSjq", u"jsmith", {R::ContainsUserName}},
    {u"xbob12zz", u"bob", {R::ContainsUserName}}, // 3 characters is enough
    {u"jsmith", u"jsmith", {R::TooShort, R::TooFewDigits, R::ContainsUserName}},
    // HMIS name.
    {u"myHMIS4ever1", u"jsmith", {R::ContainsHmisName}},
    {u"xhmis12yz", u"jsmith", {R::ContainsHmisName}},
    {u"SIMH12qz9", u"jsmith", {R::ContainsHmisName}},
    {u"zq9simhx7", u"jsmith", {R::ContainsHmisName}},
    // Vendor name.
    {u"Hearth2024x", u"jsmith", {R::ContainsVendorName}},
    {u"htraeh77q", u"jsmith", {R::ContainsVendorName}},
    {u"q1HEARTH2q", u"jsmith", {R::ContainsVendorName}},
    {u"hearth12", u"jsmith", {R::ContainsVendorName, R::DictionaryWord}}, // also a dictionary word
    // Dictionary words, with digits, symbols or spaces only around them, forwards or backwards.
    {u"sunshine12", u"jsmith", {R::DictionaryWord}},
    {u"12enihsnus!", u"jsmith", {R::DictionaryWord}},
    {u"!!Sunshine99", u"jsmith", {R::DictionaryWord}},
    {u"  dragon 42", u"jsmith", {R::DictionaryWord}},
    {u"42nogard", u"jsmith", {R::DictionaryWord}},
    {u"PaSsWoRd12", u"jsmith", {R::DictionaryWord}},
    {u"99drowssap", u"jsmith", {R::DictionaryWord}},
    {u"sunshine", u"jsmith", {R::TooFewDigits, R::DictionaryWord}},
    {u"smith123", u"jsmith", {R::DictionaryWord}}, // a word, though not the whole login
    {u"sunshine12345678", u"jsmith", {R::DictionaryWord}}, // 16: long enough, still a word
    // Several rules at once.
    {u"jsmithHMIShearth",
     u"jsmith",
     {R::TooFewDigits, R::ContainsUserName, R::ContainsHmisName, R::ContainsVendorName}},
};

} // namespace

TEST_CASE("The dictionary resource is embedded in hearth_core", "[password]")
{
    QFile file(QStringLiteral(":/hearth/dictionary/words.txt"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    CHECK(data.count('\n') > 50000);
    CHECK(data.contains("\nsunshine\n"));
    CHECK(data.contains("\npassword\n"));
}

TEST_CASE("Default password policy, table of passwords", "[password]")
{
    const PasswordPolicy policy;
    const Row row = GENERATE(from_range(kDefaultRows));
    checkRow(policy, row);
}

TEST_CASE("Configured HMIS and vendor names replace the defaults", "[password]")
{
    PasswordPolicyConfig config;
    config.hmisName = QStringLiteral("ClientTrack");
    config.vendorName = QStringLiteral("Bitfocus");
    const PasswordPolicy policy(config);

    const std::vector<Row> rows {
        {u"clienttrack12", u"jsmith", {R::ContainsHmisName}},
        {u"CLIENTTRACK12", u"jsmith", {R::ContainsHmisName}},
        {u"12kcartTNEILC", u"jsmith", {R::ContainsHmisName}},
        {u"x1ClientTrack2", u"jsmith", {R::ContainsHmisName}},
        {u"bitfocus42", u"jsmith", {R::ContainsVendorName}},
        {u"42sucoftib", u"jsmith", {R::ContainsVendorName}},
        // The default names no longer apply.
        {u"myhmis4ever1", u"jsmith", {}},
        {u"Hearth2024x", u"jsmith", {}},
        {u"xsimh12yz", u"jsmith", {}},
    };
    for (const Row& row : rows)
        checkRow(policy, row);

    CHECK(hearth::passwordRuleMessage(R::ContainsHmisName, config).contains(QStringLiteral("ClientTrack")));
    CHECK(hearth::passwordRuleMessage(R::ContainsVendorName, config).contains(QStringLiteral("Bitfocus")));
}

TEST_CASE("Empty or very short names switch their rule off", "[password]")
{
    PasswordPolicyConfig config;
    config.hmisName.clear();
    config.vendorName = QStringLiteral("HC");
    const PasswordPolicy policy(config);

    checkRow(policy, {u"xhmis12yz", u"jsmith", {}});
    checkRow(policy, {u"hc12hc34zq", u"hc", {}});
    CHECK_FALSE(policy.describe().contains(QStringLiteral("\"HC\"")));
}

TEST_CASE("The dictionary rule can be switched off", "[password]")
{
    PasswordPolicyConfig config;
    config.rejectDictionaryWords = false;
    const PasswordPolicy policy(config);

    checkRow(policy, {u"sunshine12", u"jsmith", {}});
    checkRow(policy, {u"12enihsnus!", u"jsmith", {}});
    checkRow(policy, {u"hearth12", u"jsmith", {R::ContainsVendorName}});
}

TEST_CASE("Messages name the rule and its limits", "[password]")
{
    const PasswordPolicyConfig config;
    const auto message = [&](PasswordRule rule) {
        return hearth::passwordRuleMessage(rule, config);
    };

    for (PasswordRule rule : {R::TooShort, R::TooLong, R::TooFewDigits, R::ContainsUserName, R::ContainsHmisName,
                              R::ContainsVendorName, R::DictionaryWord, R::SameAsPrevious, R::Mismatch}) {
        INFO(Catch::StringMaker<PasswordRule>::convert(rule));
        CHECK_FALSE(message(rule).isEmpty());
    }
    CHECK(message(R::TooShort).contains(QStringLiteral("8")));
    CHECK(message(R::TooLong).contains(QStringLiteral("16")));
    CHECK(message(R::TooFewDigits).contains(QStringLiteral("2")));
    CHECK(message(R::TooFewDigits).contains(QStringLiteral("digits")));
    CHECK(message(R::ContainsUserName).contains(QStringLiteral("user name")));
    CHECK(message(R::ContainsHmisName).contains(QStringLiteral("HMIS")));
    CHECK(message(R::ContainsVendorName).contains(QStringLiteral("Hearth")));
    CHECK(message(R::DictionaryWord).contains(QStringLiteral("dictionary")));
    CHECK(message(R::SameAsPrevious).contains(QStringLiteral("previous")));
    CHECK(message(R::Mismatch).contains(QStringLiteral("match")));

    PasswordPolicyConfig oneDigit;
    oneDigit.minDigits = 1;
    CHECK(hearth::passwordRuleMessage(R::TooFewDigits, oneDigit).contains(QStringLiteral("1 digit ")));

    const PasswordPolicy policy;
    const QList<PasswordViolation> violations = policy.check(QStringLiteral("sun"), QStringLiteral("jsmith"));
    REQUIRE(violations.size() == 2);
    CHECK(PasswordPolicy::explain(violations) == QString(violations[0].message + u'\n' + violations[1].message));
    CHECK(PasswordPolicy::explain({}).isEmpty());

    const QString description = policy.describe();
    for (const auto& needle :
         {QStringLiteral("8"), QStringLiteral("16"), QStringLiteral("2 digits"), QStringLiteral("user name"),
          QStringLiteral("HMIS"), QStringLiteral("Hearth"), QStringLiteral("dictionary"), QStringLiteral("90")}) {
        INFO(needle.toStdString());
        CHECK(description.contains(needle));
    }
}

TEST_CASE("Passwords expire after expiryDays", "[password]")
{
    const QDateTime changed(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);

    const PasswordPolicy policy;
    CHECK_FALSE(policy.isExpired(changed, changed));
    CHECK_FALSE(policy.isExpired(changed, changed.addDays(89)));
    CHECK_FALSE(policy.isExpired(changed, changed.addDays(90).addSecs(-1)));
    CHECK(policy.isExpired(changed, changed.addDays(90)));
    CHECK(policy.isExpired(changed, changed.addDays(91)));
    CHECK(policy.isExpired(changed, changed.addYears(3)));
    CHECK(policy.isExpired(QDateTime(), changed)); // unknown change date

    PasswordPolicyConfig never;
    never.expiryDays = 0;
    const PasswordPolicy neverPolicy(never);
    CHECK_FALSE(neverPolicy.isExpired(changed, changed.addDays(90)));
    CHECK_FALSE(neverPolicy.isExpired(changed, changed.addYears(30)));
    CHECK_FALSE(neverPolicy.isExpired(QDateTime(), changed));
    CHECK_FALSE(PasswordPolicy(never).describe().contains(QStringLiteral("expire")));
}

TEST_CASE("Policy configuration round-trips through JSON and clamps nonsense", "[password]")
{
    SECTION("Round trip")
    {
        PasswordPolicyConfig config;
        config.minLength = 10;
        config.maxLength = 24;
        config.minDigits = 3;
        config.hmisName = QStringLiteral("ClientTrack");
        config.vendorName = QStringLiteral("Bitfocus");
        config.expiryDays = 60;
        config.rejectDictionaryWords = false;

        const PasswordPolicyConfig back = PasswordPolicyConfig::fromJson(config.toJson());
        CHECK(back.minLength == 10);
        CHECK(back.maxLength == 24);
        CHECK(back.minDigits == 3);
        CHECK(back.hmisName == QStringLiteral("ClientTrack"));
        CHECK(back.vendorName == QStringLiteral("Bitfocus"));
        CHECK(back.expiryDays == 60);
        CHECK_FALSE(back.rejectDictionaryWords);
        CHECK(back.toJson() == config.toJson());
    }

    SECTION("Missing or mistyped keys take the defaults")
    {
        const PasswordPolicyConfig defaults;
        const PasswordPolicyConfig empty = PasswordPolicyConfig::fromJson({});
        CHECK(empty.toJson() == defaults.toJson());

        const PasswordPolicyConfig mistyped = PasswordPolicyConfig::fromJson(QJsonObject {
            {QStringLiteral("minLength"), QStringLiteral("twelve")},
            {QStringLiteral("hmisName"), 42},
            {QStringLiteral("rejectDictionaryWords"), QStringLiteral("no")},
            {QStringLiteral("expiryDays"), 30.5},
        });
        CHECK(mistyped.toJson() == defaults.toJson());

        const PasswordPolicyConfig partial
            = PasswordPolicyConfig::fromJson(QJsonObject {{QStringLiteral("minDigits"), 1}});
        CHECK(partial.minDigits == 1);
        CHECK(partial.minLength == defaults.minLength);
        CHECK(partial.hmisName == defaults.hmisName);

        // An explicitly empty name is kept: it switches the rule off.
        const PasswordPolicyConfig noName
            = PasswordPolicyConfig::fromJson(QJsonObject {{QStringLiteral("hmisName"), QString()}});
        CHECK(noName.hmisName.isEmpty());
    }

    SECTION("Clamping")
    {
        const PasswordPolicyConfig low = PasswordPolicyConfig::fromJson(QJsonObject {
            {QStringLiteral("minLength"), 0},
            {QStringLiteral("maxLength"), -3},
            {QStringLiteral("minDigits"), -5},
            {QStringLiteral("expiryDays"), -1},
        });
        CHECK(low.minLength == 1);
        CHECK(low.maxLength == 1);
        CHECK(low.minDigits == 0);
        CHECK(low.expiryDays == 0);

        const PasswordPolicyConfig crossed = PasswordPolicyConfig::fromJson(QJsonObject {
            {QStringLiteral("minLength"), 12},
            {QStringLiteral("maxLength"), 8},
            {QStringLiteral("minDigits"), 40},
        });
        CHECK(crossed.minLength == 12);
        CHECK(crossed.maxLength == 12);
        CHECK(crossed.minDigits == 12);
    }
}
