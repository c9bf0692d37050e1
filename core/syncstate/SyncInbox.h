#pragma once

#include "core/common/Result.h"
#include "core/syncstate/SyncConflicts.h"
#include "core/types/InboundRecord.h"

#include <QHash>

#include <vector>

namespace hearth {

class Vault;

/// @brief What one pulled page did to this workstation's store.
struct InboxOutcome
{
    int applied = 0; ///< records written (new, or fields another workstation changed)
    int unchanged = 0; ///< already held as sent (this workstation's own pushes coming back)
    int keptLocal = 0; ///< a local edit waits to be pushed: kept; the server merges it
    int ignored = 0; ///< the client is No Sharing or revoked here: nothing applied
    int dropped = 0; ///< deleted or restricted records removed
    int waiting = 0; ///< parked until their client or enrollment arrives
    int failed = 0; ///< refused by the store's own constraints (e.g. a second bed night): skipped
    int heldBack = 0; ///< deletes or restrictions of records entered here: kept, not shared (HeldBackRepository)

    int received() const { return applied + dropped; }
};

/// @brief A client of whom records entered here were kept after the server removed them.
struct HeldBackClient
{
    QString clientUuid;
    QString name; ///< as this workstation holds it
    int records = 0;
    QString reason; ///< restricted (taken off the server) or deleted
    QDateTime heldAt;
};

/// @brief Applies what the central server sends to the local store (the pull side of sync).
///
/// Each page is one transaction that also stores the pull cursor, so an interrupted pull resumes after
/// the last page applied. Applying writes no change-log rows (nothing pulled is pushed back) and records
/// the server version as the record's base, so a later local edit pushes with the right baseVersion.
///
/// Rules, in order: local consent is authoritative (a client who is No Sharing or revoked here gets
/// nothing applied, not even a restriction); a record with a local edit still waiting to be pushed keeps
/// the local values (the push goes with the older base and the server merges it, or reports a conflict);
/// a record already held in the form this workstation would send is left alone (its own echo); otherwise
/// the fields the server sent overwrite the local ones and fields it did not send are kept (a record
/// new here holds only what was sent). `delete` drops the record; `restrict` of a client drops the
/// client and everything with their PersonalID. Neither destroys what was entered or edited here: those
/// records stay, held back from sharing (HeldBackRepository, ConsentGate), audited as `sync.held-back`.
/// A pulled record held here under another client is refused. Needs EditClients.
class SyncInbox
{
public:
    explicit SyncInbox(Vault& vault)
        : m_vault(vault)
    {
    }

    Result<qint64> pullCursor() const;
    /// Applies @p records (one pull reply) and stores @p cursor, in one transaction; then retries records
    /// that waited for a parent. Audited as `sync.download` with counts only.
    Result<InboxOutcome> applyPage(const std::vector<InboundRecord>& records, qint64 cursor);

    /// Conflicts a push reply reported (kept until the server stops listing them). True when the open
    /// list changed.
    Result<bool> addConflicts(const std::vector<SyncConflict>& conflicts);
    /// The open conflicts a pull listed, all of them: others disappear (resolved elsewhere), except those
    /// resolved here whose resolution has not reached the server. True when the open list changed.
    Result<bool> replaceConflicts(const std::vector<SyncConflict>& conflicts);
    /// The conflict each of @p changeSeqs resolves, for the push (`resolves`).
    Result<QHash<qint64, QString>> resolutionsFor(const std::vector<qint64>& changeSeqs) const;
    /// Forgets the resolutions the server has answered for (rows up to the push cursor).
    Status clearDeliveredResolutions();

    /// The clients with records kept after the server removed them, for an administrator to decide
    /// (EditAgencySettings).
    Result<std::vector<HeldBackClient>> heldBack() const;
    /// An administrator's decision: the kept records of @p clientUuid are deleted from this workstation
    /// too (EditAgencySettings and DeleteClients). Nothing goes to the server. Audited with counts.
    Status discardHeldBack(const QString& clientUuid);

private:
    Vault& m_vault;
};

} // namespace hearth
