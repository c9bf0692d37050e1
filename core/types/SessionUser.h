#pragma once

// A value type: no store, no service.
#include "core/auth/Roles.h"

#include <QString>

namespace hearth {

/// @brief The signed-in user as the rest of the application sees them.
struct SessionUser
{
    QString uuid;
    QString login;
    QString displayName;
    Role role = Role::AgencyStaff;
    bool mustChangePassword = false; ///< temporary password set by an administrator
    bool passwordExpired = false;
};

} // namespace hearth
