#pragma once

#include "sync/protocol/Messages.h"
#include "sync/server/AccountSecrets.h"
#include "sync/server/Failure.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace hearth::server {

class ServerDatabase;
class ServerAudit;

/// @brief Who is calling: the device, its user and their agency (code and name, both match consent).
struct Caller
{
    QString deviceId;
    QString login;
    QString agencyCode;
    QString agencyName;

    QStringList agencyNames() const { return {agencyCode, agencyName}; }
};

struct DeviceInfo
{
    QString id;
    QString name;
    QString login;
    QString agencyCode;
    QDateTime registeredAt;
    QDateTime lastSeenAt;
    QDateTime revokedAt;
    QString revokedReason;
};

struct UserInfo
{
    QString login;
    QString agencyCode;
    QDateTime createdAt;
    QDateTime disabledAt; ///< invalid while the login is active
};

/// @brief The stored account a registration signs in to (Accounts::signInCandidate).
struct SignInCandidate
{
    bool known = false; ///< false: the login does not exist and hash is a dummy
    QByteArray hash; ///< the Argon2id hash to verify the password against
    QString agencyCode;
    bool disabled = false;
};

/// @brief Agencies, users, devices and their tokens. Passwords are Argon2id hashes; tokens are random
/// and kept only as a BLAKE2b hash.
class Accounts
{
public:
    Accounts(ServerDatabase& db, ServerAudit& audit, PasswordHashCost hashCost = PasswordHashCost::Interactive)
        : m_db(db)
        , m_audit(audit)
        , m_hashCost(hashCost)
    {
    }

    Done addAgency(const QString& code, const QString& name, const QDateTime& now);
    Done addUser(const QString& agencyCode, const QString& login, const QByteArray& password, const QDateTime& now);
    /// What @p request's password is checked against: the login's Argon2id hash, or a dummy one for an
    /// unknown login so both answers take as long. malformed-request for an unreadable device name.
    Expected<SignInCandidate> signInCandidate(const sync::RegisterRequest& request);
    /// After the password was found right: registers (or re-registers) the device with a fresh token;
    /// account-disabled (told only to someone who knows the password) or device-revoked otherwise.
    Expected<sync::RegisterReply> registerDevice(const sync::RegisterRequest& request, const SignInCandidate& user,
                                                 const QDateTime& now, qint64 tokenLifetimeSeconds);
    /// The caller behind @p deviceId and bearer @p token: token-invalid, device-revoked (the reason as
    /// message) or token-expired otherwise.
    Expected<Caller> authenticate(const QString& deviceId, const QByteArray& token, const QDateTime& now);
    Expected<std::vector<DeviceInfo>> devices();
    Done revokeDevice(const QString& deviceId, const QString& reason, const QDateTime& now);

    // People (AccountsUsers.cpp): what the HMIS Lead does with `hearth-server user ...`.
    Expected<std::vector<UserInfo>> users();
    /// Disabling ends every token of the login at once; enabling lets it sign in again (new tokens only).
    Done setUserDisabled(const QString& login, bool disabled, const QDateTime& now);
    /// A new password (the baseline applies); the login's devices sign in again with it.
    Done resetPassword(const QString& login, const QByteArray& password, const QDateTime& now);
    /// After a right password whose hash was made at another cost: stores @p newHash, unless the password
    /// was reset meanwhile (the stored hash is no longer @p oldHash).
    Done upgradeHash(const QString& login, const QByteArray& oldHash, const QByteArray& newHash);
    PasswordHashCost hashCost() const { return m_hashCost; }

private:
    ServerDatabase& m_db;
    ServerAudit& m_audit;
    PasswordHashCost m_hashCost;
};

} // namespace hearth::server
