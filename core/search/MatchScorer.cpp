#include "core/search/MatchScorer.h"

#include <algorithm>
#include <array>
#include <utility>

namespace hearth::search {

namespace weights {

namespace {

struct Point
{
    double similarity;
    double weight;
};

// Linear between the points; flat before the first and after the last.
template<std::size_t N>
double interpolate(const std::array<Point, N>& points, double similarity)
{
    if (similarity <= points.front().similarity)
        return points.front().weight;
    for (std::size_t i = 1; i < N; ++i) {
        if (similarity <= points[i].similarity) {
            const Point& a = points[i - 1];
            const Point& b = points[i];
            return a.weight + (b.weight - a.weight) * (similarity - a.similarity) / (b.similarity - a.similarity);
        }
    }
    return points.back().weight;
}

// Similarity 1 is the same name, 0.92 a nickname, 0.9 a typo, 0.84 sounds alike, below 0.55 a
// different name. Last names carry more weight: there are far more of them than first names.
constexpr std::array<Point, 5> kFirstNamePoints
    = {{{0.55, -2.5}, {0.7, 0.5}, {0.8, 2.0}, {0.9, 3.0}, {1.0, kFirstName}}};
constexpr std::array<Point, 5> kLastNamePoints = {{{0.55, -3.0}, {0.7, 0.5}, {0.8, 2.5}, {0.9, 3.8}, {1.0, kLastName}}};

} // namespace

double firstName(double similarity)
{
    return interpolate(kFirstNamePoints, similarity);
}

double lastName(double similarity)
{
    return interpolate(kLastNamePoints, similarity);
}

double dob(DobRelation relation)
{
    switch (relation) {
    case DobRelation::Same:
        return kDob;
    case DobRelation::DayMonthSwapped:
        return 3.8;
    case DobRelation::YearTypo:
        return 3.2;
    case DobRelation::DigitTypo:
        return 2.8;
    case DobRelation::TwoSlips:
        // Better than a clear mismatch, yet about one random date in twenty is two slips away:
        // never enough to warn about a duplicate by itself.
        return -1.0;
    case DobRelation::None:
        break;
    }
    return -3.0;
}

} // namespace weights

namespace {

constexpr std::size_t kMaxTokens = 8; // per name part; longer names are compared on their first eight words
// "Garcia" for "Garcia Lopez": good, but not as good as "Garcia Lopex" for "Garcia Lopez".
constexpr float kPartialFactor = 0.92F;
constexpr double kSwappedPenalty = 0.5;
constexpr double kSsnMismatch = -2.0;

QString capitalized(const QString& folded)
{
    if (folded.isEmpty())
        return folded;
    return folded.left(1).toUpper() + folded.mid(1);
}

bool isNickname(TokenRelation relation)
{
    return relation == TokenRelation::Nickname || relation == TokenRelation::MisspelledNickname;
}

} // namespace

// Outside the anonymous namespace: MatchScorer::NameOutcome, declared in the header, holds it.
struct WeightedDetail
{
    MatchDetail detail;
    double weight;
};

struct MatchScorer::FieldMatch
{
    bool present = false; ///< both the query and the client have this part of the name
    float similarity = 0.0F;
    TokenRelation relation = TokenRelation::None;
    bool partial = false; ///< one side has words the other lacks
    int nicknameTyped = -1;
    TokenId nicknameFound = kNoToken;
};

struct MatchScorer::NameOutcome
{
    double weight = 0.0;
    std::vector<WeightedDetail> details;
};

MatchScorer::MatchScorer(const TokenVocabulary& vocabulary, const PreparedQuery& query)
    : m_vocabulary(vocabulary)
    , m_query(query)
{
    if (!query.first.isEmpty())
        m_maximumWeight += weights::kFirstName;
    if (!query.last.isEmpty())
        m_maximumWeight += weights::kLastName;
    if (query.dob)
        m_maximumWeight += weights::kDob;
    if (query.ssnLast4 >= 0)
        m_maximumWeight += weights::kSsnLast4;
}

TokenMatch MatchScorer::compare(int typedIndex, TokenId token)
{
    const quint64 key = (quint64(typedIndex) << 32) | token;
    const auto it = m_memo.constFind(key);
    if (it != m_memo.constEnd())
        return it.value();
    const TokenMatch match = m_vocabulary.compare(m_query.typed[std::size_t(typedIndex)], token);
    m_memo.insert(key, match);
    return match;
}

MatchScorer::FieldMatch MatchScorer::matchField(const TypedSide& side, std::span<const TokenId> stored,
                                                TokenId storedJoined)
{
    FieldMatch result;
    if (side.isEmpty() || stored.empty())
        return result;
    result.present = true;
    const std::size_t typedCount = std::min(side.tokens.size(), kMaxTokens);
    const std::size_t storedCount = std::min(stored.size(), kMaxTokens);
    std::array<TokenMatch, kMaxTokens * kMaxTokens> pairs {};
    for (std::size_t i = 0; i < typedCount; ++i) {
        for (std::size_t j = 0; j < storedCount; ++j)
            pairs[i * kMaxTokens + j] = compare(side.tokens[i], stored[j]);
    }
    // Pair words greedily, best pair first; each word is used once.
    std::array<bool, kMaxTokens> typedUsed {};
    std::array<bool, kMaxTokens> storedUsed {};
    const std::size_t pairCount = std::min(typedCount, storedCount);
    float sum = 0.0F;
    TokenRelation weakest = TokenRelation::Exact;
    for (std::size_t k = 0; k < pairCount; ++k) {
        std::size_t bestI = 0;
        std::size_t bestJ = 0;
        float best = -1.0F;
        for (std::size_t i = 0; i < typedCount; ++i) {
            for (std::size_t j = 0; j < storedCount; ++j) {
                if (!typedUsed[i] && !storedUsed[j] && pairs[i * kMaxTokens + j].similarity > best) {
                    best = pairs[i * kMaxTokens + j].similarity;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        typedUsed[bestI] = true;
        storedUsed[bestJ] = true;
        const TokenMatch& match = pairs[bestI * kMaxTokens + bestJ];
        sum += match.similarity;
        weakest = std::min(weakest, match.relation);
        if (isNickname(match.relation) && result.nicknameTyped < 0) {
            result.nicknameTyped = side.tokens[bestI];
            result.nicknameFound = stored[bestJ];
        }
    }
    result.similarity = sum / float(pairCount);
    result.relation = weakest;
    result.partial = side.tokens.size() != stored.size();
    if (result.partial)
        result.similarity *= kPartialFactor;

    // Run together, "Garcialopez" meets "Garcia Lopez" and "Mary Ann" meets "Maryann".
    const TokenId joined = storedJoined != kNoToken ? storedJoined : stored.size() == 1 ? stored[0] : kNoToken;
    if (joined != kNoToken && (side.joined != side.tokens.front() || storedJoined != kNoToken)) {
        const TokenMatch match = compare(side.joined, joined);
        if (match.similarity > result.similarity) {
            const bool nickname = isNickname(match.relation);
            result.similarity = match.similarity;
            result.relation = match.relation;
            result.partial = false;
            result.nicknameTyped = nickname ? side.joined : -1;
            result.nicknameFound = nickname ? joined : kNoToken;
        }
    }
    return result;
}

namespace {

// The reasons a name part gives, when it counts for the match at all.
void describe(const TokenVocabulary& vocabulary, const PreparedQuery& query, const auto& match, NamePart part,
              double weight, std::vector<WeightedDetail>& out)
{
    if (weight <= 0.0)
        return;
    if (match.partial && part == NamePart::Last)
        out.push_back({{MatchReason::SurnamePart, part, {}, {}}, weight});
    switch (match.relation) {
    case TokenRelation::Exact:
        if (!match.partial)
            out.push_back({{MatchReason::ExactName, part, {}, {}}, weight});
        break;
    case TokenRelation::Nickname:
    case TokenRelation::MisspelledNickname:
        out.push_back({{MatchReason::Nickname, part, capitalized(query.typed[std::size_t(match.nicknameTyped)].text),
                        capitalized(vocabulary.text(match.nicknameFound))},
                       weight});
        if (match.relation == TokenRelation::MisspelledNickname)
            out.push_back({{MatchReason::SimilarSpelling, part, {}, {}}, weight});
        break;
    case TokenRelation::Typo:
    case TokenRelation::Similar:
        out.push_back({{MatchReason::SimilarSpelling, part, {}, {}}, weight});
        break;
    case TokenRelation::SoundsAlike:
        out.push_back({{MatchReason::SoundsAlike, part, {}, {}}, weight});
        break;
    case TokenRelation::Initial:
        out.push_back({{MatchReason::Initial, part, {}, {}}, weight});
        break;
    case TokenRelation::None:
        break;
    }
}

bool agrees(TokenRelation relation)
{
    return relation >= TokenRelation::Typo;
}

} // namespace

MatchScorer::NameOutcome MatchScorer::scoreNames(const IndexedPerson& person)
{
    const bool typedFirst = !m_query.first.isEmpty();
    const bool typedLast = !m_query.last.isEmpty();
    const auto firstTokens = person.tokensOf(NameField::First);
    const auto middleTokens = person.tokensOf(NameField::Middle);
    const auto lastTokens = person.tokensOf(NameField::Last);
    const auto aliasTokens = person.tokensOf(NameField::Alias);

    // The typed first name against the client's first name, middle name or alias, whichever
    // agrees best; against the last name when the two were typed the other way round.
    const auto givenName = [&](const TypedSide& side, NamePart part, NameOutcome& outcome) {
        const FieldMatch first = matchField(side, firstTokens, person.firstJoined);
        double best = first.present ? weights::firstName(first.similarity) : 0.0;
        std::vector<WeightedDetail> details;
        describe(m_vocabulary, m_query, first, part, best, details);
        const FieldMatch middle = matchField(side, middleTokens, kNoToken);
        if (middle.present && agrees(middle.relation)) {
            const double weight = weights::firstName(middle.similarity) * weights::kMiddleNameFactor;
            if (weight > best) {
                best = weight;
                details = {{{MatchReason::MiddleName, part, {}, {}}, weight}};
            }
        }
        const FieldMatch alias = matchField(side, aliasTokens, kNoToken);
        if (alias.present && agrees(alias.relation)) {
            const double weight = weights::firstName(alias.similarity) * weights::kAliasFactor;
            if (weight > best) {
                best = weight;
                const QString typed = capitalized(m_query.typed[std::size_t(side.joined)].text);
                details = {{{MatchReason::Alias, part, typed, {}}, weight}};
            }
        }
        outcome.weight += best;
        outcome.details.insert(outcome.details.end(), details.begin(), details.end());
    };
    const auto familyName = [&](const TypedSide& side, NamePart part, NameOutcome& outcome) {
        const FieldMatch last = matchField(side, lastTokens, person.lastJoined);
        double best = last.present ? weights::lastName(last.similarity) : 0.0;
        std::vector<WeightedDetail> details;
        describe(m_vocabulary, m_query, last, part, best, details);
        // Spanish paternal surnames sometimes land in the middle-name box.
        const FieldMatch middle = matchField(side, middleTokens, kNoToken);
        if (middle.present && agrees(middle.relation)) {
            const double weight = weights::lastName(middle.similarity) * weights::kSurnameInMiddleFactor;
            if (weight > best) {
                best = weight;
                details = {{{MatchReason::SurnamePart, part, {}, {}}, weight}};
            }
        }
        outcome.weight += best;
        outcome.details.insert(outcome.details.end(), details.begin(), details.end());
    };

    NameOutcome direct;
    if (typedFirst)
        givenName(m_query.first, NamePart::First, direct);
    if (typedLast)
        familyName(m_query.last, NamePart::Last, direct);

    NameOutcome swapped;
    if (typedFirst)
        familyName(m_query.first, NamePart::Last, swapped);
    if (typedLast)
        givenName(m_query.last, NamePart::First, swapped);
    if (typedFirst && typedLast) {
        swapped.weight -= kSwappedPenalty;
        if (!swapped.details.empty())
            swapped.details.insert(swapped.details.begin(),
                                   {{MatchReason::NameOrderSwapped, NamePart::None, {}, {}}, swapped.weight});
    }
    if (swapped.weight > direct.weight && !swapped.details.empty())
        return swapped;
    return direct;
}

std::optional<std::pair<SearchMatch, double>> MatchScorer::score(const IndexedPerson& person)
{
    NameOutcome outcome = scoreNames(person);
    double weight = outcome.weight;
    std::vector<WeightedDetail>& details = outcome.details;

    if (m_query.dob && person.dob) {
        const DobRelation relation = compareDob(*m_query.dob, *person.dob);
        const double dobWeight = weights::dob(relation);
        weight += dobWeight;
        const auto reason = [relation]() -> std::optional<MatchReason> {
            switch (relation) {
            case DobRelation::Same:
                return MatchReason::SameDob;
            case DobRelation::DayMonthSwapped:
                return MatchReason::DobDayMonthSwapped;
            case DobRelation::YearTypo:
                return MatchReason::DobYearTypo;
            case DobRelation::DigitTypo:
                return MatchReason::DobDigitTypo;
            case DobRelation::TwoSlips:
                return MatchReason::DobTwoSlips;
            case DobRelation::None:
                break;
            }
            return std::nullopt;
        }();
        if (reason)
            details.push_back({{*reason, NamePart::None, {}, {}}, dobWeight});
    }
    if (m_query.ssnLast4 >= 0 && person.ssnLast4 >= 0) {
        if (m_query.ssnLast4 == person.ssnLast4) {
            weight += weights::kSsnLast4;
            details.push_back({{MatchReason::SameSsnLast4, NamePart::None, {}, {}}, weights::kSsnLast4});
        } else {
            weight += kSsnMismatch;
        }
    }
    if (details.empty() || weight <= 0.0)
        return std::nullopt;

    std::stable_sort(details.begin(), details.end(),
                     [](const WeightedDetail& a, const WeightedDetail& b) { return a.weight > b.weight; });
    SearchMatch match;
    match.id = person.id;
    match.score = m_maximumWeight > 0.0 ? std::clamp(weight / m_maximumWeight, 0.0, 1.0) : 0.0;
    match.likelyDuplicate = weight >= weights::kLikelyDuplicate;
    for (const WeightedDetail& d : details) {
        match.details.append(d.detail);
        if (!match.reasons.contains(d.detail.reason))
            match.reasons.append(d.detail.reason);
    }
    return std::make_pair(std::move(match), weight);
}

} // namespace hearth::search
