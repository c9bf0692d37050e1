// Accounts: the people of the CoC, as the HMIS Lead manages them (`hearth-server user ...`).
#include "sync/protocol/PasswordBaseline.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/AccountSecrets.h"
#include "sync/server/Accounts.h"
#include "sync/server/ServerAudit.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerTime.h"

namespace hearth::server {

namespace {

/// Every token of @p login's devices stops working: the stored hash no longer matches any token.
Done endTokens(ServerDatabase& db, const QString& login)
{
    auto ended = db.exec(u"UPDATE devices SET token_hash = '' WHERE user_login = ?"_qs, {login});
    if (auto* failed = failureOf(ended))
        return *failed;
    return std::nullopt;
}

Failure noSuchUser(const QString& login)
{
    return {sync::error_code::NotFound, QStringLiteral("There is no user %1.").arg(login)};
}

} // namespace

Expected<std::vector<UserInfo>> Accounts::users()
{
    auto read
        = m_db.exec(u"SELECT login, agency_code, created_at, disabled_at FROM users ORDER BY agency_code, login"_qs);
    if (auto* failed = failureOf(read))
        return *failed;
    std::vector<UserInfo> list;
    for (QSqlQuery& row = (*std::get<QSqlQuery*>(read)); row.next();)
        list.push_back(
            {row.value(0).toString(), row.value(1).toString(), fromIso(row.value(2)), fromIso(row.value(3))});
    return list;
}

Done Accounts::setUserDisabled(const QString& login, bool disabled, const QDateTime& now)
{
    return m_db.transaction([&]() -> Done {
        auto updated = disabled ? m_db.exec(u"UPDATE users SET disabled_at = ? WHERE login = ?"_qs, {iso(now), login})
                                : m_db.exec(u"UPDATE users SET disabled_at = NULL WHERE login = ?"_qs, {login});
        if (auto* failed = failureOf(updated))
            return *failed;
        if ((*std::get<QSqlQuery*>(updated)).numRowsAffected() != 1)
            return noSuchUser(login);
        if (disabled)
            if (Done failed = endTokens(m_db, login))
                return failed;
        return m_audit.record(now, u"admin"_qs, {}, disabled ? u"user-disabled"_qs : u"user-enabled"_qs, login);
    });
}

Done Accounts::resetPassword(const QString& login, const QByteArray& password, const QDateTime& now)
{
    if (const QStringList problems = sync::passwordBaselineProblems(QString::fromUtf8(password), login);
        !problems.isEmpty())
        return Failure {sync::error_code::MalformedRequest, problems.join(u' ')};
    const QByteArray hash = account_secrets::hashPassword(password, m_hashCost);
    if (hash.isEmpty())
        return Failure {sync::error_code::Internal, QStringLiteral("Cannot hash the password (out of memory?).")};
    return m_db.transaction([&]() -> Done {
        auto updated
            = m_db.exec(u"UPDATE users SET password_hash = ? WHERE login = ?"_qs, {QString::fromLatin1(hash), login});
        if (auto* failed = failureOf(updated))
            return *failed;
        if ((*std::get<QSqlQuery*>(updated)).numRowsAffected() != 1)
            return noSuchUser(login);
        if (Done failed = endTokens(m_db, login))
            return failed;
        return m_audit.record(now, u"admin"_qs, {}, u"password-reset"_qs, login);
    });
}

Done Accounts::upgradeHash(const QString& login, const QByteArray& oldHash, const QByteArray& newHash)
{
    auto updated = m_db.exec(u"UPDATE users SET password_hash = ? WHERE login = ? AND password_hash = ?"_qs,
                             {QString::fromLatin1(newHash), login, QString::fromLatin1(oldHash)});
    if (auto* failed = failureOf(updated))
        return *failed;
    return std::nullopt;
}

} // namespace hearth::server
