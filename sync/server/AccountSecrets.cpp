#include "sync/server/AccountSecrets.h"

#include <sodium.h>

namespace hearth::server::account_secrets {

QByteArray hashPassword(QByteArray password)
{
    char hash[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str(hash, password.constData(), quint64(password.size()),
                                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    sodium_memzero(password.data(), size_t(password.size()));
    return rc == 0 ? QByteArray(hash) : QByteArray();
}

bool verifyPassword(const QByteArray& hash, QByteArray password)
{
    const bool ok = crypto_pwhash_str_verify(hash.constData(), password.constData(), quint64(password.size())) == 0;
    sodium_memzero(password.data(), size_t(password.size()));
    return ok;
}

const QByteArray& dummyHash()
{
    static const QByteArray hash = hashPassword(QByteArrayLiteral("not a password"));
    return hash;
}

} // namespace hearth::server::account_secrets
