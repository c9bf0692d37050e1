#pragma once

#include "core/search/SearchTypes.h"

#include <memory>
#include <vector>

namespace hearth {

namespace search {
struct IndexData;
}

/// @brief The search that starts every new client: finds clients already on file despite typos,
/// nicknames, accents, two-part surnames and slips in the date of birth, ranked, with reasons.
///
/// Memory only; nothing is ever written to disk or logged. Sized for 250,000 clients: candidates
/// come from inverted indexes on name tokens (with their typo, nickname and sound-alike
/// neighbours), dates of birth (with their slips) and SSN last four, never from a scan of all
/// clients. search() may run on several threads at once; upsert(), remove() and clear() need the
/// index to themselves. A moved-from index may only be assigned to or destroyed.
class DuplicateIndex
{
public:
    DuplicateIndex();
    ~DuplicateIndex();
    DuplicateIndex(DuplicateIndex&&) noexcept;
    DuplicateIndex& operator=(DuplicateIndex&&) noexcept;
    DuplicateIndex(const DuplicateIndex&) = delete;
    DuplicateIndex& operator=(const DuplicateIndex&) = delete;

    /// Adds the client, or replaces what the index knew about the client with this id.
    void upsert(const SearchPerson& person);
    void remove(const QString& id);
    void clear();
    int size() const;

    /// Clients matching @p query, best first, at most @p limit. Empty for an empty query.
    std::vector<SearchMatch> search(const SearchQuery& query, int limit = 10) const;

private:
    std::unique_ptr<search::IndexData> d;
};

} // namespace hearth
