#pragma once

#include "core/auth/Roles.h"
#include "core/common/Result.h"
#include "core/types/UserRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace hearth {

class Store;

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
