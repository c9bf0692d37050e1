#include "sync/client/ServerUrl.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

namespace hearth::sync {

Status checkServerUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("Enter the server address, like https://hmis.example.org."));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http") {
        const QString host = url.host().toLower();
        const QHostAddress address(host);
        if (host == u"localhost" || address.isLoopback())
            return {};
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("Hearth sends client records only over an encrypted connection. Use an "
                                     "https:// address for the server."));
    }
    return makeError(ErrorCode::InvalidInput, QObject::tr("The server address must start with https://."));
}

QByteArray publicKeyPin(const QSslCertificate& certificate)
{
    return QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256).toBase64();
}

} // namespace hearth::sync
