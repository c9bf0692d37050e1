#pragma once

#include "store/ClientRepository.h"

namespace hearth {

class Vault;

/// @brief Client records with their permission checks, change-log entries and audit trail in one transaction.
class ClientRecords
{
public:
    explicit ClientRecords(Vault& vault)
        : m_vault(vault)
    {
    }

    Result<ClientRecord> create(const QString& firstName, const QString& lastName);
    Status update(const ClientRecord& client);
    Status remove(const QString& uuid);
    /// Opens one record for viewing; the view is audited.
    Result<ClientRecord> open(const QString& uuid);
    Result<std::vector<ClientRecord>> list(int limit = 1000) const;

private:
    Vault& m_vault;
};

} // namespace hearth
