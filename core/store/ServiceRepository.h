#pragma once

#include "core/common/Result.h"
#include "core/intake/ServiceRecord.h"

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief Service rows, bed nights included. Callers wrap writes in a transaction.
class ServiceRepository
{
public:
    explicit ServiceRepository(Store& store)
        : m_store(store)
    {
    }

    Status insert(const ServiceRecord& service);
    Status markDeleted(const QString& uuid, const QDateTime& at, const QString& by);
    Result<std::optional<ServiceRecord>> find(const QString& uuid) const;
    /// Services of one enrollment, newest first.
    Result<std::vector<ServiceRecord>> forEnrollment(const QString& enrollmentUuid) const;
    Result<bool> hasBedNight(const QString& enrollmentUuid, const QDate& night) const;

    // Pulls (SyncInbox): services as the server sends and drops them; these delete the rows.
    /// A service as the server sent it: replaces the local row (services have no dependants).
    Status replace(const ServiceRecord& service);
    Status remove(const QString& uuid);
    Status removeOfEnrollment(const QString& enrollmentUuid);
    /// The client's services that came from the server (no change-log row here).
    Status removePulledOfClient(const QString& clientUuid);

private:
    Store& m_store;
};

} // namespace hearth
