#pragma once

#include "core/common/Result.h"

#include <QDateTime>

#include <optional>

namespace hearth {

class Store;

/// @brief The offline lease's facts, as this workstation's clock saw them. Kept in `meta` (no schema
/// change): the last authenticated server reply, an administrator's unlock, the latest clock reading
/// seen (to notice a clock set back) and the server's lease length.
struct LeaseRecord
{
    std::optional<QDateTime> contactAt;
    std::optional<QDateTime> unlockedAt;
    std::optional<QDateTime> seenAt;
    std::optional<int> leaseDays; ///< unset until the server first answered: the registration's figure applies

    bool operator==(const LeaseRecord&) const = default;
};

/// @brief Reads and writes LeaseRecord in the `meta` table. Callers wrap writes in a transaction.
class LeaseRepository
{
public:
    explicit LeaseRepository(Store& store)
        : m_store(store)
    {
    }
    Result<LeaseRecord> load() const;
    Status save(const LeaseRecord& record);

private:
    Store& m_store;
};

} // namespace hearth
