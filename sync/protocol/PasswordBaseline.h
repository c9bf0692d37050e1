#pragma once

#include <QString>
#include <QStringList>

namespace hearth::sync {

/// @brief HUD's password baseline, the floor below which no setting goes (docs/security.md): at least
/// 8 characters with a letter and a digit, and not the user name. Shared by hearth-server's accounts;
/// each returned line says in plain words what to change.
QStringList passwordBaselineProblems(const QString& password, const QString& login);

/// A device name a person can read back in `device list`: printable, 1 to 128 characters.
bool isValidDeviceName(const QString& name);

} // namespace hearth::sync
