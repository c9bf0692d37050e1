#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QUrl>

class QSslCertificate;

namespace hearth::sync {

/// Refuses a server address Hearth will not send client records to: anything but https, except
/// plain http to this machine (127.0.0.0/8, ::1, localhost) for tests and a local proxy.
Status checkServerUrl(const QUrl& url);

/// The pin of a server certificate: base64 of the SHA-256 of its public key (SubjectPublicKeyInfo,
/// DER), the form `openssl x509 -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256
/// -binary | base64` prints.
QByteArray publicKeyPin(const QSslCertificate& certificate);

} // namespace hearth::sync
