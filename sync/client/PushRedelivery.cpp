// PushPipeline's re-deliveries: a record pushed in an earlier sync under a narrower release goes again,
// under the client's wider one (new idempotency keys), once the change log is through (docs/sync.md,
// "Re-delivery under a wider release"). Each goes through the consent gate and the second check again.
#include "core/syncstate/SyncState.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/PushPipeline.h"
#include "sync/client/SyncChannel.h"
#include "sync/protocol/Protocol.h"

#include <QTimer>

namespace hearth::sync {

void PushPipeline::redeliverNext()
{
    SyncState state(m_vault);
    auto queued = state.redeliveries();
    if (!queued) {
        fail(SyncFailure::Kind::Final, engine_code::Store, queued.error().message, false);
        return;
    }
    if (queued->empty()) {
        m_stage = Stage::Idle;
        Q_EMIT done();
        return;
    }
    const Redelivery next = queued->front();
    auto changes = state.latestChangesOf(next.clientUuid);
    if (!changes) {
        fail(SyncFailure::Kind::Final, engine_code::Store, changes.error().message, false);
        return;
    }
    auto batch = prepare(*changes, next.releaseUuid);
    if (!batch)
        return;
    m_batch = std::move(*batch);
    m_redeliveryClient = next.clientUuid;
    if (m_batch.changes.empty()) {
        if (auto st = state.finishRedelivery(next.clientUuid, {}, 0); !st) {
            fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, false);
            return;
        }
        QTimer::singleShot(0, this, &PushPipeline::redeliverNext);
        return;
    }
    PushRequest request {m_channel.registration()->deviceId, m_batch.changes};
    m_channel.post(protocol::apiPath("push"), request.toJson(), true, [this](const QJsonObject& body) {
        auto versions = versionsFrom(body);
        if (!versions)
            return;
        const int sent = int(m_batch.changes.size());
        if (auto st = SyncState(m_vault).finishRedelivery(m_redeliveryClient, *versions, sent); !st) {
            fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, true);
            return;
        }
        m_sent += sent;
        QTimer::singleShot(0, this, &PushPipeline::redeliverNext);
    });
}

} // namespace hearth::sync
