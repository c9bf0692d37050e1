#include "sync/client/SyncChannel.h"

#include "sync/client/EngineCodes.h"
#include "sync/client/ServerUrl.h"
#include "sync/protocol/Messages.h"
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

SyncChannel::SyncChannel(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setStrictTransportSecurityEnabled(true);
}

bool SyncChannel::busy() const
{
    return !m_reply.isNull();
}

bool SyncChannel::asideBusy() const
{
    return !m_asideReply.isNull();
}

void SyncChannel::forget()
{
    m_reply = nullptr;
}

void SyncChannel::cancel()
{
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
}

void SyncChannel::abort()
{
    if (m_reply)
        m_reply->abort();
}

void SyncChannel::post(const QString& path, const QJsonObject& body, bool authenticated, OnReply onOk)
{
    postEncoded(path, body_encoding::encode(QJsonDocument(body).toJson(QJsonDocument::Compact)), authenticated,
                std::move(onOk));
}

void SyncChannel::postEncoded(const QString& path, const body_encoding::Encoded& body, bool authenticated, OnReply onOk,
                              std::function<void()> onUploaded)
{
    QUrl url(m_registration->serverUrl);
    url.setPath(url.path(QUrl::FullyDecoded) + path);
    if (auto st = checkServerUrl(url); !st) {
        fail(SyncFailure::Kind::Final, engine_code::Network, st.error().message, false);
        return;
    }
    QNetworkRequest request = requestTo(url, authenticated);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!body.contentEncoding.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Content-Encoding"), body.contentEncoding);
    QNetworkReply* reply = m_network->post(request, body.bytes);
    watch(reply, std::move(onOk));
    if (onUploaded)
        connect(reply, &QNetworkReply::uploadProgress, this,
                [onUploaded = std::move(onUploaded)](qint64 sent, qint64 total) {
                    if (total > 0 && sent == total)
                        onUploaded();
                });
}

void SyncChannel::get(const QString& pathAndQuery, OnReply onOk)
{
    QUrl url(m_registration->serverUrl);
    const QUrl relative(pathAndQuery);
    url.setPath(url.path(QUrl::FullyDecoded) + relative.path(QUrl::FullyDecoded));
    url.setQuery(relative.query(QUrl::FullyEncoded), QUrl::StrictMode);
    if (auto st = checkServerUrl(url); !st) {
        fail(SyncFailure::Kind::Final, engine_code::Network, st.error().message, false);
        return;
    }
    QNetworkRequest request = requestTo(url, true);
    request.setRawHeader(protocol::kProtocolHeader, QByteArray::number(protocol::kVersion));
    watch(m_network->get(request), std::move(onOk));
}

bool SyncChannel::getAside(const QString& path, OnAside onDone)
{
    QUrl url(m_registration->serverUrl);
    url.setPath(url.path(QUrl::FullyDecoded) + path);
    if (auto st = checkServerUrl(url); !st)
        return false;
    QNetworkRequest request = requestTo(url, true);
    request.setRawHeader(protocol::kProtocolHeader, QByteArray::number(protocol::kVersion));
    QNetworkReply* reply = m_network->get(request);
    m_asideReply = reply;
    requirePin(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, onDone = std::move(onDone)] {
        reply->deleteLater();
        m_asideReply = nullptr;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (reply->property("hearthPinMismatch").toBool() || !status.isValid()) {
            onDone(0, {}, reply->url());
            return;
        }
        onDone(status.toInt(), reply->readAll(), reply->url());
    });
    return true;
}

QNetworkRequest SyncChannel::requestTo(const QUrl& url, bool authenticated) const
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    // A redirect could lead to an address checkServerUrl() would refuse: follow none.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setSslConfiguration(QSslConfiguration::defaultConfiguration()); // peer verification on
    if (authenticated) {
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_registration->token.toUtf8());
        request.setRawHeader(protocol::kDeviceHeader, m_registration->deviceId.toUtf8());
    }
    return request;
}

void SyncChannel::requirePin(QNetworkReply* reply) const
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

void SyncChannel::watch(QNetworkReply* reply, OnReply onOk)
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

void SyncChannel::onReply(QNetworkReply* reply, const OnReply& onOk)
{
    m_reply = nullptr;
    if (reply->property("hearthPinMismatch").toBool()) {
        fail(SyncFailure::Kind::Final, engine_code::Pin,
             tr("The server's certificate is not the one this workstation was set up to trust. Nothing was sent. "
                "Tell your administrator."),
             false);
        return;
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        qCWarning(lcHttp) << "no answer from the server, network error" << int(reply->error());
        const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        fail(tls ? SyncFailure::Kind::Final : SyncFailure::Kind::Transient, engine_code::Network,
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
        Q_EMIT answered(*body);
        onOk(*body);
        return;
    }
    if (status >= 500 || status == 200) {
        // A 200 that is not a protocol body counts as malformed: nothing advances.
        qCWarning(lcHttp) << "server answered" << status << (code.isEmpty() ? QStringLiteral("-") : code);
        fail(SyncFailure::Kind::Transient, status == 200 ? engine_code::Malformed : code,
             status == 200 ? tr("The server's answer could not be read. Nothing was marked as sent; Hearth will try "
                                "again.")
                           : tr("The HMIS server had a problem (error %1). Hearth will try again.").arg(status),
             true);
        return;
    }
    Q_EMIT refused(ServerRefusal {status, code, body != nullptr, body ? *body : QJsonObject(), reply->url()});
}

void SyncChannel::fail(SyncFailure::Kind kind, const QString& code, const QString& message, bool reachedServer)
{
    Q_EMIT failed(SyncFailure {kind, code, message, reachedServer});
}

} // namespace hearth::sync
