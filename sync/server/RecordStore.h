#pragma once

#include "sync/protocol/Messages.h"
#include "sync/server/Failure.h"

#include <QDateTime>

namespace hearth::server {

class BatchLookups;
class ServerDatabase;
class ScopeCache;
class ServerAudit;
struct Caller;

/// @brief The answer to a restriction request.
struct RestrictionResult
{
    QString status; ///< applied or duplicate
    qint64 serverSeq = 0;
    int recordsRemoved = 0;
};

/// @brief The server's records: applies pushed changes exactly once with field-level merge, serves
/// scoped pulls and honours restriction requests (docs/sync-protocol.md).
class RecordStore
{
public:
    RecordStore(ServerDatabase& db, ServerAudit& audit)
        : m_db(db)
        , m_audit(audit)
    {
    }

    /// Applies a batch in order, in one transaction (one disk flush per batch, not per change). A
    /// failure is a database failure, not a rejection: nothing of the batch is kept and the device
    /// sends it again (the keys make that safe).
    Expected<std::vector<sync::ChangeResult>> apply(const Caller& caller, const std::vector<sync::Change>& changes,
                                                    const QDateTime& now);
    /// Records changed after @p since that @p caller's agency may see, and the first page of the open
    /// conflicts it may see.
    Expected<sync::PullReply> pull(const Caller& caller, qint64 since, int limit);
    /// At most @p limit open conflicts @p caller's agency may see, oldest first, after the cursor @p after
    /// (empty: from the first); malformed-request for a cursor the server did not give.
    Expected<sync::ConflictsPage> conflicts(const Caller& caller, const QString& after, int limit);
    Expected<RestrictionResult> restrict(const Caller& caller, const sync::RestrictionRequest& request,
                                         const QDateTime& now);

private:
    Expected<sync::ConflictsPage> openConflicts(const Caller& caller, ScopeCache& scopes, const QString& after,
                                                int limit);
    Done applyInTransaction(const Caller& caller, const sync::Change& change, const QDateTime& now,
                            sync::ChangeResult& result);
    /// Fills a replayed result's conflicts with their values from `conflicts` (applied_keys keeps ids only).
    Done withConflictValues(const Caller& caller, sync::ChangeResult& result);
    Done reject(const Caller& caller, const sync::Change& change, const QDateTime& now, const Failure& why,
                sync::ChangeResult& result);
    Done merge(const Caller& caller, const sync::Change& change, const QString& clientUuid, qint64 seq,
               const QDateTime& now, sync::ChangeResult& result);
    /// How many versions of @p change's record after @p base the caller's device wrote.
    Expected<qint64> ownVersionsSince(const Caller& caller, const sync::Change& change, qint64 base);
    /// The newest version after @p base in which the caller's device set @p field (@p currentVersion or a
    /// superseded one); @p base when there is none.
    Expected<qint64> newestOwnValue(const Caller& caller, const sync::Change& change, const QString& field,
                                    qint64 currentVersion, qint64 base);
    /// True when the server's consent for the record's client is the one @p change carried.
    bool consentAsPushed(const sync::Change& change, const QString& clientUuid);
    Done remove(const sync::Change& change, qint64 seq, sync::ChangeResult& result);
    Done recordConsent(const Caller& caller, const QString& clientUuid, const QJsonObject& reference, qint64 seq);
    Done removeWithdrawn(const Caller& caller, const QString& clientUuid, const QJsonObject& reference);

    /// A pushed batch for the audit: "12 changes: applied 10, conflict 1, duplicate 1; client 3, service 9".
    static QString receivedSummary(const std::vector<sync::Change>& changes,
                                   const std::vector<sync::ChangeResult>& results);
    /// Which records, clients and keys a batch names, read in one go before it is applied.
    Done loadBatch(BatchLookups& lookups, const std::vector<sync::Change>& changes);
    /// Queues the applied_keys row of @p change (written with the batch's other rows).
    void keepResult(const Caller& caller, const sync::Change& change, const sync::ChangeResult& result);

    ServerDatabase& m_db;
    ServerAudit& m_audit;
    BatchLookups* m_batch = nullptr; ///< the batch being applied (set by apply() only)
    QString m_receivedAt; ///< the batch's arrival time, as applied_keys keeps it
    QDateTime m_now; ///< the batch's arrival time
    bool m_removedData = false; ///< a narrowed consent removed values: scrub the files after commit
};

} // namespace hearth::server
