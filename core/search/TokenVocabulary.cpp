#include "core/search/TokenVocabulary.h"

#include "core/search/PhoneticKey.h"
#include "core/search/StringSimilarity.h"

#include <algorithm>

namespace hearth::search {

namespace {

// A phonetic bucket this large says little; skip it rather than flood the candidates.
constexpr std::size_t kMaxPhoneticBucket = 64;

} // namespace

TokenVocabulary::TokenVocabulary(const NicknameTable& nicknames)
    : m_nicknames(&nicknames)
{
}

TokenId TokenVocabulary::find(const QString& token) const
{
    return m_ids.value(token, kNoToken);
}

TokenId TokenVocabulary::intern(const QString& token)
{
    const auto it = m_ids.constFind(token);
    if (it != m_ids.constEnd())
        return it.value();
    const auto id = TokenId(m_entries.size());
    Entry entry {token, phoneticKey(token), m_nicknames->groupsOf(token)};
    if (!entry.phonetic.isEmpty())
        m_byPhonetic[entry.phonetic].push_back(id);
    m_entries.push_back(std::move(entry));
    m_ids.insert(token, id);
    m_typos.add(token, id);
    return id;
}

TypedToken TokenVocabulary::prepare(const QString& token) const
{
    TypedToken typed {token, find(token), m_nicknames->groupsOf(token), {}, phoneticKey(token)};
    if (typed.id == kNoToken && typed.nicknameGroups.empty())
        typed.misspelledNicknameGroups = m_nicknames->groupsNear(token);
    return typed;
}

TokenMatch TokenVocabulary::compare(const TypedToken& typed, TokenId id) const
{
    if (id == typed.id)
        return {TokenRelation::Exact, 1.0F};
    const Entry& entry = m_entries[id];
    return compare(typed, entry.text, entry.phonetic, entry.nicknameGroups);
}

TokenMatch TokenVocabulary::compare(const TypedToken& typed, const QString& text, const QString& phonetic,
                                    const std::vector<quint16>& groups) const
{
    if (typed.text == text)
        return {TokenRelation::Exact, 1.0F};
    if (NicknameTable::shareGroup(typed.nicknameGroups, groups))
        return {TokenRelation::Nickname, 0.92F};
    const qsizetype shorter = std::min(typed.text.size(), text.size());
    if (shorter == 0)
        return {};
    if (shorter == 1) {
        // "J" for John; never a typo, never a nickname.
        if (typed.text[0] == text[0])
            return {TokenRelation::Initial, 0.7F};
        return {};
    }
    TokenMatch best;
    const auto consider = [&best](TokenRelation relation, float similarity) {
        if (similarity > best.similarity)
            best = {relation, similarity};
    };
    if (shorter >= DeletionIndex::minimumLength()) {
        const int distance = osaDistance(typed.text, text, 2);
        if (distance == 1)
            consider(TokenRelation::Typo, shorter >= 5 ? 0.9F : 0.86F);
        else if (distance == 2 && shorter >= 6)
            consider(TokenRelation::Typo, 0.8F);
    }
    if (!typed.phonetic.isEmpty() && typed.phonetic == phonetic)
        consider(TokenRelation::SoundsAlike, 0.84F);
    if (NicknameTable::shareGroup(typed.misspelledNicknameGroups, groups))
        consider(TokenRelation::MisspelledNickname, 0.83F);
    if (best.similarity < 0.8F) {
        const auto jw = float(jaroWinkler(typed.text, text));
        if (jw >= 0.88F)
            consider(TokenRelation::Similar, 0.72F + 0.5F * (jw - 0.88F));
        else
            consider(TokenRelation::None, 0.6F * jw);
    }
    return best;
}

std::vector<std::pair<TokenId, TokenMatch>> TokenVocabulary::expand(const TypedToken& typed, int limit) const
{
    std::vector<std::pair<TokenId, TokenMatch>> found;
    const auto add = [&found, &typed, this](TokenId id) {
        for (const auto& existing : found) {
            if (existing.first == id)
                return;
        }
        const TokenMatch match = compare(typed, id);
        if (match.relation != TokenRelation::None)
            found.emplace_back(id, match);
    };
    if (typed.id != kNoToken)
        found.emplace_back(typed.id, TokenMatch {TokenRelation::Exact, 1.0F});
    for (const QString& name : m_nicknames->relatedNames(typed.text)) {
        const TokenId id = find(name);
        if (id != kNoToken)
            add(id);
    }
    for (const QString& name : m_nicknames->namesIn(typed.misspelledNicknameGroups)) {
        const TokenId id = find(name);
        if (id != kNoToken)
            add(id);
    }
    m_typos.forEachCandidate(typed.text, add);
    if (!typed.phonetic.isEmpty()) {
        const auto it = m_byPhonetic.constFind(typed.phonetic);
        if (it != m_byPhonetic.constEnd() && it.value().size() <= kMaxPhoneticBucket) {
            for (TokenId id : it.value())
                add(id);
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.second.similarity > b.second.similarity; });
    if (int(found.size()) > limit)
        found.resize(std::size_t(limit));
    return found;
}

} // namespace hearth::search
