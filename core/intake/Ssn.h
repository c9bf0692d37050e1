#pragma once

#include "core/intake/QualityFinding.h"

#include <QList>
#include <QString>

namespace hearth {

/// @brief 3.02 Social Security Number entry, following the Orange County HMIS procedure: digits or
/// X only, the data quality follows what was typed, validity problems warn but never change the
/// number, and "consent refused" replaces every digit with X.
namespace ssn {

/// Edit-field input to the stored form: digits kept, dashes and spaces dropped (they are only
/// formatting), any other character becomes 'X' (an unknown digit), at most nine characters.
QString normalizeInput(const QString& input);

/// True when normalizeInput() turns a character of @p input into X that was not typed as an X: a letter
/// or sign read as an unknown digit, which the user is told about.
bool convertsCharacters(const QString& input);

/// The edit field's form of a normalised entry: ###-##-####, the dashes placed as far as it goes
/// ("12345" -> "123-45").
QString formatForEntry(const QString& normalized);

/// For saving: a short entry is taken as the last digits (CoC, ESG and PATH projects need only the
/// last four) and padded on the left with X to nine characters. Empty stays empty.
QString padToNine(const QString& ssn);

/// True for "" (none given) and for nine characters each a digit or 'X' (HUD ^[0-9X]{9}$).
bool isWellFormed(const QString& ssn);

/// The 3.02.2 SSN Data Quality that follows from the number: empty -> 99 Data not collected, all X
/// -> 8 Client doesn't know, some X or fewer than nine characters -> 2 Approximate or partial,
/// nine digits -> 1 Full SSN reported. The user may still choose another answer.
int dataQualityFor(const QString& ssn);

/// The SSA validity rules the Sonoma data quality plan and Orange County list.
enum class Rule
{
    AreaZero, ///< first three digits 000
    Area666, ///< first three digits 666
    Area9xx, ///< first digit 9
    GroupZero, ///< digits 4-5 are 00
    SerialZero, ///< last four digits 0000
    RepeatedDigit, ///< one digit nine times
    Sequence, ///< nine digits counting up or down, e.g. 123456789, 345678901, 987654321
};

struct Warning
{
    Rule rule;
    QString message;
};

/// Every validity rule @p ssn breaks, each with its own message. Parts containing X are skipped
/// (area, group and serial are checked when all their digits are known); the repetition and
/// sequence rules need all nine digits. Warnings only: the user may keep the number.
QList<Warning> validityWarnings(const QString& ssn);

/// "XXX-XX-1234" (the last four as recorded), or "not recorded" when empty. For every display
/// except the edit field.
QString mask(const QString& ssn);

/// The "consent refused" toggle, applied on save: every digit becomes X (a number that was given
/// keeps its nine positions; none stays none) and the data quality is 9 Client prefers not to answer.
struct Answer
{
    QString ssn;
    int dataQuality = 99;
};
Answer applyConsentRefused(const QString& ssn);

/// The 3.02 findings for a client record: malformed numbers and impossible data-quality claims are
/// refused; validity rules and contradictory or missing-data answers warn.
QualityFindings check(const QString& ssn, int dataQuality);

} // namespace ssn
} // namespace hearth
