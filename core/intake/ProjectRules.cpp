#include "core/intake/ProjectRules.h"

#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hearth::projects {

namespace {

struct ProjectRulesText
{
    Q_DECLARE_TR_FUNCTIONS(ProjectRules)
};

} // namespace

QualityFindings validate(const Project& project)
{
    QualityFindings findings;
    const HudCatalog& catalog = HudCatalog::instance();
    if (project.name.trimmed().isEmpty())
        findings.append(refusedFinding(QStringLiteral("2.02.2"), QStringLiteral("name"),
                                       ProjectRulesText::tr("Enter the project's name.")));
    else if (project.name.size() > 200)
        findings.append(refusedFinding(QStringLiteral("2.02.2"), QStringLiteral("name"),
                                       ProjectRulesText::tr("The project name can have at most 200 characters.")));
    if (catalog.label(hud::list::ProjectType, project.projectType).isEmpty())
        findings.append(refusedFinding(QStringLiteral("2.02.6"), QStringLiteral("projectType"),
                                       ProjectRulesText::tr("Choose the project's HUD project type.")));
    static const QRegularExpression cocPattern(QStringLiteral("^[A-Z]{2}-[0-9]{3}$"));
    if (!cocPattern.match(project.cocCode).hasMatch())
        findings.append(
            refusedFinding(QStringLiteral("2.03.1"), QStringLiteral("cocCode"),
                           ProjectRulesText::tr("The CoC code is two capital letters, a dash and three digits, like "
                                                "CA-504.")));
    for (const int funder : project.fundingSources) {
        if (catalog.label(hud::list::FundingSource, funder).isEmpty())
            findings.append(
                refusedFinding(QStringLiteral("2.06.1"), QStringLiteral("fundingSources"),
                               ProjectRulesText::tr("Funding source %1 is not a HUD funding source.").arg(funder)));
        else if (funder == hud::FundingSource::EsgCv || funder == hud::FundingSource::HopwaCv)
            findings.append(warningFinding(
                QStringLiteral("2.06.1"), QStringLiteral("fundingSources"),
                ProjectRulesText::tr("\u201c%1\u201d was retired for new data in FY2026; use it only for "
                                     "past grants.")
                    .arg(catalog.label(hud::list::FundingSource, funder))));
    }
    if (!project.operatingStart.isValid())
        findings.append(refusedFinding(QStringLiteral("2.02.3"), QStringLiteral("operatingStart"),
                                       ProjectRulesText::tr("Enter the date the project started operating.")));
    else if (project.operatingEnd && *project.operatingEnd < project.operatingStart)
        findings.append(
            refusedFinding(QStringLiteral("2.02.4"), QStringLiteral("operatingEnd"),
                           ProjectRulesText::tr("The operating end date cannot be before the start date.")));
    if (isNightByNight(project.projectType) && !project.tracksBedNights)
        findings.append(
            refusedFinding(QStringLiteral("2.02.6"), QStringLiteral("tracksBedNights"),
                           ProjectRulesText::tr("A night-by-night shelter records every stay as a bed night; turn on "
                                                "bed-night tracking.")));
    return findings;
}

bool isPermanentHousing(int projectType)
{
    using namespace hud::ProjectType;
    return projectType == PermanentSupportiveHousing || projectType == PhHousingOnly
        || projectType == PhHousingWithServices || projectType == RapidReHousing;
}

bool isNightByNight(int projectType)
{
    return projectType == hud::ProjectType::EmergencyShelterNightByNight;
}

bool isResidential(int projectType)
{
    using namespace hud::ProjectType;
    return projectType == EmergencyShelterEntryExit || projectType == EmergencyShelterNightByNight
        || projectType == TransitionalHousing || projectType == SafeHaven || isPermanentHousing(projectType);
}

bool isOperatingOn(const Project& project, QDate date)
{
    if (project.operatingStart.isValid() && date < project.operatingStart)
        return false;
    return !project.operatingEnd || date <= *project.operatingEnd;
}

} // namespace hearth::projects
