#pragma once

#include "core/common/Result.h"
#include "core/consent/Consent.h"
#include "core/consent/ConsentNotices.h"
#include "core/consent/ConsentPolicy.h"
#include "core/consent/ConsentRules.h"
#include "core/intake/ClientProfile.h"

#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

namespace hearth {

class Vault;

/// @brief A release that expires soon or has expired (the "expiring this month" list).
struct ExpiringRelease
{
    QString clientUuid;
    QString clientName; ///< as this user may see it
    QString caseNumber;
    ReleaseOfInformation release;
};

/// @brief Releases of Information: recording, revoking, renewing, and where each client's consent stands.
///
/// Every write runs in one transaction with its change-log row and audit entry. A move from sharing
/// to No Sharing, or a revocation, queues a RestrictionRequest in the same transaction.
class ConsentRecords
{
public:
    explicit ConsentRecords(Vault& vault)
        : m_vault(vault)
    {
    }

    /// Creates the client and their first HMIS release together: consent comes before any data is kept.
    Result<ClientProfile> createClient(ClientProfile profile, ReleaseOfInformation release,
                                       const ConsentAttachments& attachments = {},
                                       std::optional<int> approximateAge = std::nullopt);
    /// Records a new release for an existing client (a change of choice, a renewal, or a CES release).
    /// Fills uuid, collectedBy, enteringAgency and recordedAt. Refused with ConsentRules' sentences.
    Result<ReleaseOfInformation> record(ReleaseOfInformation release, const ConsentAttachments& attachments = {});
    /// Revokes the client's HMIS release from now on (and queues the restriction request).
    Status revoke(const QString& clientUuid, const QString& note);

    /// Every release of the client, newest first (attachments not loaded).
    Result<std::vector<ReleaseOfInformation>> history(const QString& clientUuid) const;
    Result<ConsentStatus> status(const QString& clientUuid) const;
    /// Status of many clients at once (search results, lists, badges); clients without releases are absent.
    Result<QHash<QString, ConsentStatus>> statuses(const QStringList& clientUuids) const;
    /// The signature and scanned form of one release; viewing them is audited.
    Result<ConsentAttachments> attachments(const QString& releaseUuid);

    /// HMIS releases in force that expire between @p from and @p to, and those already expired and not
    /// renewed when @p includeExpired; soonest first.
    Result<std::vector<ExpiringRelease>> expiring(const QDate& from, const QDate& to, bool includeExpired = true) const;

    Result<std::vector<RestrictionRequest>> pendingRestrictions() const;
    /// The sync module calls this once the server has confirmed a restriction.
    Status markRestrictionDelivered(const QString& requestUuid);

    /// No Sharing clients enrolled in @p projectUuid on @p day.
    Result<int> concurrentNoSharing(const QString& projectUuid, const QDate& day) const;
    /// Alerts not yet acknowledged, newest first.
    Result<std::vector<ConcurrentNoSharingAlert>> openAlerts() const;
    /// An administrator has seen the alert (EditAgencySettings).
    Status acknowledgeAlert(const QString& alertUuid);

    ConsentSettings settings() const;
    Status setSettings(const ConsentSettings& settings);

    /// The largest scanned form kept (a phone photo or a few PDF pages fit easily).
    static constexpr qsizetype kMaxScannedFormBytes = 20 * 1024 * 1024;

private:
    /// record()'s checks and filled-in fields (ids, who, when, default expiry), before anything is written.
    Result<ReleaseOfInformation> prepare(ReleaseOfInformation release, const ConsentAttachments& attachments) const;
    /// Inside a write(): the client check, ConsentRules against the standing before, the rows, change log,
    /// audit, and the restriction request and No Sharing alert the new standing calls for.
    Status insert(ReleaseOfInformation& release, const ConsentAttachments& attachments);

    Vault& m_vault;
};

} // namespace hearth
