#pragma once

#include "core/common/Result.h"
#include "core/intake/ClientProfile.h"
#include "core/search/SearchTypes.h"

#include <vector>

namespace hearth {

class Vault;

/// @brief A suggested client with the reasons it matched.
struct ClientMatch
{
    ClientProfile client;
    SearchMatch match;
};

/// @brief Search before create over the unlocked store.
///
/// The duplicate index is built in memory from the encrypted store at the first search after
/// unlocking, kept up to date by ClientRecords, and dropped when the session locks.
class ClientSearch
{
public:
    explicit ClientSearch(Vault& vault)
        : m_vault(vault)
    {
    }

    Result<std::vector<ClientMatch>> search(const SearchQuery& query, int limit = 10);
    /// Likely duplicates of a client about to be saved (itself excluded when it already has an id).
    Result<std::vector<ClientMatch>> likelyDuplicates(const ClientProfile& candidate);

    /// What the index keeps of a client: names, date of birth and SSN only.
    static SearchPerson searchPersonOf(const ClientProfile& client);

private:
    Vault& m_vault;
};

} // namespace hearth
