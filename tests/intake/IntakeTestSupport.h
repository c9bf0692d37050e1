// Shared helpers for the intake rule tests: readable output for Qt strings and findings, and a
// baseline client, project and enrollment that pass every check, for rule tables to change one
// thing at a time.
#pragma once

#include "core/hud/HudCodes.h"
#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"
#include "core/intake/QualityFinding.h"
#include "tests/support/QtStringMakers.h"

#include <QDate>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

namespace hearth::test {

inline const QDate kToday(2026, 11, 21);

/// "R entryDate" / "W LengthOfStay": severity and field of each finding, sorted, for exact comparison.
inline QStringList summarize(const QualityFindings& findings)
{
    QStringList out;
    for (const QualityFinding& f : findings)
        out.append((f.isRefusal() ? QStringLiteral("R ") : QStringLiteral("W ")) + f.field);
    std::sort(out.begin(), out.end());
    return out;
}

inline QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

/// All messages, for INFO() when a table row fails.
inline std::string messages(const QualityFindings& findings)
{
    std::string out;
    for (const QualityFinding& f : findings)
        out += f.element.toStdString() + " " + f.field.toStdString() + ": " + f.message.toStdString() + "\n";
    return out;
}

inline ClientProfile baselineClient()
{
    ClientProfile c;
    c.uuid = QStringLiteral("client-1");
    c.caseNumber = QStringLiteral("7KQ2M-00042");
    c.firstName = QStringLiteral("Maria");
    c.lastName = QStringLiteral("Lopez");
    c.nameDataQuality = 1;
    c.ssn = QStringLiteral("512437891");
    c.ssnDataQuality = 1;
    c.dob = QDate(1980, 3, 12);
    c.dobDataQuality = 1;
    c.raceEthnicity = {QStringLiteral("White")};
    c.sex = 0;
    c.veteranStatus = 0;
    return c;
}

inline Project baselineProject(int type = hud::ProjectType::EmergencyShelterEntryExit)
{
    Project p;
    p.uuid = QStringLiteral("project-1");
    p.name = QStringLiteral("Harbor House Shelter");
    p.projectType = type;
    p.cocCode = QStringLiteral("CA-504");
    p.fundingSources = {8};
    p.tracksBedNights = type == hud::ProjectType::EmergencyShelterNightByNight;
    p.operatingStart = QDate(2020, 1, 1);
    return p;
}

inline Assessment assessment(const QString& file, int stage, QDate date)
{
    Assessment a;
    a.file = file;
    a.dataCollectionStage = stage;
    a.informationDate = date;
    return a;
}

/// The rows 4.02–4.11 need at @p stage: no income, no benefits, Medicaid, no disabilities, no DV.
inline QList<Assessment> stageAssessments(int stage, QDate date)
{
    QList<Assessment> rows;
    Assessment income = assessment(QStringLiteral("IncomeBenefits"), stage, date);
    income.values.setCode(QStringLiteral("IncomeFromAnySource"), 0);
    income.values.setCode(QStringLiteral("BenefitsFromAnySource"), 0);
    income.values.setCode(QStringLiteral("InsuranceFromAnySource"), 1);
    income.values.setCode(QStringLiteral("Medicaid"), 1);
    rows.append(income);
    if (stage != hud::Stage::Exit) {
        Assessment dv = assessment(QStringLiteral("HealthAndDV"), stage, date);
        dv.values.setCode(QStringLiteral("DomesticViolenceSurvivor"), 0);
        rows.append(dv);
    }
    for (int type = 5; type <= 10; ++type) {
        Assessment d = assessment(QStringLiteral("Disabilities"), stage, date);
        d.values.setCode(QStringLiteral("DisabilityType"), type);
        d.values.setCode(QStringLiteral("DisabilityResponse"), 0);
        rows.append(d);
    }
    return rows;
}

/// A head of household who came from a place not meant for habitation into @p project.
inline Enrollment baselineEnrollment(const Project& project = baselineProject())
{
    Enrollment e;
    e.uuid = QStringLiteral("enrollment-1");
    e.clientUuid = QStringLiteral("client-1");
    e.projectUuid = project.uuid;
    e.householdId = QStringLiteral("household-1");
    e.relationshipToHoH = 1;
    e.entryDate = QDate(2026, 11, 18);
    e.enrollmentCoC = QStringLiteral("CA-504");
    e.disablingCondition = 0;
    e.entryValues.setCode(QStringLiteral("LivingSituation"), 116);
    e.entryValues.setCode(QStringLiteral("LengthOfStay"), 4);
    e.entryValues.setDate(QStringLiteral("DateToStreetESSH"), QDate(2026, 1, 10));
    e.entryValues.setCode(QStringLiteral("TimesHomelessPastThreeYears"), 1);
    e.entryValues.setCode(QStringLiteral("MonthsHomelessPastThreeYears"), 110);
    e.assessments = stageAssessments(hud::Stage::Entry, e.entryDate);
    e.createdAt = QDateTime(QDate(2026, 11, 19), QTime(10, 0));
    return e;
}

} // namespace hearth::test
