#include "core/intake/DataQuality.h"

#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/hud/HudValidation.h"
#include "core/intake/DateOfBirth.h"
#include "core/intake/MissingData.h"
#include "core/intake/ProgramElements.h"
#include "core/intake/ProjectRules.h"
#include "core/intake/Ssn.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace hearth::quality {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DataQuality", text);
}

QString showDate(QDate date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

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

// HudValidation problems are refusals: the answer is not one HUD accepts.
void appendProblems(const QString& file, const HudValues& values, QualityFindings& findings)
{
    for (const HudProblem& problem : validateHudValues(file, values)) {
        const auto column = HudCatalog::instance().column(file, problem.column);
        findings.append(
            refusedFinding(column ? elementOf(column->element) : QString(), problem.column, problem.message));
    }
}

bool isIn(std::optional<int> code, std::initializer_list<int> codes)
{
    return code && std::find(codes.begin(), codes.end(), *code) != codes.end();
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

// --- 3.08 and 4.05-4.10 -------------------------------------------------------------------------

bool disabilityAnsweredYes(const HudValues& row)
{
    const auto type = row.code(QStringLiteral("DisabilityType"));
    const auto response = row.code(QStringLiteral("DisabilityResponse"));
    if (type == hud::DisabilityType::SubstanceUse)
        return isIn(response, {hud::SubstanceUse::Alcohol, hud::SubstanceUse::Drug, hud::SubstanceUse::Both});
    return response == hud::NoYes::Yes;
}

// HUD counts developmental disability and HIV/AIDS as disabling on their own; the others only when
// expected to be long-continuing and to impair independent living.
bool disabilityIsDisabling(const HudValues& row)
{
    if (!disabilityAnsweredYes(row))
        return false;
    const auto type = row.code(QStringLiteral("DisabilityType"));
    return isIn(type, {hud::DisabilityType::Developmental, hud::DisabilityType::HivAids})
        || row.code(QStringLiteral("IndefiniteAndImpairs")) == hud::NoYes::Yes;
}

void checkDisablingCondition(const Enrollment& enrollment, QualityFindings& findings)
{
    const QString element = QStringLiteral("3.08");
    const QString field = QStringLiteral("disablingCondition");
    const int answer = enrollment.disablingCondition;
    if (HudCatalog::instance().label(hud::list::NoYesReasons, answer).isEmpty()) {
        findings.append(
            refusedFinding(element, field, tr("3.08 Disabling condition: %1 is not a HUD response.").arg(answer)));
        return;
    }
    if (auto missing = missingDataWarning(element, field, tr("Disabling condition"), answer)) {
        findings.append(*missing);
        return;
    }
    bool anyYes = false;
    bool anyDisabling = false;
    for (const Assessment& a : enrollment.assessments) {
        if (a.file != u"Disabilities" || a.dataCollectionStage != hud::Stage::Entry)
            continue;
        anyYes = anyYes || disabilityAnsweredYes(a.values);
        anyDisabling = anyDisabling || disabilityIsDisabling(a.values);
    }
    if (answer == hud::NoYes::No && anyDisabling)
        findings.append(warningFinding(element, field,
                                       tr("3.08 Disabling condition is No, but a disability recorded at project "
                                          "start is long-lasting and limits independent living. One of the "
                                          "answers is likely wrong.")));
    else if (answer == hud::NoYes::Yes && !anyYes)
        findings.append(warningFinding(element, field,
                                       tr("3.08 Disabling condition is Yes, but no disability (4.05\u20134.10) is "
                                          "recorded at project start. Record which one.")));
}

// --- 3.917 ---------------------------------------------------------------------------------------

int livingGroup(int code)
{
    return code / 100; // 1 homeless, 2 institutional, 3 temporary, 4 permanent, 0 other answers
}

// HUD 3.917 logic: the "break" threshold is 90 days for institutions (2xx) and 7 nights for
// temporary and permanent housing (3xx, 4xx). LOSUnderThreshold must agree with LengthOfStay.
void checkPriorLivingSituation(const Enrollment& enrollment, QualityFindings& findings)
{
    const QString element = QStringLiteral("3.917");
    const HudValues& v = enrollment.entryValues;
    const auto situation = v.code(QStringLiteral("LivingSituation"));
    if (auto missing = missingDataWarning(element, QStringLiteral("LivingSituation"), tr("Prior living situation"),
                                          situation.value_or(hud::DataNotCollected))) {
        findings.append(*missing);
    }
    if (const auto stay = v.code(QStringLiteral("LengthOfStay"))) {
        if (auto missing = missingDataWarning(element, QStringLiteral("LengthOfStay"), tr("Length of stay"), *stay))
            findings.append(*missing);
    }
    if (!situation)
        return;
    const auto stay = v.code(QStringLiteral("LengthOfStay"));
    const auto under = v.code(QStringLiteral("LOSUnderThreshold"));
    using namespace hud::LengthOfStay;
    const int group = livingGroup(*situation);
    if ((group == 2 || group == 3 || group == 4) && stay && under && *under != hud::DataNotCollected) {
        const bool institutional = group == 2;
        const bool shortStay = institutional
            ? isIn(stay, {OneNightOrLess, TwoToSixNights, OneWeekToOneMonth, OneMonthTo90Days})
            : isIn(stay, {OneNightOrLess, TwoToSixNights});
        const bool longStay = institutional
            ? isIn(stay, {NinetyDaysToOneYear, OneYearOrLonger})
            : isIn(stay, {OneWeekToOneMonth, OneMonthTo90Days, NinetyDaysToOneYear, OneYearOrLonger});
        const QString threshold = institutional ? tr("90 days") : tr("7 nights");
        if (*under == hud::NoYes::Yes && longStay)
            findings.append(warningFinding(element, QStringLiteral("LOSUnderThreshold"),
                                           tr("3.917 Prior living situation: the length of stay is %1 or more, but "
                                              "\u201cstayed less than %1\u201d is Yes. One of them is wrong.")
                                               .arg(threshold)));
        else if (*under == hud::NoYes::No && shortStay)
            findings.append(warningFinding(element, QStringLiteral("LOSUnderThreshold"),
                                           tr("3.917 Prior living situation: the length of stay is under %1, but "
                                              "\u201cstayed less than %1\u201d is No. One of them is wrong.")
                                               .arg(threshold)));
    }
    const bool subsidy = v.has(QStringLiteral("RentalSubsidyType"));
    if (*situation == hud::LivingSituation::RentalWithSubsidy && !subsidy)
        findings.append(warningFinding(element, QStringLiteral("RentalSubsidyType"),
                                       tr("3.917 Prior living situation: choose the kind of rental subsidy.")));
    else if (*situation != hud::LivingSituation::RentalWithSubsidy && subsidy)
        findings.append(warningFinding(element, QStringLiteral("RentalSubsidyType"),
                                       tr("3.917 Prior living situation: a rental subsidy type is only asked for a "
                                          "rental with an ongoing subsidy; it will not be reported.")));
    if (const auto started = v.date(QStringLiteral("DateToStreetESSH"))) {
        if (enrollment.entryDate.isValid() && *started > enrollment.entryDate)
            findings.append(refusedFinding(element, QStringLiteral("DateToStreetESSH"),
                                           tr("3.917 The date this episode of homelessness started cannot be after "
                                              "the project start date.")));
    }
}

// --- 4.02-4.04 and assessments --------------------------------------------------------------------

struct SourceGroup
{
    const char* element;
    const char* anyColumn;
    const char* title;
    QStringList sources;
};

const QList<SourceGroup>& sourceGroups()
{
    static const QList<SourceGroup> groups {
        {"4.02",
         "IncomeFromAnySource",
         QT_TRANSLATE_NOOP("DataQuality", "Income from any source"),
         {QStringLiteral("Earned"), QStringLiteral("Unemployment"), QStringLiteral("SSI"), QStringLiteral("SSDI"),
          QStringLiteral("VADisabilityService"), QStringLiteral("VADisabilityNonService"),
          QStringLiteral("PrivateDisability"), QStringLiteral("WorkersComp"), QStringLiteral("TANF"),
          QStringLiteral("GA"), QStringLiteral("SocSecRetirement"), QStringLiteral("Pension"),
          QStringLiteral("ChildSupport"), QStringLiteral("Alimony"), QStringLiteral("OtherIncomeSource")}},
        {"4.03",
         "BenefitsFromAnySource",
         QT_TRANSLATE_NOOP("DataQuality", "Non-cash benefits from any source"),
         {QStringLiteral("SNAP"), QStringLiteral("WIC"), QStringLiteral("TANFChildCare"),
          QStringLiteral("TANFTransportation"), QStringLiteral("OtherTANF"), QStringLiteral("OtherBenefitsSource")}},
        {"4.04",
         "InsuranceFromAnySource",
         QT_TRANSLATE_NOOP("DataQuality", "Health insurance from any source"),
         {QStringLiteral("Medicaid"), QStringLiteral("Medicare"), QStringLiteral("SCHIP"),
          QStringLiteral("VHAServices"), QStringLiteral("EmployerProvided"), QStringLiteral("COBRA"),
          QStringLiteral("PrivatePay"), QStringLiteral("StateHealthIns"), QStringLiteral("IndianHealthServices"),
          QStringLiteral("OtherInsurance")}},
    };
    return groups;
}

void checkSourceGroups(const HudValues& row, QualityFindings& findings)
{
    for (const SourceGroup& group : sourceGroups()) {
        const QString element = QLatin1String(group.element);
        const QString anyColumn = QLatin1String(group.anyColumn);
        const auto any = row.code(anyColumn);
        if (!any)
            continue;
        if (auto missing = missingDataWarning(element, anyColumn, tr(group.title), *any)) {
            findings.append(*missing);
            continue;
        }
        const bool someYes = std::any_of(group.sources.cbegin(), group.sources.cend(),
                                         [&](const QString& s) { return row.code(s) == hud::NoYes::Yes; });
        if (*any == hud::NoYes::No && someYes)
            findings.append(warningFinding(element, anyColumn,
                                           tr("%1 %2 is No, but a source below is Yes. One of the answers is wrong.")
                                               .arg(element, tr(group.title))));
        else if (*any == hud::NoYes::Yes && !someYes)
            findings.append(warningFinding(element, anyColumn,
                                           tr("%1 %2 is Yes, but no source is marked Yes. Mark each source the client "
                                              "has.")
                                               .arg(element, tr(group.title))));
    }
    // 4.02.18: the total should be the sum of the amounts.
    if (const auto total = row.money(QStringLiteral("TotalMonthlyIncome"))) {
        double sum = 0;
        for (const HudColumn& column : HudCatalog::instance().columns(QStringLiteral("IncomeBenefits"))) {
            if (column.name != u"TotalMonthlyIncome" && column.type == QLatin1String("M+"))
                sum += row.money(column.name).value_or(0);
        }
        if (std::abs(sum - *total) > 0.005)
            findings.append(warningFinding(QStringLiteral("4.02"), QStringLiteral("TotalMonthlyIncome"),
                                           tr("4.02 Total monthly income (%1) is not the sum of the amounts (%2).")
                                               .arg(*total, 0, 'f', 2)
                                               .arg(sum, 0, 'f', 2)));
    }
}

void checkAssessment(const Assessment& a, const Enrollment& enrollment, QDate today, QualityFindings& findings)
{
    appendProblems(a.file, a.values, findings);
    const QString field = QStringLiteral("informationDate");
    if (!a.informationDate.isValid())
        findings.append(refusedFinding(QString(), field, tr("Enter the date this information was collected.")));
    else if (a.informationDate > today)
        findings.append(refusedFinding(QString(), field, tr("The information date cannot be in the future.")));
    else if (enrollment.entryDate.isValid() && a.informationDate < enrollment.entryDate)
        findings.append(
            refusedFinding(QString(), field, tr("The information date cannot be before the project start date.")));
    else if (enrollment.exitDate && a.informationDate > *enrollment.exitDate)
        findings.append(refusedFinding(QString(), field, tr("The information date cannot be after the exit date.")));
    if (a.file == u"IncomeBenefits")
        checkSourceGroups(a.values, findings);
    if (a.file == u"HealthAndDV") {
        if (const auto dv = a.values.code(QStringLiteral("DomesticViolenceSurvivor"))) {
            if (auto missing = missingDataWarning(QStringLiteral("4.11"), QStringLiteral("DomesticViolenceSurvivor"),
                                                  tr("Domestic violence survivor"), *dv))
                findings.append(*missing);
        }
    }
    if (a.file == u"Disabilities") {
        const auto type = a.values.code(QStringLiteral("DisabilityType"));
        const auto response = a.values.code(QStringLiteral("DisabilityResponse"));
        if (type && response && *type >= 5 && *type <= 10) {
            const QString element = QStringLiteral("4.%1").arg(*type, 2, 10, QLatin1Char('0'));
            const QString title = HudCatalog::instance().label(hud::list::DisabilityType, *type);
            if (auto missing = missingDataWarning(element, QStringLiteral("DisabilityResponse"), title, *response))
                findings.append(*missing);
        }
    }
}

// A warning for every program element the project collects at @p stage that has no row yet.
void checkRequiredElements(const Enrollment& enrollment, const Project& project, const ClientProfile& client, int stage,
                           QDate on, QualityFindings& findings)
{
    const bool isAdult = isAdultOrUnknown(client, on);
    for (const ProgramElement& element :
         ProgramElements::instance().required(project, stage, enrollment.isHead(), isAdult)) {
        if (element.file == u"Enrollment" || element.file == u"Exit" || element.file == u"Client")
            continue; // fields of the enrollment, exit and client, checked where they live
        const bool recorded
            = std::any_of(enrollment.assessments.cbegin(), enrollment.assessments.cend(), [&](const Assessment& a) {
                  if (a.file != element.file)
                      return false;
                  // Current living situation rows are contacts, not stages.
                  if (a.file != u"CurrentLivingSituation" && a.dataCollectionStage != stage)
                      return false;
                  for (auto it = element.fixedValues.cbegin(); it != element.fixedValues.cend(); ++it) {
                      if (a.values.code(it.key()) != it.value())
                          return false;
                  }
                  return true;
              });
        if (recorded)
            continue;
        const QString when = stage == hud::Stage::Exit ? tr("at exit") : tr("at project start");
        findings.append(warningFinding(
            element.id, element.fields.value(0).column,
            tr("%1 %2 has not been recorded %3; this project type collects it.").arg(element.id, element.title, when)));
    }
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

    checkDisablingCondition(enrollment, findings);

    appendProblems(QStringLiteral("Enrollment"), enrollment.entryValues, findings);
    const bool adultOrHead = enrollment.isHead() || isAdultOrUnknown(client, entry.isValid() ? entry : today);
    if (adultOrHead)
        checkPriorLivingSituation(enrollment, findings);

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
            checkAssessment(a, enrollment, today, findings);
    }
    checkRequiredElements(enrollment, project, client, hud::Stage::Entry, entry.isValid() ? entry : today, findings);
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
            checkAssessment(a, enrollment, today, findings);
    }
    checkRequiredElements(enrollment, project, client, hud::Stage::Exit, exit, findings);
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
