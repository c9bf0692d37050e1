#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <memory>

namespace hearth::test {

/// @brief A real hearth-server process on a free loopback port, over the database @p spec.
class ServerProcess
{
public:
    /// @p environment: extra HEARTH_SERVER_* settings (e.g. a short token lifetime). Passwords are hashed at
    /// the insecure-fast-for-tests cost unless @p environment names HEARTH_SERVER_PASSWORD_HASH_COST.
    explicit ServerProcess(QString databaseSpec, QProcessEnvironment environment = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// Starts `serve` and waits for its "listening on" line; false (with the reason) if it did not come.
    bool start(QString* why);
    QUrl url(const QString& path) const;
    /// SIGKILL, as a crash or a power cut would: no clean shutdown, whatever is in flight is cut off.
    void kill();
    /// What the server wrote to its log so far.
    QByteArray log();
    const QString& databaseSpec() const { return m_spec; }
    /// The running server's process id (0 before start()), for CPU figures.
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

    /// Runs an administration command (`agency add ...`) on the same database; its exit code, output in @p output.
    /// @p extra overrides the server's environment for this command only.
    int admin(const QStringList& arguments, const QByteArray& input = {}, QString* output = nullptr,
              const QProcessEnvironment& extra = {}) const;

    static QString executable();

private:
    QString m_spec;
    QProcessEnvironment m_environment;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

/// @brief One HTTP answer: status and JSON body (empty when the body was not JSON).
struct Reply
{
    int status = 0;
    QJsonObject json;
    QByteArray raw;

    QString error() const { return json.value(u"error").toString(); }
};

/// @brief A small synchronous client for the protocol, with one device's credentials.
class ApiClient
{
public:
    explicit ApiClient(const ServerProcess& server);

    /// @p contentEncoding: the Content-Encoding header @p body is sent with (none when empty).
    Reply postRaw(const QString& path, const QByteArray& body, bool authenticated = true,
                  const QByteArray& contentEncoding = {}) const;
    Reply post(const QString& path, const QJsonObject& body, bool authenticated = true) const;
    Reply get(const QString& pathAndQuery, bool authenticated = true) const;

    /// Registers this client as a device of @p login; true on 200.
    bool signIn(const QString& login, const QString& password, const QString& devicePublicId);
    const QString& deviceId() const { return m_deviceId; }
    void setToken(const QByteArray& token) { m_token = token; }
    /// The Authorization header value.
    QByteArray bearer() const { return QByteArrayLiteral("Bearer ") + m_token; }

private:
    Reply send(const QString& method, const QString& pathAndQuery, const QByteArray& body, bool authenticated,
               const QByteArray& contentEncoding = {}) const;

    const ServerProcess& m_server;
    QString m_deviceId;
    QByteArray m_token;
};

} // namespace hearth::test
