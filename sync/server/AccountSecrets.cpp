#include "sync/server/AccountSecrets.h"

#include <sodium.h>

namespace hearth::server::account_secrets {

namespace {

struct Limits
{
    unsigned long long ops;
    size_t memory;
};

Limits limitsOf(PasswordHashCost cost)
{
    if (cost == PasswordHashCost::InsecureFastForTests)
        return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

} // namespace

QByteArray hashPassword(QByteArray password, PasswordHashCost cost)
{
    char hash[crypto_pwhash_STRBYTES];
    const Limits limits = limitsOf(cost);
    const int rc = crypto_pwhash_str(hash, password.constData(), quint64(password.size()), limits.ops, limits.memory);
    sodium_memzero(password.data(), size_t(password.size()));
    return rc == 0 ? QByteArray(hash) : QByteArray();
}

bool verifyPassword(const QByteArray& hash, QByteArray password)
{
    const bool ok = crypto_pwhash_str_verify(hash.constData(), password.constData(), quint64(password.size())) == 0;
    sodium_memzero(password.data(), size_t(password.size()));
    return ok;
}

bool needsRehash(const QByteArray& hash, PasswordHashCost cost)
{
    const Limits limits = limitsOf(cost);
    return crypto_pwhash_str_needs_rehash(hash.constData(), limits.ops, limits.memory) != 0;
}

const QByteArray& dummyHash(PasswordHashCost cost)
{
    if (cost == PasswordHashCost::InsecureFastForTests) {
        static const QByteArray fast = hashPassword(QByteArrayLiteral("not a password"), cost);
        return fast;
    }
    static const QByteArray interactive = hashPassword(QByteArrayLiteral("not a password"), cost);
    return interactive;
}

} // namespace hearth::server::account_secrets
