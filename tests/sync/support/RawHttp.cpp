#include "tests/sync/support/RawHttp.h"

#include "sync/protocol/Protocol.h"

#include <QJsonDocument>

namespace hearth::test {

namespace {

int g_answers = 0; // answers arrived in this process, for RawHttp::order()

} // namespace

RawHttp::RawHttp(const QHostAddress& from)
{
    m_socket.bind(from);
    QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this] {
        m_socket.write(m_pending);
        m_pending.clear();
    });
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
}

QByteArray RawHttp::request(const QByteArray& method, const QUrl& url, const QByteArray& body,
                            const std::vector<std::pair<QByteArray, QByteArray>>& headers)
{
    QByteArray bytes = method + ' ' + url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        bytes += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    bytes += " HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':' + QByteArray::number(url.port()) + "\r\n";
    bytes += QByteArray(sync::protocol::kProtocolHeader) + ": " + QByteArray::number(sync::protocol::kVersion) + "\r\n";
    if (!body.isEmpty() || method == "POST")
        bytes += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    return bytes + "\r\n" + body;
}

void RawHttp::send(const QUrl& url, const QByteArray& bytes)
{
    m_pending = bytes;
    m_socket.connectToHost(url.host(), quint16(url.port()));
}

void RawHttp::read()
{
    m_received += m_socket.readAll();
    if (m_order > 0)
        return;
    const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QList<QByteArray> lines = m_received.left(headEnd).split('\n');
    qsizetype length = 0;
    m_headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        m_headers.emplace_back(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        if (m_headers.back().first == "content-length")
            length = m_headers.back().second.toLongLong();
    }
    if (m_received.size() < headEnd + 4 + length)
        return;
    m_status = lines.value(0).split(' ').value(1).toInt();
    m_body = m_received.mid(headEnd + 4, length);
    m_order = ++g_answers;
}

QByteArray RawHttp::header(const QByteArray& name) const
{
    for (const auto& [key, value] : m_headers)
        if (key == name.toLower())
            return value;
    return {};
}

QJsonObject RawHttp::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

} // namespace hearth::test
