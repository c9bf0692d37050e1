#include "sync/server/HttpFrontend.h"

#include "sync/server/Api.h"
#include "sync/server/ConnectionDeadlines.h"
#include "sync/server/ServerLog.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QSslServer>
#include <QTcpSocket>

namespace hearth::server {

namespace {

QByteArray header(const QHttpServerRequest& request, const QByteArray& name)
{
    for (const auto& [key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

} // namespace

HttpFrontend::HttpFrontend(Api& api, std::chrono::milliseconds requestTimeout, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_api(api)
    , m_deadlines(new ConnectionDeadlines(requestTimeout, this))
{
}

quint16 HttpFrontend::serve(const QHostAddress& address, quint16 port, const QSslConfiguration* tls, QString* why)
{
    QTcpServer* server = m_deadlines->makeServer(tls != nullptr);
    if (tls)
        static_cast<QSslServer*>(server)->setSslConfiguration(*tls);
    if (!server->listen(address, port)) {
        if (why)
            *why = server->errorString();
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

bool HttpFrontend::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QElapsedTimer timer;
    timer.start();
    // The responder writes the head and the body separately. With Nagle's algorithm the body then waits
    // for the client's delayed ACK of the head: 40 ms a request on Linux (measured: a third of a push
    // batch's round trip).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_deadlines->requestArrived(socket);
    const quint64 id = ++m_requests;
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path();
    api.query = request.query();
    api.body = request.body();
    api.contentEncoding = header(request, QByteArrayLiteral("Content-Encoding"));
    api.authorization = header(request, QByteArrayLiteral("Authorization"));
    api.deviceId = QString::fromLatin1(header(request, QByteArrayLiteral("X-Hearth-Device")));
    api.protocolHeader = header(request, QByteArrayLiteral("X-Hearth-Protocol"));
    api.peerAddress = request.remoteAddress();
    api.forwardedFor = header(request, QByteArrayLiteral("X-Forwarded-For"));
    // The answer may come later (a registration's password check runs on a worker): by then the client may
    // have gone, and with it the socket and the request (which lives as long as its socket).
    m_api.handle(api,
                 [self = QPointer<HttpFrontend>(this), connection = QPointer<QTcpSocket>(socket), request = &request,
                  id, method = api.method, path = api.path, bytes = api.body.size(), timer](ApiResponse response) {
                     const bool gone = !self || !connection || connection->state() != QAbstractSocket::ConnectedState;
                     if (!gone)
                         self->answer(*request, connection, response);
                     qCInfo(lcServer, "request %llu %s %s -> %d (%s) changes=%d bytes=%lld %lldms%s", id,
                            method.constData(), qUtf8Printable(path), response.status,
                            qUtf8Printable(response.body.value(u"error").toString(QStringLiteral("ok"))),
                            response.changeCount, qlonglong(bytes), qlonglong(timer.elapsed()),
                            gone ? " (client gone)" : "");
                 });
    return true;
}

void HttpFrontend::answer(const QHttpServerRequest& request, QTcpSocket* socket, const ApiResponse& response)
{
    // Compact JSON: QHttpServerResponder would indent a QJsonDocument, a third more bytes on the wire.
    const QByteArray body = QJsonDocument(response.body).toJson(QJsonDocument::Compact);
    const QByteArray json = QByteArrayLiteral("application/json");
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    QHttpServerResponder responder = makeResponder(request, socket);
    if (response.retryAfterSeconds > 0)
        responder.write(body,
                        {{QByteArrayLiteral("Content-Type"), json},
                         {QByteArrayLiteral("Retry-After"), QByteArray::number(response.retryAfterSeconds)}},
                        status);
    else
        responder.write(body, json, status);
    m_deadlines->answered(socket);
}

void HttpFrontend::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace hearth::server
