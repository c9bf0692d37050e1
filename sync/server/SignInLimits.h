#pragma once

#include "sync/server/Failure.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace hearth::server {

class ServerDatabase;
class ServerAudit;

/// @brief How many failed sign-ins the server takes, and from whom (docs/security.md, "Guessing passwords
/// over the network").
///
/// Failures are counted per client address and per login from that address, never per login alone: a
/// count per login lets anyone lock its real user out by guessing wrong ten times. A verification still
/// running on a worker counts as a failure until it has ended, so guesses sent at once cannot overrun the
/// limits. All of it runs on the request thread (the database connection is that thread's).
class SignInLimits
{
public:
    static constexpr qint64 kWindowSeconds = 15 * 60;
    /// Failures of one login from one address within the window; then that address waits for that login.
    static constexpr int kPerLoginAndAddress = 10;
    /// Failures from one address within the window, whatever the logins; then the address waits.
    static constexpr int kPerAddress = 30;

    /// The statements the limits run on every registration (tests check that an index serves each).
    static const QString& countByAddressSql();
    static const QString& countByLoginAndAddressSql();

    SignInLimits(ServerDatabase& db, ServerAudit& audit)
        : m_db(db)
        , m_audit(audit)
    {
    }

    /// A refusal: too many failures; the client may try again after retryAfterSeconds.
    struct Refusal
    {
        qint64 retryAfterSeconds = 0;
        QString message;
    };
    /// Whether @p login may try a password from @p address now.
    Expected<std::optional<Refusal>> check(const QString& login, const QString& address, const QDateTime& now);

    /// A password check of @p login from @p address started on a worker, or ended.
    void started(const QString& login, const QString& address);
    void ended(const QString& login, const QString& address);

    /// Records a failed sign-in (and audits it; reaching a limit is audited once more), in one transaction.
    Done recordFailure(const QString& login, const QString& address, const QDateTime& now);
    /// After a successful sign-in: the login's failures from this address are forgotten.
    Done recordSuccess(const QString& login, const QString& address);

    /// The address a request counts under: the peer, or with @p behindProxy the address the proxy put last
    /// in X-Forwarded-For. IPv6 addresses count by their /64 (one host usually holds a whole /64), an
    /// IPv4-mapped IPv6 address as the IPv4 address.
    static QString addressKey(const QHostAddress& peer, const QByteArray& forwardedFor, bool behindProxy);

private:
    struct Count
    {
        int failures = 0;
        QDateTime oldest;
    };
    Expected<Count> count(const QString& sql, std::initializer_list<QVariant> bindings);

    ServerDatabase& m_db;
    ServerAudit& m_audit;
    QHash<QString, int> m_runningByAddress;
    QHash<QString, int> m_runningByLoginAndAddress;
};

} // namespace hearth::server
