#include "core/crypto/KeySlots.h"

#include <QObject>

namespace hearth::keyslots {

namespace {
QByteArray wrapContext(const QString& storeId, const QString& userId)
{
    // Binds the wrapped key to its store and user: a slot copied elsewhere does not open.
    return "hearth-slot/1|" + storeId.toUtf8() + '|' + userId.toUtf8();
}

Error wrongPassword()
{
    return makeError(ErrorCode::WrongPassword, QObject::tr("The user ID or password is not correct."));
}
} // namespace

Result<UserKeySlot> makeUserSlot(const QString& storeId, const QString& userId, const QString& login,
                                 const SecretBytes& password, const SecretBytes& dataKey, const KdfParams& kdf)
{
    UserKeySlot slot;
    slot.userId = userId;
    slot.login = login;
    slot.salt = crypto::randomBytes(crypto::kSaltBytes);
    slot.kdf = kdf;
    auto kek = crypto::deriveKey(password, slot.salt, kdf);
    if (!kek)
        return kek.error();
    crypto::KeyPair pair = crypto::generateKeyPair();
    slot.publicKey = pair.publicKey;
    slot.wrappedSecretKey = crypto::encrypt(*kek, pair.secretKey, wrapContext(storeId, userId));
    slot.sealedDataKey = crypto::seal(dataKey, pair.publicKey);
    return slot;
}

Result<SecretBytes> openUserSlot(const QString& storeId, const UserKeySlot& slot, const SecretBytes& password)
{
    auto kek = crypto::deriveKey(password, slot.salt, slot.kdf);
    if (!kek)
        return kek.error();
    auto secretKey = crypto::decrypt(*kek, slot.wrappedSecretKey, wrapContext(storeId, slot.userId));
    if (!secretKey)
        return secretKey.code() == ErrorCode::WrongPassword ? wrongPassword() : secretKey.error();
    const crypto::KeyPair pair {slot.publicKey, std::move(secretKey.value())};
    auto dataKey = crypto::openSealed(slot.sealedDataKey, pair);
    if (dataKey && dataKey->size() != crypto::kDataKeyBytes)
        return makeError(ErrorCode::KeySlotCorrupt, QObject::tr("A key slot is damaged."));
    return dataKey;
}

RecoverySlot makeRecoverySlot(const RecoveryKey& recoveryKey, const SecretBytes& dataKey)
{
    const crypto::KeyPair pair = crypto::keyPairFromSeed(recoveryKey.secret());
    return {pair.publicKey, crypto::seal(dataKey, pair.publicKey)};
}

Result<SecretBytes> openRecoverySlot(const RecoverySlot& slot, const RecoveryKey& recoveryKey)
{
    const crypto::KeyPair pair = crypto::keyPairFromSeed(recoveryKey.secret());
    if (pair.publicKey != slot.publicKey)
        return makeError(ErrorCode::WrongPassword,
                         QObject::tr("This is not the recovery key for this agency's store."));
    return crypto::openSealed(slot.sealedDataKey, pair);
}

QByteArray recoveryPublicKey(const RecoveryKey& recoveryKey)
{
    return crypto::keyPairFromSeed(recoveryKey.secret()).publicKey;
}

} // namespace hearth::keyslots
