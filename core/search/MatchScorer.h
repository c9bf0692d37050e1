#pragma once

#include "core/search/DobMatch.h"
#include "core/search/IndexedPerson.h"
#include "core/search/SearchTypes.h"

#include <QHash>

#include <optional>

namespace hearth::search {

/// @brief Evidence weights: how strongly each kind of agreement says "same client".
///
/// Log-odds in spirit (Fellegi-Sunter): agreement on a field adds its weight, a clear
/// disagreement subtracts, a field missing on either side says nothing.
namespace weights {
constexpr double kFirstName = 4.0;
constexpr double kLastName = 5.0;
constexpr double kDob = 5.0;
constexpr double kSsnLast4 = 4.0;
/// A typed first name matching the middle name or the alias, or a typed last name matching the
/// middle name, counts for a little less than matching the field it was typed for.
constexpr double kMiddleNameFactor = 0.85;
constexpr double kAliasFactor = 0.9;
constexpr double kSurnameInMiddleFactor = 0.8;
/// Total evidence from which a match is flagged likelyDuplicate: a full name alone, or a name
/// with a date of birth that has a slip in it, or a date of birth with the SSN last four.
constexpr double kLikelyDuplicate = 8.5;

/// Weight of a first-name similarity (TokenMatch::similarity scale), negative for a mismatch.
double firstName(double similarity);
double lastName(double similarity);
double dob(DobRelation relation);
} // namespace weights

/// @brief Scores stored clients against one prepared query and explains the result.
///
/// Not thread-safe (it remembers token comparisons); make one per search.
class MatchScorer
{
public:
    MatchScorer(const TokenVocabulary& vocabulary, const PreparedQuery& query);

    /// The match with its evidence weight, or nothing when nothing typed agrees.
    std::optional<std::pair<SearchMatch, double>> score(const IndexedPerson& person);

    /// The most evidence this query can give: what a perfect match scores.
    double maximumWeight() const { return m_maximumWeight; }

private:
    struct FieldMatch;
    struct NameOutcome;

    TokenMatch compare(int typedIndex, TokenId token);
    FieldMatch matchField(const TypedSide& side, std::span<const TokenId> stored, TokenId storedJoined);
    NameOutcome scoreNames(const IndexedPerson& person);

    const TokenVocabulary& m_vocabulary;
    const PreparedQuery& m_query;
    double m_maximumWeight = 0.0;
    QHash<quint64, TokenMatch> m_memo;
};

} // namespace hearth::search
