#pragma once
// Dates and times as machine-readable text (JSON, reports' metadata): ISO 8601, never the user's locale.

#include <QDate>
#include <QDateTime>
#include <QString>

namespace hearth {

/// yyyy-MM-dd; a null string for an invalid date.
inline QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

/// UTC with milliseconds; a null string for an invalid time.
inline QString isoUtc(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace hearth
