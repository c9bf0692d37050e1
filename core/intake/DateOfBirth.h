#pragma once

#include "core/intake/QualityFinding.h"

#include <QDate>
#include <QLocale>
#include <QString>

#include <optional>

namespace hearth {

/// @brief 3.03 Date of Birth: age, entry of exact, approximate or partial dates, and the checks.
namespace dob {

inline constexpr int kMaximumAge = 110;

/// Whole years from @p dob to @p on (a 29 February birthday counts from 1 March in other years).
/// Negative when @p on is before @p dob.
int ageOn(QDate dob, QDate on);

/// Approximate DOB from an age the client gives: 1 January of (@p today's year - @p age), so the
/// computed age equals @p age today. Data quality 2.
QDate fromApproximateAge(int age, QDate today);
/// Partial DOB from a year, and the month when known: the first day of that month (January when
/// no month). Data quality 2. Invalid when the year or month is not a real one.
QDate fromPartial(int year, std::optional<int> month = std::nullopt);

/// The data quality an entry implies: a date entered as exact -> 1, as approximate or partial -> 2;
/// no date -> the missing-data answer chosen (@p missingReason, 8, 9 or 99).
int dataQualityFor(const std::optional<QDate>& dob, bool approximate, int missingReason = 99);

/// Refused: a date in the future, an age over 110, "Full"/"Approximate" with no date, an unknown
/// data-quality code. Warnings: a date with a missing-data answer (HUD expects no date then), and
/// the missing-data answers themselves.
QualityFindings check(const std::optional<QDate>& dob, int dataQuality, QDate today);

/// "12 Mar 1980 (age 46)", with "approximate, " before the age when the data quality is 2;
/// "not recorded" without a date.
QString display(const std::optional<QDate>& dob, int dataQuality, QDate today, const QLocale& locale = QLocale());

} // namespace dob
} // namespace hearth
