#pragma once

#include "protocol/Messages.h"
#include "server/Failure.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace hearth::server {

class Database;
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

/// @brief Agencies, users, devices and their tokens. Passwords are Argon2id hashes; tokens are random
/// and kept only as a BLAKE2b hash.
class Accounts
{
public:
    Accounts(Database& db, ServerAudit& audit)
        : m_db(db)
        , m_audit(audit)
    {
    }

    Done addAgency(const QString& code, const QString& name, const QDateTime& now);
    Done addUser(const QString& agencyCode, const QString& login, const QByteArray& password, const QDateTime& now);
    /// Signs a user in and registers (or re-registers) their device with a fresh token.
    Expected<sync::RegisterReply> registerDevice(const sync::RegisterRequest& request, const QDateTime& now,
                                                 qint64 tokenLifetimeSeconds);
    /// The caller behind @p deviceId and bearer @p token: token-invalid, device-revoked (the reason as
    /// message) or token-expired otherwise.
    Expected<Caller> authenticate(const QString& deviceId, const QByteArray& token, const QDateTime& now);
    Expected<std::vector<DeviceInfo>> devices();
    Done revokeDevice(const QString& deviceId, const QString& reason, const QDateTime& now);

private:
    Database& m_db;
    ServerAudit& m_audit;
};

} // namespace hearth::server
