#pragma once
// How the server's tables hold times: UTC ISO 8601 text with milliseconds, the same on SQLite and PostgreSQL.

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace hearth::server {

/// A null string (SQL NULL) for an invalid time.
inline QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

/// An invalid time for SQL NULL.
inline QDateTime fromIso(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

} // namespace hearth::server
