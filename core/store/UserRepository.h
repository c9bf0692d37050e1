#pragma once

#include "auth/Roles.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace hearth {

class Store;

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

class UserRepository
{
public:
    explicit UserRepository(Store& store)
        : m_store(store)
    {
    }

    Status insert(const UserRecord& user);
    /// Writes every mutable column of @p user (matched by uuid).
    Status update(const UserRecord& user);
    Result<std::optional<UserRecord>> findByLogin(const QString& login) const;
    Result<std::optional<UserRecord>> findById(const QString& uuid) const;
    /// All users that are not removed, by login.
    Result<std::vector<UserRecord>> list() const;
    Result<int> countActiveWithRole(Role role) const;

private:
    Store& m_store;
};

} // namespace hearth
