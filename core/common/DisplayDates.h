#pragma once

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QString>

namespace hearth {

/// @brief How every screen shows a date: the workstation locale's short format, the year in full.
///
/// One format on every screen ("12/7/2028" in the US, "07/12/2028" in the UK), whether the date comes from
/// a table, a badge or a sentence of core's. Four-digit years: "12/7/28" would leave a date of birth open
/// to two centuries. Machine formats (ISO dates in JSON, the HUD CSV, the audit log's storage) and
/// documents that leave the workstation (reports, PDFs: core/common/MessageDate.h) do not use these;
/// date entry fields keep their own MM/DD/YYYY input.
inline QString displayFullYear(QString format)
{
    if (!format.contains(QStringLiteral("yyyy")))
        format.replace(QRegularExpression(QStringLiteral("(?<!y)yy(?!y)")), QStringLiteral("yyyy"));
    return format;
}

inline QString displayDate(const QDate& date, const QLocale& locale = QLocale())
{
    return date.isValid() ? locale.toString(date, displayFullYear(locale.dateFormat(QLocale::ShortFormat))) : QString();
}

/// A moment in local time, in the locale's short date-and-time format (year in full).
inline QString displayDateTime(const QDateTime& when, const QLocale& locale = QLocale())
{
    return when.isValid()
        ? locale.toString(when.toLocalTime(), displayFullYear(locale.dateTimeFormat(QLocale::ShortFormat)))
        : QString();
}

} // namespace hearth
