#pragma once

#include "core/hud/HudValues.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace hearth {

/// @brief A client's universal data elements (HUD FY2026 3.01–3.07 and 4.21) as Hearth keeps them.
///
/// Coded fields hold HUD codes (lists in resources/hud/hud-lists.json). Names and SSN are empty when
/// not collected; their data-quality codes say why. Nothing here is ever written outside the store.
struct ClientProfile
{
    QString uuid;
    QString caseNumber; ///< human-readable, unique across workstations ("7KQ2M-00042")

    // 3.01 Name
    QString firstName;
    QString middleName;
    QString lastName;
    QString nameSuffix;
    int nameDataQuality = 99; ///< list 3.01.5
    QString alias; ///< nickname or street name; searched, never reported to HUD

    // 3.02 SSN: nine characters, each a digit or 'X', or empty when none was given.
    QString ssn;
    int ssnDataQuality = 99; ///< list 3.02.2
    /// ssn holds only the last four digits because the reader may not see the number (ClientRecords):
    /// the stored number stands, and saving it unchanged keeps it. Never stored, never sent.
    bool ssnWithheld = false;

    // 3.03 Date of birth
    std::optional<QDate> dob;
    int dobDataQuality = 99; ///< list 3.03.2

    // 3.04 Race and ethnicity: the Client.csv columns answered "Yes" (AmIndAKNative, Asian, ...).
    QStringList raceEthnicity;
    std::optional<int> raceNone; ///< list 1.6, only when no race column is selected
    QString additionalRaceEthnicity; ///< 3.04.2

    std::optional<int> sex; ///< 4.21, list 4.21

    // 3.07 Veteran status and the V1 veteran information (Client.csv columns YearEnteredService ... DischargeStatus).
    int veteranStatus = 99; ///< list 1.8
    HudValues veteranDetails;

    QString anonymousProfile; ///< id of the anonymous-client profile used, empty for identified clients

    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;

    /// Everything that identifies the client is equal (used to skip no-op updates).
    friend bool operator==(const ClientProfile&, const ClientProfile&) = default;
};

/// The seven Client.csv race and ethnicity columns, in HUD order.
inline QStringList raceEthnicityColumns()
{
    return {QStringLiteral("AmIndAKNative"),
            QStringLiteral("Asian"),
            QStringLiteral("BlackAfAmerican"),
            QStringLiteral("HispanicLatinao"),
            QStringLiteral("MidEastNAfrican"),
            QStringLiteral("NativeHIPacific"),
            QStringLiteral("White")};
}

} // namespace hearth
