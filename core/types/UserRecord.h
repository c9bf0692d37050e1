#pragma once

// A value type: no store, no service.
#include "core/auth/Roles.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace hearth {

/// @brief A workstation account. The password itself is never stored: only the key slot it opens.
struct UserRecord
{
    QString uuid;
    QString login;
    QString displayName;
    Role role = Role::AgencyStaff;
    bool active = true;
    bool removed = false;
    bool mustChangePassword = false;
    QDateTime passwordChangedAt;
    QByteArray publicKey; ///< trusted copy of the key-slot public key, used when re-sealing a rotated key
    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;
};

} // namespace hearth
