#pragma once

// A value type: no store, no service.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace hearth {

/// @brief One committed change to a client-data row, in commit order.
///
/// `seq` is strictly increasing (AUTOINCREMENT: never reused, even after pruning), so a consumer's
/// progress is a single number. `fields` is the row's full state after the change (empty for a delete),
/// which lets a consumer send or skip the change without reading the live table.
struct ChangeRecord
{
    qint64 seq = 0;
    QString entity; ///< table name, e.g. "client"
    QString entityUuid;
    QString operation; ///< "insert", "update" or "delete"
    QDateTime changedAt;
    QString changedBy; ///< user login
    QJsonObject fields;
};

} // namespace hearth
