#pragma once

#include "core/hud/HudValues.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

/// @brief One HUD assessment row (IncomeBenefits, HealthAndDV, Disabilities or CurrentLivingSituation)
/// collected at a data-collection stage (list 5.03.1: 1 entry, 2 update, 3 exit, 5 annual).
struct Assessment
{
    QString file; ///< the HMIS CSV file name without ".csv": "IncomeBenefits", "Disabilities", ...
    int dataCollectionStage = 1;
    QDate informationDate;
    HudValues values; ///< columns of that file; a Disabilities row carries its DisabilityType

    friend bool operator==(const Assessment&, const Assessment&) = default;
};

/// @brief A client's stay in a project (HUD Enrollment.csv and Exit.csv).
struct Enrollment
{
    QString uuid;
    QString clientUuid;
    QString projectUuid;
    QString householdId; ///< 5.09: shared by every member enrolled together
    int relationshipToHoH = 99; ///< 3.15, list 3.15.1 (1 = Self, the head of household)
    QDate entryDate; ///< 3.10
    QString enrollmentCoC; ///< 3.16 Client Location
    int disablingCondition = 99; ///< 3.08, list 1.8
    std::optional<QDate> moveInDate; ///< 3.20, permanent-housing projects
    std::optional<QDate> dateOfEngagement; ///< 4.13
    /// Other Enrollment.csv columns: 3.917 prior living situation (LivingSituation, LengthOfStay, ...)
    HudValues entryValues;

    // 3.11 / 3.12 exit. A reopened enrollment clears exitDate and keeps the rest (Orange County notes).
    std::optional<QDate> exitDate;
    std::optional<int> destination; ///< 3.12, list 3.12.1
    HudValues exitValues; ///< other Exit.csv columns (DestinationSubsidyType, OtherDestination, ...)

    QList<Assessment> assessments; ///< program-specific elements 4.02–4.12 at entry, update and exit

    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;

    bool isActive() const { return !exitDate.has_value(); }
    bool isHead() const { return relationshipToHoH == 1; }

    friend bool operator==(const Enrollment&, const Enrollment&) = default;
};

} // namespace hearth
