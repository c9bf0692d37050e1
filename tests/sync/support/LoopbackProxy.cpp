#include "support/LoopbackProxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>

namespace hearth::test {

LoopbackProxy::LoopbackProxy(quint16 targetPort, QObject* parent)
    : QObject(parent)
    , m_target(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackProxy::accept);
    m_server.listen(QHostAddress::LocalHost);
}

void LoopbackProxy::accept()
{
    while (QTcpSocket* in = m_server.nextPendingConnection()) {
        auto* out = new QTcpSocket(in);
        auto pending = std::make_shared<QByteArray>();
        QPointer<QTcpSocket> inPtr(in);
        connect(in, &QTcpSocket::readyRead, this, [this, in, out, pending] {
            const QByteArray data = in->readAll();
            m_receivedBytes += data.size();
            if (!m_countOnly)
                m_received += data;
            if (out->state() == QAbstractSocket::ConnectedState)
                out->write(data);
            else
                *pending += data;
        });
        connect(out, &QTcpSocket::connected, this, [out, pending] {
            out->write(*pending);
            pending->clear();
        });
        connect(out, &QTcpSocket::readyRead, this, [this, in, out] {
            const QByteArray data = out->readAll();
            if (m_swallow) {
                in->abort();
                return;
            }
            in->write(data);
        });
        connect(out, &QTcpSocket::disconnected, in, [inPtr] {
            if (inPtr)
                inPtr->disconnectFromHost();
        });
        connect(out, &QTcpSocket::errorOccurred, in, [inPtr] {
            if (inPtr)
                inPtr->abort();
        });
        connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
        out->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

CannedServer::CannedServer(QByteArray response, QObject* parent)
    : QObject(parent)
    , m_response(std::move(response))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                // Answer once the whole body (Content-Length) is in.
                qsizetype length = 0;
                for (const QByteArray& line : buffer->left(headerEnd).split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                ++m_requests;
                buffer->clear();
                socket->write(m_response);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    m_server.listen(QHostAddress::LocalHost);
}

QByteArray CannedServer::http(int status, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace hearth::test
