#include "tests/sync/support/LoopbackProxy.h"

#include "sync/protocol/BodyEncoding.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

namespace hearth::test {

namespace {

bool isPush(const QByteArray& request)
{
    return request.startsWith("POST /api/v1/push ");
}

} // namespace

/// One client connection and its connection to the server.
struct LoopbackProxy::Link
{
    QPointer<QTcpSocket> in;
    QPointer<QTcpSocket> out;
    QByteArray fromClient; ///< not yet a whole request
    QByteArray fromServer; ///< not yet a whole answer
    QByteArray unsent; ///< for the server, before its connection is up
    Fault answerFault = Fault::None; ///< what happens to the answer the server owes on this link
    bool releaseHeld = false; ///< a push forwarded while one is held: its answer counts toward the release
    QByteArray drip; ///< SlowDrip: what the client has yet to get
};

LoopbackProxy::LoopbackProxy(quint16 targetPort, QObject* parent)
    : QObject(parent)
    , m_target(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackProxy::accept);
    m_server.listen(QHostAddress::LocalHost);
}

void LoopbackProxy::injectIntoPushes(Fault fault, int count)
{
    m_fault = fault;
    m_faultsLeft = count;
}

void LoopbackProxy::releaseAnswer()
{
    if (auto deliver = std::exchange(m_heldAnswer, {}))
        deliver();
}

void LoopbackProxy::setDrip(int bytes, int intervalMs)
{
    m_dripBytes = std::max(1, bytes);
    m_dripIntervalMs = intervalMs;
}

std::optional<QByteArray> LoopbackProxy::takeMessage(QByteArray& buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    qsizetype length = 0;
    for (const QByteArray& line : buffer.left(headerEnd).split('\n'))
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    const qsizetype total = headerEnd + 4 + length;
    if (buffer.size() < total)
        return std::nullopt;
    QByteArray message = buffer.left(total);
    buffer.remove(0, total);
    return message;
}

QByteArray LoopbackProxy::readable(const QByteArray& message)
{
    const qsizetype headEnd = message.indexOf("\r\n\r\n");
    const QByteArray head = message.left(headEnd);
    QByteArray encoding;
    for (const QByteArray& line : head.split('\n'))
        if (line.toLower().startsWith("content-encoding:"))
            encoding = line.mid(17).trimmed();
    if (encoding.isEmpty())
        return message;
    auto body = sync::body_encoding::decode(message.mid(headEnd + 4), encoding, 256 * 1024 * 1024);
    // A body the canary checks cannot read would let them pass without looking: stop the test instead.
    if (!std::holds_alternative<QByteArray>(body))
        qFatal("LoopbackProxy: a request body encoded as %s did not decode", encoding.constData());
    return head + "\r\n\r\n" + std::get<QByteArray>(body);
}

void LoopbackProxy::accept()
{
    while (QTcpSocket* in = m_server.nextPendingConnection()) {
        auto link = std::make_shared<Link>();
        link->in = in;
        link->out = new QTcpSocket(in);
        QTcpSocket* out = link->out;
        connect(in, &QTcpSocket::readyRead, this, [this, link] {
            if (!link->in)
                return;
            const QByteArray data = link->in->readAll();
            m_receivedBytes += data.size();
            link->fromClient += data;
            while (auto request = takeMessage(link->fromClient)) {
                if (!m_countOnly)
                    m_received += readable(*request);
                onRequest(link, *request);
            }
        });
        connect(out, &QTcpSocket::connected, this, [link] {
            link->out->write(link->unsent);
            link->unsent.clear();
        });
        connect(out, &QTcpSocket::readyRead, this, [this, link] {
            if (!link->out)
                return;
            link->fromServer += link->out->readAll();
            while (link->in && link->out) {
                auto response = takeMessage(link->fromServer);
                if (!response)
                    break;
                onResponse(*link, *response);
            }
        });
        connect(out, &QTcpSocket::disconnected, in, [link] {
            if (link->in && link->drip.isEmpty())
                link->in->disconnectFromHost();
        });
        connect(out, &QTcpSocket::errorOccurred, in, [link] {
            if (link->in && link->drip.isEmpty())
                link->in->abort();
        });
        connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
        out->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

LoopbackProxy::Fault LoopbackProxy::takeFault(const QByteArray& request)
{
    if (!isPush(request) || m_faultsLeft <= 0)
        return Fault::None;
    --m_faultsLeft;
    return m_fault;
}

void LoopbackProxy::onRequest(const std::shared_ptr<Link>& shared, const QByteArray& request)
{
    Link& link = *shared;
    const Fault fault = takeFault(request);
    switch (fault) {
    case Fault::Error500: {
        const QByteArray body = R"({"protocol":1,"error":"internal","message":"injected by the test proxy"})";
        link.in->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return;
    }
    case Fault::Reorder: {
        // Held for later; the client is told at once that this delivery failed (a gateway's 503), so it
        // delivers again after its backoff: no timeout decides when, however fast or slow the machine.
        m_held = request;
        m_heldWait = m_reorderDistance;
        const QByteArray body = R"({"protocol":1,"error":"internal","message":"held back by the test proxy"})";
        link.in->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return;
    }
    case Fault::Duplicate: {
        sendAside(request, [this, shared, request] {
            if (shared->in)
                forward(*shared, request);
        });
        return;
    }
    case Fault::CutBeforeEnd:
        if (link.out) {
            // The last bytes of the body stay here: the server reads a request it can never finish.
            const QByteArray part = request.chopped(std::min<qsizetype>(16, request.size() / 2));
            if (link.out->state() == QAbstractSocket::ConnectedState)
                link.out->write(part);
            else
                link.unsent += part;
            link.out->flush();
        }
        Q_EMIT faultReached();
        return;
    default:
        break;
    }
    if (m_held && isPush(request))
        link.releaseHeld = true;
    link.answerFault = fault;
    forward(link, request);
}

void LoopbackProxy::forward(Link& link, const QByteArray& request)
{
    if (!link.out)
        return;
    if (link.out->state() == QAbstractSocket::ConnectedState)
        link.out->write(request);
    else
        link.unsent += request;
    if (isPush(request)) {
        ++m_pushesDelivered;
        Q_EMIT pushForwarded();
    }
}

void LoopbackProxy::onResponse(Link& link, const QByteArray& response)
{
    if (std::exchange(link.releaseHeld, false) && m_held && --m_heldWait <= 0) {
        const QByteArray held = *m_held;
        m_held.reset();
        sendAside(held);
    }
    const Fault fault = std::exchange(link.answerFault, Fault::None);
    if (m_swallow || fault == Fault::ResetAfterForward) {
        link.in->abort();
        return;
    }
    switch (fault) {
    case Fault::Hang:
        return; // not a byte: the client's timeout has to notice
    case Fault::HoldAnswer: {
        // The whole answer is here, so the server committed; the client hears nothing unless released.
        QPointer<QTcpSocket> in = link.in;
        m_heldAnswer = [in, response] {
            if (in)
                in->write(response);
        };
        Q_EMIT faultReached();
        return;
    }
    case Fault::Malformed: {
        const QByteArray body = "{\"protocol\":1,\"results\":[{\"key\":";
        link.in->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return;
    }
    case Fault::SlowDrip: {
        link.drip += response;
        auto* timer = new QTimer(link.in);
        QPointer<QTcpSocket> in = link.in;
        QByteArray* queue = &link.drip; // the link lives as long as its client socket (the timer's parent)
        connect(timer, &QTimer::timeout, timer, [this, timer, in, queue] {
            in->write(queue->left(m_dripBytes));
            queue->remove(0, std::min<qsizetype>(m_dripBytes, queue->size()));
            if (queue->isEmpty())
                timer->deleteLater();
        });
        timer->start(m_dripIntervalMs);
        return;
    }
    default:
        link.in->write(response);
    }
}

void LoopbackProxy::sendAside(const QByteArray& request, std::function<void()> then)
{
    auto* socket = new QTcpSocket(this);
    auto buffer = std::make_shared<QByteArray>();
    auto done = std::make_shared<bool>(false);
    const auto finish = [this, socket, done, then](const QByteArray& answer) {
        if (*done)
            return;
        *done = true;
        const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
        m_sideReplies << answer.left(answer.indexOf("\r\n"));
        m_sideBodies << (headerEnd < 0 ? QByteArray() : answer.mid(headerEnd + 4));
        socket->disconnectFromHost();
        socket->deleteLater();
        if (then)
            then();
    };
    connect(socket, &QTcpSocket::connected, socket, [socket, request] { socket->write(request); });
    connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, finish] {
        *buffer += socket->readAll();
        if (auto answer = takeMessage(*buffer))
            finish(*answer);
    });
    connect(socket, &QTcpSocket::errorOccurred, socket, [finish] { finish("no answer"); });
    socket->connectToHost(QHostAddress::LocalHost, m_target);
    if (isPush(request))
        ++m_pushesDelivered;
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
