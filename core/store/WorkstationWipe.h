#pragma once

#include "core/common/Result.h"
#include "core/store/StoreLocation.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace hearth {

/// @brief Why and when a workstation erased itself, kept in the data folder after the wipe so the next
/// start can say so. Holds the server administrator's reason only (no client data).
struct WipeNotice
{
    QString reason;
    QDateTime wipedAt;
};

/// Destroys the store at @p location: overwrites then removes the key file (every key slot, so the data
/// key can never be recovered even from a copy of the database), then removes the database files
/// (main, -wal, -shm, -journal, rotation leftovers) and drafts. Leaves a wipe notice with @p reason.
/// An error names what could not be removed; the key file goes first so a partial wipe still leaves
/// nothing readable.
Status wipeWorkstation(const StoreLocation& location, const QString& reason, const QDateTime& now);

/// The notice a wipe left in @p location, if any.
std::optional<WipeNotice> readWipeNotice(const StoreLocation& location);
/// Removes the notice once the user has seen it.
void clearWipeNotice(const StoreLocation& location);

} // namespace hearth
