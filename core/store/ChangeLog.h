#pragma once

#include "core/common/Result.h"
#include "core/types/ChangeRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace hearth {

class Store;

/// @brief The change log the sync module consumes. Written in the same transaction as the change itself.
class ChangeLog
{
public:
    explicit ChangeLog(Store& store)
        : m_store(store)
    {
    }

    Status append(const ChangeRecord& change);
    /// Up to @p limit changes with seq > @p afterSeq, oldest first.
    Result<std::vector<ChangeRecord>> readAfter(qint64 afterSeq, int limit) const;
    /// The last seq @p consumer has finished with (0 if it has never run).
    Result<qint64> cursor(const QString& consumer) const;
    /// Records that @p consumer is done with everything up to @p seq. Never moves backwards or past the end.
    Status advanceCursor(const QString& consumer, qint64 seq, const QDateTime& now);
    Result<qint64> latestSeq() const;
    /// The changes to any of @p entityUuids, newest first (a record's history).
    Result<std::vector<ChangeRecord>> forEntities(const QStringList& entityUuids, int limit = 500) const;

    // What was entered or edited here (pulls ask before they overwrite or drop).
    /// Every record with a change-log row after @p afterSeq (local edits not yet pushed).
    Result<QSet<QString>> changedAfter(qint64 afterSeq) const;
    /// The newest change-log row of @p entityUuid (0: none).
    Result<qint64> latestChangeOf(const QString& entityUuid) const;
    /// True when @p entityUuid has a change-log row here, or is an enrollment holding a service that has one.
    Result<bool> writtenHere(const QString& entityUuid) const;
    /// True when any of the client's records was entered or edited on this workstation.
    Result<bool> hasLocalWork(const QString& clientUuid) const;

private:
    Store& m_store;
};

} // namespace hearth
