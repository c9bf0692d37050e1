// Vault::rotateDataKey: re-encrypt the whole database under a new data key.
//
// Order of events, so a crash at any point leaves a store that opens:
//   1. export a full copy under the new key to hearth-<generation+1>.db and verify it opens;
//   2. re-seal the new key to every user's public key (the trusted copy in the database, not the
//      key file) and to the recovery public key;
//   3. replace hearth.keys atomically: this is the commit point;
//   4. remove the old database files. probe() removes either leftover after a crash.
#include "core/crypto/KeySlots.h"
#include "core/store/KeyValueRepositories.h"
#include "core/store/Store.h"
#include "core/store/UserRepository.h"
#include "core/vault/KeyRing.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QFile>

namespace hearth {

Status Vault::rotateDataKey()
{
    if (auto st = require(Permission::RotateDataKey); !st)
        return st;
    auto keys = m_keys->load();
    if (!keys)
        return keys.error();
    auto users = UserRepository(m_open->store()).list();
    if (!users)
        return users.error();

    // The audit entry goes into the old store first, so the copy carries it.
    if (auto st = m_open->recordAudit(QString::fromLatin1(audit::KeyRotate), {}, {},
                                      QStringLiteral("generation %1").arg(keys->generation + 1));
        !st)
        return st;

    KeyFile next = *keys;
    next.generation = keys->generation + 1;
    next.databaseFile = QStringLiteral("hearth-%1.db").arg(next.generation);
    const QString newPath = m_location.databasePath(next.databaseFile);
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(newPath + suffix);
    const auto abandon = [&newPath](Error e) -> Status {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(newPath + suffix);
        return e;
    };

    SecretBytes newKey = SecretBytes::random(crypto::kDataKeyBytes);
    if (auto st = m_open->store().db().exportTo(newPath, newKey); !st)
        return abandon(st.error());
    auto copy = Store::open(newPath, newKey);
    if (!copy)
        return abandon(copy.error());

    next.users.clear();
    for (const UserRecord& user : *users) {
        const UserKeySlot* old = keys->findUser(user.uuid);
        if (!old)
            continue;
        UserKeySlot slot = *old;
        slot.publicKey = user.publicKey;
        slot.sealedDataKey = crypto::seal(newKey, user.publicKey);
        next.users.push_back(slot);
    }
    auto recoveryPublicKey = MetaRepository(**copy).get(QStringLiteral("recovery_public_key"));
    if (!recoveryPublicKey)
        return abandon(recoveryPublicKey.error());
    if (recoveryPublicKey->size() != int(crypto::kPublicKeyBytes))
        return abandon(makeError(ErrorCode::StoreCorrupt, tr("The recovery key's public half is missing.")));
    next.recovery = {*recoveryPublicKey, crypto::seal(newKey, *recoveryPublicKey)};

    if (auto st = m_keys->save(next); !st)
        return abandon(st.error());

    const QString oldPath = m_open->store().path();
    m_open->open(std::move(copy.value()));
    m_keys->hold(std::move(newKey));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(oldPath + suffix);
    return {};
}

} // namespace hearth
