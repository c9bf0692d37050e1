#pragma once

#include "core/intake/Project.h"
#include "core/intake/QualityFinding.h"

namespace hearth {

/// @brief Rules for the agency's projects (HUD 2.02, 2.03 and 2.06) and what a project type implies.
namespace projects {

/// Refused: no name, a type outside 2.02.6, a CoC code not like "CA-504", a funding code outside
/// 2.06.1, no operating start, an end before the start, a night-by-night shelter without bed-night
/// tracking. Warning: funding codes HUD retired for new data in FY2026 (47, 48).
QualityFindings validate(const Project& project);

/// PH - Permanent Supportive Housing (3), PH - Housing Only (9), PH - Housing with Services (10),
/// PH - Rapid Re-Housing (13): the types that collect 3.20 Housing Move-in Date.
bool isPermanentHousing(int projectType);
/// Emergency Shelter - Night-by-Night (2.02.6 = 1): stays are recorded as 4.14 bed nights.
bool isNightByNight(int projectType);
/// Residential types, where a client sleeps in the project: ES, TH, SH and PH.
bool isResidential(int projectType);
/// True when @p date lies within the project's operating dates.
bool isOperatingOn(const Project& project, QDate date);

} // namespace projects
} // namespace hearth
