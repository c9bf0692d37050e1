#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hearth {

/// @brief What the duplicate index knows about one client. Held in memory only, never written to disk.
struct SearchPerson
{
    QString id; ///< client uuid
    QString firstName;
    QString middleName;
    QString lastName;
    QString alias; ///< nickname or street name
    std::optional<QDate> dob;
    QString ssn; ///< nine characters, each a digit or 'X', or empty; only the last four digits are used
};

/// @brief What the worker typed into the search that starts every new client. Any field may be empty.
struct SearchQuery
{
    QString firstName;
    QString lastName;
    std::optional<QDate> dob;
    QString ssnLast4; ///< four digits, or empty

    /// Reads one line of free text: "garcia, maria" (last, first), "Maria Garcia Lopez" (first, then
    /// last), a lone name (searched as first or last), a date of birth "3/14/1985" or "1985-03-14"
    /// (US month/day order), and four digits or a full SSN for the last four.
    static SearchQuery fromFreeText(const QString& text);

    bool isEmpty() const;
};

/// @brief Why a client was suggested. MatchDetail says which part of the name a name reason is about.
enum class MatchReason
{
    ExactName, ///< a part of the name is spelled the same (accents, case and hyphens aside)
    SimilarSpelling, ///< a typo, a transposition or a close spelling
    SoundsAlike, ///< spelled differently, pronounced alike
    Nickname, ///< Bill for William, Lupe for Guadalupe
    Initial, ///< an initial for a first name
    Alias, ///< the typed first name is the client's recorded alias
    MiddleName, ///< the typed first name is the client's middle name
    SurnamePart, ///< one part of a two-part or hyphenated last name
    NameOrderSwapped, ///< first and last name typed the other way round
    SameDob,
    DobDayMonthSwapped,
    DobYearTypo,
    DobDigitTypo, ///< one digit of the day or month mistyped
    DobTwoSlips, ///< a mistyped year and a swap or a mistyped day or month: weak evidence
    SameSsnLast4,
};

/// @brief The part of the name a MatchDetail is about.
enum class NamePart
{
    None,
    First,
    Last,
};

/// @brief One reason with the words needed to explain it. Holds only what the user typed, except
/// for a nickname, whose matched form is named ("Bill for William").
struct MatchDetail
{
    MatchReason reason = MatchReason::ExactName;
    NamePart part = NamePart::None;
    QString typed; ///< the typed name (nickname and alias reasons only)
    QString found; ///< the client's name the nickname stands for (nickname reason only)

    friend bool operator==(const MatchDetail&, const MatchDetail&) = default;
};

/// @brief One suggested client, best first in DuplicateIndex::search results.
struct SearchMatch
{
    QString id;
    double score = 0.0; ///< 0..1: how much of what was typed agrees; higher is better
    QList<MatchReason> reasons; ///< each reason once, strongest evidence first
    QList<MatchDetail> details; ///< the reasons with the words explanation() uses
    bool likelyDuplicate = false; ///< strong enough to warn before saving a new client

    /// Plain-language reasons for the user: "Nickname: Bill for William", "Same last four of SSN".
    QStringList explanation() const;
};

} // namespace hearth
