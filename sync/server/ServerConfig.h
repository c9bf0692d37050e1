#pragma once

#include "sync/server/AccountSecrets.h"
#include "sync/server/Failure.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>

namespace hearth::server {

/// @brief hearth-server's settings: an INI file (section [server]) overridden by HEARTH_SERVER_* variables.
struct ServerConfig
{
    /// A SQLite file path (the default), or PostgreSQL as `postgresql://user:pw@host:port/db` or key=value conninfo.
    QString database = QStringLiteral("hearth-server.db");
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8443;
    QString tlsCertificate;
    QString tlsKey;
    /// Plain HTTP on a non-loopback address is allowed only behind a TLS-terminating proxy.
    bool behindProxy = false;
    qint64 tokenLifetimeSeconds = 30LL * 24 * 3600;
    int leaseDays = 30;
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int maxChanges = 1000;
    /// A connection must complete each request this long after it connected or was last answered; one
    /// that sends nothing, or trickles, is closed then (ConnectionDeadlines).
    int requestTimeoutSeconds = 30;
    /// password_hash_cost: "interactive", or "insecure-fast-for-tests" (see PasswordHashCost).
    PasswordHashCost passwordHashCost = PasswordHashCost::Interactive;

    bool usesTls() const { return !tlsCertificate.isEmpty(); }
    /// Why this configuration must not serve (plain HTTP on a public address, half a TLS pair), if so.
    Done checkServable() const;
};

/// Reads @p path (skipped when empty) and then the environment. Unknown keys are ignored.
Expected<ServerConfig> loadConfig(const QString& path, const QProcessEnvironment& environment);

} // namespace hearth::server
