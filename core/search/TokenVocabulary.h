#pragma once

#include "core/search/DeletionIndex.h"
#include "core/search/NicknameTable.h"

#include <QHash>
#include <QString>

#include <utility>
#include <vector>

namespace hearth::search {

using TokenId = quint32;
constexpr TokenId kNoToken = 0xffffffffU;

/// @brief How a typed name token relates to a known one, weakest first.
enum class TokenRelation : quint8
{
    None,
    Initial,
    Similar, ///< close spelling beyond one or two edits (Jaro-Winkler)
    SoundsAlike,
    MisspelledNickname, ///< one typo away from a nickname: "Bil" for William
    Typo, ///< one edit (two for long names), a swap of neighbours counting as one
    Nickname,
    Exact,
};

/// @brief A relation and how much it says the two tokens are the same name, 0..1.
struct TokenMatch
{
    TokenRelation relation = TokenRelation::None;
    float similarity = 0.0F;
};

/// @brief A typed token with what comparisons need, worked out once per search.
struct TypedToken
{
    QString text;
    TokenId id = kNoToken; ///< kNoToken when no client has this token
    std::vector<quint16> nicknameGroups;
    /// For a word no client has and no nickname list knows: the nickname groups of names one
    /// typo away from it.
    std::vector<quint16> misspelledNicknameGroups;
    QString phonetic;
};

/// @brief Every distinct name token of the index, interned, with the lookups that find near misses.
///
/// Typos are found through a DeletionIndex, without scanning the vocabulary. Tokens are never
/// forgotten: a token whose clients were all removed costs a few bytes.
class TokenVocabulary
{
public:
    explicit TokenVocabulary(const NicknameTable& nicknames = NicknameTable::builtIn());

    TokenId intern(const QString& token);
    TokenId find(const QString& token) const;
    const QString& text(TokenId id) const { return m_entries[id].text; }
    int size() const { return int(m_entries.size()); }

    TypedToken prepare(const QString& token) const;
    TokenMatch compare(const TypedToken& typed, TokenId id) const;

    /// Known tokens related to @p typed (itself, nicknames, one edit away, sounds alike), best
    /// first, at most @p limit.
    std::vector<std::pair<TokenId, TokenMatch>> expand(const TypedToken& typed, int limit) const;

private:
    struct Entry
    {
        QString text;
        QString phonetic;
        std::vector<quint16> nicknameGroups;
    };
    TokenMatch compare(const TypedToken& typed, const QString& text, const QString& phonetic,
                       const std::vector<quint16>& groups) const;

    const NicknameTable* m_nicknames;
    QHash<QString, TokenId> m_ids;
    std::vector<Entry> m_entries;
    DeletionIndex m_typos;
    QHash<QString, std::vector<TokenId>> m_byPhonetic;
};

} // namespace hearth::search
