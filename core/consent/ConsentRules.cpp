#include "core/consent/ConsentRules.h"

#include <QCoreApplication>

namespace hearth {

namespace {

struct ConsentRulesText
{
    Q_DECLARE_TR_FUNCTIONS(ConsentRules)
};

bool namesAnAgency(const QStringList& agencies)
{
    for (const QString& agency : agencies)
        if (!agency.trimmed().isEmpty())
            return true;
    return false;
}

} // namespace

QDate defaultExpiry(const QDate& signedOn, const ConsentSettings& settings)
{
    // QDate::addMonths keeps the day where it can and clamps it otherwise (29 Feb -> 28 Feb).
    return signedOn.isValid() ? signedOn.addMonths(settings.expiryMonths) : QDate();
}

bool needsPastRecordsChoice(const ConsentStatus& before)
{
    // Whatever was kept while the client was not sharing was kept on that promise: sharing it
    // afterwards needs the client's word, whether or not anything had been shared before.
    return before.standing == ConsentStatus::Standing::NoSharing || before.standing == ConsentStatus::Standing::Revoked;
}

QStringList releaseProblems(const ReleaseOfInformation& release, const ConsentStatus& before, const QDate& today)
{
    QStringList problems;
    if (!release.signedOn.isValid())
        problems.append(ConsentRulesText::tr("Enter the date the client signed the release."));
    else if (release.signedOn > today)
        problems.append(ConsentRulesText::tr("The release cannot be signed on a day still to come."));
    if (!release.expiresOn.isValid())
        problems.append(ConsentRulesText::tr("Enter the date the release expires."));
    else if (release.signedOn.isValid() && release.expiresOn <= release.signedOn)
        problems.append(ConsentRulesText::tr("The release must expire after the day it was signed."));
    if (release.collectedBy.trimmed().isEmpty())
        problems.append(ConsentRulesText::tr("Record which staff member collected the release."));
    if (release.kind == ReleaseKind::CoordinatedEntry)
        return problems;

    if (release.choice == SharingChoice::LimitedSharing) {
        if (!release.categories)
            problems.append(
                ConsentRulesText::tr("Choose at least one kind of information the client agrees to share."));
        if (!namesAnAgency(release.partnerAgencies))
            problems.append(
                ConsentRulesText::tr("Choose at least one partner agency the client agrees to share with."));
    }
    if (release.shares() && !release.includePastRecords.has_value() && needsPastRecordsChoice(before))
        problems.append(ConsentRulesText::tr(
            "Choose whether the records kept while the client was not sharing may be shared too."));
    return problems;
}

} // namespace hearth
