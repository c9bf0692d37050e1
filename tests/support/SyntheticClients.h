#pragma once

#include "core/search/SearchTypes.h"

#include <QString>
#include <QStringList>

#include <random>
#include <vector>

namespace hearth::test {

/// @brief Seeded random numbers that come out the same with every standard library.
///
/// std::mt19937_64 is specified bit for bit; the std:: distributions are not, so the few used
/// here are written out.
class SeededRandom
{
public:
    explicit SeededRandom(quint64 seed)
        : m_engine(seed)
    {
    }

    quint64 next() { return m_engine(); }
    /// Uniform in [0, n); n > 0.
    int below(int n);
    /// Uniform in [low, high].
    int between(int low, int high) { return low + below(high - low + 1); }
    /// Uniform in [0, 1).
    double unit();
    bool chance(double probability) { return unit() < probability; }

private:
    std::mt19937_64 m_engine;
};

/// @brief The search a worker would type when a client already on file comes back, typed with the
/// slips that make duplicates: typos, nicknames, swapped date parts, a missing SSN.
struct DuplicateVariant
{
    QString targetId; ///< the client the search should find
    SearchQuery query;
    QStringList changes; ///< what was changed, for failure messages: "typo-last", "nickname", ...
};

/// @brief Deterministic synthetic clients with a US name mix: English, Hispanic (accents, two-part
/// surnames, compound first names), African American, Vietnamese, Chinese and Korean, Somali and
/// Arabic, South Asian; hyphenated surnames, middle names, aliases, dates of birth 1940-2024 and
/// SSNs that are sometimes partial or missing. The same seed gives the same clients everywhere.
class SyntheticClients
{
public:
    explicit SyntheticClients(quint64 seed);

    /// A new client, never returned before by this generator.
    SearchPerson person();
    std::vector<SearchPerson> people(int count);

    /// The search for @p person typed without any slip.
    static SearchQuery exactQuery(const SearchPerson& person);

    /// The search for @p person typed with one to three slips, and often without the SSN.
    DuplicateVariant variant(const SearchPerson& person);

private:
    SeededRandom m_random;
};

} // namespace hearth::test
