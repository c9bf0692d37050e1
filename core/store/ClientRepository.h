#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief The minimal client profile of the foundation; the intake work extends it with HUD elements.
struct ClientRecord
{
    QString uuid;
    QString firstName;
    QString lastName;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;
};

/// @brief Client rows. Callers wrap each write in a transaction together with its change-log and audit entries.
class ClientRepository
{
public:
    explicit ClientRepository(Store& store)
        : m_store(store)
    {
    }

    Status insert(const ClientRecord& client);
    Status update(const ClientRecord& client);
    /// Soft delete: the row stays (encrypted) for the change log and audit trail, hidden from lists.
    Status markDeleted(const QString& uuid, const QDateTime& at, const QString& by);
    Result<std::optional<ClientRecord>> find(const QString& uuid) const;
    Result<std::vector<ClientRecord>> list(int limit = 1000) const;

private:
    Store& m_store;
};

} // namespace hearth
