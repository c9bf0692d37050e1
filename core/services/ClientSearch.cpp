#include "core/services/ClientSearch.h"

#include "core/search/DuplicateIndex.h"
#include "core/services/ClientRecords.h"
#include "core/store/ClientRepository.h"
#include "core/store/Store.h"
#include "core/vault/OpenStore.h"
#include "core/vault/SearchIndex.h"
#include "core/vault/Vault.h"

namespace hearth {

SearchPerson ClientSearch::searchPersonOf(const ClientProfile& c)
{
    return {c.uuid, c.firstName, c.middleName, c.lastName, c.alias, c.dob, c.ssn};
}

Result<std::vector<ClientMatch>> ClientSearch::search(const SearchQuery& query, int limit)
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    auto index = m_vault.searchIndex().index();
    if (!index)
        return index.error();
    std::vector<ClientMatch> out;
    ClientRepository clients(m_vault.openStore().store());
    const bool withhold = !m_vault.can(Permission::RevealSsn);
    for (const SearchMatch& m : (*index)->search(query, limit)) {
        auto found = clients.find(m.id);
        if (!found)
            return found.error();
        if (!found->has_value())
            continue;
        ClientProfile c = **found;
        if (withhold)
            ClientRecords::withhold(c);
        out.push_back({c, m});
    }
    return out;
}

Result<std::vector<ClientMatch>> ClientSearch::likelyDuplicates(const ClientProfile& candidate)
{
    SearchQuery query;
    query.firstName = candidate.firstName;
    query.lastName = candidate.lastName;
    query.dob = candidate.dob;
    const QString last4 = candidate.ssn.right(4);
    if (last4.size() == 4 && !last4.contains(u'X'))
        query.ssnLast4 = last4;
    if (query.isEmpty())
        return std::vector<ClientMatch>();
    auto matches = search(query, 10);
    if (!matches)
        return matches;
    std::vector<ClientMatch> likely;
    for (ClientMatch& m : *matches) {
        if (m.match.likelyDuplicate && m.client.uuid != candidate.uuid)
            likely.push_back(std::move(m));
    }
    return likely;
}

} // namespace hearth
