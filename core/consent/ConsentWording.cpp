#include "core/consent/ConsentWording.h"

#include "core/common/DisplayDates.h"
#include "core/common/MessageDate.h"
#include "core/consent/ConsentRules.h"

#include <QCoreApplication>

namespace hearth {

namespace {

using Reason = Disclosure::Reason;
using Standing = ConsentStatus::Standing;

struct ConsentWordingText
{
    Q_DECLARE_TR_FUNCTIONS(ConsentPolicy)
};

/// "Health and disability" as it reads inside a sentence.
QString inSentence(ShareCategory category)
{
    QString name = shareCategoryName(category);
    if (!name.isEmpty())
        name[0] = name[0].toLower();
    return name;
}

QString categoriesIn(ShareCategories categories, bool wanted)
{
    QStringList names;
    for (const ShareCategory category : {ShareCategory::IdentifyingProfile, ShareCategory::EnrollmentsAndServices,
                                         ShareCategory::HealthAndDisability, ShareCategory::DomesticViolence})
        if (categories.testFlag(category) == wanted)
            names.append(inSentence(category));
    // Commas only: the category names have "and" in them.
    return names.join(u", "_qs);
}

/// What the release shares, without its dates.
QString choiceLine(const ReleaseOfInformation& release, const QString& until)
{
    switch (release.choice) {
    case SharingChoice::FullSharing:
        return ConsentWordingText::tr("Full Sharing with all HMIS partner agencies%1.").arg(until);
    case SharingChoice::Anonymous:
        return ConsentWordingText::tr(
                   "Anonymous: only information that does not identify the client is shared with the HMIS%1.")
            .arg(until);
    case SharingChoice::LimitedSharing: {
        QString line = ConsentWordingText::tr("Limited Sharing with %1%2: %3.")
                           .arg(release.partnerAgencies.join(u", "_qs), until, categoriesIn(release.categories, true));
        if ((release.categories & allShareCategories()) != allShareCategories())
            line += u' ' + ConsentWordingText::tr("Not shared: %1.").arg(categoriesIn(release.categories, false));
        return line;
    }
    case SharingChoice::NoSharing:
        break;
    }
    return {};
}

QString renewalReminder(qint64 days)
{
    if (days == 0)
        return ConsentWordingText::tr("Expires today: ask the client to renew it.");
    if (days == 1)
        return ConsentWordingText::tr("Expires tomorrow: ask the client to renew it.");
    return ConsentWordingText::tr("Expires in %1 days: ask the client to renew it.").arg(days);
}

QString enteringAgencyOf(const ConsentStatus& status, const QString& fallback)
{
    return status.current && !status.current->enteringAgency.trimmed().isEmpty() ? status.current->enteringAgency
                                                                                 : fallback;
}

} // namespace

namespace consent_wording {

QString disclosureExplanation(Reason reason, const Disclosure::Form form, const ConsentStatus& status,
                              const OutgoingRecord& record, const Audience& audience, const QString& enteringAgency)
{
    switch (reason) {
    case Reason::None:
        if (audience.kind == Audience::Kind::AgencyInternal)
            return ConsentWordingText::tr("The agency's own reports keep every record.");
        return ConsentWordingText::tr("Shared as the client's release allows.");
    case Reason::NoSharing:
        return ConsentWordingText::tr("The client chose No Sharing: nothing about them leaves this workstation.");
    case Reason::Revoked:
        return ConsentWordingText::tr("The client revoked their release: nothing about them leaves this workstation.");
    case Reason::NoConsentRecorded:
        return ConsentWordingText::tr(
            "No release of information is recorded for this client: nothing about them leaves this "
            "workstation.");
    case Reason::Expired:
        return ConsentWordingText::tr(
                   "Written after the client's release expired on %1: it stays here until the release is renewed.")
            .arg(messageDate(status.expiresOn.value_or(QDate())));
    case Reason::BeforeConsent:
        return ConsentWordingText::tr(
                   "Dated before %1, when the client agreed to share again without their earlier records: it "
                   "stays on this workstation.")
            .arg(messageDate(status.shareFrom.value_or(QDate())));
    case Reason::CategoryNotConsented:
        if (form == Disclosure::Form::Withheld)
            return ConsentWordingText::tr("The client did not agree to share this kind of information.");
        return ConsentWordingText::tr(
            "Only the kinds of information the client agreed to share leave this workstation.");
    case Reason::AgencyNotConsented:
        return ConsentWordingText::tr("The client did not agree to share with %1.").arg(audience.agency);
    case Reason::LocalOnly:
        return ConsentWordingText::tr("Signatures and scanned forms are kept on this workstation only.");
    case Reason::Restricted:
        return ConsentWordingText::tr("Restricted client: the name is visible only to %1.").arg(enteringAgency);
    case Reason::AnonymousClient:
        if (record.kind == OutgoingRecord::Kind::Note)
            return ConsentWordingText::tr("Anonymous client: case notes stay on this workstation.");
        return ConsentWordingText::tr("Anonymous client: only what does not identify them leaves this workstation.");
    case Reason::HeldBack:
        return ConsentWordingText::tr(
            "Kept on this workstation after the server removed it; an administrator decides.");
    }
    return {};
}

} // namespace consent_wording

QStringList ConsentPolicy::explain(const ConsentStatus& status, const QDate& today) const
{
    QStringList lines;
    switch (status.standing) {
    case Standing::NoneRecorded:
        lines.append(ConsentWordingText::tr(
            "No release of information recorded: nothing about this client leaves this workstation."));
        break;
    case Standing::NoSharing:
        lines.append(ConsentWordingText::tr(
            "No Sharing: nothing about this client leaves this workstation. Their record is kept here, "
            "encrypted, for the agency's own reports."));
        break;
    case Standing::Revoked:
        lines.append(ConsentWordingText::tr(
                         "Revoked on %1: nothing about this client leaves this workstation any more. Their record is "
                         "kept here, encrypted, for the agency's own reports.")
                         .arg(displayDate(status.current->revokedAt->date())));
        break;
    case Standing::Active:
        lines.append(choiceLine(*status.current,
                                ConsentWordingText::tr(" until %1").arg(displayDate(status.current->expiresOn))));
        if (status.expiresWithin(today, ConsentSettings().warningDays))
            lines.append(renewalReminder(today.daysTo(status.current->expiresOn)));
        break;
    case Standing::Expired:
        lines.append(choiceLine(*status.current, {}));
        lines.append(ConsentWordingText::tr("Expired on %1: new information stays here until the release is renewed.")
                         .arg(displayDate(status.current->expiresOn)));
        break;
    }
    if (status.restrictionNeeded)
        lines.append(
            ConsentWordingText::tr("The HMIS will be asked to restrict what it already holds about this client."));
    if (status.shareFrom)
        lines.append(ConsentWordingText::tr("Records from before %1 stay on this workstation.")
                         .arg(displayDate(*status.shareFrom)));
    if (status.shares() && status.current->restricted)
        lines.append(ConsentWordingText::tr("Restricted: the name is visible only to %1.")
                         .arg(enteringAgencyOf(status, m_ourAgency)));
    if (status.coordinatedEntry)
        lines.append(
            ConsentWordingText::tr("Coordinated Entry release: signed %1, until %2.")
                .arg(displayDate(status.coordinatedEntry->signedOn), displayDate(status.coordinatedEntry->expiresOn)));
    return lines;
}

} // namespace hearth
