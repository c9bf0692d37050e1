#include "sync/server/Accounts.h"

#include "sync/protocol/PasswordBaseline.h"
#include "sync/protocol/Protocol.h"
#include "sync/server/AccountSecrets.h"
#include "sync/server/ServerAudit.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerTime.h"

#include <QUuid>

#include <sodium.h>

namespace hearth::server {

namespace {

QByteArray newToken()
{
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString tokenHash(const QByteArray& token)
{
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.constData()),
                       quint64(token.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), sizeof out).toHex());
}

Failure failure(const QString& code, const QString& message)
{
    return {code, message};
}

} // namespace

Done Accounts::addAgency(const QString& code, const QString& name, const QDateTime& now)
{
    if (code.trimmed().isEmpty() || name.trimmed().isEmpty())
        return failure(sync::error_code::MalformedRequest, QStringLiteral("An agency needs a code and a name."));
    return m_db.transaction([&]() -> Done {
        auto inserted = m_db.exec(u"INSERT INTO agencies (code, name, created_at) VALUES (?, ?, ?)"_qs,
                                  {code.trimmed(), name.trimmed(), iso(now)});
        if (auto* failed = failureOf(inserted))
            return failure(failed->code, QStringLiteral("Cannot add agency %1 (does it exist already?).").arg(code));
        return m_audit.record(now, u"admin"_qs, {}, u"agency-added"_qs, code.trimmed());
    });
}

Done Accounts::addUser(const QString& agencyCode, const QString& login, const QByteArray& password,
                       const QDateTime& now)
{
    if (login.trimmed().isEmpty())
        return failure(sync::error_code::MalformedRequest, QStringLiteral("A user needs a login."));
    if (const QStringList problems = sync::passwordBaselineProblems(QString::fromUtf8(password), login);
        !problems.isEmpty())
        return failure(sync::error_code::MalformedRequest, problems.join(u' '));
    const QByteArray hash = account_secrets::hashPassword(password, m_hashCost);
    if (hash.isEmpty())
        return failure(sync::error_code::Internal, QStringLiteral("Cannot hash the password (out of memory?)."));
    return m_db.transaction([&]() -> Done {
        auto agency = m_db.exec(u"SELECT code FROM agencies WHERE code = ?"_qs, {agencyCode});
        if (auto* failed = failureOf(agency))
            return *failed;
        if (!(*std::get<QSqlQuery*>(agency)).next())
            return failure(sync::error_code::NotFound, QStringLiteral("There is no agency %1.").arg(agencyCode));
        auto inserted
            = m_db.exec(u"INSERT INTO users (login, agency_code, password_hash, created_at) VALUES (?, ?, ?, ?)"_qs,
                        {login.trimmed(), agencyCode, QString::fromLatin1(hash), iso(now)});
        if (auto* failed = failureOf(inserted))
            return failure(failed->code, QStringLiteral("Cannot add user %1 (does it exist already?).").arg(login));
        return m_audit.record(now, u"admin"_qs, {}, u"user-added"_qs, login.trimmed() + u" in " + agencyCode);
    });
}

Expected<SignInCandidate> Accounts::signInCandidate(const sync::RegisterRequest& request)
{
    // Guessing passwords over the network is limited per address before this is asked (SignInLimits).
    if (!sync::isValidDeviceName(request.deviceName))
        return failure(sync::error_code::MalformedRequest,
                       QStringLiteral("Name the device in printable characters, at most 128 of them."));
    auto user = m_db.exec(u"SELECT u.password_hash, u.agency_code, u.disabled_at FROM users u WHERE u.login = ?"_qs,
                          {request.login});
    if (auto* failed = failureOf(user))
        return *failed;
    QSqlQuery& userRow = (*std::get<QSqlQuery*>(user));
    SignInCandidate candidate;
    candidate.known = userRow.next();
    candidate.hash = candidate.known ? userRow.value(0).toString().toLatin1() : account_secrets::dummyHash(m_hashCost);
    candidate.agencyCode = candidate.known ? userRow.value(1).toString() : QString();
    candidate.disabled = candidate.known && !userRow.value(2).isNull();
    return candidate;
}

Expected<sync::RegisterReply> Accounts::registerDevice(const sync::RegisterRequest& request,
                                                       const SignInCandidate& user, const QDateTime& now,
                                                       qint64 tokenLifetimeSeconds)
{
    if (!user.known)
        return failure(sync::error_code::BadCredentials, QStringLiteral("The login or the password is wrong."));
    if (user.disabled) // told only to someone who knows the password
        return failure(sync::error_code::AccountDisabled,
                       QStringLiteral("This login was disabled by the HMIS Lead. Ask them to enable it."));
    const QString& agencyCode = user.agencyCode;

    sync::RegisterReply reply;
    const QByteArray token = newToken();
    reply.token = QString::fromLatin1(token);
    reply.tokenExpiresAt = now.addSecs(tokenLifetimeSeconds);
    reply.agency = agencyCode;
    reply.serverTime = now;
    Done done = m_db.transaction([&]() -> Done {
        // A revoked workstation stays revoked, whoever signs in on it.
        auto revoked = m_db.exec(u"SELECT revoked_reason, user_login FROM devices "
                                 "WHERE public_id = ? AND revoked_at IS NOT NULL"_qs,
                                 {request.devicePublicId});
        if (auto* failed = failureOf(revoked))
            return *failed;
        if (QSqlQuery& row = (*std::get<QSqlQuery*>(revoked)); row.next()) // the reason only to its own login
            return failure(sync::error_code::DeviceRevoked,
                           row.value(1).toString() == request.login
                               ? row.value(0).toString()
                               : QStringLiteral("This workstation was revoked by an administrator."));
        auto existing = m_db.exec(u"SELECT id, revoked_at, revoked_reason FROM devices "
                                  "WHERE public_id = ? AND user_login = ?"_qs,
                                  {request.devicePublicId, request.login});
        if (auto* failed = failureOf(existing))
            return *failed;
        QSqlQuery& row = (*std::get<QSqlQuery*>(existing));
        if (row.next()) {
            if (!row.value(1).isNull())
                return failure(sync::error_code::DeviceRevoked, row.value(2).toString());
            reply.deviceId = row.value(0).toString();
            auto updated = m_db.exec(
                u"UPDATE devices SET token_hash = ?, token_expires_at = ?, name = ?, "
                "last_seen_at = ? WHERE id = ?"_qs,
                {tokenHash(token), iso(reply.tokenExpiresAt), request.deviceName, iso(now), reply.deviceId});
            if (auto* failed = failureOf(updated))
                return *failed;
        } else {
            reply.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            auto inserted = m_db.exec(u"INSERT INTO devices (id, public_id, user_login, name, registered_at, "
                                      "last_seen_at, token_hash, token_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_qs,
                                      {reply.deviceId, request.devicePublicId, request.login, request.deviceName,
                                       iso(now), iso(now), tokenHash(token), iso(reply.tokenExpiresAt)});
            if (auto* failed = failureOf(inserted))
                return *failed;
        }
        return m_audit.record(now, request.login, reply.deviceId, u"device-registered"_qs, agencyCode);
    });
    if (done)
        return *done;
    return reply;
}

Expected<Caller> Accounts::authenticate(const QString& deviceId, const QByteArray& token, const QDateTime& now)
{
    const Failure invalid
        = failure(sync::error_code::TokenInvalid, QStringLiteral("Sign in again: the token is not valid."));
    if (deviceId.isEmpty() || token.isEmpty())
        return invalid;
    auto read = m_db.exec(u"SELECT d.token_hash, d.token_expires_at, d.revoked_at, d.revoked_reason, d.user_login, "
                          "u.agency_code, a.name, u.disabled_at FROM devices d JOIN users u ON u.login = d.user_login "
                          "JOIN agencies a ON a.code = u.agency_code WHERE d.id = ?"_qs,
                          {deviceId});
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& row = (*std::get<QSqlQuery*>(read));
    if (!row.next())
        return invalid;
    const QByteArray stored = row.value(0).toString().toLatin1();
    const QByteArray presented = tokenHash(token).toLatin1();
    if (stored.size() != presented.size()
        || sodium_memcmp(stored.constData(), presented.constData(), size_t(stored.size())) != 0)
        return invalid;
    if (!row.value(2).isNull())
        return failure(sync::error_code::DeviceRevoked, row.value(3).toString());
    if (!row.value(7).isNull())
        return failure(sync::error_code::AccountDisabled,
                       QStringLiteral("This login was disabled by the HMIS Lead. Ask them to enable it."));
    if (fromIso(row.value(1)) <= now)
        return failure(sync::error_code::TokenExpired, QStringLiteral("The token has expired: sign in again."));
    Caller caller {deviceId, row.value(4).toString(), row.value(5).toString(), row.value(6).toString()};
    auto seen = m_db.exec(u"UPDATE devices SET last_seen_at = ? WHERE id = ?"_qs, {iso(now), deviceId});
    if (auto* failed = failureOf(seen))
        return *failed;
    return caller;
}

Expected<std::vector<DeviceInfo>> Accounts::devices()
{
    auto read = m_db.exec(u"SELECT d.id, d.name, d.user_login, u.agency_code, d.registered_at, d.last_seen_at, "
                          "d.revoked_at, d.revoked_reason FROM devices d JOIN users u ON u.login = d.user_login "
                          "ORDER BY d.registered_at"_qs);
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& row = (*std::get<QSqlQuery*>(read));
    std::vector<DeviceInfo> list;
    while (row.next())
        list.push_back({row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                        row.value(3).toString(), fromIso(row.value(4)), fromIso(row.value(5)), fromIso(row.value(6)),
                        row.value(7).toString()});
    return list;
}

Done Accounts::revokeDevice(const QString& deviceId, const QString& reason, const QDateTime& now)
{
    if (reason.trimmed().isEmpty())
        return failure(sync::error_code::MalformedRequest, QStringLiteral("Say why the device is revoked (--reason)."));
    return m_db.transaction([&]() -> Done {
        auto updated
            = m_db.exec(u"UPDATE devices SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL"_qs,
                        {iso(now), reason.trimmed(), deviceId});
        if (auto* failed = failureOf(updated))
            return *failed;
        if ((*std::get<QSqlQuery*>(updated)).numRowsAffected() != 1)
            return failure(sync::error_code::NotFound, QStringLiteral("No active device has the id %1.").arg(deviceId));
        return m_audit.record(now, u"admin"_qs, deviceId, u"device-revoked"_qs, reason.trimmed());
    });
}

} // namespace hearth::server
