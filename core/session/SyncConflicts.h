#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace hearth {

class Vault;

/// @brief One field the server could not merge: it changed here and at another workstation since the
/// version both started from. The server kept its value; a person picks what stays.
struct SyncConflict
{
    QString conflictId; ///< the server's id (what the resolving push names in `resolves`)
    QString entity; ///< client, enrollment, service, consent or project
    QString entityUuid;
    QString clientUuid; ///< the record's PersonalID (empty for a project)
    QString clientLabel; ///< the client's name as this workstation shows it (empty if not held here)
    QString field; ///< HUD CSV column, e.g. "DOB"
    QJsonValue serverValue; ///< what the server holds now
    QJsonValue deviceValue; ///< what the pushing workstation sent
    QDateTime reportedAt; ///< when this workstation first learned of it (its own clock)
};

/// @brief How a person settles a conflict.
enum class ConflictChoice
{
    KeepServer, ///< the value the server holds
    KeepDevice, ///< the value the workstation pushed
    NewValue, ///< a value typed by the person
};

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
