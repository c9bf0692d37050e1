#pragma once
// Shared by test_consent_policy.cpp and test_consent_disclosure.cpp: the policy under test and one client's
// records as they would leave the workstation.

#include "tests/consent/PolicyTestSupport.h"

#include <QJsonArray>

#include <vector>

namespace hearth::test::policy {

using Kind = OutgoingRecord::Kind;

inline const ConsentPolicy kPolicy(kOurAgency);

inline QJsonObject profileJson()
{
    return {{u"PersonalID"_qs, u"client-1"_qs},
            {u"CaseNumber"_qs, u"HH-00042"_qs},
            {u"FirstName"_qs, u"Rosa"_qs},
            {u"MiddleName"_qs, u"Maria"_qs},
            {u"LastName"_qs, u"Delgado"_qs},
            {u"NameSuffix"_qs, u"Jr"_qs},
            {u"NameDataQuality"_qs, 1},
            {u"Alias"_qs, u"Rosie"_qs},
            {u"SSN"_qs, u"123456789"_qs},
            {u"SSNDataQuality"_qs, 1},
            {u"DOB"_qs, u"1980-04-02"_qs},
            {u"DOBDataQuality"_qs, 1},
            {u"RaceEthnicity"_qs, QJsonArray {u"6"_qs}},
            {u"AdditionalRaceEthnicity"_qs, u"Purepecha"_qs},
            {u"VeteranStatus"_qs, 0}};
}

inline OutgoingRecord profile(const QDate& changed = QDate(2025, 12, 1))
{
    return {Kind::ClientProfile, u"client-1"_qs, u"client-1"_qs, profileJson(),
            std::nullopt,        std::nullopt,   at(changed)};
}

inline QJsonObject assessment(const QString& file, const QJsonObject& values)
{
    return {{u"File"_qs, file},
            {u"DataCollectionStage"_qs, 1},
            {u"InformationDate"_qs, u"2025-06-01"_qs},
            {u"Values"_qs, values}};
}

inline OutgoingRecord enrollment(const QDate& entry, const QDate& changed)
{
    const QJsonArray assessments {
        assessment(u"Disabilities"_qs, {{u"DisabilityType"_qs, 9}, {u"DisabilityResponse"_qs, 1}}),
        assessment(u"HealthAndDV"_qs,
                   {{u"DomesticViolenceSurvivor"_qs, 1},
                    {u"WhenOccurred"_qs, 2},
                    {u"CurrentlyFleeing"_qs, 0},
                    {u"GeneralHealthStatus"_qs, 3},
                    {u"PregnancyStatus"_qs, 1},
                    {u"DueDate"_qs, QJsonObject {{u"date"_qs, u"2026-03-01"_qs}}}}),
        assessment(u"IncomeBenefits"_qs,
                   {{u"IncomeFromAnySource"_qs, 1},
                    {u"SSI"_qs, 1},
                    {u"OtherIncomeSourceIdentify"_qs, u"cans from Rosa's cousin"_qs},
                    {u"InsuranceFromAnySource"_qs, 1},
                    {u"Medicaid"_qs, 1},
                    {u"OtherInsuranceIdentify"_qs, u"county plan"_qs},
                    {u"ADAP"_qs, 0}}),
    };
    const QJsonObject json {{u"EnrollmentID"_qs, u"enrollment-1"_qs},
                            {u"PersonalID"_qs, u"client-1"_qs},
                            {u"EntryDate"_qs, entry.toString(Qt::ISODate)},
                            {u"DisablingCondition"_qs, 1},
                            {u"EntryValues"_qs, QJsonObject {{u"LivingSituation"_qs, 116}}},
                            {u"ExitValues"_qs, QJsonObject {{u"OtherDestination"_qs, u"Rosa's sister's flat"_qs}}},
                            {u"Assessments"_qs, assessments}};
    return {Kind::Enrollment, u"enrollment-1"_qs, u"client-1"_qs, json, entry, std::nullopt, at(changed)};
}

inline OutgoingRecord service(const QDate& provided, const QDate& entry)
{
    const QJsonObject json {{u"ServicesID"_qs, u"service-1"_qs},
                            {u"PersonalID"_qs, u"client-1"_qs},
                            {u"DateProvided"_qs, provided.toString(Qt::ISODate)},
                            {u"RecordType"_qs, 200},
                            {u"Notes"_qs, u"arrived late"_qs}};
    return {Kind::Service, u"service-1"_qs, u"client-1"_qs, json, provided, entry, at(provided, 20)};
}

inline std::vector<Audience> outsideAudiences()
{
    return {Audience::centralServer(), Audience::partner(u"Agency A"_qs), Audience::partner(kOurAgency)};
}

} // namespace hearth::test::policy
