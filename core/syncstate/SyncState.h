#pragma once

#include "core/common/Result.h"
#include "core/types/ChangeRecord.h"
#include "core/types/SyncTypes.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

namespace hearth {

class Vault;

/// @brief The offline lease: how long a registered workstation may go without reaching the server
/// before Hearth locks (default 30 days; the server sends its own figure with every reply).
struct SyncLease
{
    bool applies = false; ///< only once the workstation is registered
    int leaseDays = 30;
    std::optional<QDateTime> lastContactAt; ///< the last authenticated reply (this workstation's clock)
    QDateTime expiresAt; ///< lastContactAt (or an administrator's unlock) plus leaseDays
    bool expired = false;
};

/// @brief Changes waiting for the next sync, split as the consent gate will split them.
struct PendingChanges
{
    qint64 offered = 0; ///< go to the server at the next sync
    qint64 keptHere = 0; ///< of clients who do not share: never sent
};

/// @brief What the sync engine keeps in the encrypted store: the workstation's registration, the push
/// cursor (a change_cursors row), the server version of each pushed record, the last outcome and the
/// clients waiting for a re-delivery. The engine never runs SQL; it asks this service.
///
/// Reading and pushing need EditClients (whoever enters data syncs it); registering needs
/// EditAgencySettings. Nothing here writes client data to an audit detail.
class SyncState
{
public:
    explicit SyncState(Vault& vault)
        : m_vault(vault)
    {
    }

    /// The change_cursors consumer of the push path.
    static QString pushConsumer() { return QStringLiteral("sync.push"); }
    /// The change_cursors row of the highest change ever put in a push request, answered or not.
    static QString sentConsumer() { return QStringLiteral("sync.sent"); }

    /// The id this workstation gives the server when it registers, made once and kept in the store.
    Result<QString> devicePublicId();
    Result<std::optional<SyncRegistration>> registration() const;
    /// The same for the device status check and the wipe decision only: any signed-in user, whatever
    /// closes client records (a compliance block, an expired lease).
    Result<std::optional<SyncRegistration>> registrationForStatusCheck() const;
    /// Saves a registration the server granted (audited, without the token).
    Status saveRegistration(const SyncRegistration& registration);
    /// Drops the token (expired or refused) and keeps the rest: the user signs in to the server again.
    Status forgetToken();

    Result<qint64> pushCursor() const;
    /// Up to @p limit change-log rows after the push cursor, oldest first.
    Result<std::vector<ChangeRecord>> pendingChanges(int limit) const;
    /// Up to @p limit change-log rows after @p seq (the batch after the one in flight), oldest first.
    Result<std::vector<ChangeRecord>> changesAfter(qint64 seq, int limit) const;
    /// How many change-log rows wait for the next push.
    Result<qint64> pendingCount() const;
    /// The waiting rows as the consent gate will treat them: offered to the server, or kept here because
    /// the client does not share (No Sharing, revoked). What "Changes waiting" counts.
    Result<PendingChanges> pendingByConsent() const;
    Result<QHash<QString, qint64>> serverVersions(const QStringList& entityUuids) const;

    /// After the server answered for a batch, in one transaction: its versions, re-deliveries the batch
    /// calls for, the cursor moved to @p throughSeq, and an audit entry with the count sent.
    Status recordPushed(qint64 throughSeq, const std::vector<ServerVersion>& versions, int sent,
                        const std::vector<Redelivery>& redeliveries = {});

    Result<std::vector<Redelivery>> redeliveries() const;
    /// The newest change-log row of each record of the client (what a re-delivery sends).
    Result<std::vector<ChangeRecord>> latestChangesOf(const QString& clientUuid) const;
    /// The first change-log row of the client's records (0: none): a wider release re-delivers only
    /// when some were pushed before it.
    Result<qint64> firstChangeOf(const QString& clientUuid) const;
    Status finishRedelivery(const QString& clientUuid, const std::vector<ServerVersion>& versions, int sent);

    Result<SyncOutcome> outcome() const;
    Status recordSuccess();
    Status recordFailure(const QString& code, const QString& message, bool reachedServer);
    /// The second check found a no-sharing marker: an audit entry (counts and codes only) and the error.
    Status recordRefusal(const QString& message, int changeCount);
    /// The lease as of now (any signed-in user).
    Result<SyncLease> lease() const;
    /// An authenticated reply arrived: renews the lease from now with the server's @p leaseDays and lifts
    /// a lease lock (Vault::clientAccessBlock()).
    Status recordServerContact(int leaseDays);
    /// An administrator (EditAgencySettings) unlocks an expired lease for another leaseDays without
    /// reaching the server. Audited as `sync.lease-unlock`.
    Status unlockLease();
    /// Minutes between automatic syncs (0: off), kept in the encrypted store so nobody lengthens it by
    /// editing a settings file; kDefaultIntervalMinutes until set. Read by any signed-in user, set with
    /// EditAgencySettings.
    Result<int> intervalMinutes() const;
    Status setIntervalMinutes(int minutes);
    static constexpr int kDefaultIntervalMinutes = 15;
    static constexpr int kMaxIntervalMinutes = 24 * 60;

    /// A restriction request the server confirmed (audited with the request id only).
    Status recordRestrictionDelivered(const QString& requestUuid);

    /// A push request carrying changes through @p throughSeq is about to leave: from now on the server may
    /// hold them, whether or not its answer ever comes back.
    Status recordSending(qint64 throughSeq);
    /// True when something of the client may be on the server: a change of theirs was put in a push
    /// request, or their profile came from or was answered by the server. A restriction of a client of whom
    /// nothing reached it is never sent: not even the id leaves the workstation.
    Result<bool> reachedServer(const QString& clientUuid) const;
    /// Closes a restriction request without sending it (audited as such, with the request id only).
    Status recordRestrictionUnneeded(const QString& requestUuid);

private:
    /// Marks a restriction request done and audits it with @p detail (ids and words only).
    Status closeRestriction(const QString& requestUuid, const QString& detail);

    Vault& m_vault;
};

} // namespace hearth
