#pragma once

#include "core/common/Result.h"
#include "core/consent/ConsentNotices.h"
#include "core/types/SyncTypes.h"
#include "sync/client/PushSerializer.h"
#include "sync/client/SyncFailure.h"
#include "sync/protocol/BodyEncoding.h"

#include <QDate>
#include <QObject>

#include <deque>
#include <functional>
#include <optional>

namespace hearth {
class Vault;
}

namespace hearth::sync {

class SyncChannel;
struct SyncSettings;

/// @brief Everything a sync sends of this workstation's own records, in order: pending restriction requests,
/// the change log after the cursor in batches, then re-deliveries under a wider release. The only input is
/// core's ConsentGate answer (through PushSerializer), and every batch passes the serializer's second check
/// (ConsentRecords, independently of the gate) right before it goes, a batch prepared ahead included: no
/// other path hands records to the channel. Replies move the cursor and store server versions, refusals and
/// conflicts (core's SyncState), so an interruption resumes where it stopped.
class PushPipeline : public QObject
{
    Q_OBJECT
public:
    /// Test seam: replaces ConsentGate::review. The second check still runs on whatever it returns.
    using Review = std::function<Result<std::vector<Disclosure>>(const std::vector<ChangeRecord>&)>;

    PushPipeline(Vault& vault, SyncChannel& channel, const SyncSettings& settings, QObject* parent = nullptr);

    void setReview(Review review) { m_review = std::move(review); }
    /// Reads the cursor, the pending count and the restriction requests, then delivers; ends with done(),
    /// refused() or failed().
    void start();
    /// Stops: no batch is prepared ahead any more (a continuation already queued still runs, as it did).
    void stop();
    /// Forgets the requests and the batch (the workstation was wiped).
    void clear();
    /// A restriction the server refused for good (not held, another agency's client): recorded, then the
    /// next one. False for any other answer, which fails the sync as usual.
    bool restrictionRefused(int status, const QString& code);

    qint64 sentCount() const { return m_sent; }
    int rejectedCount() const { return m_rejected; }
    const QStringList& rejectedCodes() const { return m_rejectedCodes; }
    /// The conflicts push replies reported in this sync, handed over once.
    std::vector<FieldConflict> takeConflicts() { return std::exchange(m_pushConflicts, {}); }

Q_SIGNALS:
    /// @p sent changes so far in this sync; @p pending change-log rows still waiting.
    void progress(qint64 sent, qint64 pending);
    /// The server answered a batch and it was recorded (the engine's backoff starts over).
    void answered();
    /// The next batch was read and checked while the server had the one before.
    void batchPreparedAhead();
    /// Everything went: the pull may start.
    void done();
    /// The second check refused a batch: nothing of it was sent (recorded already).
    void refused(const QString& refusal);
    void failed(const hearth::sync::SyncFailure& failure);

private:
    enum class Stage
    {
        Idle,
        Restrictions,
        Pushing,
        Redelivering,
    };
    /// A push batch prepared while the one before it is with the server.
    struct AheadBatch
    {
        SerializedBatch batch;
        qint64 after = 0; ///< the batch follows this change-log row
        qint64 through = 0; ///< its last change-log row
        qint64 rows = 0; ///< change-log rows it covers (withheld ones too)
        body_encoding::Encoded request; ///< the push request encoded; empty when it must be encoded again
        QDate preparedOn; ///< the day the consent gate reviewed it (expiry is decided by the day)
    };

    void fail(SyncFailure::Kind kind, const QString& code, const QString& message, bool reachedServer);

    // Restriction requests (PushRestrictions.cpp).
    void deliverNextRestriction();
    /// The server took restriction @p requestUuid (or had nothing to take): recorded, then the next one.
    void restrictionDone(const QString& requestUuid);

    // Batches (PushPipeline.cpp) and re-deliveries (PushRedelivery.cpp).
    void pushNextBatch();
    void onPushed(const QJsonObject& reply);
    void redeliverNext();
    body_encoding::Encoded pushBody(const SerializedBatch& batch) const;
    /// Reviews, serializes and checks @p changes; nothing when the batch must not be sent (already failed).
    std::optional<SerializedBatch> prepare(const std::vector<ChangeRecord>& changes, const QString& keySuffix);
    /// The consent review and the serializer, without the second check.
    Result<SerializedBatch> serialize(const std::vector<ChangeRecord>& changes, const QString& keySuffix);
    /// The second check: each client of @p batch looked up again, independently of the review. The
    /// consent statuses read, or a store error; @p refusal says why the batch must not leave.
    Result<bool> passesSecondCheck(const SerializedBatch& batch, QString* refusal);
    /// Marks the changes of @p batch that settle a conflict (`resolves`).
    Status markResolutions(SerializedBatch& batch);
    /// Posts m_batch (@p encoded: its request when encoded ahead) and prepares the next once it is out.
    void sendBatch(body_encoding::Encoded encoded);
    /// The server's results for m_batch, or nothing (already failed) when the reply does not match it.
    std::optional<std::vector<ServerVersion>> versionsFrom(const QJsonObject& reply);

    // Pipelining (PushAhead.cpp): the next batch is read and checked while the server applies the one in
    // flight, so the workstation and the server work at the same time.
    void prepareAhead();
    /// The batch prepared ahead, if it follows @p cursor and still passes the second check now (consent may
    /// have changed while it waited); its base versions are brought up to the batch just answered.
    std::optional<AheadBatch> takeAhead(qint64 cursor);
    /// True when the consent gate would decide @p ahead as it did: the same day, and each client's current
    /// release the one its records carry (a release never changes in place but to be revoked).
    Result<bool> gateUnchanged(const AheadBatch& ahead);
    /// Sends the batch prepared ahead if it follows @p after and carries changes; false when there is none.
    bool sendAhead(qint64 after);

    Vault& m_vault;
    SyncChannel& m_channel;
    const SyncSettings& m_settings;
    Review m_review;
    Stage m_stage = Stage::Idle;

    std::deque<hearth::RestrictionRequest> m_restrictions; ///< core's queued requests, not yet sent
    SerializedBatch m_batch;
    qint64 m_batchThrough = 0; ///< the last change-log row of the batch in flight
    std::optional<AheadBatch> m_ahead;
    QHash<QString, qint64> m_answeredVersions; ///< the server versions of the batch last answered
    QString m_redeliveryClient;
    qint64 m_cursorAtStart = 0;
    qint64 m_sent = 0;
    qint64 m_pending = 0; ///< change-log rows still to read in this sync (counted once at the start)
    qint64 m_batchRows = 0; ///< change-log rows in the batch in flight
    int m_rejected = 0;
    QStringList m_rejectedCodes;
    std::vector<FieldConflict> m_pushConflicts; ///< conflicts push replies reported in this sync
};

} // namespace hearth::sync
