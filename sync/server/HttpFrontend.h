#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <chrono>

class QSslConfiguration;

namespace hearth::server {

class Api;
class ConnectionDeadlines;
struct ApiResponse;

/// @brief Hands each HTTP request to the Api and writes its JSON answer. Logs request ids, paths,
/// statuses and counts only, never a body. Connections that do not complete a request within the request
/// timeout are closed (ConnectionDeadlines).
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpFrontend(Api& api, std::chrono::milliseconds requestTimeout, QObject* parent = nullptr);

    /// Listens on @p address and @p port (HTTPS with @p tls): the port, or 0 with the reason in @p why.
    quint16 serve(const QHostAddress& address, quint16 port, const QSslConfiguration* tls, QString* why);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void answer(const QHttpServerRequest& request, QTcpSocket* socket, const ApiResponse& response);

    Api& m_api;
    ConnectionDeadlines* m_deadlines;
    quint64 m_requests = 0;
};

} // namespace hearth::server
