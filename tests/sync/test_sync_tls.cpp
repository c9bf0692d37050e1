// The engine over HTTPS against hearth-server with its own certificate: the certificate is verified,
// and a pinned public key that does not match stops the request before anything is sent.
#include "core/syncstate/SyncState.h"
#include "sync/client/ServerUrl.h"
#include "sync/client/SyncEngine.h"
#include "tests/consent/ConsentTestSupport.h"
#include "tests/sync/support/ServerProcess.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::sync::SyncEngine;

namespace {
/// hearth-server serving HTTPS with a fresh self-signed certificate for 127.0.0.1.
struct TlsServer
{
    QTemporaryDir dir;
    QString cert = dir.filePath(u"server.crt"_qs);
    QString key = dir.filePath(u"server.key"_qs);
    QProcess process;
    QByteArray port;

    bool start(QString* skip)
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_qs);
        if (openssl.isEmpty()) {
            *skip = u"openssl is not installed: cannot make a test certificate"_qs;
            return false;
        }
        QProcess make;
        make.setStandardOutputFile(QProcess::nullDevice());
        make.setStandardErrorFile(QProcess::nullDevice());
        make.start(openssl,
                   {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"rsa:2048"_qs, u"-nodes"_qs, u"-days"_qs, u"1"_qs,
                    u"-subj"_qs, u"/CN=127.0.0.1"_qs, u"-addext"_qs, u"subjectAltName=IP:127.0.0.1"_qs, u"-keyout"_qs,
                    key, u"-out"_qs, cert});
        REQUIRE(make.waitForFinished(60000));
        REQUIRE(make.exitCode() == 0);

        const ServerProcess admin(dir.filePath(u"server.db"_qs));
        REQUIRE(admin.admin({u"agency"_qs, u"add"_qs, u"HH"_qs, u"Harbor House"_qs}) == 0);
        REQUIRE(admin.admin({u"user"_qs, u"add"_qs, u"--agency"_qs, u"HH"_qs, u"hank"_qs}, "front-desk-pw-26h\n") == 0);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HEARTH_SERVER_TLS_CERTIFICATE"_qs, cert);
        env.insert(u"HEARTH_SERVER_TLS_KEY"_qs, key);
        process.setProcessEnvironment(env);
        process.start(ServerProcess::executable(),
                      {u"--database"_qs, dir.filePath(u"server.db"_qs), u"--port"_qs, u"0"_qs, u"serve"_qs});
        QByteArray line;
        while (!line.contains('\n') && process.waitForReadyRead(20000))
            line += process.readAllStandardOutput();
        INFO(line.toStdString());
        REQUIRE(line.contains("listening on https://127.0.0.1:"));
        port = line.trimmed().split(':').last();
        return true;
    }
    ~TlsServer()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            process.waitForFinished(5000);
        }
    }
    QUrl url() const { return QUrl(u"https://127.0.0.1:"_qs + QString::fromLatin1(port)); }
    QSslCertificate certificate() const
    {
        QFile f(cert);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return QSslCertificate(&f);
    }
    /// The pin as the documented openssl pipeline prints it.
    QByteArray opensslPin() const
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_qs);
        QProcess pub;
        pub.start(openssl, {u"x509"_qs, u"-in"_qs, cert, u"-pubkey"_qs, u"-noout"_qs});
        REQUIRE(pub.waitForFinished(20000));
        QProcess der;
        der.start(openssl, {u"pkey"_qs, u"-pubin"_qs, u"-outform"_qs, u"der"_qs});
        der.write(pub.readAllStandardOutput());
        der.closeWriteChannel();
        REQUIRE(der.waitForFinished(20000));
        return QCryptographicHash::hash(der.readAllStandardOutput(), QCryptographicHash::Sha256).toBase64();
    }
};

/// Trusts @p certificate in this process's default TLS configuration (what the engine uses).
void trust(const QSslCertificate& certificate)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(config);
}

QString registerWith(SyncEngine& engine, const QUrl& url, const QString& pin)
{
    QSignalSpy ok(&engine, &SyncEngine::registered);
    QSignalSpy failed(&engine, &SyncEngine::registrationFailed);
    engine.registerDevice(url, u"hank"_qs, u"front-desk-pw-26h"_qs, u"Front desk"_qs, pin);
    // Whichever answer comes first ends the wait (waiting on one spy alone sat out its timeout on a refusal).
    REQUIRE(QTest::qWaitFor([&] { return !ok.isEmpty() || !failed.isEmpty(); }, 30000));
    return failed.isEmpty() ? QString() : failed.front().front().toString();
}
} // namespace

TEST_CASE("over HTTPS the certificate is verified and a pinned key must match", "[sync][tls]")
{
    TlsServer server;
    QString skip;
    if (!server.start(&skip))
        SKIP(skip.toStdString());
    ConsentStore ws;
    SyncEngine engine(*ws.vault);
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();

    SECTION("an untrusted certificate: nothing is sent")
    {
        const QString why = registerWith(engine, server.url(), {});
        CHECK(why.contains(u"could not be verified"));
        CHECK_FALSE(SyncState(*ws.vault).registration().value().has_value());
    }
    SECTION("a trusted certificate with its pin: registered; a wrong pin: refused")
    {
        trust(server.certificate());
        const QByteArray pin = sync::publicKeyPin(server.certificate());
        CHECK(pin == server.opensslPin()); // the form docs/sync.md tells administrators to compute

        const QString wrong = registerWith(engine, server.url(), QString::fromLatin1(QByteArray(44, 'A')));
        CHECK(wrong.contains(u"not the one this workstation was set up to trust"));
        CHECK_FALSE(SyncState(*ws.vault).registration().value().has_value());

        CHECK(registerWith(engine, server.url(), QString::fromLatin1(pin)).isEmpty());
        const auto registration = SyncState(*ws.vault).registration().value();
        REQUIRE(registration.has_value());
        CHECK(registration->pinSha256 == QString::fromLatin1(pin));

        const QString c = ws.client(u"Tess"_qs, u"Tls"_qs);
        ws.record(c, SharingChoice::FullSharing);
        QSignalSpy done(&engine, &SyncEngine::finished);
        REQUIRE(engine.syncNow());
        REQUIRE((!done.isEmpty() || done.wait(60000)));
        INFO(done.front().at(1).toString().toStdString());
        CHECK(done.front().at(0).toBool());
    }
    QSslConfiguration::setDefaultConfiguration(original);
}
