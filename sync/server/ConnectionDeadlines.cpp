#include "sync/server/ConnectionDeadlines.h"

#include "sync/server/ServerLog.h"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace hearth::server {

namespace {

const QString kTimerName = QStringLiteral("hearth-request-deadline");

QTimer* deadlineOf(QTcpSocket* socket)
{
    return socket ? socket->findChild<QTimer*>(kTimerName, Qt::FindDirectChildrenOnly) : nullptr;
}

/// A listening server that hands each socket it makes to the deadlines before anyone reads from it.
template<typename Base>
class WatchedServer final : public Base
{
public:
    WatchedServer(ConnectionDeadlines& deadlines)
        : m_deadlines(deadlines)
    {
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        Base::incomingConnection(handle);
        // The base made the socket for handle as its newest child (QTcpServer and QSslServer alike).
        const QObjectList& children = this->children();
        for (auto it = children.crbegin(); it != children.crend(); ++it)
            if (auto* socket = qobject_cast<QTcpSocket*>(*it); socket && socket->socketDescriptor() == handle) {
                m_deadlines.watch(socket);
                return;
            }
    }

private:
    ConnectionDeadlines& m_deadlines;
};

} // namespace

ConnectionDeadlines::ConnectionDeadlines(std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent)
    , m_timeout(timeout)
{
}

QTcpServer* ConnectionDeadlines::makeServer(bool tls)
{
    if (!tls)
        return new WatchedServer<QTcpServer>(*this);
    auto* server = new WatchedServer<QSslServer>(*this);
    server->setHandshakeTimeout(int(m_timeout.count()));
    return server;
}

void ConnectionDeadlines::watch(QTcpSocket* socket)
{
    auto* timer = new QTimer(socket);
    timer->setObjectName(kTimerName);
    timer->setSingleShot(true);
    timer->setInterval(m_timeout);
    connect(timer, &QTimer::timeout, socket, [socket, timeout = m_timeout] {
        qCInfo(lcServer, "connection from %s closed: no complete request within %lld ms",
               qUtf8Printable(socket->peerAddress().toString()), qlonglong(timeout.count()));
        socket->abort();
    });
    // An answer draining to a slow reader: every write that makes progress restarts the deadline.
    connect(socket, &QTcpSocket::bytesWritten, timer, [timer] {
        if (timer->isActive())
            timer->start();
    });
    timer->start();
}

void ConnectionDeadlines::requestArrived(QTcpSocket* socket)
{
    if (QTimer* timer = deadlineOf(socket))
        timer->stop();
}

void ConnectionDeadlines::answered(QTcpSocket* socket)
{
    if (QTimer* timer = deadlineOf(socket))
        timer->start();
}

} // namespace hearth::server
