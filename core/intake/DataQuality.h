#pragma once

#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"
#include "core/intake/QualityFinding.h"

#include <QDate>
#include <QList>

#include <optional>

namespace hearth {

/// @brief The data-quality checks of the Sonoma County HMIS Data Quality Plan, run as staff type
/// and again on save. Impossible data is Refused; everything else is a Warning that explains itself
/// (missing-data answers, contradictions, late entry). Each function returns every finding at once.
namespace quality {

/// Data must be entered within five calendar days of project start (Sonoma timeliness standard).
inline constexpr int kTimelinessDays = 5;
inline constexpr int kAdultAge = 18;

/// True when the client is 18 or older on @p on, or the date of birth is unknown (then the adult
/// questions are asked rather than skipped).
bool isAdultOrUnknown(const ClientProfile& client, QDate on);

/// 3.01 name, 3.02 SSN, 3.03 DOB, 3.04 race and ethnicity, 4.21 sex, 3.07 veteran status and V1.
/// A minor recorded as a veteran is a warning, not a refusal: a 17-year-old can enlist and be
/// discharged, and the DOB may be an estimate; HUD lists it as an accuracy issue to review.
QualityFindings checkClientProfile(const ClientProfile& client, QDate today);

/// The project-start data of an enrollment: 3.10 start date, 3.15, 3.16, 3.08 with the 4.05–4.10
/// answers at entry, 3.917 (missing answers and length-of-stay congruency), 3.20 move-in date for
/// permanent housing, 4.13, the assessment rows and the program elements the project type needs at
/// entry, and timeliness: a record created more than five days after the start date (a new record,
/// without createdAt, is taken as created @p today).
QualityFindings checkEnrollment(const Enrollment& enrollment, const Project& project, const ClientProfile& client,
                                QDate today);

/// The exit: 3.11 exit date (not before the start, not in the future), 3.12 destination and its
/// follow-up answers, and the program elements the project needs at exit.
QualityFindings checkExit(const Enrollment& enrollment, const Project& project, const ClientProfile& client,
                          QDate today);

/// A refusal when @p candidate's dates overlap another enrollment of the same client in the same
/// project. Stays are [start, exit): leaving and coming back the same day is not an overlap; an open
/// enrollment runs on without end. Enrollments with candidate's uuid are ignored (editing itself).
std::optional<QualityFinding> findOverlappingEnrollment(const Enrollment& candidate,
                                                        const QList<Enrollment>& sameClientSameProject);

} // namespace quality
} // namespace hearth
