#pragma once

#include "core/common/Result.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>

#include <cstdint>

namespace hearth {

/// @brief Argon2id cost parameters, stored with each key slot so they can be raised later.
struct KdfParams
{
    std::uint64_t opsLimit = 3;
    std::uint64_t memLimitBytes = 256ull * 1024 * 1024;

    /// Tuned on the reference machine (2 cores): about 0.5 s per derivation, 256 MiB of memory.
    static KdfParams production() { return {3, 256ull * 1024 * 1024}; }
    /// libsodium's minimum cost. Only for tests, which derive keys hundreds of times.
    static KdfParams fastForTests();
};

namespace crypto {

constexpr std::size_t kDataKeyBytes = 32;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kPublicKeyBytes = 32;

/// Initializes libsodium and turns off core dumps for this process. Safe to call repeatedly.
bool initialize();

QByteArray randomBytes(std::size_t size);

/// Derives a 256-bit key-encryption key from @p password with Argon2id.
Result<SecretBytes> deriveKey(const SecretBytes& password, const QByteArray& salt, const KdfParams& params);
/// How many key derivations this process ran: tests check that a refused sign-in costs one, as a real one does.
quint64 keyDerivations();

/// XChaCha20-Poly1305: returns nonce || ciphertext || tag. @p context is authenticated, not encrypted.
QByteArray encrypt(const SecretBytes& key, const SecretBytes& plaintext, const QByteArray& context);
/// Fails (empty result) if the key is wrong or anything was altered.
Result<SecretBytes> decrypt(const SecretBytes& key, const QByteArray& sealed, const QByteArray& context);

/// An X25519 key pair; the secret half stays in locked memory.
struct KeyPair
{
    QByteArray publicKey;
    SecretBytes secretKey;
};
KeyPair generateKeyPair();
/// Deterministic key pair from a 32-byte seed (the recovery key).
KeyPair keyPairFromSeed(const SecretBytes& seed);

/// Anonymous sealed box to @p publicKey. Anyone may seal; only the key pair's owner may open.
QByteArray seal(const SecretBytes& plaintext, const QByteArray& publicKey);
Result<SecretBytes> openSealed(const QByteArray& sealed, const KeyPair& keyPair);

/// SHA-256 of @p data, raw bytes.
QByteArray sha256(const QByteArray& data);

/// The SQLCipher raw-key literal x'<64 hex digits>' for a 32-byte key, in wiped memory.
SecretBytes sqlcipherRawKey(const SecretBytes& dataKey);

} // namespace crypto
} // namespace hearth
