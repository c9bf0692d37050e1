#include "consent/ConsentPolicy.h"

#include "consent/DisclosureFields.h"

#include <QCoreApplication>

namespace hearth {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ConsentPolicy", text);
}

} // namespace

ConsentPolicy::ConsentPolicy(QString ourAgency)
    : m_ourAgency(std::move(ourAgency))
{
}

Disclosure ConsentPolicy::decide(const ConsentStatus& status, const OutgoingRecord& record,
                                 const Audience& audience) const
{
    // Temporary: only the agency's own reports see anything until the full rules land.
    Q_UNUSED(status)
    if (audience.kind == Audience::Kind::AgencyInternal)
        return {Disclosure::Form::Whole, Disclosure::Reason::None, record.fields, {}};
    return {Disclosure::Form::Withheld, Disclosure::Reason::NoConsentRecorded, {}, {}};
}

QStringList ConsentPolicy::explain(const ConsentStatus& status, const QDate& today) const
{
    Q_UNUSED(status)
    Q_UNUSED(today)
    return {};
}

QString shareCategoryName(ShareCategory category)
{
    switch (category) {
    case ShareCategory::IdentifyingProfile:
        return tr("Identifying profile");
    case ShareCategory::EnrollmentsAndServices:
        return tr("Enrollments and services");
    case ShareCategory::HealthAndDisability:
        return tr("Health and disability");
    case ShareCategory::DomesticViolence:
        return tr("Domestic violence");
    }
    return {};
}

QString sharingChoiceName(SharingChoice choice)
{
    switch (choice) {
    case SharingChoice::FullSharing:
        return tr("Full Sharing");
    case SharingChoice::LimitedSharing:
        return tr("Limited Sharing");
    case SharingChoice::Anonymous:
        return tr("Anonymous");
    case SharingChoice::NoSharing:
        return tr("No Sharing");
    }
    return {};
}

} // namespace hearth
