#include "sync/server/AdminCli.h"

#include "sync/server/Accounts.h"
#include "sync/server/Api.h"
#include "sync/server/HttpFrontend.h"
#include "sync/server/ServerAudit.h"
#include "sync/server/ServerConfig.h"
#include "sync/server/ServerDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTextStream>

#include <sodium.h>

#include <cstdio>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace hearth::server {

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString& message)
{
    QTextStream(stderr) << "hearth-server: " << message << Qt::endl;
    return 1;
}

int fail(const Failure& failure)
{
    return fail(failure.message);
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

/// The password from --password-file, or the first line of standard input.
QByteArray readPassword(const QString& file)
{
    QFile source;
    if (file.isEmpty()) {
        if (!source.open(stdin, QIODevice::ReadOnly))
            return {};
    } else {
        source.setFileName(file);
        if (!source.open(QIODevice::ReadOnly))
            return {};
    }
    // Typed at a terminal: prompt, and do not echo it.
    const bool terminal = file.isEmpty() && ::isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        QTextStream(stderr) << "Password: " << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QByteArray line = source.readLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        QTextStream(stderr) << "\n";
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

/// `user list|disable|enable|reset-password`.
int userCommand(Accounts& accounts, const QStringList& words, const QString& passwordFile)
{
    const QString verb = words.value(1);
    if (verb == u"list" && words.size() == 2) {
        auto users = accounts.users();
        if (auto* failed = failureOf(users))
            return fail(*failed);
        for (const UserInfo& u : std::get<std::vector<UserInfo>>(users))
            out() << u.login << '\t' << u.agencyCode << '\t' << u.createdAt.toString(Qt::ISODate) << '\t'
                  << (u.disabledAt.isValid() ? u"disabled "_qs + u.disabledAt.toString(Qt::ISODate) : u"active"_qs)
                  << Qt::endl;
        return 0;
    }
    if ((verb == u"disable" || verb == u"enable") && words.size() == 3) {
        if (auto failed = accounts.setUserDisabled(words.at(2), verb == u"disable", now()))
            return fail(*failed);
        out() << "User " << words.at(2)
              << (verb == u"disable" ? " disabled; its devices' tokens no longer work."
                                     : " enabled; its devices sign in again.")
              << Qt::endl;
        return 0;
    }
    if (verb == u"reset-password" && words.size() == 3) {
        QByteArray password = readPassword(passwordFile);
        Done failed = accounts.resetPassword(words.at(2), password, now());
        sodium_memzero(password.data(), size_t(password.size()));
        if (failed)
            return fail(*failed);
        out() << "Password of " << words.at(2) << " reset; its devices sign in again with it." << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("Unknown user command. Run hearth-server --help."));
}

int serve(const ServerConfig& config, ServerDatabase& db)
{
    if (auto refused = config.checkServable())
        return fail(*refused);
    Api api(db, config, [] { return QDateTime::currentDateTimeUtc(); });
    HttpFrontend http(api, std::chrono::seconds(config.requestTimeoutSeconds));
    std::optional<QSslConfiguration> tls;
    if (config.usesTls()) {
        QFile certFile(config.tlsCertificate);
        QFile keyFile(config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Cannot read the TLS certificate or key."));
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (certificate.isNull() || key.isNull())
            return fail(QStringLiteral("The TLS certificate or key is not valid PEM."));
        tls.emplace();
        tls->setLocalCertificate(certificate);
        tls->setPrivateKey(key);
        tls->setProtocol(QSsl::SecureProtocols);
    }
    QString why;
    const quint16 port = http.serve(config.listenAddress, config.port, tls ? &*tls : nullptr, &why);
    if (port == 0)
        return fail(QStringLiteral("Cannot listen on %1:%2: %3")
                        .arg(config.listenAddress.toString())
                        .arg(config.port)
                        .arg(why));
    // Tests and service managers read this line to learn the port (the config may ask for port 0).
    out() << "hearth-server: listening on " << (config.usesTls() ? "https" : "http") << "://"
          << config.listenAddress.toString() << ':' << port << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace

int runCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Hearth's central sync server.\n\nCommands:\n  serve\n  agency add CODE NAME\n"
                       "  user add --agency CODE LOGIN   (password from stdin or --password-file)\n"
                       "  user list\n  user disable LOGIN\n  user enable LOGIN\n"
                       "  user reset-password LOGIN   (password from stdin or --password-file)\n  device list\n"
                       "  device revoke ID --reason TEXT\n  audit"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_qs, u"Configuration file (INI, section [server])."_qs, u"file"_qs);
    const QCommandLineOption databaseOption(u"database"_qs, u"SQLite path or PostgreSQL URL/conninfo."_qs, u"spec"_qs);
    const QCommandLineOption listenOption(u"listen"_qs, u"Address to listen on."_qs, u"address"_qs);
    const QCommandLineOption portOption(u"port"_qs, u"Port to listen on (0: any free port)."_qs, u"port"_qs);
    const QCommandLineOption proxyOption(u"behind-proxy"_qs, u"Plain HTTP behind a TLS-terminating proxy."_qs);
    const QCommandLineOption timeoutOption(
        u"request-timeout"_qs, u"Seconds a connection has to complete a request (default 30)."_qs, u"seconds"_qs);
    const QCommandLineOption agencyOption(u"agency"_qs, u"Agency code of the new user."_qs, u"code"_qs);
    const QCommandLineOption passwordOption(u"password-file"_qs, u"Read the password from this file."_qs, u"file"_qs);
    const QCommandLineOption reasonOption(u"reason"_qs, u"Why the device is revoked."_qs, u"text"_qs);
    parser.addOptions({configOption, databaseOption, listenOption, portOption, proxyOption, timeoutOption, agencyOption,
                       passwordOption, reasonOption});
    parser.addPositionalArgument(u"command"_qs, u"serve, agency, user, device or audit"_qs);
    parser.process(arguments);

    if (sodium_init() < 0)
        return fail(QStringLiteral("libsodium failed to initialise."));
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString configPath = parser.value(configOption);
    if (configPath.isEmpty())
        configPath = environment.value(u"HEARTH_SERVER_CONFIG"_qs);
    auto loaded = loadConfig(configPath, environment);
    if (auto* failed = failureOf(loaded))
        return fail(*failed);
    ServerConfig config = std::get<ServerConfig>(loaded);
    if (parser.isSet(databaseOption))
        config.database = parser.value(databaseOption);
    if (parser.isSet(listenOption) && !config.listenAddress.setAddress(parser.value(listenOption)))
        return fail(QStringLiteral("--listen needs an IP address."));
    if (parser.isSet(portOption))
        config.port = quint16(parser.value(portOption).toUInt());
    if (parser.isSet(proxyOption))
        config.behindProxy = true;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        config.requestTimeoutSeconds = parser.value(timeoutOption).toInt(&ok);
        if (!ok || config.requestTimeoutSeconds <= 0 || config.requestTimeoutSeconds > 24 * 3600)
            return fail(QStringLiteral("--request-timeout needs a number of seconds (1 to 86400)."));
    }

    const QStringList words = parser.positionalArguments();
    const QString command = words.value(0, u"serve"_qs);
    ServerDatabase db;
    if (auto failed = db.open(config.database))
        return fail(*failed);
    ServerAudit audit(db);
    Accounts accounts(db, audit, config.passwordHashCost);

    // Where passwords are hashed or checked, whoever runs it is told that the cost is a test suite's.
    const bool hashes = command == u"serve"
        || (command == u"user" && (words.value(1) == u"add" || words.value(1) == u"reset-password"));
    if (hashes && config.passwordHashCost == PasswordHashCost::InsecureFastForTests)
        QTextStream(stderr) << "hearth-server: WARNING: password_hash_cost is insecure-fast-for-tests. Passwords "
                               "hashed now can be guessed offline in minutes; never use it outside a test suite."
                            << Qt::endl;
    if (command == u"serve")
        return serve(config, db);
    if (command == u"agency" && words.value(1) == u"add" && words.size() == 4) {
        if (auto failed = accounts.addAgency(words.at(2), words.at(3), now()))
            return fail(*failed);
        out() << "Agency " << words.at(2) << " added." << Qt::endl;
        return 0;
    }
    if (command == u"user" && words.value(1) == u"add" && words.size() == 3 && parser.isSet(agencyOption)) {
        QByteArray password = readPassword(parser.value(passwordOption));
        Done failed = accounts.addUser(parser.value(agencyOption), words.at(2), password, now());
        sodium_memzero(password.data(), size_t(password.size()));
        if (failed)
            return fail(*failed);
        out() << "User " << words.at(2) << " added." << Qt::endl;
        return 0;
    }
    if (command == u"user")
        return userCommand(accounts, words, parser.value(passwordOption));
    if (command == u"device" && words.value(1) == u"list") {
        auto devices = accounts.devices();
        if (auto* failed = failureOf(devices))
            return fail(*failed);
        for (const DeviceInfo& d : std::get<std::vector<DeviceInfo>>(devices))
            out() << d.id << '\t' << d.agencyCode << '\t' << d.login << '\t' << d.name << '\t'
                  << d.lastSeenAt.toString(Qt::ISODate) << '\t'
                  << (d.revokedAt.isValid() ? QStringLiteral("revoked: ") + d.revokedReason : QStringLiteral("active"))
                  << Qt::endl;
        return 0;
    }
    if (command == u"device" && words.value(1) == u"revoke" && words.size() == 3) {
        if (auto failed = accounts.revokeDevice(words.at(2), parser.value(reasonOption), now()))
            return fail(*failed);
        out() << "Device " << words.at(2) << " revoked." << Qt::endl;
        return 0;
    }
    if (command == u"audit") {
        auto entries = audit.all();
        if (auto* failed = failureOf(entries))
            return fail(*failed);
        for (const AuditEntry& e : std::get<std::vector<AuditEntry>>(entries))
            out() << e.at.toString(Qt::ISODateWithMs) << '\t' << e.actor << '\t' << e.deviceId << '\t' << e.action
                  << '\t' << e.detail << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("Unknown command. Run hearth-server --help."));
}

} // namespace hearth::server
