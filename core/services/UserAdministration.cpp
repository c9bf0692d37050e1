#include "core/services/UserAdministration.h"

#include "core/crypto/KeySlots.h"
#include "core/store/Store.h"
#include "core/store/UserRepository.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/KeyRing.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QRegularExpression>
#include <QUuid>

namespace hearth {

namespace {
Error denied()
{
    return makeError(ErrorCode::PermissionDenied, QObject::tr("Your access level does not allow managing this user."));
}
} // namespace

Result<std::vector<UserRecord>> UserAdministration::list() const
{
    if (auto st = m_vault.require(Permission::ManageUsers); !st)
        return st.error();
    return UserRepository(m_vault.openStore().store()).list();
}

Result<UserRecord> UserAdministration::manageable(const QString& userUuid, Role newRole) const
{
    if (auto st = m_vault.require(Permission::ManageUsers); !st)
        return st.error();
    auto found = UserRepository(m_vault.openStore().store()).findById(userUuid);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->removed)
        return makeError(ErrorCode::NotFound, QObject::tr("That user no longer exists."));
    const Role actor = m_vault.user()->role;
    if (!canManageRole(actor, (*found)->role) || !canManageRole(actor, newRole))
        return denied();
    return **found;
}

Result<UserRecord> UserAdministration::addUser(const QString& login, const QString& displayName, Role role,
                                               const QString& temporaryPassword)
{
    if (auto st = m_vault.require(Permission::ManageUsers); !st)
        return st.error();
    if (!canManageRole(m_vault.user()->role, role))
        return denied();
    const QString id = login.trimmed();
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{2,32}$"));
    if (!valid.match(id).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("A user ID has 2 to 32 letters, digits, dots, dashes or underscores."));
    UserRepository users(m_vault.openStore().store());
    auto existing = users.findByLogin(id);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("The user ID %1 is taken (user IDs are never reused).").arg(id));
    if (const auto violations = m_vault.settings().passwordPolicy().check(temporaryPassword, id); !violations.isEmpty())
        return makeError(ErrorCode::PasswordRejected, PasswordPolicy::explain(violations));

    auto keys = m_vault.keyRing().load();
    if (!keys)
        return keys.error();
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto slot = m_vault.keyRing().sealUserSlot(keys->storeId, uuid, id, temporaryPassword);
    if (!slot)
        return slot.error();
    const QDateTime now = m_vault.clock().now();
    const QString actor = m_vault.user()->login;
    UserRecord user {uuid, id,   displayName.simplified().isEmpty() ? id : displayName.simplified(),
                     role, true, false,
                     true, now,  slot->publicKey,
                     now,  now,  actor};
    Status st = m_vault.openStore().write([&]() -> Status {
        if (auto r = users.insert(user); !r)
            return r;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::UserCreate), QStringLiteral("user"), uuid,
                                               roleName(role));
    });
    if (!st)
        return st.error();
    keys->users.push_back(slot.value());
    if (auto saved = m_vault.keyRing().save(*keys); !saved)
        return saved.error();
    return user;
}

Status UserAdministration::setRole(const QString& userUuid, Role role)
{
    auto user = manageable(userUuid, role);
    if (!user)
        return user.error();
    if (user->uuid == m_vault.user()->uuid)
        return makeError(ErrorCode::PermissionDenied, QObject::tr("You cannot change your own access level."));
    user->role = role;
    user->updatedAt = m_vault.clock().now();
    user->updatedBy = m_vault.user()->login;
    return m_vault.openStore().write([&]() -> Status {
        if (auto r = UserRepository(m_vault.openStore().store()).update(*user); !r)
            return r;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::UserRoleChange), QStringLiteral("user"),
                                               userUuid, roleName(role));
    });
}

Status UserAdministration::deactivate(const QString& userUuid)
{
    auto user = manageable(userUuid, Role::AgencyStaff);
    if (!user)
        return user.error();
    if (user->uuid == m_vault.user()->uuid)
        return makeError(ErrorCode::PermissionDenied, QObject::tr("You cannot deactivate your own account."));
    // The slot goes first: from this moment the password opens nothing, whatever happens to the row.
    if (auto st = dropSlot(user->uuid); !st)
        return st;
    user->active = false;
    user->updatedAt = m_vault.clock().now();
    user->updatedBy = m_vault.user()->login;
    return m_vault.openStore().write([&]() -> Status {
        if (auto r = UserRepository(m_vault.openStore().store()).update(*user); !r)
            return r;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::UserDeactivate), QStringLiteral("user"),
                                               userUuid);
    });
}

Status UserAdministration::reactivate(const QString& userUuid, const QString& temporaryPassword)
{
    auto user = manageable(userUuid, Role::AgencyStaff);
    if (!user)
        return user.error();
    if (user->active)
        return makeError(ErrorCode::InvalidInput, QObject::tr("This account is active already."));
    if (auto st = newSlot(*user, temporaryPassword); !st)
        return st;
    user->active = true;
    return m_vault.openStore().write([&]() -> Status {
        if (auto r = UserRepository(m_vault.openStore().store()).update(*user); !r)
            return r;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::UserActivate), QStringLiteral("user"),
                                               userUuid);
    });
}

Status UserAdministration::dropSlot(const QString& userUuid)
{
    auto keys = m_vault.keyRing().load();
    if (!keys)
        return keys.error();
    std::erase_if(keys->users, [&](const UserKeySlot& s) { return s.userId == userUuid; });
    return m_vault.keyRing().save(*keys);
}

Status UserAdministration::newSlot(UserRecord& user, const QString& temporaryPassword)
{
    if (const auto violations = m_vault.settings().passwordPolicy().check(temporaryPassword, user.login);
        !violations.isEmpty())
        return makeError(ErrorCode::PasswordRejected, PasswordPolicy::explain(violations));
    auto keys = m_vault.keyRing().load();
    if (!keys)
        return keys.error();
    auto slot = m_vault.keyRing().sealUserSlot(keys->storeId, user.uuid, user.login, temporaryPassword);
    if (!slot)
        return slot.error();
    std::erase_if(keys->users, [&](const UserKeySlot& s) { return s.userId == user.uuid; });
    keys->users.push_back(slot.value());
    if (auto st = m_vault.keyRing().save(*keys); !st)
        return st;
    user.publicKey = slot->publicKey;
    user.mustChangePassword = true;
    user.passwordChangedAt = m_vault.clock().now();
    user.updatedAt = user.passwordChangedAt;
    user.updatedBy = m_vault.user()->login;
    return {};
}

Status UserAdministration::resetPassword(const QString& userUuid, const QString& temporaryPassword)
{
    if (auto st = m_vault.require(Permission::ResetPasswords); !st)
        return st;
    auto user = manageable(userUuid, Role::AgencyStaff);
    if (!user)
        return user.error();
    if (!user->active)
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("This account is inactive: reactivate it, with a temporary password."));
    if (auto st = newSlot(*user, temporaryPassword); !st)
        return st;
    return m_vault.openStore().write([&]() -> Status {
        if (auto r = UserRepository(m_vault.openStore().store()).update(*user); !r)
            return r;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::PasswordReset), QStringLiteral("user"),
                                               userUuid);
    });
}

Status UserAdministration::removeUser(const QString& userUuid)
{
    auto user = manageable(userUuid, Role::AgencyStaff);
    if (!user)
        return user.error();
    if (user->uuid == m_vault.user()->uuid)
        return makeError(ErrorCode::PermissionDenied, QObject::tr("You cannot remove your own account."));
    // Destroy the slot first: from this moment the password opens nothing.
    if (auto st = dropSlot(user->uuid); !st)
        return st;
    user->removed = true;
    user->active = false;
    user->updatedAt = m_vault.clock().now();
    user->updatedBy = m_vault.user()->login;
    return m_vault.openStore().write([&]() -> Status {
        if (auto r = UserRepository(m_vault.openStore().store()).update(*user); !r)
            return r;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::UserRemove), QStringLiteral("user"),
                                               userUuid);
    });
}

} // namespace hearth
