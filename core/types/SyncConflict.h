#pragma once

// Value types of a sync conflict: no store, no service.
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace hearth {

/// @brief Who made one side of a conflict and when, as the server recorded it (its clock). Another
/// agency's user and workstation are not named; a side the server kept no writer for is unknown.
struct ConflictSide
{
    QString by; ///< the user's login
    QString workstation; ///< the workstation's name
    QString agency; ///< the agency's name
    QDateTime at;
    bool thisWorkstation = false;

    bool known() const { return at.isValid(); }
};

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
    ConflictSide serverSide; ///< who set the value the server kept
    ConflictSide deviceSide; ///< who sent the other value
};

/// @brief How a person settles a conflict.
enum class ConflictChoice
{
    KeepServer, ///< the value the server holds
    KeepDevice, ///< the value the workstation pushed
    NewValue, ///< a value typed by the person
};

} // namespace hearth
