#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>

namespace hearth {

class Store;

/// @brief What a pull removes: one record with what hangs off it, or what came from the server of a
/// client. Each is a short sequence of calls to the repositories that own the tables; the caller runs it
/// inside its transaction. Nothing here writes the change log.
namespace inbox_drops {

/// Drops one record (delete): an enrollment with its services, a service, a release with its attachments;
/// a client is emptied and marked deleted (its row keeps the links of the change log). Its server version,
/// waiting copy and conflicts go too.
Status dropRecord(Store& store, const QString& entity, const QString& uuid, const QDateTime& at);
/// Drops what came from the server of a client (restrict): their pulled records, server versions, waiting
/// records and conflicts. Rows entered or edited here stay (ChangeLog::hasLocalWork()), and so does the
/// profile they belong to; the caller holds them back (HeldBackRepository).
Status dropClient(Store& store, const QString& clientUuid, const QDateTime& at);

} // namespace inbox_drops
} // namespace hearth
