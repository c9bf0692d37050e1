#pragma once

#include "core/common/Result.h"
#include "core/intake/ClientProfile.h"
#include "core/search/SearchTypes.h"
#include "core/types/AuditEntry.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

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
    /// For each of @p recordUuids that is a live client, or an enrollment, service or release of one, that
    /// client's names and case number; records of no client held here are left out.
    Result<QHash<QString, AuditRecordClient>> clientsOfRecords(const QStringList& recordUuids) const;

    // Pulls (SyncInbox): a client the server sent or dropped.
    Result<bool> exists(const QString& uuid) const;
    /// Which of @p uuids are clients this workstation dropped earlier (their rows remain, marked deleted).
    Result<QSet<QString>> droppedAmong(const QStringList& uuids) const;
    /// Undoes an earlier drop of @p uuid: true when a dropped row was brought back, empty.
    Result<bool> revive(const QString& uuid);
    /// Empties @p uuid and marks it deleted (the row keeps the links of the change log).
    Status drop(const QString& uuid, const QDateTime& at);

private:
    Store& m_store;
};

} // namespace hearth
