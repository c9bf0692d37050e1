#include "tests/sync/support/ServerProcess.h"

#include "sync/protocol/Messages.h"
#include "sync/protocol/Protocol.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace hearth::test {

QString ServerProcess::executable()
{
    return QStringLiteral(HEARTH_SERVER_EXECUTABLE);
}

ServerProcess::ServerProcess(QString databaseSpec, QProcessEnvironment environment)
    : m_spec(std::move(databaseSpec))
    , m_environment(std::move(environment))
{
    // Libsodium's interactive Argon2id costs a fifth of a second of a core per password: most of a server
    // test's time. Tests that need the real cost (sign-in concurrency) ask for it.
    if (!m_environment.contains(u"HEARTH_SERVER_PASSWORD_HASH_COST"_qs))
        m_environment.insert(u"HEARTH_SERVER_PASSWORD_HASH_COST"_qs, u"insecure-fast-for-tests"_qs);
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

bool ServerProcess::start(QString* why)
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HEARTH_SERVER_DATABASE"_qs, m_spec);
    env.insert(u"HEARTH_SERVER_LISTEN"_qs, u"127.0.0.1"_qs);
    env.insert(u"HEARTH_SERVER_PORT"_qs, u"0"_qs);
    for (const QString& key : m_environment.keys())
        env.insert(key, m_environment.value(key));
    m_process->setProcessEnvironment(env);
    // A crashed test must not leave servers behind: the server goes when the test process does.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(executable(), {u"serve"_qs});
    const QRegularExpression listening(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_qs);
    QByteArray output;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(200) && m_process->state() == QProcess::NotRunning)
            break;
        output += m_process->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    if (why)
        *why = QString::fromUtf8(output + m_process->readAllStandardError());
    return false;
}

void ServerProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QUrl ServerProcess::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QByteArray ServerProcess::log()
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return m_log;
}

int ServerProcess::admin(const QStringList& arguments, const QByteArray& input, QString* output,
                         const QProcessEnvironment& extra) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HEARTH_SERVER_DATABASE"_qs, m_spec);
    for (const QString& key : m_environment.keys())
        env.insert(key, m_environment.value(key));
    for (const QString& key : extra.keys())
        env.insert(key, extra.value(key));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(executable(), arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

ApiClient::ApiClient(const ServerProcess& server)
    : m_server(server)
{
}

Reply ApiClient::send(const QString& method, const QString& pathAndQuery, const QByteArray& body, bool authenticated,
                      const QByteArray& contentEncoding) const
{
    static QNetworkAccessManager network;
    QNetworkRequest request(m_server.url(pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!contentEncoding.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Content-Encoding"), contentEncoding);
    request.setRawHeader(sync::protocol::kProtocolHeader, QByteArray::number(sync::protocol::kVersion));
    if (authenticated) {
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token);
        request.setRawHeader(sync::protocol::kDeviceHeader, m_deviceId.toLatin1());
    }
    QNetworkReply* reply = method == u"GET" ? network.get(request) : network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    result.json = QJsonDocument::fromJson(result.raw).object();
    reply->deleteLater();
    return result;
}

Reply ApiClient::postRaw(const QString& path, const QByteArray& body, bool authenticated,
                         const QByteArray& contentEncoding) const
{
    return send(u"POST"_qs, path, body, authenticated, contentEncoding);
}

Reply ApiClient::post(const QString& path, const QJsonObject& body, bool authenticated) const
{
    return postRaw(path, QJsonDocument(body).toJson(QJsonDocument::Compact), authenticated);
}

Reply ApiClient::get(const QString& pathAndQuery, bool authenticated) const
{
    return send(u"GET"_qs, pathAndQuery, {}, authenticated);
}

bool ApiClient::signIn(const QString& login, const QString& password, const QString& devicePublicId)
{
    const sync::RegisterRequest request {login, password, u"Test workstation"_qs, devicePublicId};
    const Reply reply = post(u"/api/v1/devices/register"_qs, request.toJson(), false);
    if (reply.status != 200)
        return false;
    m_deviceId = reply.json.value(u"deviceId").toString();
    m_token = reply.json.value(u"token").toString().toLatin1();
    return true;
}

} // namespace hearth::test
