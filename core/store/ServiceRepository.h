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

private:
    Store& m_store;
};

} // namespace hearth
