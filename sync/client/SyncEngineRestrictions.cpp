// The restriction phase of SyncEngine: before any push, each pending restriction request goes to the
// server, so it refuses anything older of that client still on its way. A client of whom nothing ever
// left this workstation is never named to the server (SyncState::reachedServer).
#include "core/services/ConsentRecords.h"
#include "core/syncstate/SyncState.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/Protocol.h"

namespace hearth::sync {

void SyncEngine::deliverNextRestriction()
{
    if (m_restrictions.empty()) {
        m_phase = Phase::Pushing;
        pushNextBatch();
        return;
    }
    const hearth::RestrictionRequest next = m_restrictions.front();
    // Nothing of the client ever left this workstation: there is nothing to take back, and sending the
    // request would itself tell the server the client's id.
    auto reached = SyncState(m_vault).reachedServer(next.clientUuid);
    if (!reached) {
        fail(Failure::Final, engine_code::Store, reached.error().message, false);
        return;
    }
    if (!*reached) {
        if (auto st = SyncState(m_vault).recordRestrictionUnneeded(next.uuid); !st) {
            fail(Failure::Final, engine_code::Store, st.error().message, false);
            return;
        }
        m_restrictions.pop_front();
        deliverNextRestriction();
        return;
    }
    sync::RestrictionRequest request {next.uuid, next.clientUuid, next.reason, next.requestedAt};
    post(protocol::apiPath("restrictions"), request.toJson(), true, [this, uuid = next.uuid](const QJsonObject& body) {
        const QString status = body.value(u"status").toString();
        if (status != u"applied" && status != u"duplicate") {
            fail(Failure::Transient, engine_code::Malformed,
                 tr("The server's answer could not be read. Nothing was changed; Hearth will try again."), true);
            return;
        }
        restrictionDone(uuid);
    });
}

void SyncEngine::restrictionDone(const QString& requestUuid)
{
    if (auto st = SyncState(m_vault).recordRestrictionDelivered(requestUuid); !st) {
        fail(Failure::Final, engine_code::Store, st.error().message, true);
        return;
    }
    m_restrictions.pop_front();
    deliverNextRestriction();
}

bool SyncEngine::restrictionRefused(int status, const QString& code)
{
    if (m_phase != Phase::Restrictions || m_restrictions.empty())
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
