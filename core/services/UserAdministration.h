#pragma once

#include "core/auth/Roles.h"
#include "core/common/Result.h"
#include "core/types/UserRecord.h"

#include <vector>

namespace hearth {

class Vault;

/// @brief Adding, changing and removing workstation accounts, with the policy's limits on who may manage whom.
class UserAdministration
{
public:
    explicit UserAdministration(Vault& vault)
        : m_vault(vault)
    {
    }

    Result<std::vector<UserRecord>> list() const;
    /// Creates the account with a temporary password the user must change at first sign-in.
    Result<UserRecord> addUser(const QString& login, const QString& displayName, Role role,
                               const QString& temporaryPassword);
    Status setRole(const QString& userUuid, Role role);
    /// Destroys the user's key slot and marks the account inactive: the password opens nothing any more.
    Status deactivate(const QString& userUuid);
    /// A new key slot under @p temporaryPassword, which the user must change at sign-in.
    Status reactivate(const QString& userUuid, const QString& temporaryPassword);
    /// Sets a new temporary password (Enterprise Manager only; an inactive account is reactivated instead).
    Status resetPassword(const QString& userUuid, const QString& temporaryPassword);
    /// Destroys the user's key slot; the account row stays for the audit trail, marked removed.
    Status removeUser(const QString& userUuid);

private:
    Result<UserRecord> manageable(const QString& userUuid, Role newRole) const;
    Status dropSlot(const QString& userUuid);
    /// Replaces the user's key slot with one under @p temporaryPassword and marks it to be changed.
    Status newSlot(UserRecord& user, const QString& temporaryPassword);
    Vault& m_vault;
};

} // namespace hearth
