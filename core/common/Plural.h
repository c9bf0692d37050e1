#pragma once

#include <QLocale>
#include <QString>

namespace hearth {

/// @p one when @p n is 1, else @p many with %1 the number in the workstation's locale ("1 change",
/// "3 changes"). English plurals without a translation file: tr()'s %n only pluralises through one, so
/// "%n change(s)" would show the "(s)" to the user.
inline QString plural(qint64 n, const QString& one, const QString& many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

} // namespace hearth
