#include "sync/client/Registration.h"

#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/ServerUrl.h"
#include "sync/client/SyncChannel.h"
#include "sync/protocol/Protocol.h"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcRegister, "hearth.sync")

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(-1) == b.port(-1);
}
} // namespace

Registration::Registration(Vault& vault, SyncChannel& channel, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_channel(channel)
{
}

QString Registration::signInAgain()
{
    return tr("Your sign-in to the HMIS server has expired. Sign in to the server again (Sync page) to keep "
              "sharing records.");
}

Result<RegisterRequest> Registration::prepare(const QUrl& server, const QString& login, const QString& password,
                                              const QString& deviceName, const QString& pinSha256)
{
    if (auto st = checkServerUrl(server); !st)
        return st.error();
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st.error();
    auto publicId = SyncState(m_vault).devicePublicId();
    if (!publicId)
        return publicId.error();
    // Until the server answers, the address and pin being tried stand in for the registration.
    SyncRegistration pending;
    pending.serverUrl = server.toString(QUrl::StripTrailingSlash);
    pending.pinSha256 = pinSha256;
    m_channel.setRegistration(pending);
    return RegisterRequest {login, password, deviceName, *publicId};
}

void Registration::send(const RegisterRequest& request)
{
    m_channel.post(protocol::apiPath("devices/register"), request.toJson(), false, [this](const QJsonObject& body) {
        auto parsed = RegisterReply::fromJson(body);
        if (const auto* e = std::get_if<ParseError>(&parsed)) {
            qCWarning(lcRegister) << "register: malformed reply" << e->code;
            Q_EMIT failed(SyncFailure {SyncFailure::Kind::Final, engine_code::Malformed,
                                       tr("The server's answer could not be read. Nothing was changed."), true});
            return;
        }
        const auto& reply = std::get<RegisterReply>(parsed);
        SyncRegistration r = *m_channel.registration();
        r.deviceId = reply.deviceId;
        r.token = reply.token;
        r.tokenExpiresAt = reply.tokenExpiresAt;
        r.agency = reply.agency;
        r.leaseDays = reply.leaseDays;
        r.registeredAt = m_vault.clock().now();
        r.registeredBy = m_vault.user() ? m_vault.user()->login : QString();
        Q_EMIT answered();
        if (auto st = SyncState(m_vault).saveRegistration(r); !st) {
            Q_EMIT registrationFailed(st.error().message);
            return;
        }
        m_channel.setRegistration(r);
        if (auto st = SyncState(m_vault).recordServerContact(reply.leaseDays); !st)
            qCWarning(lcRegister) << "could not renew the offline lease";
        qCInfo(lcRegister) << "registered with the server";
        Q_EMIT registered();
    });
}

bool Registration::checkStatus()
{
    if (m_channel.asideBusy())
        return false;
    auto registration = SyncState(m_vault).registrationForStatusCheck();
    if (!registration || !registration->has_value() || (*registration)->token.isEmpty())
        return false;
    m_channel.setRegistration(**registration);
    return m_channel.getAside(protocol::apiPath("device"),
                              [this](int status, const QByteArray& bytes, const QUrl& url) {
                                  if (status == 0) {
                                      qCInfo(lcRegister) << "device status: server not reached";
                                      Q_EMIT deviceStatusChecked(false);
                                      return;
                                  }
                                  const QJsonObject body = QJsonDocument::fromJson(bytes).object();
                                  if (status == 403 && body.value(u"error").toString() == error_code::DeviceRevoked) {
                                      if (fromRegisteredServer(url)) {
                                          qCWarning(lcRegister) << "device status: revoked on the server";
                                          Q_EMIT revoked(body.value(u"reason").toString());
                                      }
                                  } else if (status == 200) {
                                      Q_EMIT statusAnswered(body);
                                  }
                                  Q_EMIT deviceStatusChecked(true);
                              });
}

bool Registration::fromRegisteredServer(const QUrl& replyUrl) const
{
    auto registration = SyncState(m_vault).registrationForStatusCheck();
    return registration && registration->has_value() && sameOrigin(replyUrl, QUrl((*registration)->serverUrl));
}

void Registration::forgetToken()
{
    (void)SyncState(m_vault).forgetToken();
}

void Registration::noteServerContact(const QJsonObject& reply)
{
    if (!reply.contains(u"leaseDays"))
        return;
    if (auto st = SyncState(m_vault).recordServerContact(reply.value(u"leaseDays").toInt()); !st)
        qCWarning(lcRegister) << "could not renew the offline lease";
}

} // namespace hearth::sync
