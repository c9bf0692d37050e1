#pragma once

#include "core/common/Result.h"
#include "core/consent/ConsentNotices.h"
#include "core/types/SyncTypes.h"
#include "sync/client/Backoff.h"
#include "sync/client/PushSerializer.h"
#include "sync/protocol/BodyEncoding.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

namespace hearth {
class Vault;
}

namespace hearth::sync {

/// @brief How the engine pushes: batch size, retries, timeouts.
struct SyncSettings
{
    int batchSize = 500; ///< change-log rows read, reviewed and sent at once (fewer round trips and commits)
    bool retry = true; ///< retry transient failures (server down, 5xx, malformed reply) with backoff
    qint64 retryInitialMs = 1000;
    qint64 retryCapMs = 5 * 60 * 1000;
    int requestTimeoutMs = 60 * 1000;
    int pullLimit = 1000; ///< records asked for per pull page (the server allows at most 1,000)
};

/// @brief The client sync engine: registers the workstation, delivers restriction requests, pushes the
/// change log after the cursor in batches, re-delivers a client's records under a wider release, then
/// pulls what other workstations shared into the local store (core's SyncInbox) with the open conflicts. Fully
/// asynchronous (Qt Network); store work happens between replies, a batch at a time.
///
/// The only input to a push is ConsentGate's answer (through PushSerializer), and every batch passes the
/// serializer's second check before a byte is sent. The cursor moves only after the server answered
/// for a batch, so an interruption resumes where it stopped and the server's idempotency makes any
/// replay harmless. Errors are plain sentences; nothing here shows UI or logs client data.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    explicit SyncEngine(Vault& vault, QObject* parent = nullptr);
    ~SyncEngine() override;

    void setSettings(const SyncSettings& settings);
    const SyncSettings& settings() const { return m_settings; }

    /// Registers this workstation with @p server as @p login (EditAgencySettings). @p pinSha256: optional
    /// publicKeyPin() of the server certificate, checked on every connection from now on.
    void registerDevice(const QUrl& server, const QString& login, const QString& password, const QString& deviceName,
                        const QString& pinSha256 = {});
    /// Starts a sync unless one is running (then false). Ends with finished().
    bool syncNow();
    bool isBusy() const { return m_phase != Phase::Idle; }
    /// Stops a running sync or pending retry; what the server confirmed stays recorded.
    void cancel();
    /// Asks the registered server whether this workstation still is (at sign-in and unlock, whatever blocks
    /// client records), so a revoked one wipes itself without waiting for a sync. False when there is
    /// nothing to ask (not registered, no token) or a sync is running (it hears the same answer).
    bool checkDeviceStatus();

    /// Test seam: replaces ConsentGate::review (e.g. to feed a deliberately wrong disclosure). The
    /// serializer's second check still runs on whatever it returns.
    using Review = std::function<Result<std::vector<Disclosure>>(const std::vector<ChangeRecord>&)>;
    void setReviewForTesting(Review review) { m_review = std::move(review); }

Q_SIGNALS:
    void registered();
    void registrationFailed(const QString& message);
    /// @p sent changes so far in this sync; @p pending change-log rows still waiting.
    void progress(qint64 sent, qint64 pending);
    /// The end of a sync: @p ok, and what happened in plain words.
    void finished(bool ok, const QString& message);
    /// A transient failure; the engine tries again after @p delayMs.
    void retryScheduled(qint64 delayMs);
    /// Records pulled from the server were applied to the local store (@p count this sync so far).
    void pulled(qint64 count);
    /// The open conflicts changed (a push reply or a pull reported some, or one was resolved).
    void conflictsChanged();
    /// The server revoked this device. The engine has already wiped the workstation
    /// (Vault::wipeAfterRevocation); @p reason is the server administrator's.
    void deviceRevoked(const QString& reason);
    /// The next push batch was read and checked while the server had the one before (pipelining). It is
    /// checked again before it goes: a test changes consent at this point to prove that.
    void batchPreparedAhead();
    /// A status check ended: @p reached is false when the server could not be asked.
    void deviceStatusChecked(bool reached);
    /// The local audit chain no longer extends what the server saw (a status check, or the server refused
    /// an anchor); @p problem says how. Recorded in the store and audited (AuditAnchors).
    void auditAnchorBroken(const QString& problem);

private:
    enum class Phase
    {
        Idle,
        Registering,
        Restrictions,
        Pushing,
        Redelivering,
        Pulling,
        Anchoring,
    };
    enum class Failure
    {
        Transient, ///< try again later
        Final, ///< needs a person (sign in again, a refusal, a revoked device)
    };
    using OnReply = std::function<void(const QJsonObject&)>;
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

    void post(const QString& path, const QJsonObject& body, bool authenticated, OnReply onOk);
    /// Posts a body already as it goes on the wire (body_encoding).
    void postEncoded(const QString& path, const body_encoding::Encoded& body, bool authenticated, OnReply onOk);
    body_encoding::Encoded pushBody(const SerializedBatch& batch) const;
    void onReply(QNetworkReply* reply, OnReply onOk);
    /// The rules every request follows: timeout, no redirects, peer verification, the token.
    QNetworkRequest requestTo(const QUrl& url, bool authenticated) const;
    /// Tracks @p reply as the one in flight: the optional certificate pin, then onReply().
    /// What a user reads when the server's sign-in has expired.
    static QString signInAgain();
    void watch(QNetworkReply* reply, OnReply onOk);
    /// Aborts @p reply when the server's key is not the pinned one (marks it "hearthPinMismatch").
    void requirePin(QNetworkReply* reply) const;
    void fail(Failure kind, const QString& code, const QString& message, bool reachedServer);
    void succeed();
    /// An authenticated reply renews the offline lease with the server's leaseDays.
    void noteServerContact(const QJsonObject& reply);
    /// 403 device-revoked: wipe the workstation (no UI needed), then tell whoever listens.
    void wipeRevoked(const QString& reason);
    /// A wipe is obeyed only from the server this workstation registered with: never from an address
    /// being tried at a first registration, nor any other.
    bool fromRegisteredServer(const QUrl& replyUrl) const;
    void onStatusReply(QNetworkReply* reply);
    /// The last step of a sync: the newest audit entry goes to the server, which keeps it.
    void sendAuditAnchor();
    /// Compares the chain with the anchor the server kept (`auditAnchor` of a status reply).
    void checkAuditAnchor(const QJsonObject& statusReply);

    void deliverNextRestriction();
    /// The server took restriction @p requestUuid (or had nothing to take): recorded, then the next one.
    void restrictionDone(const QString& requestUuid);
    /// A restriction the server refused for good (not held, another agency's client); false for any other
    /// answer, which fails the sync as usual.
    bool restrictionRefused(int status, const QString& code);
    void pushNextBatch();
    void onPushed(const QJsonObject& reply);
    void redeliverNext();
    /// Reviews, serializes and checks @p changes; nothing when the batch must not be sent (already failed).
    std::optional<SerializedBatch> prepare(const std::vector<ChangeRecord>& changes, const QString& keySuffix);
    /// The consent review and the serializer, without the second check.
    Result<SerializedBatch> serialize(const std::vector<ChangeRecord>& changes, const QString& keySuffix);
    /// The second check: each client of @p batch looked up again, independently of the review. The
    /// consent statuses read, or a store error; @p refusal says why the batch must not leave.
    Result<bool> passesSecondCheck(const SerializedBatch& batch, QString* refusal);
    // Pipelining (SyncEngineAhead.cpp): the next batch is read and checked while the server applies the one
    // in flight, so the workstation and the server work at the same time.
    void prepareAhead();
    /// The batch prepared ahead, if it follows @p cursor and still passes the second check now (consent may
    /// have changed while it waited); its base versions are brought up to the batch just answered.
    std::optional<AheadBatch> takeAhead(qint64 cursor);
    /// True when the consent gate would decide @p ahead as it did: the same day, and each client's current
    /// release the one its records carry (a release never changes in place but to be revoked).
    Result<bool> gateUnchanged(const AheadBatch& ahead);
    /// Sends the batch prepared ahead if it follows @p after and carries changes; false when there is none.
    bool sendAhead(qint64 after);
    /// Posts m_batch (@p encoded: its request when encoded ahead) and prepares the next once it is out.
    void sendBatch(body_encoding::Encoded encoded);
    /// The server's results for m_batch, or nothing (already failed) when the reply does not match it.
    std::optional<std::vector<ServerVersion>> versionsFrom(const QJsonObject& reply);

    // The pull phase (SyncEnginePull.cpp): after the pushes, records other workstations sent.
    void get(const QString& pathAndQuery, OnReply onOk);
    void startPull();
    void pullNextPage();
    void onPulled(const QJsonObject& reply);
    /// The open conflicts after @p cursor, when the last page said there are more than it carried.
    void pullConflictsAfter(const QString& cursor);
    /// The open conflicts listed in this pull (every page of them) replace the local list.
    void finishPull();
    /// Marks the changes of @p batch that settle a conflict (`resolves`).
    Status markResolutions(SerializedBatch& batch);

    Vault& m_vault;
    SyncSettings m_settings;
    Backoff m_backoff;
    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_retryTimer = nullptr;
    QPointer<QNetworkReply> m_reply;
    QPointer<QNetworkReply> m_statusReply; ///< a device status check in flight (not a sync)
    Review m_review;
    Phase m_phase = Phase::Idle;
    bool m_starting = false; ///< inside syncNow(), before a phase is set: counts as a running sync

    std::optional<SyncRegistration> m_registration;
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
    qint64 m_pullSince = 0; ///< the cursor the page in flight was asked from
    qint64 m_pulled = 0; ///< records received in this sync
    std::vector<FieldConflict> m_listedConflicts; ///< the open conflicts the server listed in this pull
};

} // namespace hearth::sync
