#pragma once

#include "core/common/Result.h"
#include "core/intake/ClientProfile.h"
#include "core/search/SearchTypes.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief Client rows. Callers wrap each write in a transaction together with its change-log and audit entries.
class ClientRepository
{
public:
    explicit ClientRepository(Store& store)
        : m_store(store)
    {
    }

    Status insert(const ClientProfile& client);
    Status update(const ClientProfile& client);
    /// Soft delete: the row stays for the change log and audit trail, emptied of every client detail.
    Status markDeleted(const QString& uuid, const QDateTime& at, const QString& by);
    Result<std::optional<ClientProfile>> find(const QString& uuid) const;
    Result<std::vector<ClientProfile>> list(int limit = 1000) const;
    /// Streams what the duplicate index needs of every live client (built at the first search).
    Status forEachSearchPerson(const std::function<void(const SearchPerson&)>& visit) const;
    Result<bool> caseNumberTaken(const QString& caseNumber) const;

private:
    Store& m_store;
};

} // namespace hearth
