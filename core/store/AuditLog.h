#pragma once

#include "core/common/Result.h"
#include "core/types/AuditEntry.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief The append-only, hash-chained audit log: each entry's hash covers its fields and the previous hash.
class AuditLog
{
public:
    explicit AuditLog(Store& store)
        : m_store(store)
    {
    }

    /// Appends within the caller's transaction (or its own statement when none is open).
    Status append(const AuditEntry& entry);
    Result<std::vector<AuditEntry>> query(const AuditFilter& filter) const;
    /// Distinct user logins and actions that appear, for filter choices.
    Result<QStringList> distinctUsers() const;
    Result<QStringList> distinctActions() const;
    /// Walks the whole chain and reports the first entry that was changed, removed or inserted out of order.
    Result<AuditVerification> verify() const;
    /// The newest entry (seq 0 and no hash when the log is empty).
    Result<AuditAnchor> head() const;
    /// The hash of entry @p seq, or nothing when there is no such entry.
    Result<std::optional<QString>> hashAt(qint64 seq) const;

private:
    Store& m_store;
};

} // namespace hearth
