#pragma once

#include "core/common/Result.h"
#include "core/consent/Consent.h"
#include "core/consent/ConsentNotices.h"
#include "core/consent/ConsentRules.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief The client and dates a client-data row belongs to, read even after the row was deleted
/// (what the consent gate needs to judge a change it only has the id of).
struct RecordOwner
{
    QString clientUuid;
    std::optional<QDate> occurredOn; ///< entry date of an enrollment, date of a service
    std::optional<QDate> parentOccurredOn; ///< a service's enrollment entry date
};

/// @brief Releases of information, their attachments, restriction requests and concurrent No Sharing
/// alerts. Callers wrap writes in a transaction with their change-log and audit entries.
class ConsentRepository
{
public:
    explicit ConsentRepository(Store& store)
        : m_store(store)
    {
    }

    Status insert(const ReleaseOfInformation& release);
    /// Rewrites a stored release (revocation is the only change a release gets).
    Status update(const ReleaseOfInformation& release);
    Result<std::optional<ReleaseOfInformation>> find(const QString& uuid) const;
    /// Every release of one client, newest recorded first.
    Result<std::vector<ReleaseOfInformation>> forClient(const QString& clientUuid) const;
    /// The releases of many clients, each newest recorded first; clients without releases are absent.
    Result<QHash<QString, std::vector<ReleaseOfInformation>>> forClients(const QStringList& clientUuids) const;
    /// Clients with an HMIS release that expires on or before @p day (candidates for the expiry list).
    Result<QStringList> clientsWithHmisExpiringBy(const QDate& day) const;

    /// Stores the signature and scanned form of a release (nothing is stored when both are empty).
    Status saveAttachments(const QString& releaseUuid, const ConsentAttachments& attachments);
    /// Empty attachments when the release has none.
    Result<ConsentAttachments> attachments(const QString& releaseUuid) const;

    Status insertRestriction(const RestrictionRequest& request);
    /// Requests not yet delivered, oldest first.
    Result<std::vector<RestrictionRequest>> pendingRestrictions() const;
    Status markRestrictionDelivered(const QString& uuid, const QDateTime& at);

    Status insertAlert(const ConcurrentNoSharingAlert& alert);
    /// Alerts nobody has acknowledged, newest first, with their project's name.
    Result<std::vector<ConcurrentNoSharingAlert>> openAlerts() const;
    Result<bool> hasOpenAlert(const QString& projectUuid) const;
    Status acknowledgeAlert(const QString& uuid, const QDateTime& at, const QString& by);

    /// The agency's consent settings (the defaults until an administrator changes them).
    Result<ConsentSettings> settings() const;
    Status setSettings(const ConsentSettings& settings, const QDateTime& at, const QString& by);

    /// Whose row @p uuid of @p entity ("client", "enrollment", "service", "consent") is, deleted rows
    /// included; empty when there is no such row.
    Result<std::optional<RecordOwner>> ownerOf(const QString& entity, const QString& uuid) const;

    // Pulls (SyncInbox): releases the server drops, with their attachments; these delete the rows.
    Status removeWithAttachments(const QString& releaseUuid);
    /// The client's releases that came from the server (no change-log row here), with their attachments.
    Status removePulledOfClient(const QString& clientUuid);

private:
    Store& m_store;
};

} // namespace hearth
