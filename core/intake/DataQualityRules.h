#pragma once

// Internal to core/intake: what DataQuality.cpp and DataQualityAssessments.cpp share. The enrollment and
// exit checks live in DataQuality.cpp; the rule families of the assessment rows in the other file.

#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"
#include "core/intake/QualityFinding.h"

#include <QDate>
#include <QString>

#include <algorithm>
#include <initializer_list>
#include <optional>

namespace hearth::quality::rules {

QString tr(const char* text);

// HudValidation problems are refusals: the answer is not one HUD accepts.
void appendProblems(const QString& file, const HudValues& values, QualityFindings& findings);

inline bool isIn(std::optional<int> code, std::initializer_list<int> codes)
{
    return code && std::find(codes.begin(), codes.end(), *code) != codes.end();
}

/// 3.08 with the 4.05-4.10 answers at entry.
void checkDisablingCondition(const Enrollment& enrollment, QualityFindings& findings);

/// 3.917: missing answers, length-of-stay congruency, rental subsidy and the homelessness start date.
void checkPriorLivingSituation(const Enrollment& enrollment, QualityFindings& findings);

/// One assessment row: its HUD values, information date, 4.02-4.04 sources, 4.11 and 4.05-4.10.
void checkAssessment(const Assessment& a, const Enrollment& enrollment, QDate today, QualityFindings& findings);

/// A warning for every program element the project collects at @p stage that has no row yet.
void checkRequiredElements(const Enrollment& enrollment, const Project& project, const ClientProfile& client, int stage,
                           QDate on, QualityFindings& findings);

} // namespace hearth::quality::rules
