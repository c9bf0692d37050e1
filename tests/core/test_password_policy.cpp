// The HMIS password policy: a table of passwords and the rules each one breaks.
#include "core/auth/PasswordPolicy.h"

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
        case PasswordRule::NoLetter:
            return "NoLetter";
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
    {u"", u"jsmith", {R::TooShort, R::NoLetter, R::TooFewDigits}},
    {u"zq9kx7wvzq9kx7wvz", u"jsmith", {}}, // 17: passphrases are allowed
    {u"zq9kx7wv zq9kx7w ", u"jsmith", {}},
    // Letters: at least one, whatever the digits.
    {u"12345678", u"jsmith", {R::NoLetter}},
    {u"1234 5678!", u"jsmith", {R::NoLetter}},
    {u"1234567a", u"jsmith", {}}, // one letter is enough
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

TEST_CASE("HUD's baseline is a floor no configuration lowers", "[password]")
{
    // What an administrator, an old store or a hand-edited setting might hold.
    const PasswordPolicyConfig config = PasswordPolicyConfig::fromJson(QJsonObject {
        {QStringLiteral("minLength"), 4},
        {QStringLiteral("minDigits"), 0},
        {QStringLiteral("rejectDictionaryWords"), false},
        {QStringLiteral("hmisName"), QString()},
        {QStringLiteral("vendorName"), QString()},
    });
    CHECK(config.minLength == 8);
    CHECK(config.minDigits == 1);
    CHECK(config.toJson().value(QStringLiteral("rejectDictionaryWords")).toBool());

    const PasswordPolicy policy(config);
    checkRow(policy, {u"abcdef1", u"jsmith", {R::TooShort}});
    checkRow(policy, {u"abcdefgh", u"jsmith", {R::TooFewDigits}});
    checkRow(policy, {u"12345678", u"jsmith", {R::NoLetter}});
    checkRow(policy, {u"password1", u"jsmith", {R::DictionaryWord}});
    checkRow(policy, {u"pass1wrd", u"jsmith", {}}); // the floor itself is met
    checkRow(policy, {u"jsmith12", u"jsmith", {R::ContainsUserName}});
    checkRow(policy, {u"htimsj9x", u"JSmith", {R::ContainsUserName}});

    // A configuration built in code is clamped the same way.
    PasswordPolicyConfig weak;
    weak.minLength = 1;
    weak.minDigits = 0;
    weak.maxLength = 500;
    const PasswordPolicy weakPolicy(weak);
    CHECK(weakPolicy.config().minLength == 8);
    CHECK(weakPolicy.config().minDigits == 1);
    CHECK(weakPolicy.config().maxLength == 64);
    checkRow(weakPolicy, {u"a1", u"jsmith", {R::TooShort}});
    checkRow(weakPolicy, {u"sunshine1", u"jsmith", {R::DictionaryWord}});
    checkRow(weakPolicy, {u"99999999", u"jsmith", {R::NoLetter}});
}

TEST_CASE("Passphrases up to 64 characters; an agency may keep a lower maximum", "[password]")
{
    const QString sixtyFour = QStringLiteral("Seven otters 4 kayaks, 9 herons; one quiet river at dawn: ok x27");
    REQUIRE(sixtyFour.size() == 64);
    const PasswordPolicy policy;
    CHECK(policy.config().maxLength == 64);
    checkRow(policy, {sixtyFour, u"jsmith", {}});
    checkRow(policy, {QString(sixtyFour + u'!'), u"jsmith", {R::TooLong}});
    CHECK(hearth::passwordRuleMessage(R::TooLong, policy.config()).contains(QStringLiteral("64")));

    const PasswordPolicyConfig agency = PasswordPolicyConfig::fromJson(QJsonObject {{QStringLiteral("maxLength"), 20}});
    CHECK(agency.maxLength == 20);
    const PasswordPolicy agencyPolicy(agency);
    checkRow(agencyPolicy, {u"zq9kx7wv zq9kx7w zq9", u"jsmith", {}}); // 20
    checkRow(agencyPolicy, {u"zq9kx7wv zq9kx7w zq9k", u"jsmith", {R::TooLong}}); // 21
    checkRow(agencyPolicy, {sixtyFour, u"jsmith", {R::TooLong}});
    CHECK(PasswordPolicyConfig::fromJson(QJsonObject {{QStringLiteral("maxLength"), 65}}).maxLength == 64);
}

TEST_CASE("Messages name the rule and its limits", "[password]")
{
    const PasswordPolicyConfig config;
    const auto message = [&](PasswordRule rule) {
        return hearth::passwordRuleMessage(rule, config);
    };

    for (PasswordRule rule :
         {R::TooShort, R::TooLong, R::NoLetter, R::TooFewDigits, R::ContainsUserName, R::ContainsHmisName,
          R::ContainsVendorName, R::DictionaryWord, R::SameAsPrevious, R::Mismatch}) {
        INFO(Catch::StringMaker<PasswordRule>::convert(rule));
        CHECK_FALSE(message(rule).isEmpty());
    }
    CHECK(message(R::TooShort).contains(QStringLiteral("8")));
    CHECK(message(R::TooLong).contains(QStringLiteral("64")));
    CHECK(message(R::NoLetter).contains(QStringLiteral("letter")));
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
    for (const auto& needle : {QStringLiteral("8"), QStringLiteral("64"), QStringLiteral("letter"),
                               QStringLiteral("2 digits"), QStringLiteral("user name"), QStringLiteral("HMIS"),
                               QStringLiteral("Hearth"), QStringLiteral("dictionary"), QStringLiteral("90")}) {
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

        const PasswordPolicyConfig back = PasswordPolicyConfig::fromJson(config.toJson());
        CHECK(back.minLength == 10);
        CHECK(back.maxLength == 24);
        CHECK(back.minDigits == 3);
        CHECK(back.hmisName == QStringLiteral("ClientTrack"));
        CHECK(back.vendorName == QStringLiteral("Bitfocus"));
        CHECK(back.expiryDays == 60);
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
        CHECK(low.minLength == 8);
        CHECK(low.maxLength == 8);
        CHECK(low.minDigits == 1);
        CHECK(low.expiryDays == 0);

        const PasswordPolicyConfig crossed = PasswordPolicyConfig::fromJson(QJsonObject {
            {QStringLiteral("minLength"), 12},
            {QStringLiteral("maxLength"), 8},
            {QStringLiteral("minDigits"), 40},
        });
        CHECK(crossed.minLength == 12);
        CHECK(crossed.maxLength == 12);
        CHECK(crossed.minDigits == 11); // room for the letter

        const PasswordPolicyConfig high = PasswordPolicyConfig::fromJson(QJsonObject {
            {QStringLiteral("minLength"), 100},
            {QStringLiteral("maxLength"), 200},
        });
        CHECK(high.minLength == 64);
        CHECK(high.maxLength == 64);
    }
}
