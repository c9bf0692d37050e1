#include "core/consent/ConsentPolicy.h"

#include "core/consent/ConsentWording.h"
#include "core/consent/DisclosureFields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace hearth {

namespace {

using Form = Disclosure::Form;
using Reason = Disclosure::Reason;
using Kind = OutgoingRecord::Kind;
namespace fields = disclosure_fields;

struct ConsentPolicyText
{
    Q_DECLARE_TR_FUNCTIONS(ConsentPolicy)
};

bool sameAgency(const QString& a, const QString& b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool namedAgency(const QStringList& agencies, const QString& agency)
{
    for (const QString& named : agencies)
        if (sameAgency(named, agency))
            return true;
    return false;
}

bool before(const std::optional<QDate>& day, const QDate& limit)
{
    return day && day->isValid() && *day < limit;
}

Disclosure withheld(Reason reason)
{
    return {Form::Withheld, reason, {}, {}};
}

Disclosure whole(const QJsonObject& json)
{
    return {Form::Whole, Reason::None, json, {}};
}

/// The categories a release lets leave: Full all of them, Anonymous all but who the person is.
ShareCategories sharedCategories(const ReleaseOfInformation& release)
{
    switch (release.choice) {
    case SharingChoice::FullSharing:
        return allShareCategories();
    case SharingChoice::Anonymous:
        return allShareCategories() & ~ShareCategories(ShareCategory::IdentifyingProfile);
    case SharingChoice::LimitedSharing:
        return release.categories;
    case SharingChoice::NoSharing:
        break;
    }
    return {};
}

/// The consent reference the central server requires with every record it receives.
QJsonObject consentReference(const ReleaseOfInformation& release, const QString& enteringAgency)
{
    const bool limited = release.choice == SharingChoice::LimitedSharing;
    return {{u"ReleaseID"_qs, release.uuid},
            {u"Choice"_qs, static_cast<int>(release.choice)},
            {u"Categories"_qs, static_cast<int>(sharedCategories(release).toInt())},
            {u"SharedWith"_qs, QJsonArray::fromStringList(limited ? release.partnerAgencies : QStringList())},
            {u"Restricted"_qs, release.restricted},
            {u"EnteringAgency"_qs, enteringAgency},
            {u"ExpiresOn"_qs, release.expiresOn.toString(Qt::ISODate)}};
}

/// Everything of a record but what the person wrote or what identifies them.
Disclosure deidentified(const OutgoingRecord& record, Reason reason)
{
    if (record.kind == Kind::ClientProfile)
        return {Form::Deidentified, reason, fields::deidentifiedProfile(record.fields), {}};
    QJsonObject json = record.fields;
    fields::removeKeys(json, fields::identifyingColumns());
    fields::removeKeys(json, fields::freeTextColumns());
    return {Form::Deidentified, reason, json, {}};
}

/// An enrollment or service with only the categories @p shared allows.
Disclosure consentedParts(const OutgoingRecord& record, ShareCategories shared)
{
    QJsonObject json = record.fields;
    bool removed = false;
    if (!shared.testFlag(ShareCategory::HealthAndDisability)) {
        removed |= fields::removeAssessments(json, u"Disabilities"_qs);
        removed |= fields::removeKeys(json, fields::healthColumns());
    }
    if (!shared.testFlag(ShareCategory::DomesticViolence))
        removed |= fields::removeKeys(json, fields::domesticViolenceColumns());
    if (!shared.testFlag(ShareCategory::IdentifyingProfile)) {
        removed |= fields::removeKeys(json, fields::identifyingColumns());
        removed |= fields::removeKeys(json, fields::freeTextColumns());
    }
    if (!removed)
        return whole(json);
    return {Form::Partial, Reason::CategoryNotConsented, json, {}};
}

/// A restricted client's name goes only to the entering agency.
Disclosure withoutRestrictedName(Disclosure disclosure, const ReleaseOfInformation& release, const Audience& audience,
                                 const QString& entering)
{
    if (!release.restricted || audience.kind != Audience::Kind::PartnerAgency || sameAgency(audience.agency, entering))
        return disclosure;
    if (fields::removeKeys(disclosure.fields, fields::nameFields())) {
        disclosure.form = Form::Partial;
        disclosure.reason = Reason::Restricted;
    }
    return disclosure;
}

Disclosure decideAnonymous(const OutgoingRecord& record)
{
    // A case note is nothing but free text: it cannot be de-identified.
    if (record.kind == Kind::Note)
        return withheld(Reason::AnonymousClient);
    return deidentified(record, Reason::AnonymousClient);
}

Disclosure decideLimited(const ReleaseOfInformation& release, const OutgoingRecord& record, const Audience& audience,
                         const QString& entering)
{
    if (audience.kind == Audience::Kind::PartnerAgency && !namedAgency(release.partnerAgencies, audience.agency)
        && !sameAgency(audience.agency, entering))
        return withheld(Reason::AgencyNotConsented);
    const ShareCategories shared = release.categories;
    switch (record.kind) {
    case Kind::ClientProfile:
        // Only the entering agency and the agencies named above reach here: the Sonoma glossary lets
        // the agencies a client grants access see a restricted client's name.
        if (shared.testFlag(ShareCategory::IdentifyingProfile))
            return whole(record.fields);
        return deidentified(record, Reason::CategoryNotConsented);
    case Kind::Release:
        return whole(record.fields);
    case Kind::Note:
        // Notes belong to enrollments and services and are free text that may name the person.
        if (!shared.testFlag(ShareCategory::EnrollmentsAndServices)
            || !shared.testFlag(ShareCategory::IdentifyingProfile))
            return withheld(Reason::CategoryNotConsented);
        return whole(record.fields);
    case Kind::Enrollment:
    case Kind::Service:
        if (!shared.testFlag(ShareCategory::EnrollmentsAndServices))
            return withheld(Reason::CategoryNotConsented);
        return consentedParts(record, shared);
    case Kind::Signature:
    case Kind::ScannedForm:
        break;
    }
    return withheld(Reason::LocalOnly);
}

Disclosure decideShared(const ReleaseOfInformation& release, const OutgoingRecord& record, const Audience& audience,
                        const QString& entering)
{
    switch (release.choice) {
    case SharingChoice::FullSharing:
        return withoutRestrictedName(whole(record.fields), release, audience, entering);
    case SharingChoice::Anonymous:
        return decideAnonymous(record);
    case SharingChoice::LimitedSharing:
        return decideLimited(release, record, audience, entering);
    case SharingChoice::NoSharing:
        break;
    }
    return withheld(Reason::NoSharing);
}

} // namespace

ConsentPolicy::ConsentPolicy(QString ourAgency)
    : m_ourAgency(std::move(ourAgency))
{
}

Disclosure ConsentPolicy::decide(const ConsentStatus& status, const OutgoingRecord& record,
                                 const Audience& audience) const
{
    const QString entering = status.current && !status.current->enteringAgency.trimmed().isEmpty()
        ? status.current->enteringAgency
        : m_ourAgency;
    Disclosure disclosure = [&] {
        if (record.kind == Kind::Signature || record.kind == Kind::ScannedForm)
            return audience.kind == Audience::Kind::AgencyInternal ? whole(record.fields) : withheld(Reason::LocalOnly);
        // The agency's own internal reports keep everything, No Sharing clients included.
        if (audience.kind == Audience::Kind::AgencyInternal)
            return whole(record.fields);
        switch (status.standing) {
        case ConsentStatus::Standing::NoneRecorded:
            return withheld(Reason::NoConsentRecorded);
        case ConsentStatus::Standing::NoSharing:
            return withheld(Reason::NoSharing);
        case ConsentStatus::Standing::Revoked:
            return withheld(Reason::Revoked);
        case ConsentStatus::Standing::Active:
        case ConsentStatus::Standing::Expired:
            break;
        }
        if (!status.current)
            return withheld(Reason::NoConsentRecorded);
        const ReleaseOfInformation& release = *status.current;
        // An expired release still covers what was written while it was in force.
        if (status.standing == ConsentStatus::Standing::Expired
            && (!record.changedAt.isValid() || record.changedAt.date() > release.expiresOn))
            return withheld(Reason::Expired);
        if (status.shareFrom
            && (before(record.occurredOn, *status.shareFrom) || before(record.parentOccurredOn, *status.shareFrom)))
            return withheld(Reason::BeforeConsent);
        return decideShared(release, record, audience, entering);
    }();
    disclosure.explanation = consent_wording::disclosureExplanation(disclosure.reason, disclosure.form, status, record,
                                                                    audience, entering);
    if (disclosure.allowed() && audience.kind == Audience::Kind::CentralServer && status.current)
        disclosure.fields.insert(u"Consent"_qs, consentReference(*status.current, entering));
    return disclosure;
}

QString shareCategoryName(ShareCategory category)
{
    switch (category) {
    case ShareCategory::IdentifyingProfile:
        return ConsentPolicyText::tr("Identifying profile");
    case ShareCategory::EnrollmentsAndServices:
        return ConsentPolicyText::tr("Enrollments and services");
    case ShareCategory::HealthAndDisability:
        return ConsentPolicyText::tr("Health and disability");
    case ShareCategory::DomesticViolence:
        return ConsentPolicyText::tr("Domestic violence");
    }
    return {};
}

QString sharingChoiceName(SharingChoice choice)
{
    switch (choice) {
    case SharingChoice::FullSharing:
        return ConsentPolicyText::tr("Full Sharing");
    case SharingChoice::LimitedSharing:
        return ConsentPolicyText::tr("Limited Sharing");
    case SharingChoice::Anonymous:
        return ConsentPolicyText::tr("Anonymous");
    case SharingChoice::NoSharing:
        return ConsentPolicyText::tr("No Sharing");
    }
    return {};
}

} // namespace hearth
