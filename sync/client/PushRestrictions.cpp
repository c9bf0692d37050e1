// PushPipeline's restriction requests: before any push, each pending restriction request goes to the
// server, so it refuses anything older of that client still on its way. A client of whom nothing ever
// left this workstation is never named to the server (SyncState::reachedServer).
#include "core/syncstate/SyncState.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/PushPipeline.h"
#include "sync/client/SyncChannel.h"
#include "sync/protocol/Protocol.h"

namespace hearth::sync {

void PushPipeline::deliverNextRestriction()
{
    if (m_restrictions.empty()) {
        m_stage = Stage::Pushing;
        pushNextBatch();
        return;
    }
    const hearth::RestrictionRequest next = m_restrictions.front();
    // Nothing of the client ever left this workstation: there is nothing to take back, and sending the
    // request would itself tell the server the client's id.
    auto reached = SyncState(m_vault).reachedServer(next.clientUuid);
    if (!reached) {
        fail(SyncFailure::Kind::Final, engine_code::Store, reached.error().message, false);
        return;
    }
    if (!*reached) {
        if (auto st = SyncState(m_vault).recordRestrictionUnneeded(next.uuid); !st) {
            fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, false);
            return;
        }
        m_restrictions.pop_front();
        deliverNextRestriction();
        return;
    }
    sync::RestrictionRequest request {next.uuid, next.clientUuid, next.reason, next.requestedAt};
    m_channel.post(protocol::apiPath("restrictions"), request.toJson(), true,
                   [this, uuid = next.uuid](const QJsonObject& body) {
                       const QString status = body.value(u"status").toString();
                       if (status != u"applied" && status != u"duplicate") {
                           fail(SyncFailure::Kind::Transient, engine_code::Malformed,
                                tr("The server's answer could not be read. Nothing was changed; Hearth will try "
                                   "again."),
                                true);
                           return;
                       }
                       restrictionDone(uuid);
                   });
}

void PushPipeline::restrictionDone(const QString& requestUuid)
{
    if (auto st = SyncState(m_vault).recordRestrictionDelivered(requestUuid); !st) {
        fail(SyncFailure::Kind::Final, engine_code::Store, st.error().message, true);
        return;
    }
    m_restrictions.pop_front();
    deliverNextRestriction();
}

bool PushPipeline::restrictionRefused(int status, const QString& code)
{
    if (m_stage != Stage::Restrictions || m_restrictions.empty())
        return false;
    // Not found: nothing of the client is on the server, so nothing is left to remove. Another agency's
    // client: only that agency can take them off; the refusal is reported and the next sync does not retry.
    const bool notHeld = status == 404 && code == error_code::NotFound;
    const bool notOurs = status == 403 && code == error_code::NotRecordOwner;
    if (!notHeld && !notOurs)
        return false;
    if (notOurs) {
        ++m_rejected;
        if (!m_rejectedCodes.contains(code))
            m_rejectedCodes << code;
    }
    restrictionDone(m_restrictions.front().uuid);
    return true;
}

} // namespace hearth::sync
