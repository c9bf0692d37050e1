#include "core/consent/ConsentPolicy.h"

#include <algorithm>

namespace hearth {

namespace {

using Standing = ConsentStatus::Standing;

bool recordedBefore(const ReleaseOfInformation& a, const ReleaseOfInformation& b)
{
    if (a.recordedAt != b.recordedAt)
        return a.recordedAt < b.recordedAt;
    return a.signedOn < b.signedOn;
}

bool isOptOut(const ReleaseOfInformation& release)
{
    return !release.shares() || release.isRevoked();
}

/// The first day of a sharing run that did not take in what was kept during the opt-out before it.
std::optional<QDate> shareFrom(const std::vector<ReleaseOfInformation>& hmis)
{
    // hmis is oldest first; the last one is current and shares (Active or Expired).
    const auto newestFirst = hmis.rbegin() + 1;
    const auto optOut = std::find_if(newestFirst, hmis.rend(), isOptOut);
    if (optOut == hmis.rend())
        return std::nullopt;
    // The release right after the opt-out opened the run; renewals within the run keep its answer.
    const ReleaseOfInformation& first = *std::prev(optOut);
    if (first.includePastRecords.value_or(false))
        return std::nullopt;
    return first.signedOn;
}

std::optional<ReleaseOfInformation> coordinatedEntryInForce(std::vector<ReleaseOfInformation> ces, const QDate& today)
{
    std::sort(ces.begin(), ces.end(), recordedBefore);
    for (auto it = ces.rbegin(); it != ces.rend(); ++it)
        if (!it->isRevoked() && !it->isExpiredOn(today) && it->shares())
            return *it;
    return std::nullopt;
}

} // namespace

bool ConsentStatus::expiresWithin(const QDate& today, int days) const
{
    return standing == Standing::Active && expiresOn && expiresOn->isValid() && today.daysTo(*expiresOn) <= days;
}

ConsentStatus consentStatus(const std::vector<ReleaseOfInformation>& history, const QDate& today)
{
    std::vector<ReleaseOfInformation> hmis;
    std::vector<ReleaseOfInformation> ces;
    for (const ReleaseOfInformation& release : history)
        (release.kind == ReleaseKind::Hmis ? hmis : ces).push_back(release);
    std::stable_sort(hmis.begin(), hmis.end(), recordedBefore);

    ConsentStatus status;
    status.coordinatedEntry = coordinatedEntryInForce(std::move(ces), today);
    if (hmis.empty())
        return status;

    const ReleaseOfInformation& current = hmis.back();
    status.current = current;
    if (current.isRevoked())
        status.standing = Standing::Revoked;
    else if (!current.shares())
        status.standing = Standing::NoSharing;
    else
        status.standing = current.isExpiredOn(today) ? Standing::Expired : Standing::Active;

    if (status.shares()) {
        status.expiresOn = current.expiresOn;
        status.shareFrom = shareFrom(hmis);
    } else {
        // Something may already be on the server only if some release ever shared.
        status.restrictionNeeded
            = std::any_of(hmis.begin(), hmis.end(), [](const ReleaseOfInformation& r) { return r.shares(); });
    }
    return status;
}

} // namespace hearth
