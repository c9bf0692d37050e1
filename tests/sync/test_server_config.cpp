// hearth-server's configuration and transport: file and environment, TLS, and the refusal of plain
// HTTP on a public address.
#include "sync/server/ServerConfig.h"
#include "sync/server/ServerDatabase.h"
#include "tests/sync/support/ServerProcess.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::server;

namespace {

ServerConfig loaded(const QString& path, const QProcessEnvironment& env)
{
    auto config = loadConfig(path, env);
    if (auto* failed = failureOf(config))
        FAIL(failed->message.toStdString());
    return std::get<ServerConfig>(config);
}

} // namespace

TEST_CASE("Settings come from the file and the environment wins", "[server][config]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"server.conf"_qs);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("[server]\ndatabase=/srv/hearth.db\nport=9443\nlease_days=14\ntoken_lifetime_seconds=60\n");
    file.close();

    const ServerConfig fromFile = loaded(path, {});
    CHECK(fromFile.database == u"/srv/hearth.db");
    CHECK(fromFile.port == 9443);
    CHECK(fromFile.leaseDays == 14);
    CHECK(fromFile.tokenLifetimeSeconds == 60);

    QProcessEnvironment env;
    env.insert(u"HEARTH_SERVER_DATABASE"_qs, u"postgresql://hearth@/hearth?host=/run/postgresql"_qs);
    env.insert(u"HEARTH_SERVER_LEASE_DAYS"_qs, u"45"_qs);
    const ServerConfig overridden = loaded(path, env);
    CHECK(overridden.database.startsWith(u"postgresql://"));
    CHECK(overridden.leaseDays == 45);
    CHECK(overridden.port == 9443);

    env.insert(u"HEARTH_SERVER_PORT"_qs, u"not-a-port"_qs);
    CHECK(failureOf(loadConfig(path, env)));
    CHECK(failureOf(loadConfig(dir.filePath(u"missing.conf"_qs), {})));
}

TEST_CASE("Passwords are hashed at the interactive cost unless a test suite asks for the cheap one", "[server][config]")
{
    CHECK(loaded({}, {}).passwordHashCost == PasswordHashCost::Interactive);
    QProcessEnvironment env;
    env.insert(u"HEARTH_SERVER_PASSWORD_HASH_COST"_qs, u"insecure-fast-for-tests"_qs);
    CHECK(loaded({}, env).passwordHashCost == PasswordHashCost::InsecureFastForTests);
    env.insert(u"HEARTH_SERVER_PASSWORD_HASH_COST"_qs, u"fast"_qs);
    const auto refused = loadConfig({}, env);
    REQUIRE(failureOf(refused));
    CHECK(failureOf(refused)->message.contains(u"password_hash_cost"));
}

TEST_CASE("A PostgreSQL database is named by URL or by conninfo", "[server][config]")
{
    CHECK_FALSE(isPostgresSpec(u"/var/lib/hearth-server/hearth-server.db"_qs));
    auto url = parsePostgresSpec(u"postgresql://hearth:pw@db.example.org:5433/hmis"_qs);
    REQUIRE(std::holds_alternative<PostgresSpec>(url));
    CHECK(std::get<PostgresSpec>(url).host == u"db.example.org");
    CHECK(std::get<PostgresSpec>(url).port == 5433);
    CHECK(std::get<PostgresSpec>(url).database == u"hmis");
    CHECK(std::get<PostgresSpec>(url).user == u"hearth");
    auto socket = parsePostgresSpec(u"postgresql://hearth@/hmis?host=%2Fvar%2Frun%2Fpostgresql"_qs);
    REQUIRE(std::holds_alternative<PostgresSpec>(socket));
    CHECK(std::get<PostgresSpec>(socket).host == u"/var/run/postgresql");
    auto conninfo = parsePostgresSpec(u"host=/tmp/pg port=6000 dbname=hmis user=postgres"_qs);
    REQUIRE(std::holds_alternative<PostgresSpec>(conninfo));
    CHECK(std::get<PostgresSpec>(conninfo).port == 6000);
    CHECK(std::get<PostgresSpec>(conninfo).host == u"/tmp/pg");
    CHECK(std::holds_alternative<Failure>(parsePostgresSpec(u"host=/tmp/pg user=postgres"_qs)));
}

TEST_CASE("Plain HTTP is served only on loopback or behind a proxy", "[server][config]")
{
    ServerConfig config;
    CHECK_FALSE(config.checkServable());
    config.listenAddress = QHostAddress(u"0.0.0.0"_qs);
    CHECK(config.checkServable());
    config.behindProxy = true;
    CHECK_FALSE(config.checkServable());
    config.behindProxy = false;
    config.tlsCertificate = u"/etc/hearth/tls/server.crt"_qs;
    CHECK(config.checkServable()); // a certificate without its key
    config.tlsKey = u"/etc/hearth/tls/server.key"_qs;
    CHECK_FALSE(config.checkServable());

    // The real executable refuses to start that way, and says why.
    QTemporaryDir dir;
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(test::ServerProcess::executable(),
                 {u"--database"_qs, dir.filePath(u"s.db"_qs), u"--listen"_qs, u"0.0.0.0"_qs, u"--port"_qs, u"0"_qs,
                  u"serve"_qs});
    REQUIRE(server.waitForFinished(20000));
    CHECK(server.exitCode() == 1);
    CHECK(server.readAll().contains("Refusing plain HTTP"));
}

TEST_CASE("With its own certificate the server speaks HTTPS", "[server][tls]")
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_qs);
    if (openssl.isEmpty())
        SKIP("openssl is not installed: cannot make a test certificate");
    QTemporaryDir dir;
    const QString cert = dir.filePath(u"server.crt"_qs);
    const QString key = dir.filePath(u"server.key"_qs);
    QProcess make;
    make.setStandardOutputFile(QProcess::nullDevice());
    make.setStandardErrorFile(QProcess::nullDevice());
    make.start(openssl,
               {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"rsa:2048"_qs, u"-nodes"_qs, u"-days"_qs, u"1"_qs, u"-subj"_qs,
                u"/CN=127.0.0.1"_qs, u"-addext"_qs, u"subjectAltName=IP:127.0.0.1"_qs, u"-keyout"_qs, key, u"-out"_qs,
                cert});
    REQUIRE(make.waitForFinished(60000));
    REQUIRE(make.exitCode() == 0);

    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HEARTH_SERVER_TLS_CERTIFICATE"_qs, cert);
    env.insert(u"HEARTH_SERVER_TLS_KEY"_qs, key);
    server.setProcessEnvironment(env);
    server.start(test::ServerProcess::executable(),
                 {u"--database"_qs, dir.filePath(u"s.db"_qs), u"--port"_qs, u"0"_qs, u"serve"_qs});
    QByteArray line;
    while (!line.contains('\n') && server.waitForReadyRead(20000))
        line += server.readAllStandardOutput();
    INFO(line.toStdString());
    REQUIRE(line.contains("listening on https://127.0.0.1:"));
    const QByteArray port = line.trimmed().split(':').last();

    // The client trusts exactly this certificate (what pinning will do): the handshake must verify.
    QFile certFile(cert);
    REQUIRE(certFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromDevice(&certFile));
    QNetworkRequest request(QUrl(u"https://127.0.0.1:"_qs + QString::fromLatin1(port) + u"/api/v1/health"));
    request.setSslConfiguration(tls);
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    INFO(reply->errorString().toStdString());
    CHECK(reply->error() == QNetworkReply::NoError);
    CHECK(reply->readAll().contains("\"ok\""));
    delete reply;
    server.terminate();
    server.waitForFinished(5000);
}
