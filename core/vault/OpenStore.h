#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/types/SessionUser.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace hearth {

class Store;

/// @brief The database of the signed-in session, and the only way services write to it.
///
/// Owns the Store while the vault is unlocked (nothing otherwise). Every write runs in write()'s
/// transaction, and the audit and change-log rows appendAudit() and recordChange() add commit or roll
/// back with it, stamped with the signed-in login and the vault's clock. ui/ may hold an OpenStore but
/// not use Store, whose header it cannot include.
class OpenStore
{
public:
    /// @p user is the vault's signed-in user (empty while locked): the login audit rows carry.
    OpenStore(const Clock& clock, const std::optional<SessionUser>& user);
    ~OpenStore();
    OpenStore(const OpenStore&) = delete;
    OpenStore& operator=(const OpenStore&) = delete;

    bool isOpen() const { return m_store != nullptr; }
    /// The open store; only valid while isOpen() (after a require() that succeeded, for instance).
    Store& store() const;
    /// Takes @p store as the open database, closing any other (key rotation swaps copies this way).
    void open(std::unique_ptr<Store> store);
    void close();
    /// The signed-in user the store's rows are written for, and the clock that stamps them.
    const std::optional<SessionUser>& user() const { return m_user; }
    const Clock& clock() const { return m_clock; }

    /// Runs @p work in a transaction; audit entries it appends commit or roll back with it.
    Status write(const std::function<Status()>& work);
    /// Appends an audit entry (inside write()) in the name of the signed-in user, or "(system)".
    Status appendAudit(const QString& action, const QString& recordType = {}, const QString& recordUuid = {},
                       const QString& detail = {});
    /// Appends the change-log entry and the audit entry of one record write (inside write()).
    Status recordChange(const QString& entity, const QString& uuid, const QString& operation, const QJsonObject& fields,
                        const char* auditAction, const QString& detail = {});
    /// Records an audit entry in its own transaction (views, exports, prints).
    Status recordAudit(const QString& action, const QString& recordType = {}, const QString& recordUuid = {},
                       const QString& detail = {});

private:
    const Clock& m_clock;
    const std::optional<SessionUser>& m_user;
    std::unique_ptr<Store> m_store;
};

} // namespace hearth
