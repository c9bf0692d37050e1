#pragma once

#include "core/common/Result.h"
#include "core/types/SyncConflict.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace hearth {

class Vault;

/// @brief The open conflicts this workstation knows of (from push replies and pulls), kept encrypted
/// in the store, and their resolution.
///
/// Reading and resolving need EditClients. Resolving writes the chosen value into the local record
/// (through the record's own validation), queues the change with `resolves` for the next push, removes
/// the conflict from the open list and audits `sync.conflict-resolve` with the field and which side was
/// kept — never the values.
class SyncConflicts
{
public:
    explicit SyncConflicts(Vault& vault)
        : m_vault(vault)
    {
    }

    /// Open conflicts, oldest first.
    Result<std::vector<SyncConflict>> open() const;
    Result<int> openCount() const;
    /// @p newValue is used only with ConflictChoice::NewValue. An invalid value (e.g. a malformed date)
    /// is refused with the record's own message and nothing changes.
    Status resolve(const QString& conflictId, ConflictChoice choice, const QJsonValue& newValue = {});

private:
    Vault& m_vault;
};

} // namespace hearth
