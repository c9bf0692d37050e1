#include "sync/client/SyncEngine.h"

#include "core/services/ConsentGate.h"
#include "core/services/ConsentRecords.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/ServerUrl.h"
#include "sync/protocol/BodyEncoding.h"
#include "sync/protocol/Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcSync, "hearth.sync")
} // namespace

SyncEngine::SyncEngine(Vault& vault, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_backoff(m_settings.retryInitialMs, m_settings.retryCapMs)
    , m_network(new QNetworkAccessManager(this))
    , m_retryTimer(new QTimer(this))
{
    m_network->setStrictTransportSecurityEnabled(true);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] { syncNow(); });
    // An expired offline lease closes client records, but not to a sync: syncing is how it renews.
    m_vault.setSyncRunningCheck([this] { return m_starting || isBusy(); });
}

SyncEngine::~SyncEngine()
{
    m_vault.setSyncRunningCheck({});
    if (m_reply)
        m_reply->abort();
}

void SyncEngine::setSettings(const SyncSettings& settings)
{
    m_settings = settings;
    m_settings.batchSize = std::clamp(m_settings.batchSize, 1, protocol::kDefaultMaxChanges);
    m_backoff = Backoff(m_settings.retryInitialMs, m_settings.retryCapMs);
}

void SyncEngine::cancel()
{
    m_retryTimer->stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
    m_phase = Phase::Idle;
    m_ahead.reset();
}

// --- Registration -------------------------------------------------------------------------------

// --- One sync -----------------------------------------------------------------------------------

bool SyncEngine::syncNow()
{
    if (isBusy())
        return false;
    m_retryTimer->stop();
    m_starting = true;
    const auto started = qScopeGuard([this] { m_starting = false; });
    SyncState state(m_vault);
    auto registration = state.registration();
    if (!registration) {
        Q_EMIT finished(false, registration.error().message);
        return true;
    }
    if (!registration->has_value()) {
        fail(Failure::Final, engine_code::NotRegistered,
             tr("This workstation is not registered with an HMIS server yet. An administrator registers it on "
                "the Sync page."),
             false);
        return true;
    }
    m_registration = **registration;
    if (m_registration->token.isEmpty()) {
        fail(Failure::Final, error_code::TokenExpired, signInAgain(), false);
        return true;
    }
    auto cursor = state.pushCursor();
    if (!cursor) {
        fail(Failure::Final, engine_code::Store, cursor.error().message, false);
        return true;
    }
    m_cursorAtStart = *cursor;
    auto pending = state.pendingCount();
    if (!pending) {
        fail(Failure::Final, engine_code::Store, pending.error().message, false);
        return true;
    }
    m_pending = *pending;
    m_sent = 0;
    m_rejected = 0;
    m_rejectedCodes.clear();
    m_pushConflicts.clear();
    m_pulled = 0;
    m_ahead.reset();
    auto restrictions = ConsentRecords(m_vault).pendingRestrictions();
    if (!restrictions) {
        fail(Failure::Final, engine_code::Store, restrictions.error().message, false);
        return true;
    }
    m_restrictions.assign(restrictions->begin(), restrictions->end());
    m_phase = Phase::Restrictions;
    deliverNextRestriction();
    return true;
}

Result<SerializedBatch> SyncEngine::serialize(const std::vector<ChangeRecord>& changes, const QString& keySuffix)
{
    auto disclosures = m_review ? m_review(changes) : ConsentGate(m_vault).review(changes, Audience::centralServer());
    if (!disclosures)
        return disclosures.error();
    QStringList uuids;
    for (const ChangeRecord& c : changes)
        uuids << c.entityUuid;
    auto versions = SyncState(m_vault).serverVersions(uuids);
    if (!versions)
        return versions.error();
    auto batch = PushSerializer(m_registration->deviceId)
                     .serialize(changes, *disclosures, *versions, m_vault.clock().now(), keySuffix);
    if (!batch)
        return batch.error();
    if (keySuffix.isEmpty())
        if (auto st = markResolutions(*batch); !st)
            return st.error();
    return batch;
}

Result<bool> SyncEngine::passesSecondCheck(const SerializedBatch& batch, QString* refusal)
{
    QStringList clients;
    for (const QString& client : std::as_const(batch.clients))
        if (!client.isEmpty() && !clients.contains(client))
            clients << client;
    auto statuses = ConsentRecords(m_vault).statuses(clients);
    if (!statuses)
        return statuses.error();
    if (auto st = PushSerializer::verify(batch, *statuses); !st) {
        *refusal = st.error().message;
        return false;
    }
    return true;
}

std::optional<SerializedBatch> SyncEngine::prepare(const std::vector<ChangeRecord>& changes, const QString& keySuffix)
{
    auto batch = serialize(changes, keySuffix);
    if (!batch) {
        fail(Failure::Final, engine_code::Store, batch.error().message, false);
        return std::nullopt;
    }
    QString refusal;
    auto passes = passesSecondCheck(*batch, &refusal);
    if (!passes) {
        fail(Failure::Final, engine_code::Store, passes.error().message, false);
        return std::nullopt;
    }
    if (!*passes) {
        (void)SyncState(m_vault).recordRefusal(refusal, int(batch->changes.size()));
        m_phase = Phase::Idle;
        qCWarning(lcSync) << "sync refused by the second check; nothing sent";
        Q_EMIT finished(false, refusal);
        return std::nullopt;
    }
    return std::move(batch).value();
}

void SyncEngine::pushNextBatch()
{
    SyncState state(m_vault);
    auto cursor = state.pushCursor();
    if (!cursor) {
        fail(Failure::Final, engine_code::Store, cursor.error().message, false);
        return;
    }
    body_encoding::Encoded encoded; // the request as it goes on the wire, when prepared ahead
    if (auto ahead = takeAhead(*cursor)) {
        m_batch = std::move(ahead->batch);
        m_batchThrough = ahead->through;
        m_batchRows = ahead->rows;
        encoded = std::move(ahead->request);
    } else {
        auto changes = state.changesAfter(*cursor, m_settings.batchSize);
        if (!changes) {
            fail(Failure::Final, engine_code::Store, changes.error().message, false);
            return;
        }
        if (changes->empty()) {
            m_phase = Phase::Redelivering;
            redeliverNext();
            return;
        }
        auto batch = prepare(*changes, {});
        if (!batch)
            return;
        m_batch = std::move(*batch);
        m_batchThrough = changes->back().seq;
        m_batchRows = qint64(changes->size());
    }
    if (m_batch.changes.empty()) {
        // Everything in this stretch stays on the workstation: move past it without a request.
        if (auto st = state.recordPushed(m_batchThrough, {}, 0); !st) {
            fail(Failure::Final, engine_code::Store, st.error().message, false);
            return;
        }
        m_pending = std::max<qint64>(0, m_pending - m_batchRows);
        Q_EMIT progress(m_sent, m_pending);
        QTimer::singleShot(0, this, &SyncEngine::pushNextBatch);
        return;
    }
    sendBatch(std::move(encoded));
}

void SyncEngine::sendBatch(body_encoding::Encoded encoded)
{
    if (encoded.bytes.isEmpty())
        encoded = pushBody(m_batch);
    // From here the server may hold these changes even if its answer never comes (restrictions rely on it).
    if (auto st = SyncState(m_vault).recordSending(m_batchThrough); !st) {
        fail(Failure::Final, engine_code::Store, st.error().message, false);
        return;
    }
    postEncoded(protocol::apiPath("push"), encoded, true, [this](const QJsonObject& body) { onPushed(body); });
    // Qt Network hands the body to its HTTP thread through this thread's event loop: prepare the next
    // batch once the body is out, not before, or the server would wait for it.
    if (m_reply)
        connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            if (total > 0 && sent == total)
                QTimer::singleShot(0, this, &SyncEngine::prepareAhead);
        });
}

std::optional<std::vector<ServerVersion>> SyncEngine::versionsFrom(const QJsonObject& reply)
{
    const QJsonArray results = reply.value(u"results").toArray();
    const auto malformed = [this](const char* why) {
        qCWarning(lcSync) << "push: malformed reply:" << why;
        fail(Failure::Transient, engine_code::Malformed,
             tr("The server's answer could not be read. Nothing was marked as sent; Hearth will try again."), true);
        return std::nullopt;
    };
    if (results.size() != qsizetype(m_batch.changes.size()))
        return malformed("result count");
    std::vector<ServerVersion> versions;
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (!results.at(i).isObject())
            return malformed("result shape");
        ChangeResult r = ChangeResult::fromJson(results.at(i).toObject());
        const Change& sent = m_batch.changes[size_t(i)];
        if (r.key != sent.key)
            return malformed("result order");
        // A replay's answer stands for the first one, which was lost on the way (a refusal too).
        if (r.status == u"duplicate" && !r.firstStatus.isEmpty())
            r.status = r.firstStatus;
        if (r.status == u"rejected") {
            ++m_rejected;
            if (!m_rejectedCodes.contains(r.error))
                m_rejectedCodes << r.error;
            continue;
        }
        if (r.status != u"applied" && r.status != u"duplicate" && r.status != u"conflict")
            return malformed("result status");
        m_pushConflicts.insert(m_pushConflicts.end(), r.conflicts.begin(), r.conflicts.end());
        if (r.serverVersion > 0)
            versions.push_back({sent.entity, sent.uuid, r.serverVersion, r.serverSeq});
    }
    return versions;
}

void SyncEngine::onPushed(const QJsonObject& reply)
{
    auto versions = versionsFrom(reply);
    if (!versions)
        return;
    SyncState state(m_vault);
    // A wider release re-delivers the client's records pushed before this sync under the older one.
    std::vector<Redelivery> redeliveries;
    if (m_cursorAtStart > 0) {
        for (const Redelivery& r : m_batch.newReleases) {
            auto first = state.firstChangeOf(r.clientUuid);
            if (!first) {
                fail(Failure::Final, engine_code::Store, first.error().message, true);
                return;
            }
            if (*first > 0 && *first <= m_cursorAtStart)
                redeliveries.push_back(r);
        }
    }
    m_answeredVersions.clear();
    for (const ServerVersion& v : *versions)
        m_answeredVersions.insert(v.entityUuid, v.serverVersion);
    const int sent = int(m_batch.changes.size());
    const qint64 through = m_batchThrough;
    const qint64 rows = m_batchRows;
    // The batch prepared ahead goes out before this one is recorded, so the server applies it meanwhile.
    // Should recording fail, the next sync sends both again under the same keys: the server answers
    // duplicates and changes nothing.
    const bool nextSent = sendAhead(through);
    if (auto st = state.recordPushed(through, *versions, sent, redeliveries); !st) {
        fail(Failure::Final, engine_code::Store, st.error().message, true);
        return;
    }
    m_sent += sent;
    m_pending = std::max<qint64>(0, m_pending - rows);
    m_backoff.reset();
    Q_EMIT progress(m_sent, m_pending);
    if (!nextSent && m_phase == Phase::Pushing)
        QTimer::singleShot(0, this, &SyncEngine::pushNextBatch);
}

void SyncEngine::redeliverNext()
{
    SyncState state(m_vault);
    auto queued = state.redeliveries();
    if (!queued) {
        fail(Failure::Final, engine_code::Store, queued.error().message, false);
        return;
    }
    if (queued->empty()) {
        startPull();
        return;
    }
    const Redelivery next = queued->front();
    auto changes = state.latestChangesOf(next.clientUuid);
    if (!changes) {
        fail(Failure::Final, engine_code::Store, changes.error().message, false);
        return;
    }
    auto batch = prepare(*changes, next.releaseUuid);
    if (!batch)
        return;
    m_batch = std::move(*batch);
    m_redeliveryClient = next.clientUuid;
    if (m_batch.changes.empty()) {
        if (auto st = state.finishRedelivery(next.clientUuid, {}, 0); !st) {
            fail(Failure::Final, engine_code::Store, st.error().message, false);
            return;
        }
        QTimer::singleShot(0, this, &SyncEngine::redeliverNext);
        return;
    }
    PushRequest request {m_registration->deviceId, m_batch.changes};
    post(protocol::apiPath("push"), request.toJson(), true, [this](const QJsonObject& body) {
        auto versions = versionsFrom(body);
        if (!versions)
            return;
        const int sent = int(m_batch.changes.size());
        if (auto st = SyncState(m_vault).finishRedelivery(m_redeliveryClient, *versions, sent); !st) {
            fail(Failure::Final, engine_code::Store, st.error().message, true);
            return;
        }
        m_sent += sent;
        QTimer::singleShot(0, this, &SyncEngine::redeliverNext);
    });
}

void SyncEngine::succeed()
{
    m_phase = Phase::Idle;
    m_backoff.reset();
    SyncState state(m_vault);
    (void)state.recordSuccess();
    QString message = tr("Sync finished: %n change(s) sent.", nullptr, int(m_sent));
    if (m_pulled > 0)
        message += u' ' + tr("%n record(s) received.", nullptr, int(m_pulled));
    if (m_rejected > 0) {
        const QString refused
            = tr("The server refused %n change(s) (%1); they stay on this workstation.", nullptr, m_rejected)
                  .arg(m_rejectedCodes.join(u", "));
        (void)state.recordFailure(QStringLiteral("rejected"), refused, true);
        message += u' ' + refused;
    }
    qCInfo(lcSync) << "sync finished:" << m_sent << "sent," << m_rejected << "rejected";
    Q_EMIT finished(true, message);
}

void SyncEngine::fail(Failure kind, const QString& code, const QString& message, bool reachedServer)
{
    const Phase phase = m_phase;
    m_phase = Phase::Idle;
    m_reply = nullptr;
    m_ahead.reset();
    qCWarning(lcSync) << "sync failed:" << code;
    if (phase == Phase::Registering) {
        Q_EMIT registrationFailed(message);
        return;
    }
    if (m_vault.state() == Vault::State::Unlocked)
        (void)SyncState(m_vault).recordFailure(code, message, reachedServer);
    Q_EMIT finished(false, message);
    if (kind == Failure::Transient && m_settings.retry) {
        const qint64 delay = m_backoff.next();
        m_retryTimer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
        Q_EMIT retryScheduled(delay);
    }
}

// --- Offline lease and remote wipe ---------------------------------------------------------------

void SyncEngine::noteServerContact(const QJsonObject& reply)
{
    // The registration reply is recorded once the registration is saved (the lease starts with it).
    if (m_phase == Phase::Registering || !reply.contains(u"leaseDays"))
        return;
    if (auto st = SyncState(m_vault).recordServerContact(reply.value(u"leaseDays").toInt()); !st)
        qCWarning(lcSync) << "could not renew the offline lease";
}

void SyncEngine::wipeRevoked(const QString& reason)
{
    m_retryTimer->stop();
    m_registration.reset();
    m_restrictions.clear();
    m_batch = {};
    if (auto st = m_vault.wipeAfterRevocation(reason); !st)
        qCWarning(lcSync) << "remote wipe incomplete";
    else
        qCInfo(lcSync) << "remote wipe done";
    Q_EMIT deviceRevoked(reason);
}

} // namespace hearth::sync
