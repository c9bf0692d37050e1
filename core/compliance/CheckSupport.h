#pragma once

#include "core/compliance/SystemProbe.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace hearth::compliance {

/// `program arg1 arg2`, for evidence.
QString commandLine(const QString& program, const QStringList& arguments);

/// One evidence line for a command: what ran, how it ended and its first output lines.
QString describeCommand(const QString& program, const QStringList& arguments, const CommandResult& result,
                        int maxLines = 8);

/// One evidence line for a file that could not be read ("… : not found").
QString describeUnreadable(const QString& path, ProbeStatus status);

/// Non-empty lines of @p text, trimmed.
QStringList nonEmptyLines(const QByteArray& text);

/// @brief Sections of an INI-style file ("[Section]" then "key=value"); "#" and ";" start comments.
/// Keys outside any section are under "". Later values win, as in the tools that read them.
using IniFile = QMap<QString, QMap<QString, QString>>;
IniFile parseIni(const QByteArray& text);

/// @brief Whether a systemd unit runs, asked with `systemctl is-active`, whose one-word answer is
/// not localized. Unknown when systemd is absent or does not answer.
enum class UnitState
{
    Active,
    Inactive,
    Unknown,
};
UnitState unitState(const SystemProbe& probe, const QString& unit, QStringList& evidence);

/// True for "true", "yes", "1", "on" (any case).
bool isTruthy(const QString& value);
/// @p value trimmed, without one pair of matching quotes around it (shell-style configuration files).
QString unquoted(QString value);

} // namespace hearth::compliance
