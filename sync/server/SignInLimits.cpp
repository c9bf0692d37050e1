#include "sync/server/SignInLimits.h"

#include "sync/server/ServerAudit.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerTime.h"

#include <algorithm>

namespace hearth::server {

namespace {

QString pairKey(const QString& login, const QString& address)
{
    return login + u'\n' + address;
}

void release(QHash<QString, int>& running, const QString& key)
{
    if (auto it = running.find(key); it != running.end() && --*it <= 0)
        running.erase(it);
}

} // namespace

const QString& SignInLimits::countByAddressSql()
{
    static const QString sql = u"SELECT COUNT(*), MIN(at) FROM sign_in_failures WHERE address = ? AND at > ?"_qs;
    return sql;
}

const QString& SignInLimits::countByLoginAndAddressSql()
{
    static const QString sql
        = u"SELECT COUNT(*), MIN(at) FROM sign_in_failures WHERE login = ? AND address = ? AND at > ?"_qs;
    return sql;
}

Expected<SignInLimits::Count> SignInLimits::count(const QString& sql, std::initializer_list<QVariant> bindings)
{
    auto read = m_db.exec(sql, bindings);
    if (auto* failed = failureOf(read))
        return *failed;
    Count result;
    if (QSqlQuery& row = *std::get<QSqlQuery*>(read); row.next()) {
        result.failures = row.value(0).toInt();
        if (!row.value(1).isNull())
            result.oldest = QDateTime::fromString(row.value(1).toString(), Qt::ISODateWithMs);
    }
    return result;
}

Expected<std::optional<SignInLimits::Refusal>> SignInLimits::check(const QString& login, const QString& address,
                                                                   const QDateTime& now)
{
    const QString since = iso(now.addSecs(-kWindowSeconds));
    const auto refusal
        = [&](const Count& stored, int running, int limit, const QString& whose) -> std::optional<Refusal> {
        if (stored.failures + running < limit)
            return std::nullopt;
        // When the stored failures reach the limit, the address waits until the oldest leaves the window;
        // when only checks still running would, it asks again in a moment (they may all succeed).
        qint64 wait = 1;
        if (stored.failures >= limit && stored.oldest.isValid())
            wait = std::max<qint64>(1, (now.msecsTo(stored.oldest.addSecs(kWindowSeconds)) + 999) / 1000);
        const qint64 minutes = (wait + 59) / 60;
        return Refusal {
            wait,
            QStringLiteral("Too many failed sign-ins %1: try again in %2.")
                .arg(whose, minutes == 1 ? QStringLiteral("1 minute") : QStringLiteral("%1 minutes").arg(minutes))};
    };
    auto byAddress = count(countByAddressSql(), {address, since});
    if (auto* failed = failureOf(byAddress))
        return *failed;
    if (auto refused = refusal(std::get<Count>(byAddress), m_runningByAddress.value(address), kPerAddress,
                               QStringLiteral("from this address")))
        return refused;
    auto byLogin = count(countByLoginAndAddressSql(), {login, address, since});
    if (auto* failed = failureOf(byLogin))
        return *failed;
    return refusal(std::get<Count>(byLogin), m_runningByLoginAndAddress.value(pairKey(login, address)),
                   kPerLoginAndAddress, QStringLiteral("of this login from this address"));
}

void SignInLimits::started(const QString& login, const QString& address)
{
    ++m_runningByAddress[address];
    ++m_runningByLoginAndAddress[pairKey(login, address)];
}

void SignInLimits::ended(const QString& login, const QString& address)
{
    release(m_runningByAddress, address);
    release(m_runningByLoginAndAddress, pairKey(login, address));
}

Done SignInLimits::recordFailure(const QString& login, const QString& address, const QDateTime& now)
{
    const QString since = iso(now.addSecs(-kWindowSeconds));
    return m_db.transaction([&]() -> Done {
        for (const auto& [sql, bindings] :
             {std::pair {u"INSERT INTO sign_in_failures (login, address, at) VALUES (?, ?, ?)"_qs,
                         QVariantList {login, address, iso(now)}},
              std::pair {u"DELETE FROM sign_in_failures WHERE at <= ?"_qs, QVariantList {since}}}) {
            auto written = m_db.exec(sql, bindings);
            if (auto* failed = failureOf(written))
                return *failed;
        }
        if (Done failed = m_audit.record(now, login, {}, u"sign-in-failed"_qs,
                                         QStringLiteral("device registration from %1").arg(address)))
            return failed;
        // Reaching a limit is audited once: the refusals that follow are in the request log only, so a
        // client hammering the server does not write a row per request.
        auto byLogin = count(countByLoginAndAddressSql(), {login, address, since});
        if (auto* failed = failureOf(byLogin))
            return *failed;
        if (std::get<Count>(byLogin).failures == kPerLoginAndAddress)
            if (Done failed = m_audit.record(
                    now, login, {}, u"sign-in-limited"_qs,
                    QStringLiteral("%1 failures of this login from %2 in %3 minutes: refused from there until they "
                                   "age out")
                        .arg(kPerLoginAndAddress)
                        .arg(address)
                        .arg(kWindowSeconds / 60)))
                return failed;
        auto byAddress = count(countByAddressSql(), {address, since});
        if (auto* failed = failureOf(byAddress))
            return *failed;
        if (std::get<Count>(byAddress).failures == kPerAddress)
            return m_audit.record(now, login, {}, u"sign-in-limited"_qs,
                                  QStringLiteral("%1 failures from %2 in %3 minutes, any login: the address is "
                                                 "refused until they age out")
                                      .arg(kPerAddress)
                                      .arg(address)
                                      .arg(kWindowSeconds / 60));
        return std::nullopt;
    });
}

Done SignInLimits::recordSuccess(const QString& login, const QString& address)
{
    auto removed = m_db.exec(u"DELETE FROM sign_in_failures WHERE login = ? AND address = ?"_qs, {login, address});
    if (auto* failed = failureOf(removed))
        return *failed;
    return std::nullopt;
}

QString SignInLimits::addressKey(const QHostAddress& peer, const QByteArray& forwardedFor, bool behindProxy)
{
    QHostAddress address = peer;
    if (behindProxy && !forwardedFor.isEmpty()) {
        // The proxy appends the address it saw; whatever comes before it is what the client claimed.
        QHostAddress forwarded;
        if (forwarded.setAddress(QString::fromLatin1(forwardedFor.split(',').constLast().trimmed())))
            address = forwarded;
    }
    bool v4 = false;
    const quint32 ipv4 = address.toIPv4Address(&v4);
    if (v4)
        return QHostAddress(ipv4).toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        Q_IPV6ADDR bytes = address.toIPv6Address();
        std::fill(std::begin(bytes.c) + 8, std::end(bytes.c), quint8(0));
        return QHostAddress(bytes).toString() + u"/64";
    }
    return address.toString();
}

} // namespace hearth::server
