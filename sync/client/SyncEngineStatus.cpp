// The device status check of SyncEngine: at sign-in and unlock the workstation asks the server it
// registered with whether it is still registered, so a revoked laptop wipes itself even when client
// records are closed and no sync runs (docs/security.md, "Remote wipe").
#include "core/services/AuditAnchors.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/ServerUrl.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/Messages.h"
#include "sync/protocol/Protocol.h"

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
    } else if (status.toInt() == 200) {
        checkAuditAnchor(body);
    }
    Q_EMIT deviceStatusChecked(true);
}

void SyncEngine::checkAuditAnchor(const QJsonObject& statusReply)
{
    const QJsonValue kept = statusReply.value(u"auditAnchor");
    if (!kept.isObject())
        return; // no sync has reported one yet
    auto parsed = AuditAnchorMessage::fromJson(kept.toObject());
    if (std::holds_alternative<ParseError>(parsed)) {
        qCWarning(lcStatus) << "device status: unreadable audit anchor";
        return;
    }
    const auto& anchor = std::get<AuditAnchorMessage>(parsed);
    auto problem = AuditAnchors(m_vault).check({anchor.seq, anchor.hash});
    if (!problem) {
        qCWarning(lcStatus) << "device status: the audit anchor could not be checked";
        return;
    }
    if (*problem) {
        qCWarning(lcStatus) << "the audit log no longer extends what the server saw";
        Q_EMIT auditAnchorBroken(**problem);
    } else {
        (void)AuditAnchors(m_vault).keepConfirmed({anchor.seq, anchor.hash});
    }
}

void SyncEngine::sendAuditAnchor()
{
    // A chain found broken sends nothing more: the server keeps the anchor it had, and says so at each sign-in.
    auto broken = AuditAnchors(m_vault).problem();
    auto head = AuditAnchors(m_vault).head();
    if (!broken || !broken->isEmpty() || !head || head->seq == 0) {
        succeed();
        return;
    }
    m_phase = Phase::Anchoring;
    const AuditAnchorMessage anchor {head->seq, head->hash};
    QJsonObject body = anchor.toJson();
    body.insert(u"protocol"_qs, protocol::kVersion);
    post(protocol::apiPath("device/audit-anchor"), body, true, [this, anchor](const QJsonObject&) {
        (void)AuditAnchors(m_vault).keepConfirmed({anchor.seq, anchor.hash});
        succeed();
    });
}

bool SyncEngine::fromRegisteredServer(const QUrl& replyUrl) const
{
    auto registration = SyncState(m_vault).registrationForStatusCheck();
    return registration && registration->has_value() && sameOrigin(replyUrl, QUrl((*registration)->serverUrl));
}

} // namespace hearth::sync
