#include "core/search/DuplicateIndex.h"

#include "core/search/DobMatch.h"
#include "core/search/IndexedPerson.h"
#include "core/search/MatchScorer.h"
#include "core/search/NameNormalizer.h"
#include "core/search/TokenVocabulary.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

namespace hearth {

namespace search {

namespace {

// Near misses followed per typed word, and candidates scored in full per search: enough for the
// right client to survive the rough first cut (see the quality test), few enough to stay fast.
constexpr int kExpansionsPerToken = 48;
constexpr std::size_t kCandidatesToScore = 200;
constexpr std::size_t kMaxTokensPerField = 8;
constexpr int kSsnKeys = 10000;

using Posting = quint32; // slot << 2 | NameField

Posting postingOf(quint32 slot, NameField field)
{
    return (slot << 2) | quint32(field);
}

// The last four characters as a number, or -1 unless all four are digits.
int lastFourDigits(QStringView text)
{
    if (text.size() < 4)
        return -1;
    int value = 0;
    for (QChar c : text.right(4)) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

template<typename T>
void eraseOne(std::vector<T>& values, T value)
{
    const auto it = std::find(values.begin(), values.end(), value);
    if (it != values.end()) {
        *it = values.back();
        values.pop_back();
    }
}

/// @brief What one search learned about one client from the indexes, before scoring in full.
struct Hit
{
    quint32 stamp = 0;
    quint8 first = 0; ///< best similarity x100 of the typed first name with the client's given names
    quint8 last = 0;
    quint8 crossFirst = 0; ///< typed first name against the client's last name
    quint8 crossLast = 0; ///< typed last name against the client's given names
    DobRelation dob = DobRelation::None;
    bool ssn = false;
};

/// @brief Per-thread working memory of search(), reused so no search clears an array per client.
struct Scratch
{
    std::vector<Hit> hits; ///< by slot; valid where stamp matches
    std::vector<quint32> touched;
    quint32 stamp = 0;
};

Scratch& scratch()
{
    thread_local Scratch s;
    return s;
}

quint8 level(float similarity, double factor = 1.0)
{
    return quint8(std::lround(std::clamp(double(similarity) * factor, 0.0, 1.0) * 100.0));
}

double positive(double weight)
{
    return std::max(0.0, weight);
}

// The rough score that picks which candidates get scored in full. Missing evidence counts as
// nothing rather than as disagreement: the full score sorts that out.
double roughScore(const Hit& hit)
{
    const auto first = [](quint8 l) {
        return l == 0 ? 0.0 : positive(weights::firstName(l / 100.0));
    };
    const auto last = [](quint8 l) {
        return l == 0 ? 0.0 : positive(weights::lastName(l / 100.0));
    };
    double score = std::max(first(hit.first) + last(hit.last), last(hit.crossFirst) + first(hit.crossLast));
    if (hit.dob != DobRelation::None)
        score += weights::dob(hit.dob);
    if (hit.ssn)
        score += weights::kSsnLast4;
    return score;
}

} // namespace

/// @brief The index's storage: clients by slot, the vocabulary and the inverted indexes.
struct IndexData
{
    TokenVocabulary vocabulary;
    std::vector<IndexedPerson> people; ///< by slot; removed clients leave a free slot
    std::vector<quint32> freeSlots;
    QHash<QString, quint32> slotById;
    std::vector<std::vector<Posting>> postings; ///< by TokenId
    QHash<qint64, std::vector<quint32>> slotsByDob; ///< by Julian day
    std::vector<std::vector<quint32>> slotsBySsn = std::vector<std::vector<quint32>>(kSsnKeys);

    IndexedPerson build(const SearchPerson& person);
    QVarLengthArray<std::pair<TokenId, Posting>, 12> postingsOf(quint32 slot) const;
    void index(quint32 slot);
    void unindex(quint32 slot);
    PreparedQuery prepare(const SearchQuery& query) const;
    void collect(const PreparedQuery& query, Scratch& s) const;
};

IndexedPerson IndexData::build(const SearchPerson& person)
{
    IndexedPerson p;
    p.id = person.id;
    const std::array<const QString*, 4> fields
        = {&person.firstName, &person.middleName, &person.lastName, &person.alias};
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const NormalizedName name = normalizeName(*fields[f]);
        const std::size_t count = std::min(std::size_t(name.tokens.size()), kMaxTokensPerField);
        for (std::size_t t = 0; t < count; ++t)
            p.tokens.append(vocabulary.intern(name.tokens[qsizetype(t)]));
        p.counts[f] = quint8(count);
        const bool joinedDiffers = name.tokens.size() > 1 || (count == 1 && name.joined != name.tokens.front());
        if (joinedDiffers && f == std::size_t(NameField::First))
            p.firstJoined = vocabulary.intern(name.joined);
        if (joinedDiffers && f == std::size_t(NameField::Last))
            p.lastJoined = vocabulary.intern(name.joined);
    }
    if (person.dob && person.dob->isValid())
        p.dob = person.dob;
    p.ssnLast4 = lastFourDigits(person.ssn);
    return p;
}

QVarLengthArray<std::pair<TokenId, Posting>, 12> IndexData::postingsOf(quint32 slot) const
{
    const IndexedPerson& p = people[slot];
    QVarLengthArray<std::pair<TokenId, Posting>, 12> list;
    for (NameField field : {NameField::First, NameField::Middle, NameField::Last, NameField::Alias}) {
        for (TokenId token : p.tokensOf(field))
            list.append({token, postingOf(slot, field)});
    }
    if (p.firstJoined != kNoToken)
        list.append({p.firstJoined, postingOf(slot, NameField::First)});
    if (p.lastJoined != kNoToken)
        list.append({p.lastJoined, postingOf(slot, NameField::Last)});
    // "Maria Maria" is posted once.
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

void IndexData::index(quint32 slot)
{
    if (postings.size() < std::size_t(vocabulary.size()))
        postings.resize(std::size_t(vocabulary.size()));
    for (const auto& [token, posting] : postingsOf(slot))
        postings[token].push_back(posting);
    const IndexedPerson& p = people[slot];
    if (p.dob)
        slotsByDob[p.dob->toJulianDay()].push_back(slot);
    if (p.ssnLast4 >= 0)
        slotsBySsn[std::size_t(p.ssnLast4)].push_back(slot);
}

void IndexData::unindex(quint32 slot)
{
    for (const auto& [token, posting] : postingsOf(slot))
        eraseOne(postings[token], posting);
    const IndexedPerson& p = people[slot];
    if (p.dob) {
        const auto it = slotsByDob.find(p.dob->toJulianDay());
        if (it != slotsByDob.end()) {
            eraseOne(it.value(), slot);
            if (it.value().empty())
                slotsByDob.erase(it);
        }
    }
    if (p.ssnLast4 >= 0)
        eraseOne(slotsBySsn[std::size_t(p.ssnLast4)], slot);
}

PreparedQuery IndexData::prepare(const SearchQuery& query) const
{
    PreparedQuery q;
    const auto addTyped = [&q, this](const QString& text) {
        q.typed.push_back(vocabulary.prepare(text));
        return int(q.typed.size()) - 1;
    };
    const auto prepareSide = [&addTyped](const QString& text, TypedSide& side) {
        const NormalizedName name = normalizeName(text);
        const std::size_t count = std::min(std::size_t(name.tokens.size()), kMaxTokensPerField);
        for (std::size_t t = 0; t < count; ++t)
            side.tokens.push_back(addTyped(name.tokens[qsizetype(t)]));
        if (count == 0)
            return;
        const bool joinedDiffers = name.tokens.size() > 1 || name.joined != name.tokens.front();
        side.joined = joinedDiffers ? addTyped(name.joined) : side.tokens.front();
    };
    prepareSide(query.firstName, q.first);
    prepareSide(query.lastName, q.last);
    if (query.dob && query.dob->isValid())
        q.dob = query.dob;
    const QString ssn = query.ssnLast4.trimmed();
    if (ssn.size() == 4)
        q.ssnLast4 = lastFourDigits(ssn);
    return q;
}

void IndexData::collect(const PreparedQuery& query, Scratch& s) const
{
    if (s.hits.size() < people.size())
        s.hits.resize(people.size());
    if (++s.stamp == 0) { // wrapped after four billion searches: start the stamps afresh
        for (Hit& hit : s.hits)
            hit.stamp = 0;
        s.stamp = 1;
    }
    s.touched.clear();
    const auto touch = [&s](quint32 slot) -> Hit& {
        Hit& hit = s.hits[slot];
        if (hit.stamp != s.stamp) {
            hit = Hit {};
            hit.stamp = s.stamp;
            s.touched.push_back(slot);
        }
        return hit;
    };

    const auto walk = [&](const TypedSide& side, bool typedAsFirst) {
        std::vector<int> words = side.tokens;
        if (side.joined >= 0 && std::find(words.begin(), words.end(), side.joined) == words.end())
            words.push_back(side.joined);
        for (int word : words) {
            for (const auto& [token, match] : vocabulary.expand(query.typed[std::size_t(word)], kExpansionsPerToken)) {
                if (token >= postings.size())
                    continue;
                for (Posting posting : postings[token]) {
                    Hit& hit = touch(posting >> 2);
                    const auto field = NameField(posting & 3U);
                    quint8* target = nullptr;
                    double factor = field == NameField::Alias ? weights::kAliasFactor : 1.0;
                    if (typedAsFirst) {
                        target = field == NameField::Last ? &hit.crossFirst : &hit.first;
                        if (field == NameField::Middle)
                            factor = weights::kMiddleNameFactor;
                    } else {
                        target = field == NameField::Last || field == NameField::Middle ? &hit.last : &hit.crossLast;
                        if (field == NameField::Middle)
                            factor = weights::kSurnameInMiddleFactor;
                    }
                    *target = std::max(*target, level(match.similarity, factor));
                }
            }
        }
    };
    walk(query.first, true);
    walk(query.last, false);

    if (query.dob) {
        const auto mark = [&](QDate date, DobRelation relation) {
            const auto it = slotsByDob.constFind(date.toJulianDay());
            if (it == slotsByDob.constEnd())
                return;
            for (quint32 slot : it.value()) {
                Hit& hit = touch(slot);
                if (hit.dob == DobRelation::None || weights::dob(relation) > weights::dob(hit.dob))
                    hit.dob = relation;
            }
        };
        mark(*query.dob, DobRelation::Same);
        for (QDate variant : dobVariants(*query.dob))
            mark(variant, compareDob(*query.dob, variant));
    }
    if (query.ssnLast4 >= 0) {
        for (quint32 slot : slotsBySsn[std::size_t(query.ssnLast4)])
            touch(slot).ssn = true;
    }
}

} // namespace search

using search::IndexData;

DuplicateIndex::DuplicateIndex()
    : d(std::make_unique<IndexData>())
{
}

DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

void DuplicateIndex::upsert(const SearchPerson& person)
{
    if (person.id.isEmpty())
        return;
    quint32 slot = 0;
    const auto it = d->slotById.constFind(person.id);
    if (it != d->slotById.constEnd()) {
        slot = it.value();
        d->unindex(slot);
    } else if (!d->freeSlots.empty()) {
        slot = d->freeSlots.back();
        d->freeSlots.pop_back();
        d->slotById.insert(person.id, slot);
    } else {
        slot = quint32(d->people.size());
        d->people.emplace_back();
        d->slotById.insert(person.id, slot);
    }
    d->people[slot] = d->build(person);
    d->index(slot);
}

void DuplicateIndex::remove(const QString& id)
{
    const auto it = d->slotById.constFind(id);
    if (it == d->slotById.constEnd())
        return;
    const quint32 slot = it.value();
    d->unindex(slot);
    d->people[slot] = search::IndexedPerson {};
    d->freeSlots.push_back(slot);
    d->slotById.erase(it);
}

void DuplicateIndex::clear()
{
    d = std::make_unique<IndexData>();
}

int DuplicateIndex::size() const
{
    return int(d->slotById.size());
}

std::vector<SearchMatch> DuplicateIndex::search(const SearchQuery& query, int limit) const
{
    std::vector<SearchMatch> results;
    if (limit <= 0)
        return results;
    const search::PreparedQuery prepared = d->prepare(query);
    if (prepared.isEmpty())
        return results;

    search::Scratch& s = search::scratch();
    d->collect(prepared, s);
    std::vector<std::pair<double, quint32>> candidates;
    candidates.reserve(s.touched.size());
    for (quint32 slot : s.touched)
        candidates.emplace_back(search::roughScore(s.hits[slot]), slot);
    const auto better = [](const auto& a, const auto& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    };
    const std::size_t toScore = std::max(search::kCandidatesToScore, 2 * std::size_t(limit));
    if (candidates.size() > toScore) {
        std::nth_element(candidates.begin(), candidates.begin() + std::ptrdiff_t(toScore), candidates.end(), better);
        candidates.resize(toScore);
    }

    search::MatchScorer scorer(d->vocabulary, prepared);
    std::vector<std::tuple<double, quint32, SearchMatch>> scored;
    for (const auto& [rough, slot] : candidates) {
        if (auto match = scorer.score(d->people[slot]))
            scored.emplace_back(match->second, slot, std::move(match->first));
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
        return std::get<0>(a) > std::get<0>(b) || (std::get<0>(a) == std::get<0>(b) && std::get<1>(a) < std::get<1>(b));
    });
    const std::size_t count = std::min(scored.size(), std::size_t(limit));
    results.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        results.push_back(std::move(std::get<2>(scored[i])));
    return results;
}

} // namespace hearth
