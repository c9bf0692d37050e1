// The rule families of an enrollment's assessment rows: 3.08 with 4.05-4.10, 3.917, the 4.02-4.04
// sources, each row's information date and the program elements a project collects.

#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/intake/DataQuality.h"
#include "core/intake/DataQualityRules.h"
#include "core/intake/MissingData.h"
#include "core/intake/ProgramElements.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace hearth::quality::rules {

namespace {

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

// --- 3.917 ---------------------------------------------------------------------------------------

int livingGroup(int code)
{
    return code / 100; // 1 homeless, 2 institutional, 3 temporary, 4 permanent, 0 other answers
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

} // namespace

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

} // namespace hearth::quality::rules
