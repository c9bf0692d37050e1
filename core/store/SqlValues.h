#pragma once
// How the store writes times and optional text into its columns, the same in every repository.

#include <QDateTime>
#include <QString>

namespace hearth {

/// UTC ISO 8601 with milliseconds; a null string (SQL NULL) for an invalid time.
inline QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

/// As iso(), but '' instead of NULL for an invalid time (NOT NULL columns).
inline QString isoOrEmpty(const QDateTime& t)
{
    return t.isValid() ? iso(t) : QStringLiteral("");
}

/// '' instead of NULL for a null string (NOT NULL columns).
inline QString orEmpty(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace hearth
