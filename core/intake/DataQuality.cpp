#include "core/intake/DataQuality.h"

#include "core/common/DisplayDates.h"
#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/hud/HudValidation.h"
#include "core/intake/DataQualityRules.h"
#include "core/intake/DateOfBirth.h"
#include "core/intake/MissingData.h"
#include "core/intake/ProjectRules.h"
#include "core/intake/Ssn.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

// The client profile, enrollment, exit and overlap checks; the assessment rows' rule families are in
// DataQualityAssessments.cpp.

namespace hearth::quality {

namespace rules {

QString tr(const char* text)
{
    return QCoreApplication::translate("DataQuality", text);
}

namespace {

// "4.02.3" -> "4.02", "3.917.2" -> "3.917", "V1.11" -> "V1": the element a column belongs to.
QString elementOf(const QString& columnElement)
{
    const QStringList parts = columnElement.split(u'.');
    if (parts.isEmpty() || parts.first().isEmpty())
        return columnElement;
    if (parts.first().at(0).isLetter())
        return parts.first();
    return parts.mid(0, 2).join(u'.');
}

} // namespace

void appendProblems(const QString& file, const HudValues& values, QualityFindings& findings)
{
    for (const HudProblem& problem : validateHudValues(file, values)) {
        const auto column = HudCatalog::instance().column(file, problem.column);
        findings.append(
            refusedFinding(column ? elementOf(column->element) : QString(), problem.column, problem.message));
    }
}

} // namespace rules

using rules::appendProblems;
using rules::tr;

namespace {

QString showDate(QDate date)
{
    return displayDate(date);
}

void checkName(const ClientProfile& client, QualityFindings& findings)
{
    const QString element = QStringLiteral("3.01");
    const std::pair<QString, const QString*> parts[] = {{QStringLiteral("firstName"), &client.firstName},
                                                        {QStringLiteral("middleName"), &client.middleName},
                                                        {QStringLiteral("lastName"), &client.lastName},
                                                        {QStringLiteral("nameSuffix"), &client.nameSuffix}};
    for (const auto& [field, value] : parts) {
        if (value->size() > 50)
            findings.append(refusedFinding(element, field, tr("3.01 Name: each part can have at most 50 characters.")));
    }
    const bool hasFirst = !client.firstName.trimmed().isEmpty();
    const bool hasLast = !client.lastName.trimmed().isEmpty();
    const QString qualityField = QStringLiteral("nameDataQuality");
    switch (client.nameDataQuality) {
    case hud::DataQuality::Full:
        if (!hasFirst && !hasLast)
            findings.append(refusedFinding(element, qualityField,
                                           tr("3.01 Name: the name quality says a name was reported, but none is "
                                              "entered.")));
        else if (!hasFirst || !hasLast)
            findings.append(warningFinding(element, qualityField,
                                           tr("3.01 Name: \u201cFull name reported\u201d needs a first and a last "
                                              "name. Choose \u201cPartial, street name, or code name\u201d if only "
                                              "part was given.")));
        break;
    case hud::DataQuality::Partial:
        if (!hasFirst && !hasLast)
            findings.append(refusedFinding(element, qualityField,
                                           tr("3.01 Name: the name quality says a name was reported, but none is "
                                              "entered.")));
        break;
    default:
        if (auto missing = missingDataWarning(element, qualityField, tr("Name"), client.nameDataQuality))
            findings.append(*missing);
        else
            findings.append(
                refusedFinding(element, qualityField,
                               tr("3.01 Name data quality: %1 is not a HUD response.").arg(client.nameDataQuality)));
    }
}

void checkRace(const ClientProfile& client, QualityFindings& findings)
{
    const QString element = QStringLiteral("3.04");
    const QStringList known = raceEthnicityColumns();
    for (const QString& column : client.raceEthnicity) {
        if (!known.contains(column))
            findings.append(refusedFinding(element, QStringLiteral("raceEthnicity"),
                                           tr("3.04 Race and ethnicity: %1 is not a HUD response.").arg(column)));
    }
    if (!client.raceEthnicity.isEmpty() && client.raceNone)
        findings.append(refusedFinding(element, QStringLiteral("raceNone"),
                                       tr("3.04 Race and ethnicity: choose races or a reason none was given, not "
                                          "both.")));
    if (client.raceEthnicity.isEmpty()) {
        const int reason = client.raceNone.value_or(hud::DataNotCollected);
        if (auto missing = missingDataWarning(element, QStringLiteral("raceNone"), tr("Race and ethnicity"), reason))
            findings.append(*missing);
        else
            findings.append(refusedFinding(element, QStringLiteral("raceNone"),
                                           tr("3.04 Race and ethnicity: %1 is not a HUD response.").arg(reason)));
    }
    if (client.additionalRaceEthnicity.size() > 100)
        findings.append(refusedFinding(element, QStringLiteral("additionalRaceEthnicity"),
                                       tr("3.04 Additional race and ethnicity detail: at most 100 characters.")));
}

void checkSex(const ClientProfile& client, QualityFindings& findings)
{
    const QString element = QStringLiteral("4.21");
    const int sex = client.sex.value_or(hud::DataNotCollected);
    if (HudCatalog::instance().label(hud::list::Sex, sex).isEmpty())
        findings.append(
            refusedFinding(element, QStringLiteral("sex"), tr("4.21 Sex: %1 is not a HUD response.").arg(sex)));
    else if (auto missing = missingDataWarning(element, QStringLiteral("sex"), tr("Sex"), sex))
        findings.append(*missing);
}

void checkVeteran(const ClientProfile& client, QDate today, QualityFindings& findings)
{
    const QString element = QStringLiteral("3.07");
    const QString field = QStringLiteral("veteranStatus");
    const int status = client.veteranStatus;
    if (HudCatalog::instance().label(hud::list::NoYesReasons, status).isEmpty()) {
        findings.append(
            refusedFinding(element, field, tr("3.07 Veteran status: %1 is not a HUD response.").arg(status)));
        return;
    }
    const bool knownMinor = client.dob && dob::ageOn(*client.dob, today) < kAdultAge;
    if (knownMinor && status == hud::NoYes::Yes)
        findings.append(warningFinding(element, field,
                                       tr("3.07 Veteran status: the client is under 18 by the date of birth but "
                                          "recorded as a veteran. Check both answers.")));
    // HUD asks veteran status of adults only; minors are reported as 99, so no warning for them.
    if (!knownMinor) {
        if (auto missing = missingDataWarning(element, field, tr("Veteran status"), status))
            findings.append(*missing);
    }
    if (client.veteranDetails.isEmpty())
        return;
    if (status != hud::NoYes::Yes)
        findings.append(warningFinding(QStringLiteral("V1"), QStringLiteral("veteranDetails"),
                                       tr("V1 Veteran information is recorded but the client is not recorded as a "
                                          "veteran; HUD expects it empty. Clear it or check the veteran status.")));
    appendProblems(QStringLiteral("Client"), client.veteranDetails, findings);
    static const QRegularExpression v1Columns(
        QStringLiteral("^(YearEnteredService|YearSeparated|WorldWarII|KoreanWar|VietnamWar|DesertStorm|"
                       "AfghanistanOEF|IraqOIF|IraqOND|OtherTheater|MilitaryBranch|DischargeStatus)$"));
    for (const QString& column : client.veteranDetails.columns()) {
        if (!v1Columns.match(column).hasMatch())
            findings.append(refusedFinding(QStringLiteral("V1"), column,
                                           tr("%1 is not part of V1 Veteran information.").arg(column)));
    }
    const auto entered = client.veteranDetails.code(QStringLiteral("YearEnteredService"));
    const auto separated = client.veteranDetails.code(QStringLiteral("YearSeparated"));
    for (const auto& [column, year] : {std::pair {QStringLiteral("YearEnteredService"), entered},
                                       std::pair {QStringLiteral("YearSeparated"), separated}}) {
        if (year && (*year < 1920 || *year > today.year()))
            findings.append(refusedFinding(QStringLiteral("V1"), column,
                                           tr("V1: the year must be between 1920 and %1.").arg(today.year())));
        else if (year && client.dob && *year < client.dob->year())
            findings.append(
                refusedFinding(QStringLiteral("V1"), column, tr("V1: the year is before the client's year of birth.")));
    }
    if (entered && separated && *separated < *entered)
        findings.append(refusedFinding(QStringLiteral("V1"), QStringLiteral("YearSeparated"),
                                       tr("V1: the year separated cannot be before the year entered service.")));
}

} // namespace

bool isAdultOrUnknown(const ClientProfile& client, QDate on)
{
    return !client.dob || dob::ageOn(*client.dob, on) >= kAdultAge;
}

QualityFindings checkClientProfile(const ClientProfile& client, QDate today)
{
    QualityFindings findings;
    checkName(client, findings);
    // A withheld number is the stored one, checked when it was saved; its last four alone would fail.
    if (!client.ssnWithheld)
        findings += ssn::check(client.ssn, client.ssnDataQuality);
    findings += dob::check(client.dob, client.dobDataQuality, today);
    checkRace(client, findings);
    checkSex(client, findings);
    checkVeteran(client, today, findings);
    return findings;
}

QualityFindings checkEnrollment(const Enrollment& enrollment, const Project& project, const ClientProfile& client,
                                QDate today)
{
    QualityFindings findings;
    const QDate entry = enrollment.entryDate;
    if (!entry.isValid()) {
        findings.append(
            refusedFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"), tr("Enter the project start date.")));
    } else {
        if (entry > today)
            findings.append(refusedFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"),
                                           tr("3.10 The project start date cannot be in the future.")));
        if (client.dob && entry < *client.dob)
            findings.append(refusedFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"),
                                           tr("3.10 The project start date is before the client's date of birth.")));
        if (!projects::isOperatingOn(project, entry))
            findings.append(warningFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"),
                                           tr("3.10 The project start date is outside the project's operating "
                                              "dates.")));
        // Sonoma timeliness: entered within five calendar days of intake.
        const QDate recorded = enrollment.createdAt.isValid() ? enrollment.createdAt.toLocalTime().date() : today;
        const qint64 late = entry.daysTo(recorded);
        if (late > kTimelinessDays)
            findings.append(warningFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"),
                                           tr("Entered %1 days after the project start date; data should be entered "
                                              "within %2 calendar days of intake.")
                                               .arg(late)
                                               .arg(kTimelinessDays)));
    }

    const int relationship = enrollment.relationshipToHoH;
    if (HudCatalog::instance().label(hud::list::RelationshipToHoH, relationship).isEmpty())
        findings.append(
            refusedFinding(QStringLiteral("3.15"), QStringLiteral("relationshipToHoH"),
                           tr("3.15 Relationship to head of household: %1 is not a HUD response.").arg(relationship)));
    else if (auto missing = missingDataWarning(QStringLiteral("3.15"), QStringLiteral("relationshipToHoH"),
                                               tr("Relationship to head of household"), relationship))
        findings.append(*missing);

    static const QRegularExpression cocPattern(QStringLiteral("^[A-Z]{2}-[0-9]{3}$"));
    if (enrollment.enrollmentCoC.isEmpty())
        findings.append(warningFinding(QStringLiteral("3.16"), QStringLiteral("enrollmentCoC"),
                                       tr("3.16 Client location is missing: choose the CoC where the client is "
                                          "staying.")));
    else if (!cocPattern.match(enrollment.enrollmentCoC).hasMatch())
        findings.append(refusedFinding(QStringLiteral("3.16"), QStringLiteral("enrollmentCoC"),
                                       tr("3.16 Client location: a CoC code is two capital letters, a dash and three "
                                          "digits, like CA-504.")));

    rules::checkDisablingCondition(enrollment, findings);

    appendProblems(QStringLiteral("Enrollment"), enrollment.entryValues, findings);
    const bool adultOrHead = enrollment.isHead() || isAdultOrUnknown(client, entry.isValid() ? entry : today);
    if (adultOrHead)
        rules::checkPriorLivingSituation(enrollment, findings);

    // 3.20 Housing Move-in Date
    const QString moveInField = QStringLiteral("moveInDate");
    if (enrollment.moveInDate) {
        const QDate moveIn = *enrollment.moveInDate;
        if (!projects::isPermanentHousing(project.projectType))
            findings.append(warningFinding(QStringLiteral("3.20"), moveInField,
                                           tr("3.20 A move-in date is only collected by permanent housing projects; "
                                              "it will not be reported.")));
        if (entry.isValid() && moveIn < entry)
            findings.append(refusedFinding(QStringLiteral("3.20"), moveInField,
                                           tr("3.20 The move-in date cannot be before the project start date.")));
        if (moveIn > today)
            findings.append(refusedFinding(QStringLiteral("3.20"), moveInField,
                                           tr("3.20 The move-in date cannot be in the future.")));
    } else if (projects::isPermanentHousing(project.projectType) && enrollment.isHead()) {
        findings.append(warningFinding(QStringLiteral("3.20"), moveInField,
                                       tr("3.20 Housing move-in date is empty. If the household has moved into "
                                          "housing, enter the date.")));
    }

    // 4.13 Date of Engagement
    if (enrollment.dateOfEngagement) {
        const QDate engaged = *enrollment.dateOfEngagement;
        if (entry.isValid() && engaged < entry)
            findings.append(refusedFinding(QStringLiteral("4.13"), QStringLiteral("dateOfEngagement"),
                                           tr("4.13 The date of engagement cannot be before the project start date.")));
        if (engaged > today)
            findings.append(refusedFinding(QStringLiteral("4.13"), QStringLiteral("dateOfEngagement"),
                                           tr("4.13 The date of engagement cannot be in the future.")));
    }

    for (const Assessment& a : enrollment.assessments) {
        if (a.dataCollectionStage != hud::Stage::Exit)
            rules::checkAssessment(a, enrollment, today, findings);
    }
    rules::checkRequiredElements(enrollment, project, client, hud::Stage::Entry, entry.isValid() ? entry : today,
                                 findings);
    return findings;
}

QualityFindings checkExit(const Enrollment& enrollment, const Project& project, const ClientProfile& client,
                          QDate today)
{
    QualityFindings findings;
    const QString field = QStringLiteral("exitDate");
    if (!enrollment.exitDate || !enrollment.exitDate->isValid()) {
        findings.append(refusedFinding(QStringLiteral("3.11"), field, tr("Enter the project exit date.")));
        return findings;
    }
    const QDate exit = *enrollment.exitDate;
    if (enrollment.entryDate.isValid() && exit < enrollment.entryDate)
        findings.append(refusedFinding(QStringLiteral("3.11"), field,
                                       tr("3.11 The exit date (%1) cannot be before the project start date (%2).")
                                           .arg(showDate(exit), showDate(enrollment.entryDate))));
    if (exit > today)
        findings.append(
            refusedFinding(QStringLiteral("3.11"), field, tr("3.11 The exit date cannot be in the future.")));
    if (enrollment.moveInDate && *enrollment.moveInDate > exit)
        findings.append(refusedFinding(QStringLiteral("3.20"), QStringLiteral("moveInDate"),
                                       tr("3.20 The move-in date cannot be after the exit date.")));
    if (enrollment.dateOfEngagement && *enrollment.dateOfEngagement > exit)
        findings.append(refusedFinding(QStringLiteral("4.13"), QStringLiteral("dateOfEngagement"),
                                       tr("4.13 The date of engagement cannot be after the exit date.")));

    // 3.12 Destination, validated together with its follow-up columns.
    HudValues exitRow = enrollment.exitValues;
    exitRow.setCode(QStringLiteral("Destination"), enrollment.destination);
    appendProblems(QStringLiteral("Exit"), exitRow, findings);
    const QString element = QStringLiteral("3.12");
    const int destination = enrollment.destination.value_or(hud::DataNotCollected);
    if (auto missing = missingDataWarning(element, QStringLiteral("destination"), tr("Destination"), destination))
        findings.append(*missing);
    else if (destination == hud::LivingSituation::NoExitInterview)
        findings.append(warningFinding(element, QStringLiteral("destination"),
                                       tr("3.12 Destination: \u201cNo exit interview completed\u201d counts as "
                                          "missing data in HUD reports. Ask the client where they are going if you "
                                          "still can.")));
    const bool subsidy = exitRow.has(QStringLiteral("DestinationSubsidyType"));
    if (destination == hud::LivingSituation::RentalWithSubsidy && !subsidy)
        findings.append(warningFinding(element, QStringLiteral("DestinationSubsidyType"),
                                       tr("3.12 Destination: choose the kind of rental subsidy.")));
    else if (destination != hud::LivingSituation::RentalWithSubsidy && subsidy)
        findings.append(warningFinding(element, QStringLiteral("DestinationSubsidyType"),
                                       tr("3.12 A rental subsidy type is only asked for a rental with an ongoing "
                                          "subsidy; it will not be reported.")));
    if (destination == hud::LivingSituation::Other && exitRow.text(QStringLiteral("OtherDestination")).isEmpty())
        findings.append(warningFinding(element, QStringLiteral("OtherDestination"),
                                       tr("3.12 Destination is \u201cOther\u201d: describe where the client is "
                                          "going.")));

    for (const Assessment& a : enrollment.assessments) {
        if (a.dataCollectionStage == hud::Stage::Exit)
            rules::checkAssessment(a, enrollment, today, findings);
    }
    rules::checkRequiredElements(enrollment, project, client, hud::Stage::Exit, exit, findings);
    return findings;
}

std::optional<QualityFinding> findOverlappingEnrollment(const Enrollment& candidate,
                                                        const QList<Enrollment>& sameClientSameProject)
{
    if (!candidate.entryDate.isValid())
        return std::nullopt;
    // Half-open [start, end); a same-day stay (exit on the start date) still occupies its day.
    const auto end = [](const Enrollment& e) -> std::optional<QDate> {
        if (!e.exitDate)
            return std::nullopt;
        return *e.exitDate > e.entryDate ? *e.exitDate : e.entryDate.addDays(1);
    };
    const auto candidateEnd = end(candidate);
    for (const Enrollment& other : sameClientSameProject) {
        if (other.uuid == candidate.uuid || other.clientUuid != candidate.clientUuid
            || other.projectUuid != candidate.projectUuid || !other.entryDate.isValid())
            continue;
        const auto otherEnd = end(other);
        const bool startsBeforeOtherEnds = !otherEnd || candidate.entryDate < *otherEnd;
        const bool otherStartsBeforeEnd = !candidateEnd || other.entryDate < *candidateEnd;
        if (!startsBeforeOtherEnds || !otherStartsBeforeEnd)
            continue;
        const QString message = other.exitDate
            ? tr("The client is already enrolled in this project from %1 to %2. Enrollments in the same project "
                 "cannot overlap; change the dates or edit that enrollment.")
                  .arg(showDate(other.entryDate), showDate(*other.exitDate))
            : tr("The client is already enrolled in this project since %1 and has not exited. Exit that enrollment "
                 "first, or edit it instead of starting a new one.")
                  .arg(showDate(other.entryDate));
        return refusedFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"), message);
    }
    return std::nullopt;
}

} // namespace hearth::quality
