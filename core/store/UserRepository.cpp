#include "core/store/UserRepository.h"

#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

namespace {
const QString kColumns = QStringLiteral("uuid, login, display_name, role, active, removed, must_change_password, "
                                        "password_changed_at, public_key, created_at, updated_at, updated_by");

UserRecord readUser(const Statement& st)
{
    UserRecord u;
    u.uuid = st.text(0);
    u.login = st.text(1);
    u.displayName = st.text(2);
    u.role = static_cast<Role>(st.integer(3));
    u.active = st.integer(4) != 0;
    u.removed = st.integer(5) != 0;
    u.mustChangePassword = st.integer(6) != 0;
    u.passwordChangedAt = QDateTime::fromString(st.text(7), Qt::ISODateWithMs);
    u.publicKey = st.blob(8);
    u.createdAt = QDateTime::fromString(st.text(9), Qt::ISODateWithMs);
    u.updatedAt = QDateTime::fromString(st.text(10), Qt::ISODateWithMs);
    u.updatedBy = st.text(11);
    return u;
}

Result<std::optional<UserRecord>> findOne(Store& store, const QString& where, const QString& value)
{
    auto st = store.db().prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users WHERE ") + where);
    if (!st)
        return st.error();
    st->bind(1, value);
    if (st->next())
        return std::optional<UserRecord>(readUser(*st));
    if (!st->status())
        return st->status().error();
    return std::optional<UserRecord>();
}
} // namespace

Status UserRepository::insert(const UserRecord& u)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO users (") + kColumns
                                   + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st->bind(1, u.uuid)
        .bind(2, u.login)
        .bind(3, u.displayName)
        .bind(4, qint64(u.role))
        .bind(5, qint64(u.active))
        .bind(6, qint64(u.removed))
        .bind(7, qint64(u.mustChangePassword))
        .bind(8, iso(u.passwordChangedAt))
        .bind(9, u.publicKey)
        .bind(10, iso(u.createdAt))
        .bind(11, iso(u.updatedAt))
        .bind(12, u.updatedBy);
    return st->run();
}

Status UserRepository::update(const UserRecord& u)
{
    auto st = m_store.db().prepare(QStringLiteral(
        "UPDATE users SET display_name = ?2, role = ?3, active = ?4, removed = ?5, must_change_password = ?6, "
        "password_changed_at = ?7, public_key = ?8, updated_at = ?9, updated_by = ?10 WHERE uuid = ?1"));
    if (!st)
        return st.error();
    st->bind(1, u.uuid)
        .bind(2, u.displayName)
        .bind(3, qint64(u.role))
        .bind(4, qint64(u.active))
        .bind(5, qint64(u.removed))
        .bind(6, qint64(u.mustChangePassword))
        .bind(7, iso(u.passwordChangedAt))
        .bind(8, u.publicKey)
        .bind(9, iso(u.updatedAt))
        .bind(10, u.updatedBy);
    return st->run();
}

Result<std::optional<UserRecord>> UserRepository::findByLogin(const QString& login) const
{
    return findOne(m_store, QStringLiteral("login = ?1"), login);
}

Result<std::optional<UserRecord>> UserRepository::findById(const QString& uuid) const
{
    return findOne(m_store, QStringLiteral("uuid = ?1"), uuid);
}

Result<std::vector<UserRecord>> UserRepository::list() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT ") + kColumns
                                   + QStringLiteral(" FROM users WHERE removed = 0 ORDER BY login"));
    if (!st)
        return st.error();
    std::vector<UserRecord> out;
    while (st->next())
        out.push_back(readUser(*st));
    if (!st->status())
        return st->status().error();
    return out;
}

Result<int> UserRepository::countActiveWithRole(Role role) const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT count(*) FROM users WHERE role = ? AND active = 1 AND removed = 0"));
    if (!st)
        return st.error();
    st->bind(1, qint64(role));
    if (st->next())
        return static_cast<int>(st->integer(0));
    return st->status().error();
}

} // namespace hearth
