// The HTTP channel of SyncEngine: requests to the registered server (no redirects, peer verification, an
// optional pinned key) and the one place every answer is read, sorted into success, retry or refusal.
#include "core/syncstate/SyncState.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/ServerUrl.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/BodyEncoding.h"
#include "sync/protocol/Protocol.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcHttp, "hearth.sync")
} // namespace

QString SyncEngine::signInAgain()
{
    return tr("Your sign-in to the HMIS server has expired. Sign in to the server again (Sync page) to keep "
              "sharing records.");
}

body_encoding::Encoded SyncEngine::pushBody(const SerializedBatch& batch) const
{
    return body_encoding::encode(
        QJsonDocument(PushRequest {m_registration->deviceId, batch.changes}.toJson()).toJson(QJsonDocument::Compact));
}

void SyncEngine::post(const QString& path, const QJsonObject& body, bool authenticated, OnReply onOk)
{
    postEncoded(path, body_encoding::encode(QJsonDocument(body).toJson(QJsonDocument::Compact)), authenticated,
                std::move(onOk));
}

void SyncEngine::postEncoded(const QString& path, const body_encoding::Encoded& body, bool authenticated, OnReply onOk)
{
    QUrl url(m_registration->serverUrl);
    url.setPath(url.path(QUrl::FullyDecoded) + path);
    if (auto st = checkServerUrl(url); !st) {
        fail(Failure::Final, engine_code::Network, st.error().message, false);
        return;
    }
    QNetworkRequest request = requestTo(url, authenticated);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!body.contentEncoding.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Content-Encoding"), body.contentEncoding);
    watch(m_network->post(request, body.bytes), std::move(onOk));
}

QNetworkRequest SyncEngine::requestTo(const QUrl& url, bool authenticated) const
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_settings.requestTimeoutMs);
    // A redirect could lead to an address checkServerUrl() would refuse: follow none.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setSslConfiguration(QSslConfiguration::defaultConfiguration()); // peer verification on
    if (authenticated) {
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_registration->token.toUtf8());
        request.setRawHeader(protocol::kDeviceHeader, m_registration->deviceId.toUtf8());
    }
    return request;
}

void SyncEngine::requirePin(QNetworkReply* reply) const
{
    const QByteArray pin = m_registration->pinSha256.toLatin1();
    if (pin.isEmpty())
        return;
    connect(reply, &QNetworkReply::encrypted, reply, [reply, pin] {
        if (publicKeyPin(reply->sslConfiguration().peerCertificate()) != pin) {
            reply->setProperty("hearthPinMismatch", true);
            reply->abort();
        }
    });
}

void SyncEngine::watch(QNetworkReply* reply, OnReply onOk)
{
    m_reply = reply;
    requirePin(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, onOk = std::move(onOk)] {
        reply->deleteLater();
        if (m_reply != reply)
            return; // cancelled
        onReply(reply, onOk);
    });
}

void SyncEngine::onReply(QNetworkReply* reply, OnReply onOk)
{
    m_reply = nullptr;
    if (reply->property("hearthPinMismatch").toBool()) {
        fail(Failure::Final, engine_code::Pin,
             tr("The server's certificate is not the one this workstation was set up to trust. Nothing was sent. "
                "Tell your administrator."),
             false);
        return;
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        qCWarning(lcHttp) << "no answer from the server, network error" << int(reply->error());
        const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        fail(tls ? Failure::Final : Failure::Transient, engine_code::Network,
             tls ? tr("The server's certificate could not be verified. Nothing was sent. Tell your administrator.")
                 : tr("The HMIS server could not be reached. Your records are safe on this workstation; Hearth will "
                      "try again."),
             false);
        return;
    }
    const int status = statusAttribute.toInt();
    const auto parsed = parseBody(reply->readAll());
    const QJsonObject* body = std::get_if<QJsonObject>(&parsed);
    const QString code = body ? body->value(u"error").toString() : QString();
    if (status == 200 && body && !checkProtocol(*body)) {
        noteServerContact(*body);
        onOk(*body);
        return;
    }
    if (status == 401 && (code == error_code::TokenExpired || code == error_code::TokenInvalid)) {
        if (m_phase != Phase::Registering)
            (void)SyncState(m_vault).forgetToken();
        fail(Failure::Final, code, signInAgain(), true);
        return;
    }
    if (status == 401 && code == error_code::BadCredentials) {
        fail(Failure::Final, code, tr("The server did not accept that user name and password."), true);
        return;
    }
    if (status == 403 && code == error_code::DeviceRevoked) {
        const QString reason = body->value(u"reason").toString();
        fail(Failure::Final, code,
             tr("An administrator revoked this workstation on the HMIS server. Reason given: %1").arg(reason), true);
        if (fromRegisteredServer(reply->url()))
            wipeRevoked(reason);
        else
            qCWarning(lcHttp) << "device-revoked from a server this workstation is not registered with: not wiped";
        return;
    }
    if (status >= 500 || status == 200) {
        // A 200 that is not a protocol body counts as malformed: nothing advances.
        qCWarning(lcHttp) << "server answered" << status << (code.isEmpty() ? QStringLiteral("-") : code);
        fail(Failure::Transient, status == 200 ? engine_code::Malformed : code,
             status == 200 ? tr("The server's answer could not be read. Nothing was marked as sent; Hearth will try "
                                "again.")
                           : tr("The HMIS server had a problem (error %1). Hearth will try again.").arg(status),
             true);
        return;
    }
    if (restrictionRefused(status, code))
        return;
    if (m_phase == Phase::Anchoring && status == 409 && code == error_code::AuditAnchorConflict) {
        // The records went and came back: the sync succeeded. The chain is what needs an administrator.
        const QString problem = body->value(u"message").toString();
        qCWarning(lcHttp) << "the server refused this workstation's audit anchor";
        Q_EMIT auditAnchorBroken(problem);
        succeed();
        return;
    }
    qCWarning(lcHttp) << "server refused the request" << status << code;
    fail(Failure::Final, code.isEmpty() ? QString::number(status) : code,
         tr("The HMIS server refused the request (error %1: %2).")
             .arg(status)
             .arg(body ? body->value(u"message").toString() : tr("no details")),
         true);
}

} // namespace hearth::sync
