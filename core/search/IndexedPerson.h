#pragma once

#include "core/search/TokenVocabulary.h"

#include <QDate>
#include <QString>
#include <QVarLengthArray>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace hearth::search {

/// @brief The name fields of a client, in the order IndexedPerson keeps their tokens.
enum class NameField : quint8
{
    First = 0,
    Middle = 1,
    Last = 2,
    Alias = 3,
};

/// @brief One client as the index keeps it: interned name tokens, date of birth, SSN last four.
struct IndexedPerson
{
    QString id;
    QVarLengthArray<TokenId, 6> tokens; ///< first, middle, last and alias tokens, in that order
    std::array<quint8, 4> counts {}; ///< tokens per NameField
    TokenId firstJoined = kNoToken; ///< the first name run together, when it has several tokens
    TokenId lastJoined = kNoToken; ///< the last name run together, when it has several tokens
    std::optional<QDate> dob;
    int ssnLast4 = -1; ///< -1 when unknown

    std::span<const TokenId> tokensOf(NameField field) const
    {
        std::size_t begin = 0;
        for (std::size_t f = 0; f < std::size_t(field); ++f)
            begin += counts[f];
        return {tokens.constData() + begin, counts[std::size_t(field)]};
    }
};

/// @brief The tokens of one typed name (first or last), as indexes into PreparedQuery::typed.
struct TypedSide
{
    std::vector<int> tokens;
    int joined = -1; ///< the run-together form; the same as the only token for one-word names

    bool isEmpty() const { return tokens.empty(); }
};

/// @brief A SearchQuery normalised once, with each typed token ready for comparisons.
struct PreparedQuery
{
    std::vector<TypedToken> typed;
    TypedSide first;
    TypedSide last;
    std::optional<QDate> dob;
    int ssnLast4 = -1;

    bool isEmpty() const { return first.isEmpty() && last.isEmpty() && !dob && ssnLast4 < 0; }
};

} // namespace hearth::search
