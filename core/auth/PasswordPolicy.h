#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hearth {

/// @brief The tunable parts of the password policy, above HUD's baseline.
///
/// The baseline is a floor no setting goes below (docs/security.md): at least 8 characters with a letter
/// and a digit, never the user name or a dictionary word. Passphrases of up to 64 characters are allowed;
/// an agency may keep a lower maximum. The other defaults follow the Sonoma County HMIS "Data Access &
/// Password Policies": at least two digits, 90-day expiry.
struct PasswordPolicyConfig
{
    static constexpr int kBaselineMinLength = 8;
    static constexpr int kBaselineMinDigits = 1;
    static constexpr int kLongestPassphrase = 64;

    int minLength = kBaselineMinLength;
    int maxLength = kLongestPassphrase;
    int minDigits = 2;
    QString hmisName = QStringLiteral("HMIS");
    QString vendorName = QStringLiteral("Hearth");
    int expiryDays = 90; // 0 = never expires

    /// The configuration raised to the baseline: kBaselineMinLength <= minLength <= maxLength <=
    /// kLongestPassphrase, kBaselineMinDigits <= minDigits < maxLength (a letter still fits), expiryDays >= 0.
    PasswordPolicyConfig clamped() const;

    /// Writes `rejectDictionaryWords: true` for older readers; the rule itself cannot be switched off.
    QJsonObject toJson() const;
    /// Missing or mistyped keys take the defaults; the result is clamped() to the baseline. A stored
    /// `rejectDictionaryWords: false` is ignored. An empty hmisName/vendorName is kept and switches that
    /// name rule off (the user-name rule always applies).
    static PasswordPolicyConfig fromJson(const QJsonObject& json);
};

enum class PasswordRule
{
    TooShort,
    TooLong,
    NoLetter,
    TooFewDigits,
    ContainsUserName,
    ContainsHmisName,
    ContainsVendorName,
    DictionaryWord,
    SameAsPrevious, // checked by the caller: it needs the old key material
    Mismatch, // checked by the caller: new password and its confirmation differ
};

struct PasswordViolation
{
    PasswordRule rule;
    QString message;
};

/// The user-facing (translated) message for one rule under the given configuration.
QString passwordRuleMessage(PasswordRule rule, const PasswordPolicyConfig& config);

/// @brief Checks candidate passwords against the HMIS password policy.
///
/// Length, letters and digits are counted on the password exactly as typed (spaces count, case matters).
/// Names are matched case-insensitively, forwards and backwards. The dictionary is the SCOWL
/// word list embedded as the resource :/hearth/dictionary/words.txt. The configuration is clamped to
/// HUD's baseline, so no configuration checks less than the baseline.
class PasswordPolicy
{
public:
    explicit PasswordPolicy(const PasswordPolicyConfig& config = {});

    const PasswordPolicyConfig& config() const { return m_config; }

    /// Every rule the password breaks, each with a message naming the rule
    /// (e.g. "Use at least 2 digits (0-9)."). Empty = acceptable.
    QList<PasswordViolation> check(const QString& password, const QString& userLogin) const;

    /// True when a password changed at changedAt has expired at now (expiryDays; 0 never expires).
    /// An invalid changedAt counts as expired when expiry is on: an unknown age cannot be trusted.
    bool isExpired(const QDateTime& changedAt, const QDateTime& now) const;

    /// Human-readable summary of the rules, one per line, for showing next to a password field.
    QString describe() const;

    /// Joined messages of violations, one per line.
    static QString explain(const QList<PasswordViolation>& violations);

private:
    PasswordPolicyConfig m_config;
};

} // namespace hearth
