#pragma once

#include <QLatin1String>

/// @file Named HUD FY2026 codes the intake rules branch on. Labels live only in hud-lists.json;
/// tests/intake/test_hud_catalog.cpp checks every constant here against that file.
namespace hearth::hud {

/// List ids (keys of hud-lists.json).
namespace list {
inline constexpr QLatin1String NoYesMissing {"1.7"};
inline constexpr QLatin1String NoYesReasons {"1.8"};
inline constexpr QLatin1String NoYes {"1.10"};
inline constexpr QLatin1String RaceNone {"1.6"};
inline constexpr QLatin1String DisabilityType {"1.3"};
inline constexpr QLatin1String RecordType {"1.4"};
inline constexpr QLatin1String ProjectType {"2.02.6"};
inline constexpr QLatin1String FundingSource {"2.06.1"};
inline constexpr QLatin1String NameDataQuality {"3.01.5"};
inline constexpr QLatin1String SsnDataQuality {"3.02.2"};
inline constexpr QLatin1String DobDataQuality {"3.03.2"};
inline constexpr QLatin1String LivingSituation {"3.12.1"};
inline constexpr QLatin1String RentalSubsidyType {"3.12.A"};
inline constexpr QLatin1String RelationshipToHoH {"3.15.1"};
inline constexpr QLatin1String LengthOfStay {"3.917.2"};
inline constexpr QLatin1String SubstanceUseResponse {"4.10.2"};
inline constexpr QLatin1String Sex {"4.21"};
inline constexpr QLatin1String DataCollectionStage {"5.03.1"};
} // namespace list

/// The missing-data reasons shared by most lists.
inline constexpr int ClientDoesntKnow = 8;
inline constexpr int ClientPrefersNotToAnswer = 9;
inline constexpr int DataNotCollected = 99;

/// 1.7 / 1.8 / 1.10
namespace NoYes {
inline constexpr int No = 0;
inline constexpr int Yes = 1;
} // namespace NoYes

/// 3.01.5, 3.02.2, 3.03.2: 1 full, 2 approximate or partial, then 8 / 9 / 99.
namespace DataQuality {
inline constexpr int Full = 1;
inline constexpr int Partial = 2;
} // namespace DataQuality

/// 2.02.6
namespace ProjectType {
inline constexpr int EmergencyShelterEntryExit = 0;
inline constexpr int EmergencyShelterNightByNight = 1;
inline constexpr int TransitionalHousing = 2;
inline constexpr int PermanentSupportiveHousing = 3;
inline constexpr int StreetOutreach = 4;
inline constexpr int ServicesOnly = 6;
inline constexpr int Other = 7;
inline constexpr int SafeHaven = 8;
inline constexpr int PhHousingOnly = 9;
inline constexpr int PhHousingWithServices = 10;
inline constexpr int DayShelter = 11;
inline constexpr int HomelessnessPrevention = 12;
inline constexpr int RapidReHousing = 13;
inline constexpr int CoordinatedEntry = 14;
} // namespace ProjectType

/// 2.06.1 codes HUD retired for new data collection in FY2026.
namespace FundingSource {
inline constexpr int EsgCv = 47;
inline constexpr int HopwaCv = 48;
} // namespace FundingSource

/// 3.15.1
namespace Relationship {
inline constexpr int Self = 1;
inline constexpr int Child = 2;
inline constexpr int SpouseOrPartner = 3;
inline constexpr int OtherRelative = 4;
inline constexpr int Unrelated = 5;
} // namespace Relationship

/// 1.4
namespace RecordType {
inline constexpr int BedNight = 200;
} // namespace RecordType

/// 5.03.1
namespace Stage {
inline constexpr int Entry = 1;
inline constexpr int Update = 2;
inline constexpr int Exit = 3;
inline constexpr int Annual = 5;
inline constexpr int PostExit = 6;
} // namespace Stage

/// 1.3: the Disabilities.csv DisabilityType of elements 4.05 to 4.10.
namespace DisabilityType {
inline constexpr int Physical = 5;
inline constexpr int Developmental = 6;
inline constexpr int ChronicHealth = 7;
inline constexpr int HivAids = 8;
inline constexpr int MentalHealth = 9;
inline constexpr int SubstanceUse = 10;
} // namespace DisabilityType

/// 4.10.2: the substance-use answers that mean "yes".
namespace SubstanceUse {
inline constexpr int No = 0;
inline constexpr int Alcohol = 1;
inline constexpr int Drug = 2;
inline constexpr int Both = 3;
} // namespace SubstanceUse

/// 3.12.1 codes the rules name. The hundreds give the group: 1xx homeless, 2xx institutional,
/// 3xx temporary, 4xx permanent.
namespace LivingSituation {
inline constexpr int Other = 17;
inline constexpr int Deceased = 24;
inline constexpr int NoExitInterview = 30;
inline constexpr int WorkerUnableToDetermine = 37;
inline constexpr int EmergencyShelter = 101;
inline constexpr int PlaceNotMeantForHabitation = 116;
inline constexpr int SafeHaven = 118;
inline constexpr int RentalWithSubsidy = 435;
} // namespace LivingSituation

/// 3.917.2
namespace LengthOfStay {
inline constexpr int OneNightOrLess = 10;
inline constexpr int TwoToSixNights = 11;
inline constexpr int OneWeekToOneMonth = 2;
inline constexpr int OneMonthTo90Days = 3;
inline constexpr int NinetyDaysToOneYear = 4;
inline constexpr int OneYearOrLonger = 5;
} // namespace LengthOfStay

/// 4.21
namespace Sex {
inline constexpr int Female = 0;
inline constexpr int Male = 1;
} // namespace Sex

} // namespace hearth::hud
