#include "sync/server/ServerConfig.h"

#include <QFileInfo>
#include <QSettings>

namespace hearth::server {

namespace {

Failure bad(const QString& message)
{
    return {QStringLiteral("config"), message};
}

/// Applies one setting by its INI key; the environment uses HEARTH_SERVER_ + the key in capitals.
Done apply(ServerConfig& config, const QString& key, const QString& value)
{
    bool ok = true;
    if (key == u"database") {
        config.database = value;
    } else if (key == u"listen") {
        if (!config.listenAddress.setAddress(value))
            return bad(QStringLiteral("listen: \"%1\" is not an IP address.").arg(value));
    } else if (key == u"port") {
        const uint port = value.toUInt(&ok);
        if (!ok || port > 65535)
            return bad(QStringLiteral("port: \"%1\" is not a port number.").arg(value));
        config.port = quint16(port);
    } else if (key == u"tls_certificate") {
        config.tlsCertificate = value;
    } else if (key == u"tls_key") {
        config.tlsKey = value;
    } else if (key == u"behind_proxy") {
        config.behindProxy = value == u"1" || value.compare(u"true", Qt::CaseInsensitive) == 0;
    } else if (key == u"token_lifetime_seconds") {
        config.tokenLifetimeSeconds = value.toLongLong(&ok);
        ok = ok && config.tokenLifetimeSeconds > 0;
    } else if (key == u"lease_days") {
        config.leaseDays = value.toInt(&ok);
        ok = ok && config.leaseDays > 0;
    } else if (key == u"max_body_bytes") {
        config.maxBodyBytes = value.toLongLong(&ok);
        ok = ok && config.maxBodyBytes > 0;
    } else if (key == u"max_changes") {
        config.maxChanges = value.toInt(&ok);
        ok = ok && config.maxChanges > 0;
    } else if (key == u"request_timeout_seconds") {
        config.requestTimeoutSeconds = value.toInt(&ok);
        ok = ok && config.requestTimeoutSeconds > 0 && config.requestTimeoutSeconds <= 24 * 3600;
    } else if (key == u"password_hash_cost") {
        if (value == u"interactive")
            config.passwordHashCost = PasswordHashCost::Interactive;
        else if (value == u"insecure-fast-for-tests")
            config.passwordHashCost = PasswordHashCost::InsecureFastForTests;
        else
            return bad(QStringLiteral("password_hash_cost: \"%1\" is neither interactive nor "
                                      "insecure-fast-for-tests.")
                           .arg(value));
    }
    if (!ok)
        return bad(QStringLiteral("%1: \"%2\" is not a positive number.").arg(key, value));
    return std::nullopt;
}

const QStringList& keys()
{
    static const QStringList list {u"database"_qs,
                                   u"listen"_qs,
                                   u"port"_qs,
                                   u"tls_certificate"_qs,
                                   u"tls_key"_qs,
                                   u"behind_proxy"_qs,
                                   u"token_lifetime_seconds"_qs,
                                   u"lease_days"_qs,
                                   u"max_body_bytes"_qs,
                                   u"max_changes"_qs,
                                   u"request_timeout_seconds"_qs,
                                   u"password_hash_cost"_qs};
    return list;
}

} // namespace

Done ServerConfig::checkServable() const
{
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty())
        return bad(QStringLiteral("TLS needs both tls_certificate and tls_key."));
    if (!usesTls() && !listenAddress.isLoopback() && !behindProxy)
        return bad(QStringLiteral("Refusing plain HTTP on %1: configure tls_certificate and tls_key, listen on "
                                  "loopback, or set behind_proxy when a TLS proxy is in front.")
                       .arg(listenAddress.toString()));
    return std::nullopt;
}

Expected<ServerConfig> loadConfig(const QString& path, const QProcessEnvironment& environment)
{
    ServerConfig config;
    if (!path.isEmpty()) {
        if (!QFileInfo::exists(path))
            return bad(QStringLiteral("The configuration file %1 does not exist.").arg(path));
        QSettings file(path, QSettings::IniFormat);
        file.beginGroup(u"server"_qs);
        for (const QString& key : keys())
            if (file.contains(key))
                if (auto failed = apply(config, key, file.value(key).toString()))
                    return *failed;
    }
    for (const QString& key : keys()) {
        const QString name = QStringLiteral("HEARTH_SERVER_") + key.toUpper();
        if (environment.contains(name))
            if (auto failed = apply(config, key, environment.value(name)))
                return *failed;
    }
    return config;
}

} // namespace hearth::server
