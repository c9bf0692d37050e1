#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

#include <utility>
#include <vector>

namespace hearth::test {

/// @brief One HTTP/1.1 exchange over a plain socket, from a chosen local address: 127.0.0.2 and the rest
/// of 127/8 are loopback on Linux too, so one machine plays clients at several addresses. Nothing waits:
/// send() starts it, and the test waits on done() (or on the socket) with QTest::qWaitFor.
class RawHttp
{
public:
    explicit RawHttp(const QHostAddress& from = QHostAddress(QHostAddress::LocalHost));
    RawHttp(const RawHttp&) = delete;
    RawHttp& operator=(const RawHttp&) = delete;

    /// A request's bytes: @p headers besides Host, Content-Length, Content-Type and X-Hearth-Protocol.
    static QByteArray request(const QByteArray& method, const QUrl& url, const QByteArray& body = {},
                              const std::vector<std::pair<QByteArray, QByteArray>>& headers = {});

    /// Connects to @p url's host and port and sends @p bytes once connected (all of them, or part).
    void send(const QUrl& url, const QByteArray& bytes);
    /// Sends more on the open connection.
    void write(const QByteArray& bytes) { m_socket.write(bytes); }
    QTcpSocket& socket() { return m_socket; }

    /// True once a whole answer (head and Content-Length body) arrived.
    bool done() const { return m_order > 0; }
    /// In which order the answers of all RawHttp exchanges of this process arrived (1, 2, ...); 0 before.
    int order() const { return m_order; }
    int status() const { return m_status; }
    QByteArray header(const QByteArray& name) const;
    QJsonObject json() const;
    QString error() const { return json().value(u"error").toString(); }

private:
    void read();

    QTcpSocket m_socket;
    QByteArray m_pending; ///< what to send once connected
    QByteArray m_received;
    int m_status = 0;
    int m_order = 0;
    std::vector<std::pair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
};

} // namespace hearth::test
