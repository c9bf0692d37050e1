#pragma once

#include "core/common/Result.h"
#include "core/types/InboundRecord.h"

#include <QString>

#include <vector>

namespace hearth {

class Store;

/// @brief The sync_inbox_waiting table: pulled records parked until their client or enrollment arrives.
/// Callers wrap writes in a transaction.
class SyncWaitingRepository
{
public:
    explicit SyncWaitingRepository(Store& store)
        : m_store(store)
    {
    }

    Status save(const InboundRecord& record, const QString& clientUuid);
    /// Oldest pull first.
    Result<std::vector<InboundRecord>> all() const;
    Status remove(const QString& entityUuid);
    /// Every record waiting for @p clientUuid, or that is that client.
    Status removeOfClient(const QString& clientUuid);

private:
    Store& m_store;
};

} // namespace hearth
