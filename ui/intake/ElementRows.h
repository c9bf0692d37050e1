#pragma once

#include "core/intake/Enrollment.h"

#include <QList>

namespace hearth::ui {

class ElementForm;

/// @file Where the answers of program-element forms go in an Enrollment. Elements of Enrollment.csv
/// fill entryValues (3.20 and 4.13 fill their own members); IncomeBenefits, HealthAndDV,
/// Disabilities and CurrentLivingSituation become assessment rows: one row per file, except
/// Disabilities, which has one row per disability type (the element's fixed values).

/// Assessment rows of @p stage dated @p informationDate from the forms of assessment files.
QList<Assessment> assessmentRows(const QList<ElementForm*>& forms, int stage, const QDate& informationDate);

/// Puts the answers of Enrollment.csv elements into @p enrollment (entryValues, moveInDate, dateOfEngagement).
void applyEnrollmentAnswers(const QList<ElementForm*>& forms, Enrollment& enrollment);

/// Every unreadable field of @p forms, as "element title: field label".
QStringList unreadableFields(const QList<ElementForm*>& forms);

} // namespace hearth::ui
