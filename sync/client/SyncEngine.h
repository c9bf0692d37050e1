#pragma once

#include "core/common/Result.h"
#include "core/consent/ConsentNotices.h"
#include "core/types/SyncTypes.h"
#include "sync/client/Backoff.h"
#include "sync/client/PushPipeline.h"
#include "sync/client/PushSerializer.h"
#include "sync/client/SyncFailure.h"
#include "sync/client/SyncSettings.h"
#include "sync/protocol/BodyEncoding.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

class QTimer;

namespace hearth {
class Vault;
}

namespace hearth::sync {

class AuditAnchorSync;
class PullPipeline;
class Registration;
class SyncChannel;

/// @brief The client sync engine: registers the workstation, delivers restriction requests, pushes the
/// change log after the cursor in batches, re-delivers a client's records under a wider release, then
/// pulls what other workstations shared into the local store (core's SyncInbox) with the open conflicts. Fully
/// asynchronous (Qt Network); store work happens between replies, a batch at a time.
///
/// This is the façade the UI and tests use. It owns the state machine and runs the phases in order, each
/// its own class: SyncChannel (HTTP), Registration (register, token, lease, status check), PushPipeline
/// (restrictions, batches, re-deliveries), PullPipeline and AuditAnchorSync. It decides what a failure or a
/// refusal means (retry, sign in again, wipe) and reports it.
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
    using Review = PushPipeline::Review;
    void setReviewForTesting(Review review);

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
        Pushing, ///< restrictions, batches and re-deliveries (PushPipeline)
        Pulling,
        Anchoring,
    };

    void connectParts();
    void startPull();
    /// The last step of a sync: the newest audit entry goes to the server, which keeps it.
    void sendAuditAnchor();
    /// A server refusal: a token, a revocation, a refusal the phase expects, or a plain one.
    void onRefused(const ServerRefusal& refusal);
    void fail(const SyncFailure& failure);
    void succeed();
    /// 403 device-revoked: wipe the workstation (no UI needed), then tell whoever listens.
    void wipeRevoked(const QString& reason);

    Vault& m_vault;
    SyncSettings m_settings;
    Backoff m_backoff;
    QTimer* m_retryTimer = nullptr;
    SyncChannel* m_channel = nullptr;
    Registration* m_registration = nullptr;
    PushPipeline* m_push = nullptr;
    PullPipeline* m_pull = nullptr;
    AuditAnchorSync* m_anchor = nullptr;
    Phase m_phase = Phase::Idle;
    bool m_starting = false; ///< inside syncNow(), before a phase is set: counts as a running sync
};

} // namespace hearth::sync
