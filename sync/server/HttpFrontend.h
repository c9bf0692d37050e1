#pragma once

#include <QAbstractHttpServer>

namespace hearth::server {

class Api;
struct ApiResponse;

/// @brief Hands each HTTP request to the Api and writes its JSON answer. Logs request ids, paths,
/// statuses and counts only, never a body.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpFrontend(Api& api, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void answer(const QHttpServerRequest& request, QTcpSocket* socket, const ApiResponse& response);

    Api& m_api;
    quint64 m_requests = 0;
};

} // namespace hearth::server
