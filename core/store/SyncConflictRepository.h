#pragma once

#include "core/common/Result.h"
#include "core/types/SyncConflict.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief The sync_conflicts and sync_resolutions tables: conflicts the server reported and the local
/// change-log rows that resolve them until the server has answered for those rows. Callers wrap writes
/// in a transaction.
class SyncConflictRepository
{
public:
    explicit SyncConflictRepository(Store& store)
        : m_store(store)
    {
    }

    /// Adds or refreshes a conflict; a known one keeps when it was first reported.
    Status save(const SyncConflict& conflict);
    /// Removes every conflict not in @p keep (the server no longer lists them); returns how many went.
    Result<int> removeAllExcept(const QSet<QString>& keep);
    Status remove(const QString& conflictId);
    /// The conflicts about @p entityUuid.
    Status removeOfEntity(const QString& entityUuid);
    /// The conflicts about @p clientUuid or any record of theirs.
    Status removeOfClient(const QString& clientUuid);
    /// Oldest first, each with the client's name as this workstation holds it.
    Result<std::vector<SyncConflict>> all() const;
    Result<std::optional<SyncConflict>> find(const QString& conflictId) const;

    Status addResolution(qint64 changeSeq, const QString& conflictId);
    Result<QHash<qint64, QString>> resolutionsFor(const std::vector<qint64>& changeSeqs) const;
    Result<QSet<QString>> pendingResolutions() const;
    /// Forgets resolutions whose change the server has answered for (at or before the push cursor).
    Status clearResolutionsThrough(qint64 changeSeq);

private:
    Store& m_store;
};

} // namespace hearth
