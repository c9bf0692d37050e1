#pragma once

#include "core/intake/QualityFinding.h"

#include <optional>

namespace hearth {

/// True for the missing-data answers 8 Client doesn't know, 9 Client prefers not to answer and
/// 99 Data not collected.
bool isMissingDataCode(int code);

/// The warning the Sonoma data quality plan asks for when an element is answered with 8, 9 or 99:
/// it counts as missing data in HUD reports. Nothing for any other answer.
/// @p title is the element's name for staff ("Veteran status").
std::optional<QualityFinding> missingDataWarning(const QString& element, const QString& field, const QString& title,
                                                 int code);

} // namespace hearth
