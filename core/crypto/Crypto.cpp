#include "core/crypto/Crypto.h"

#include <QObject>

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <sys/resource.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace hearth {

KdfParams KdfParams::fastForTests()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

namespace crypto {

namespace {
const unsigned char* bytes(const QByteArray& array)
{
    return reinterpret_cast<const unsigned char*>(array.constData());
}
unsigned char* bytes(QByteArray& array)
{
    return reinterpret_cast<unsigned char*>(array.data());
}
} // namespace

bool initialize()
{
    // Core dumps would write the data key and client records to disk in the clear.
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
#ifdef Q_OS_LINUX
    // A piped core_pattern (systemd-coredump, apport) may ignore RLIMIT_CORE; a non-dumpable process is
    // never dumped, and other processes of the same user cannot ptrace it or read its memory.
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    return sodium_init() >= 0;
}

QByteArray randomBytes(std::size_t size)
{
    QByteArray out(static_cast<qsizetype>(size), Qt::Uninitialized);
    randombytes_buf(out.data(), size);
    return out;
}

namespace {
std::atomic<quint64> g_derivations {0};
} // namespace

quint64 keyDerivations()
{
    return g_derivations.load();
}

Result<SecretBytes> deriveKey(const SecretBytes& password, const QByteArray& salt, const KdfParams& params)
{
    ++g_derivations;
    if (static_cast<std::size_t>(salt.size()) != crypto_pwhash_SALTBYTES)
        return makeError(ErrorCode::KeySlotCorrupt, QObject::tr("A key slot has a damaged salt."));
    if (params.opsLimit < crypto_pwhash_OPSLIMIT_MIN || params.memLimitBytes < crypto_pwhash_MEMLIMIT_MIN
        || params.memLimitBytes > crypto_pwhash_MEMLIMIT_MAX)
        return makeError(ErrorCode::KeySlotCorrupt, QObject::tr("A key slot has invalid key-derivation settings."));
    SecretBytes key(kDataKeyBytes);
    if (crypto_pwhash(key.data(), key.size(), password.chars(), password.size(), bytes(salt), params.opsLimit,
                      static_cast<std::size_t>(params.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::Internal,
                         QObject::tr("Not enough memory to check the password. Close other programs and try again."));
    return key;
}

QByteArray encrypt(const SecretBytes& key, const SecretBytes& plaintext, const QByteArray& context)
{
    constexpr auto nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    QByteArray out(static_cast<qsizetype>(nonceBytes + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES),
                   Qt::Uninitialized);
    randombytes_buf(out.data(), nonceBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(bytes(out) + nonceBytes, &written, plaintext.data(), plaintext.size(),
                                               bytes(context), static_cast<unsigned long long>(context.size()), nullptr,
                                               bytes(out), key.data());
    return out;
}

Result<SecretBytes> decrypt(const SecretBytes& key, const QByteArray& sealed, const QByteArray& context)
{
    constexpr auto nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr auto tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (static_cast<std::size_t>(sealed.size()) < nonceBytes + tagBytes || key.size() != kDataKeyBytes)
        return makeError(ErrorCode::KeySlotCorrupt, QObject::tr("A key slot is damaged."));
    SecretBytes plain(static_cast<std::size_t>(sealed.size()) - nonceBytes - tagBytes);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &written, nullptr, bytes(sealed) + nonceBytes,
                                                   static_cast<unsigned long long>(sealed.size()) - nonceBytes,
                                                   bytes(context), static_cast<unsigned long long>(context.size()),
                                                   bytes(sealed), key.data())
        != 0)
        return makeError(ErrorCode::WrongPassword, QObject::tr("The password is not correct."));
    return plain;
}

KeyPair generateKeyPair()
{
    KeyPair pair {QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized), SecretBytes(crypto_box_SECRETKEYBYTES)};
    crypto_box_keypair(bytes(pair.publicKey), pair.secretKey.data());
    return pair;
}

KeyPair keyPairFromSeed(const SecretBytes& seed)
{
    KeyPair pair {QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized), SecretBytes(crypto_box_SECRETKEYBYTES)};
    SecretBytes boxSeed(crypto_box_SEEDBYTES);
    static const char personal[] = "hearth-recovery";
    crypto_generichash(boxSeed.data(), boxSeed.size(), seed.data(), seed.size(),
                       reinterpret_cast<const unsigned char*>(personal), sizeof personal - 1);
    crypto_box_seed_keypair(bytes(pair.publicKey), pair.secretKey.data(), boxSeed.data());
    return pair;
}

QByteArray seal(const SecretBytes& plaintext, const QByteArray& publicKey)
{
    QByteArray out(static_cast<qsizetype>(plaintext.size() + crypto_box_SEALBYTES), Qt::Uninitialized);
    crypto_box_seal(bytes(out), plaintext.data(), plaintext.size(), bytes(publicKey));
    return out;
}

Result<SecretBytes> openSealed(const QByteArray& sealed, const KeyPair& keyPair)
{
    if (static_cast<std::size_t>(sealed.size()) <= crypto_box_SEALBYTES
        || keyPair.publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return makeError(ErrorCode::KeySlotCorrupt, QObject::tr("A key slot is damaged."));
    SecretBytes plain(static_cast<std::size_t>(sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), bytes(sealed), static_cast<unsigned long long>(sealed.size()),
                             bytes(keyPair.publicKey), keyPair.secretKey.data())
        != 0)
        return makeError(ErrorCode::KeySlotCorrupt, QObject::tr("A key slot is damaged."));
    return plain;
}

QByteArray sha256(const QByteArray& data)
{
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(bytes(out), bytes(data), static_cast<unsigned long long>(data.size()));
    return out;
}

SecretBytes sqlcipherRawKey(const SecretBytes& dataKey)
{
    const std::size_t hexLen = dataKey.size() * 2;
    SecretBytes literal(hexLen + 3);
    char* out = reinterpret_cast<char*>(literal.data());
    out[0] = 'x';
    out[1] = '\'';
    SecretBytes hex(hexLen + 1);
    sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), dataKey.data(), dataKey.size());
    std::copy_n(hex.chars(), hexLen, out + 2);
    out[hexLen + 2] = '\'';
    return literal;
}

} // namespace crypto
} // namespace hearth
