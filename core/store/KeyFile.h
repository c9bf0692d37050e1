#pragma once

#include "core/common/Result.h"
#include "core/crypto/Crypto.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace hearth {

/// @brief One user's key slot: an X25519 key pair whose secret half is wrapped under the user's
/// Argon2id password key, and the data key sealed to its public half.
///
/// Sealing to a public key lets an administrator re-seal a rotated data key to every user without
/// knowing their passwords; only the password opens the secret half.
struct UserKeySlot
{
    QString userId;
    QString login;
    QByteArray salt;
    KdfParams kdf;
    QByteArray publicKey;
    QByteArray wrappedSecretKey;
    QByteArray sealedDataKey;
    int failedAttempts = 0;
    QDateTime lockedUntil;
};

/// @brief The agency recovery slot: the data key sealed to a key pair derived from the recovery key.
struct RecoverySlot
{
    QByteArray publicKey;
    QByteArray sealedDataKey;
};

/// @brief A sign-in event that happened while the store was locked; written to the audit log at the next unlock.
struct PendingAuditEvent
{
    QDateTime at;
    QString login;
    QString action;
    QString detail;
};

/// @brief Lock-out rule applied before the store can be opened, so it lives beside the key slots.
struct SignInPolicy
{
    int maxFailedAttempts = 5;
    int lockoutMinutes = 15;
};

/// @brief `hearth.keys`: the unencrypted key-slot file beside the database. Holds no client data.
struct KeyFile
{
    static constexpr const char* kFileName = "hearth.keys";

    QString storeId;
    QString databaseFile;
    int generation = 1;
    SignInPolicy signIn;
    std::vector<UserKeySlot> users;
    RecoverySlot recovery;
    std::vector<PendingAuditEvent> pendingAudit;

    /// Reads and validates the file; any damage is a KeySlotCorrupt error, never a silent default.
    static Result<KeyFile> load(const QString& path);
    /// Parses the file's bytes; the same checks as load().
    static Result<KeyFile> parse(const QByteArray& bytes);
    /// Atomic, durable replace (QSaveFile, fsync of the new file before the rename and of the folder
    /// after it): a crash leaves either the old or the new file, never half of one. The file is 0600.
    Status save(const QString& path) const;

    UserKeySlot* findLogin(const QString& login);
    UserKeySlot* findUser(const QString& userId);
};

} // namespace hearth
