#pragma once

#include "core/types/SyncTypes.h"
#include "sync/client/SyncFailure.h"
#include "sync/protocol/BodyEncoding.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace hearth::sync {

/// @brief The HTTP channel to the agency server: the rules every request follows (no redirects, peer
/// verification, the optional pinned key, a transfer timeout, the token and device headers, the protocol
/// version) and the one place an answer is read and sorted. A protocol answer with 200 goes to the
/// request's callback; a transport problem (no answer, TLS, pin, 5xx, an unreadable 200) is reported as a
/// SyncFailure; any other answer as a ServerRefusal for the engine to interpret. A sync has one request at a
/// time; a device status check may run beside it (getAside). The channel knows nothing of records or
/// consent: it sends the bytes it is given, and only SyncEngine's phases give it any.
class SyncChannel : public QObject
{
    Q_OBJECT
public:
    using OnReply = std::function<void(const QJsonObject&)>;
    /// @p status 0 when there was no answer (or the key was not the pinned one).
    using OnAside = std::function<void(int status, const QByteArray& body, const QUrl& url)>;

    explicit SyncChannel(QObject* parent = nullptr);

    /// The server, token, device id and pin the requests use (a registration, or the address being tried).
    void setRegistration(const SyncRegistration& registration) { m_registration = registration; }
    const std::optional<SyncRegistration>& registration() const { return m_registration; }
    void clearRegistration() { m_registration.reset(); }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    void post(const QString& path, const QJsonObject& body, bool authenticated, OnReply onOk);
    /// Posts a body already as it goes on the wire (body_encoding). @p onUploaded: called once the whole body
    /// is out (Qt Network hands it to its HTTP thread through this thread's event loop).
    void postEncoded(const QString& path, const body_encoding::Encoded& body, bool authenticated, OnReply onOk,
                     std::function<void()> onUploaded = {});
    /// An authenticated GET of @p pathAndQuery.
    void get(const QString& pathAndQuery, OnReply onOk);
    /// An authenticated GET outside the one request (the device status check); false when the address is
    /// refused. The answer is not sorted: @p onDone gets it as it came.
    bool getAside(const QString& path, OnAside onDone);

    /// A request is in flight.
    bool busy() const;
    bool asideBusy() const;
    /// Drops the request in flight without a word: its answer, when it comes, is ignored.
    void forget();
    /// Drops and aborts the request in flight.
    void cancel();
    /// Aborts the request in flight; its answer is still read (as an aborted one).
    void abort();

Q_SIGNALS:
    /// A protocol answer with 200, just before its request's callback.
    void answered(const QJsonObject& body);
    void failed(const hearth::sync::SyncFailure& failure);
    void refused(const hearth::sync::ServerRefusal& refusal);

private:
    /// The rules every request follows: timeout, no redirects, peer verification, the token.
    QNetworkRequest requestTo(const QUrl& url, bool authenticated) const;
    /// Aborts @p reply when the server's key is not the pinned one (marks it "hearthPinMismatch").
    void requirePin(QNetworkReply* reply) const;
    /// Tracks @p reply as the one in flight: the optional certificate pin, then onReply().
    void watch(QNetworkReply* reply, OnReply onOk);
    void onReply(QNetworkReply* reply, const OnReply& onOk);
    void fail(SyncFailure::Kind kind, const QString& code, const QString& message, bool reachedServer);

    QNetworkAccessManager* m_network = nullptr;
    std::optional<SyncRegistration> m_registration;
    int m_timeoutMs = 60 * 1000;
    QPointer<QNetworkReply> m_reply;
    QPointer<QNetworkReply> m_asideReply; ///< a device status check in flight (not a sync)
};

} // namespace hearth::sync
