#pragma once

#include <QObject>

#include <chrono>

class QTcpServer;
class QTcpSocket;

namespace hearth::server {

/// @brief Closes connections that hold the server without completing a request: one that sends nothing,
/// or trickles a request byte by byte, is closed once the request timeout has passed since it connected
/// (or since its last answer was sent), however many bytes it sent meanwhile. While a request is being
/// answered there is no deadline; while an answer drains, each write that makes progress restarts it, so
/// a slow reader that keeps reading keeps its download.
///
/// Qt HttpServer 6.4 has no timeout of its own and parses requests out of sight, so the deadline is kept
/// per socket from the moment the listening server accepts it (HttpFrontend::serve).
class ConnectionDeadlines : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionDeadlines(std::chrono::milliseconds timeout, QObject* parent = nullptr);

    std::chrono::milliseconds timeout() const { return m_timeout; }
    /// A listening server whose connections are watched from the moment they are accepted: a QTcpServer,
    /// or a QSslServer (with its TLS handshake under the same timeout) when @p tls is set.
    QTcpServer* makeServer(bool tls);

    /// A new connection: its first request must arrive complete within the timeout.
    void watch(QTcpSocket* socket);
    /// A complete request arrived: no deadline while it is answered.
    void requestArrived(QTcpSocket* socket);
    /// Its answer was written: the next request must arrive complete within the timeout of the last
    /// progress in sending this one.
    void answered(QTcpSocket* socket);

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace hearth::server
