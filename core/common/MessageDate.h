#pragma once

#include <QDate>
#include <QString>

namespace hearth {

/// A date in what leaves the workstation or is kept as written: reports, PDFs, a disclosure's explanation.
/// "1 Dec 2025" reads the same whatever the reader's locale (01/12 would not). Screens use displayDate()
/// (core/common/DisplayDates.h) instead.
inline QString messageDate(const QDate& date)
{
    return date.toString(QStringLiteral("d MMM yyyy"));
}

} // namespace hearth
