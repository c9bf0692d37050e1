#include "sync/client/PushPipeline.h"

#include "core/services/ConsentGate.h"
#include "core/services/ConsentRecords.h"
#include "core/syncstate/SyncInbox.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/SyncChannel.h"
#include "sync/client/SyncSettings.h"
#include "sync/protocol/Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcPush, "hearth.sync")
} // namespace

PushPipeline::PushPipeline(Vault& vault, SyncChannel& channel, const SyncSettings& settings, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_channel(channel)
    , m_settings(settings)
{
}

void PushPipeline::fail(SyncFailure::Kind kind, const QString& code, const QString& message, bool reachedServer)
{
    Q_EMIT failed(SyncFailure {kind, code, message, reachedServer});
}

void PushPipeline::start()
{
    SyncState state(m_vault);
    auto cursor = state.pushCursor();
    if (!cursor) {
        fail(SyncFailure::Kind::Final, engine_code::Store, cursor.error().message, false);
        return;
    }
    m_cursorAtStart = *cursor;
    auto pending = state.pendingCount();
    if (!pending) {
        fail(SyncFailure::Kind::Final, engine_code::Store, pending.error().message, false);
        return;
    }
    m_pending = *pending;
    m_sent = 0;
    m_rejected = 0;
    m_rejectedCodes.clear();
    m_pushConflicts.clear();
    m_ahead.reset();
    auto restrictions = ConsentRecords(m_vault).pendingRestrictions();
    if (!restrictions) {
        fail(SyncFailure::Kind::Final, engine_code::Store, restrictions.error().message, false);
        return;
    }
    m_restrictions.assign(restrictions->begin(), restrictions->end());
    m_stage = Stage::Restrictions;
    deliverNextRestriction();
}

void PushPipeline::stop()
{
    m_stage = Stage::Idle;
    m_ahead.reset();
}

void PushPipeline::clear()
{
    m_restrictions.clear();
    m_batch = {};
}

body_encoding::Encoded PushPipeline::pushBody(const SerializedBatch& batch) const
{
    return body_encoding::encode(QJsonDocument(PushRequest {m_channel.registration()->deviceId, batch.changes}.toJson())
                                     .toJson(QJsonDocument::Compact));
}

Result<SerializedBatch> PushPipeline::serialize(const std::vector<ChangeRecord>& changes, const QString& keySuffix)
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
    auto batch = PushSerializer(m_channel.registration()->deviceId)
                     .serialize(changes, *disclosures, *versions, m_vault.clock().now(), keySuffix);
    if (!batch)
        return batch.error();
    if (keySuffix.isEmpty())
        if (auto st = markResolutions(*batch); !st)
            return st.error();
    return batch;
}

Status PushPipeline::markResolutions(SerializedBatch& batch)
{
    auto resolutions = SyncInbox(m_vault).resolutionsFor(batch.sequences);
    if (!resolutions)
        return resolutions.error();
    PushSerializer::markResolutions(batch, *resolutions);
    return {};
}

Result<bool> PushPipeline::passesSecondCheck(const SerializedBatch& batch, QString* refusal)
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

std::optional<SerializedBatch> PushPipeline::prepare(const std::vector<ChangeRecord>& changes, const QString& keySuffix)
{
    auto batch = serialize(changes, keySuffix);
    if (!batch) {
        fail(SyncFailure::Kind::Final, engine_code::Store, batch.error().message, false);
        return std::nullopt;
    }
    QString refusal;
    auto passes = passesSecondCheck(*batch, &refusal);
    if (!passes) {
        fail(SyncFailure::Kind::Final, engine_code::Store, passes.error().message, false);
        return std::nullopt;
    }
    if (!*passes) {
        (void)SyncState(m_vault).recordRefusal(refusal, int(batch->changes.size()));
        m_stage = Stage::Idle;
        qCWarning(lcPush) << "sync refused by the second check; nothing sent";
        Q_EMIT refused(refusal);
        return std::nullopt;
    }
    return std::move(batch).value();
}

void PushPipeline::pushNextBatch()
{
    SyncState state(m_vault);
    auto cursor = state.pushCursor();
    if (!cursor) {
        fail(SyncFailure::Kind::Final, engine_code::Store, cursor.error().message, false);
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
            fail(SyncFailure::Kind::Final, engine_code::Store, changes.error().message, false);
            return;
        }
        if (changes->empty()) {
            m_stage = Stage::Redelivering;
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
            fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, false);
            return;
        }
        m_pending = std::max<qint64>(0, m_pending - m_batchRows);
        Q_EMIT progress(m_sent, m_pending);
        QTimer::singleShot(0, this, &PushPipeline::pushNextBatch);
        return;
    }
    sendBatch(std::move(encoded));
}

void PushPipeline::sendBatch(body_encoding::Encoded encoded)
{
    if (encoded.bytes.isEmpty())
        encoded = pushBody(m_batch);
    // From here the server may hold these changes even if its answer never comes (restrictions rely on it).
    if (auto st = SyncState(m_vault).recordSending(m_batchThrough); !st) {
        fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, false);
        return;
    }
    // Qt Network hands the body to its HTTP thread through this thread's event loop: prepare the next
    // batch once the body is out, not before, or the server would wait for it.
    m_channel.postEncoded(
        protocol::apiPath("push"), encoded, true, [this](const QJsonObject& body) { onPushed(body); },
        [this] { QTimer::singleShot(0, this, &PushPipeline::prepareAhead); });
}

std::optional<std::vector<ServerVersion>> PushPipeline::versionsFrom(const QJsonObject& reply)
{
    const QJsonArray results = reply.value(u"results").toArray();
    const auto malformed = [this](const char* why) {
        qCWarning(lcPush) << "push: malformed reply:" << why;
        fail(SyncFailure::Kind::Transient, engine_code::Malformed,
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

void PushPipeline::onPushed(const QJsonObject& reply)
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
                fail(SyncFailure::Kind::Final, engine_code::Store, first.error().message, true);
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
        fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, true);
        return;
    }
    m_sent += sent;
    m_pending = std::max<qint64>(0, m_pending - rows);
    Q_EMIT answered();
    Q_EMIT progress(m_sent, m_pending);
    if (!nextSent && m_stage == Stage::Pushing)
        QTimer::singleShot(0, this, &PushPipeline::pushNextBatch);
}

} // namespace hearth::sync
