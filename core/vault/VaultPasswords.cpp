// Vault: passwords. Changing one's own password and the recovery key's reset of an Enterprise Manager's.
#include "core/crypto/KeySlots.h"
#include "core/store/Store.h"
#include "core/store/UserRepository.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/KeyRing.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

Status Vault::recoverAccount(const RecoveryKey& recoveryKey, const QString& login, const QString& newPassword)
{
    if (probe() != State::Locked)
        return m_state == State::Unlocked ? makeError(ErrorCode::InvalidInput, tr("Sign out first.")) : m_unavailable;
    auto keys = m_keys->load();
    if (!keys)
        return keys.error();
    auto dataKey = keyslots::openRecoverySlot(keys->recovery, recoveryKey);
    if (!dataKey)
        return dataKey.error();
    if (auto st = openWithKey(*keys, *dataKey); !st)
        return st;
    const auto fail = [this](Error e) -> Status {
        closeStore();
        return e;
    };
    UserRepository users(m_open->store());
    auto record = users.findByLogin(login.trimmed());
    if (!record)
        return fail(record.error());
    if (!record->has_value() || (*record)->removed || (*record)->role != Role::EnterpriseManager)
        return fail(makeError(ErrorCode::UnknownUser,
                              tr("The recovery key can only reset the password of an Enterprise Manager account.")));
    UserRecord user = **record;
    if (const auto violations = m_settings->passwordPolicy().check(newPassword, user.login); !violations.isEmpty())
        return fail(makeError(ErrorCode::PasswordRejected, PasswordPolicy::explain(violations)));
    auto slot = keyslots::makeUserSlot(keys->storeId, user.uuid, user.login, SecretBytes::fromUtf8(newPassword),
                                       *dataKey, m_keys->kdf());
    if (!slot)
        return fail(slot.error());
    const QDateTime now = m_clock.now();
    std::erase_if(keys->users, [&](const UserKeySlot& s) { return s.userId == user.uuid; });
    keys->users.push_back(slot.value());
    if (auto st = m_keys->save(*keys); !st)
        return fail(st.error());
    user.publicKey = slot->publicKey;
    user.passwordChangedAt = now;
    user.mustChangePassword = false;
    user.active = true;
    user.updatedAt = now;
    user.updatedBy = user.login;
    m_user = SessionUser {user.uuid, user.login, user.displayName, user.role, false, false};
    Status st = m_open->write([&]() -> Status {
        if (auto r = users.update(user); !r)
            return r;
        return m_open->appendAudit(QString::fromLatin1(audit::RecoveryUsed), QStringLiteral("user"), user.uuid);
    });
    m_user.reset();
    closeStore();
    return st;
}

Status Vault::changePassword(const QString& currentPassword, const QString& newPassword)
{
    if (m_state != State::Unlocked || !m_user)
        return lockedError();
    const PasswordPolicy policy = m_settings->passwordPolicy();
    QList<PasswordViolation> violations = policy.check(newPassword, m_user->login);
    if (newPassword == currentPassword)
        violations.append(
            {PasswordRule::SameAsPrevious, passwordRuleMessage(PasswordRule::SameAsPrevious, policy.config())});
    auto keys = m_keys->load();
    if (!keys)
        return keys.error();
    UserKeySlot* slot = keys->findUser(m_user->uuid);
    if (!slot)
        return makeError(ErrorCode::KeySlotMissing, tr("Your key slot is missing from the key file."));
    if (auto check = keyslots::openUserSlot(keys->storeId, *slot, SecretBytes::fromUtf8(currentPassword)); !check)
        return check.code() == ErrorCode::WrongPassword
            ? makeError(ErrorCode::WrongPassword, tr("Your current password is not correct."))
            : check.error();
    if (!violations.isEmpty())
        return makeError(ErrorCode::PasswordRejected, PasswordPolicy::explain(violations));
    auto fresh = m_keys->sealUserSlot(keys->storeId, m_user->uuid, m_user->login, newPassword);
    if (!fresh)
        return fresh.error();
    *slot = fresh.value();
    // Key file first: if the database write then fails, sign-in heals the public key copy.
    if (auto st = m_keys->save(*keys); !st)
        return st;
    UserRepository users(m_open->store());
    const QDateTime now = m_clock.now();
    Status st = m_open->write([&]() -> Status {
        auto record = users.findById(m_user->uuid);
        if (!record)
            return record.error();
        if (!record->has_value())
            return makeError(ErrorCode::UnknownUser, tr("Your account no longer exists."));
        UserRecord u = **record;
        u.publicKey = fresh->publicKey;
        u.passwordChangedAt = now;
        u.mustChangePassword = false;
        u.updatedAt = now;
        u.updatedBy = u.login;
        if (auto r = users.update(u); !r)
            return r;
        return m_open->appendAudit(QString::fromLatin1(audit::PasswordChange), QStringLiteral("user"), u.uuid);
    });
    if (!st)
        return st;
    m_user->mustChangePassword = false;
    m_user->passwordExpired = false;
    Q_EMIT userChanged();
    return {};
}

} // namespace hearth
