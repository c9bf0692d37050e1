// The device status check of SyncEngine: at sign-in and unlock the workstation asks the server it
// registered with whether it is still registered, so a revoked laptop wipes itself even when client
// records are closed and no sync runs (docs/security.md, "Remote wipe").
#include "client/ServerUrl.h"
#include "client/SyncEngine.h"
#include "protocol/Protocol.h"
#include "session/SyncState.h"
#include "session/Vault.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcStatus, "hearth.sync")

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(-1) == b.port(-1);
}
} // namespace

bool SyncEngine::checkDeviceStatus()
{
    if (isBusy() || m_statusReply)
        return false;
    auto registration = SyncState(m_vault).registrationForStatusCheck();
    if (!registration || !registration->has_value() || (*registration)->token.isEmpty())
        return false;
    m_registration = **registration;
    QUrl url(m_registration->serverUrl);
    url.setPath(url.path(QUrl::FullyDecoded) + protocol::apiPath("device"));
    if (auto st = checkServerUrl(url); !st)
        return false;
    QNetworkRequest request = requestTo(url, true);
    request.setRawHeader(protocol::kProtocolHeader, QByteArray::number(protocol::kVersion));
    QNetworkReply* reply = m_network->get(request);
    m_statusReply = reply;
    requirePin(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onStatusReply(reply); });
    return true;
}

void SyncEngine::onStatusReply(QNetworkReply* reply)
{
    reply->deleteLater();
    m_statusReply = nullptr;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (reply->property("hearthPinMismatch").toBool() || !status.isValid()) {
        qCInfo(lcStatus) << "device status: server not reached";
        Q_EMIT deviceStatusChecked(false);
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    // A sync started meanwhile hears the same answer and acts on it; one wipe is enough.
    if (status.toInt() == 403 && body.value(u"error").toString() == error_code::DeviceRevoked && !isBusy()
        && fromRegisteredServer(reply->url())) {
        qCWarning(lcStatus) << "device status: revoked on the server";
        wipeRevoked(body.value(u"reason").toString());
    }
    Q_EMIT deviceStatusChecked(true);
}

bool SyncEngine::fromRegisteredServer(const QUrl& replyUrl) const
{
    auto registration = SyncState(m_vault).registrationForStatusCheck();
    return registration && registration->has_value() && sameOrigin(replyUrl, QUrl((*registration)->serverUrl));
}

} // namespace hearth::sync
