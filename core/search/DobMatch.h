#pragma once

#include <QDate>

#include <vector>

namespace hearth::search {

/// @brief How a typed date of birth relates to a stored one.
enum class DobRelation
{
    None,
    Same,
    DayMonthSwapped, ///< 03/04 for 04/03
    YearTypo, ///< same day and month; the year off by one or ten, one digit wrong or two digits swapped
    DigitTypo, ///< same year; one digit of the day or month wrong, or two neighbouring digits swapped
    TwoSlips, ///< a year slip together with a day-month swap or a day or month digit slip
};

/// How @p typed relates to @p stored (both valid dates).
DobRelation compareDob(QDate typed, QDate stored);

/// Every valid date that is one slip from @p typed (Same, DayMonthSwapped, YearTypo, DigitTypo, not
/// TwoSlips): where to look for clients whose date of birth was typed with a slip.
std::vector<QDate> dobVariants(QDate typed);

} // namespace hearth::search
