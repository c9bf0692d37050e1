#pragma once

#include "core/common/Result.h"
#include "core/types/ChangeRecord.h"

#include <QDateTime>
#include <QJsonObject>
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

private:
    Store& m_store;
};

} // namespace hearth
