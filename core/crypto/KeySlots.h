#pragma once

#include "core/common/Result.h"
#include "core/crypto/RecoveryKey.h"
#include "core/store/KeyFile.h"

namespace hearth::keyslots {

/// Creates a fresh slot for @p login: new key pair, secret half wrapped under Argon2id(@p password).
Result<UserKeySlot> makeUserSlot(const QString& storeId, const QString& userId, const QString& login,
                                 const SecretBytes& password, const SecretBytes& dataKey, const KdfParams& kdf);

/// Opens @p slot with @p password. WrongPassword when the password does not unwrap it.
Result<SecretBytes> openUserSlot(const QString& storeId, const UserKeySlot& slot, const SecretBytes& password);

RecoverySlot makeRecoverySlot(const RecoveryKey& recoveryKey, const SecretBytes& dataKey);
Result<SecretBytes> openRecoverySlot(const RecoverySlot& slot, const RecoveryKey& recoveryKey);

/// The public key the recovery slot seals to, so rotation can re-seal without the recovery key.
QByteArray recoveryPublicKey(const RecoveryKey& recoveryKey);

} // namespace hearth::keyslots
