#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <vector>

namespace hearth {

class Store;

/// @brief A record this workstation keeps, unshared, after the server removed it (schema v8).
struct HeldBackRecord
{
    QString entityUuid;
    QString entity; ///< client, enrollment, service or consent
    QString clientUuid;
    QString reason; ///< restricted (the client was taken off the server) or deleted
    QDateTime heldAt;
};

/// @brief The rows of `sync_held_back`: records entered or edited on this workstation that a pulled delete
/// or restriction would have destroyed. Callers wrap writes in a transaction.
class HeldBackRepository
{
public:
    explicit HeldBackRepository(Store& store)
        : m_store(store)
    {
    }

    /// Holds back every row of the client still here (after the pulled-only ones were dropped); the count.
    Result<int> holdClient(const QString& clientUuid, const QDateTime& at);
    Status hold(const QString& entity, const QString& entityUuid, const QString& clientUuid, const QString& reason,
                const QDateTime& at);
    /// The held records, oldest first.
    Result<std::vector<HeldBackRecord>> all() const;
    /// Held record uuids, and when each client was held back as a whole (restricted).
    Result<QHash<QString, QDateTime>> heldRecords() const;
    Result<QHash<QString, QDateTime>> heldClients() const;
    /// Forgets what is held of @p clientUuid (an administrator decided).
    Status release(const QString& clientUuid);

private:
    Store& m_store;
};

} // namespace hearth
