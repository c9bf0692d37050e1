#pragma once

#include "common/Result.h"
#include "intake/ClientProfile.h"

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
    /// Streams every live client (for building the in-memory search index) without holding them all.
    Status forEach(const std::function<void(const ClientProfile&)>& visit) const;
    Result<bool> caseNumberTaken(const QString& caseNumber) const;

private:
    Store& m_store;
};

} // namespace hearth
