#pragma once

#include <QDate>
#include <QString>

namespace hearth {

/// A date in a message, report or explanation: "1 Dec 2025" reads the same whatever the
/// workstation's locale (01/12 would not).
inline QString messageDate(const QDate& date)
{
    return date.toString(QStringLiteral("d MMM yyyy"));
}

} // namespace hearth
