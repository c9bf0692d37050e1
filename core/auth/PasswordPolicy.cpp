#include "core/auth/PasswordPolicy.h"

#include <QFile>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QtGlobal>

#include <algorithm>

namespace hearth {

namespace {

const QString kMinLengthKey = QStringLiteral("minLength");
const QString kMaxLengthKey = QStringLiteral("maxLength");
const QString kMinDigitsKey = QStringLiteral("minDigits");
const QString kHmisNameKey = QStringLiteral("hmisName");
const QString kVendorNameKey = QStringLiteral("vendorName");
const QString kExpiryDaysKey = QStringLiteral("expiryDays");
const QString kRejectDictionaryKey = QStringLiteral("rejectDictionaryWords");

// Names shorter than this are ignored: a two-letter login would otherwise veto a large share of
// all passwords.
constexpr qsizetype kMinNameLength = 3;
// The word list holds words of 4-16 letters; shorter cores are not worth a lookup.
constexpr qsizetype kMinWordLength = 4;

// Reverses by code point so a surrogate pair stays in order.
QString reversed(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = text.size(); i > 0;) {
        --i;
        if (text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()) {
            out.append(text[i - 1]);
            out.append(text[i]);
            --i;
        } else {
            out.append(text[i]);
        }
    }
    return out;
}

QSet<QString> loadDictionary()
{
    QSet<QString> words;
    QFile file(QStringLiteral(":/hearth/dictionary/words.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        // Fail loudly in the log; the other rules still apply.
        qCritical("PasswordPolicy: dictionary resource :/hearth/dictionary/words.txt is missing");
        return words;
    }
    const QByteArray data = file.readAll();
    words.reserve(data.count('\n') + 1);
    for (const QByteArray& line : data.split('\n')) {
        const QByteArray word = line.trimmed();
        if (!word.isEmpty())
            words.insert(QString::fromLatin1(word));
    }
    return words;
}

const QSet<QString>& dictionary()
{
    static const QSet<QString> words = loadDictionary(); // thread-safe initialisation, loaded once
    return words;
}

bool isDictionaryWord(const QString& password)
{
    // The "core" is the password without the digits, symbols and spaces padding it:
    // "12enihsnus!" -> "enihsnus".
    qsizetype begin = 0;
    qsizetype end = password.size();
    while (begin < end && !password[begin].isLetter())
        ++begin;
    while (end > begin && !password[end - 1].isLetter())
        --end;
    if (end - begin < kMinWordLength)
        return false;
    const QString core = password.mid(begin, end - begin).toLower();
    const QSet<QString>& words = dictionary();
    return words.contains(core) || words.contains(reversed(core));
}

bool containsName(const QString& password, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.size() < kMinNameLength)
        return false;
    return password.contains(trimmed, Qt::CaseInsensitive) || password.contains(reversed(trimmed), Qt::CaseInsensitive);
}

int intValue(const QJsonObject& json, const QString& key, int fallback)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? value.toInt(fallback) : fallback;
}

QString stringValue(const QJsonObject& json, const QString& key, const QString& fallback)
{
    const QJsonValue value = json.value(key);
    return value.isString() ? value.toString() : fallback;
}

} // namespace

PasswordPolicyConfig PasswordPolicyConfig::clamped() const
{
    PasswordPolicyConfig config = *this;
    config.minLength = std::clamp(minLength, kBaselineMinLength, kLongestPassphrase);
    config.maxLength = std::clamp(maxLength, config.minLength, kLongestPassphrase);
    // One character is left for the letter the baseline asks for.
    config.minDigits = std::clamp(minDigits, kBaselineMinDigits, config.maxLength - 1);
    config.expiryDays = std::max(0, expiryDays);
    return config;
}

QJsonObject PasswordPolicyConfig::toJson() const
{
    return QJsonObject {
        {kMinLengthKey, minLength},   {kMaxLengthKey, maxLength},   {kMinDigitsKey, minDigits},
        {kHmisNameKey, hmisName},     {kVendorNameKey, vendorName}, {kExpiryDaysKey, expiryDays},
        {kRejectDictionaryKey, true}, // the key older versions read; the rule is always on
    };
}

PasswordPolicyConfig PasswordPolicyConfig::fromJson(const QJsonObject& json)
{
    const PasswordPolicyConfig defaults;
    PasswordPolicyConfig config;
    config.minLength = intValue(json, kMinLengthKey, defaults.minLength);
    config.maxLength = intValue(json, kMaxLengthKey, defaults.maxLength);
    config.minDigits = intValue(json, kMinDigitsKey, defaults.minDigits);
    config.hmisName = stringValue(json, kHmisNameKey, defaults.hmisName);
    config.vendorName = stringValue(json, kVendorNameKey, defaults.vendorName);
    config.expiryDays = intValue(json, kExpiryDaysKey, defaults.expiryDays);
    // kRejectDictionaryKey is not read: a stored false no longer switches the dictionary rule off.
    return config.clamped();
}

QString passwordRuleMessage(PasswordRule rule, const PasswordPolicyConfig& config)
{
    switch (rule) {
    case PasswordRule::TooShort:
        return QObject::tr("Use at least %1 characters.").arg(config.minLength);
    case PasswordRule::TooLong:
        return QObject::tr("Use at most %1 characters.").arg(config.maxLength);
    case PasswordRule::NoLetter:
        return QObject::tr("Use at least one letter.");
    case PasswordRule::TooFewDigits:
        if (config.minDigits == 1)
            return QObject::tr("Use at least 1 digit (0-9).");
        return QObject::tr("Use at least %1 digits (0-9).").arg(config.minDigits);
    case PasswordRule::ContainsUserName:
        return QObject::tr("Don't include your user name, forwards or backwards.");
    case PasswordRule::ContainsHmisName:
        return QObject::tr("Don't include the system name \"%1\", forwards or backwards.")
            .arg(config.hmisName.trimmed());
    case PasswordRule::ContainsVendorName:
        return QObject::tr("Don't include the vendor name \"%1\", forwards or backwards.")
            .arg(config.vendorName.trimmed());
    case PasswordRule::DictionaryWord:
        return QObject::tr(
            "Don't use a dictionary word, forwards or backwards, even with digits or symbols around it.");
    case PasswordRule::SameAsPrevious:
        return QObject::tr("Choose a password different from your previous one.");
    case PasswordRule::Mismatch:
        return QObject::tr("The two passwords don't match.");
    }
    return {};
}

PasswordPolicy::PasswordPolicy(const PasswordPolicyConfig& config)
    : m_config(config.clamped())
{
}

QList<PasswordViolation> PasswordPolicy::check(const QString& password, const QString& userLogin) const
{
    QList<PasswordViolation> violations;
    const auto add = [&](PasswordRule rule) {
        violations.append(PasswordViolation {rule, passwordRuleMessage(rule, m_config)});
    };

    if (password.size() < m_config.minLength)
        add(PasswordRule::TooShort);
    if (password.size() > m_config.maxLength)
        add(PasswordRule::TooLong);
    if (std::none_of(password.cbegin(), password.cend(), [](QChar c) { return c.isLetter(); }))
        add(PasswordRule::NoLetter);
    const auto digits = std::count_if(password.cbegin(), password.cend(), [](QChar c) { return c.isDigit(); });
    if (digits < m_config.minDigits)
        add(PasswordRule::TooFewDigits);
    if (containsName(password, userLogin))
        add(PasswordRule::ContainsUserName);
    if (containsName(password, m_config.hmisName))
        add(PasswordRule::ContainsHmisName);
    if (containsName(password, m_config.vendorName))
        add(PasswordRule::ContainsVendorName);
    if (isDictionaryWord(password))
        add(PasswordRule::DictionaryWord);
    return violations;
}

bool PasswordPolicy::isExpired(const QDateTime& changedAt, const QDateTime& now) const
{
    if (m_config.expiryDays <= 0)
        return false;
    if (!changedAt.isValid())
        return true;
    return now >= changedAt.addDays(m_config.expiryDays);
}

QString PasswordPolicy::describe() const
{
    QStringList lines;
    if (m_config.minLength == m_config.maxLength)
        lines << QObject::tr("Use exactly %1 characters.").arg(m_config.minLength);
    else
        lines << QObject::tr("Use %1 to %2 characters.").arg(m_config.minLength).arg(m_config.maxLength);
    lines << passwordRuleMessage(PasswordRule::NoLetter, m_config);
    lines << passwordRuleMessage(PasswordRule::TooFewDigits, m_config);
    lines << QObject::tr("Spaces count, and upper and lower case are different.");

    QStringList names {QObject::tr("your user name")};
    for (const QString& name : {m_config.hmisName, m_config.vendorName}) {
        if (name.trimmed().size() >= kMinNameLength)
            names << QStringLiteral("\"%1\"").arg(name.trimmed());
    }
    if (names.size() == 1)
        lines << QObject::tr("Don't include %1, forwards or backwards.").arg(names.constFirst());
    else
        lines << QObject::tr("Don't include %1 or %2, forwards or backwards.")
                     .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.constLast());

    lines << passwordRuleMessage(PasswordRule::DictionaryWord, m_config);
    if (m_config.expiryDays > 0)
        lines << QObject::tr("Passwords expire every %1 days; the new one must differ from the previous one.")
                     .arg(m_config.expiryDays);
    else
        lines << passwordRuleMessage(PasswordRule::SameAsPrevious, m_config);
    return lines.join(u'\n');
}

QString PasswordPolicy::explain(const QList<PasswordViolation>& violations)
{
    QStringList lines;
    lines.reserve(violations.size());
    for (const PasswordViolation& violation : violations)
        lines << violation.message;
    return lines.join(u'\n');
}

} // namespace hearth
