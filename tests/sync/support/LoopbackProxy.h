#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

namespace hearth::test {

/// @brief A TCP proxy on loopback between the sync engine and hearth-server: it keeps every byte the
/// client sent (request lines, headers, bodies) and can cut a connection at the worst moment — after
/// the server answered, before the client hears it.
class LoopbackProxy : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackProxy(quint16 targetPort, QObject* parent = nullptr);

    quint16 port() const { return m_server.serverPort(); }
    void setTargetPort(quint16 port) { m_target = port; }
    /// Everything clients sent through the proxy so far.
    const QByteArray& received() const { return m_received; }
    /// How many times the client sent "POST /api/v1/push".
    int pushRequests() const { return int(m_received.count("POST /api/v1/push")); }
    /// While set, the server's answers are thrown away and the client's connection is cut.
    void setSwallowReplies(bool swallow) { m_swallow = swallow; }
    /// Counts the bytes without keeping them (a benchmark: tens of MB would count as the client's memory).
    void setCountOnly(bool countOnly) { m_countOnly = countOnly; }
    /// How many bytes clients sent through the proxy so far, kept or not.
    qint64 receivedBytes() const { return m_receivedBytes; }

private:
    void accept();

    QTcpServer m_server;
    quint16 m_target = 0;
    QByteArray m_received;
    bool m_swallow = false;
    bool m_countOnly = false;
    qint64 m_receivedBytes = 0;
};

/// @brief A fake server on loopback that answers every request with the same raw HTTP response.
class CannedServer : public QObject
{
    Q_OBJECT
public:
    explicit CannedServer(QByteArray response, QObject* parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    int requests() const { return m_requests; }

    /// An HTTP/1.1 response with @p status and @p body.
    static QByteArray http(int status, const QByteArray& body);

private:
    QTcpServer m_server;
    QByteArray m_response;
    int m_requests = 0;
};

} // namespace hearth::test
