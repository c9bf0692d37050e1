#pragma once

#include "core/auth/PasswordPolicy.h"
#include "core/common/Result.h"
#include "core/store/KeyFile.h"
#include "core/types/AgencyProfile.h"

namespace hearth {

class Vault;
class OpenStore;
class KeyRing;

/// @brief The agency's configuration: its profile, password policy, auto-lock and sign-in lock-out.
///
/// Readers answer the defaults while locked (the sign-in policy lives in the key file and is always
/// there). Every setter needs EditAgencySettings and writes an audit entry with the change.
class AgencySettings
{
public:
    AgencySettings(const Vault& vault, OpenStore& store, KeyRing& keys);

    Result<AgencyProfile> agency() const;
    PasswordPolicy passwordPolicy() const;
    Status setPasswordPolicy(const PasswordPolicyConfig& config);
    int autoLockMinutes() const;
    Status setAutoLockMinutes(int minutes);
    SignInPolicy signInPolicy() const;
    Status setSignInPolicy(const SignInPolicy& policy);

private:
    const Vault& m_vault;
    OpenStore& m_store;
    KeyRing& m_keys;
};

} // namespace hearth
