#pragma once

#include "core/consent/Consent.h"
#include "core/consent/ConsentPolicy.h"

#include <QStringList>

namespace hearth {

/// @brief Agency consent settings (kept in the encrypted store, changed by administrators).
struct ConsentSettings
{
    int expiryMonths = 24; ///< "ROIs expire every two years" (Sonoma Privacy Plan)
    int warningDays = 30; ///< warn this many days before a release expires
    /// Alert when more than this many No Sharing clients are enrolled at once in one shelter (Chicago DFSS).
    int concurrentNoSharingLimit = 2;
    QStringList partnerAgencies; ///< the CoC's HMIS partner agencies, offered for Limited Sharing

    friend bool operator==(const ConsentSettings&, const ConsentSettings&) = default;
};

/// The default expiry of a release signed on @p signedOn.
QDate defaultExpiry(const QDate& signedOn, const ConsentSettings& settings);

/// Why @p release may not be recorded for a client whose consent is @p before, as plain sentences
/// the screens show as they are; empty when it may. Checks: a signed date not in the future, an expiry
/// after it, who collected it, at least one category and one agency for Limited Sharing, and an
/// explicit past-records choice for a later consent after No Sharing or a revocation.
QStringList releaseProblems(const ReleaseOfInformation& release, const ConsentStatus& before, const QDate& today);

/// True when a release after @p before must say whether past records are included.
bool needsPastRecordsChoice(const ConsentStatus& before);

} // namespace hearth
