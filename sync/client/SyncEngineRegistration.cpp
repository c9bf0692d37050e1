// Registration of SyncEngine: an administrator connects this workstation to the agency server with a
// user name and password; the server answers with the device id and a token, kept in the encrypted store.
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/ServerUrl.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/Protocol.h"

#include <QLoggingCategory>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcRegister, "hearth.sync")
} // namespace

void SyncEngine::registerDevice(const QUrl& server, const QString& login, const QString& password,
                                const QString& deviceName, const QString& pinSha256)
{
    if (isBusy()) {
        Q_EMIT registrationFailed(tr("A sync is running. Try again when it has finished."));
        return;
    }
    if (auto st = checkServerUrl(server); !st) {
        Q_EMIT registrationFailed(st.error().message);
        return;
    }
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st) {
        Q_EMIT registrationFailed(st.error().message);
        return;
    }
    SyncState state(m_vault);
    auto publicId = state.devicePublicId();
    if (!publicId) {
        Q_EMIT registrationFailed(publicId.error().message);
        return;
    }
    // Until the server answers, the address and pin being tried stand in for the registration.
    SyncRegistration pending;
    pending.serverUrl = server.toString(QUrl::StripTrailingSlash);
    pending.pinSha256 = pinSha256;
    m_registration = pending;
    m_phase = Phase::Registering;
    RegisterRequest request {login, password, deviceName, *publicId};
    post(protocol::apiPath("devices/register"), request.toJson(), false, [this](const QJsonObject& body) {
        auto parsed = RegisterReply::fromJson(body);
        if (const auto* e = std::get_if<ParseError>(&parsed)) {
            qCWarning(lcRegister) << "register: malformed reply" << e->code;
            fail(Failure::Final, engine_code::Malformed,
                 tr("The server's answer could not be read. Nothing was changed."), true);
            return;
        }
        const auto& reply = std::get<RegisterReply>(parsed);
        SyncRegistration r = *m_registration;
        r.deviceId = reply.deviceId;
        r.token = reply.token;
        r.tokenExpiresAt = reply.tokenExpiresAt;
        r.agency = reply.agency;
        r.leaseDays = reply.leaseDays;
        r.registeredAt = m_vault.clock().now();
        r.registeredBy = m_vault.user() ? m_vault.user()->login : QString();
        m_phase = Phase::Idle;
        if (auto st = SyncState(m_vault).saveRegistration(r); !st) {
            Q_EMIT registrationFailed(st.error().message);
            return;
        }
        m_registration = r;
        if (auto st = SyncState(m_vault).recordServerContact(reply.leaseDays); !st)
            qCWarning(lcRegister) << "could not renew the offline lease";
        qCInfo(lcRegister) << "registered with the server";
        Q_EMIT registered();
    });
}

} // namespace hearth::sync
