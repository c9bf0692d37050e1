#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QObject>
#include <QTcpServer>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace hearth::test {

/// @brief A TCP proxy on loopback between the sync engine and hearth-server: it keeps every byte the
/// client sent (request lines, headers, bodies) and can cut a connection at the worst moment — after
/// the server answered, before the client hears it.
///
/// It reads whole HTTP messages (Content-Length framing) in both directions, so it can also script
/// faults into push requests one at a time (injectIntoPushes()), the way a flaky network or a
/// misbehaving server would.
class LoopbackProxy : public QObject
{
    Q_OBJECT
public:
    /// What happens to a push request and its answer.
    enum class Fault
    {
        None,
        Hang, ///< forwarded; the answer never comes (no bytes) until the client gives up
        SlowDrip, ///< forwarded; the answer arrives a few bytes at a time (setDrip())
        Error500, ///< not forwarded; the client gets a 500 `internal`
        Malformed, ///< forwarded; the client gets a 200 whose body is not JSON
        Duplicate, ///< delivered twice: first a copy on another connection, then the original
        Reorder, ///< held (the client is answered 503 at once); delivered once the server answered the next push(es)
        ResetAfterForward, ///< forwarded; once the server answered, the client's connection is reset
        CutBeforeEnd, ///< all but the body's last bytes forwarded, then held: the server never has it whole
        HoldAnswer, ///< forwarded; the server's answer is held, never delivered (the server has committed)
    };

    explicit LoopbackProxy(quint16 targetPort, QObject* parent = nullptr);

    quint16 port() const { return m_server.serverPort(); }
    void setTargetPort(quint16 port) { m_target = port; }
    /// Everything clients sent through the proxy so far, request bodies decoded (deflate on the wire), so
    /// a canary is found whatever the encoding.
    const QByteArray& received() const { return m_received; }
    /// How many times the client sent "POST /api/v1/push".
    int pushRequests() const { return int(m_received.count("POST /api/v1/push")); }
    /// While set, the server's answers are thrown away and the client's connection is cut.
    void setSwallowReplies(bool swallow) { m_swallow = swallow; }
    /// Counts the bytes without keeping them (a benchmark: tens of MB would count as the client's memory).
    void setCountOnly(bool countOnly) { m_countOnly = countOnly; }
    /// How many bytes clients sent through the proxy so far, kept or not.
    qint64 receivedBytes() const { return m_receivedBytes; }

    /// The next @p count push requests meet @p fault, one after another; later ones pass.
    void injectIntoPushes(Fault fault, int count = 1);
    /// Push requests still to meet the injected fault.
    int faultsLeft() const { return m_faultsLeft; }
    /// Reorder: the held push goes to the server after it answered @p pushes later ones (default 1).
    void setReorderDistance(int pushes) { m_reorderDistance = std::max(1, pushes); }
    /// SlowDrip: @p bytes of the answer every @p intervalMs.
    void setDrip(int bytes, int intervalMs);
    /// Push requests the server received (originals, copies and held ones released).
    int pushesDelivered() const { return m_pushesDelivered; }
    /// The status lines of the answers to copies and released held requests (nobody else hears them).
    const QByteArrayList& sideReplies() const { return m_sideReplies; }
    /// The body of the answer to each copy and released held request, in order.
    const QByteArrayList& sideBodies() const { return m_sideBodies; }
    /// True while a held (Reorder) request waits.
    bool holding() const { return m_held.has_value(); }
    /// HoldAnswer: delivers the held answer to its client after all (a test that only needed a pause).
    void releaseAnswer();

    /// One whole HTTP message taken from the front of @p buffer, if it is all there.
    static std::optional<QByteArray> takeMessage(QByteArray& buffer);
    /// @p message with its body decoded when it came Content-Encoding'd.
    static QByteArray readable(const QByteArray& message);

Q_SIGNALS:
    /// A push request was written whole to the server.
    void pushForwarded();
    /// CutBeforeEnd or HoldAnswer reached its point: the moment to kill the server, with nothing more
    /// of that push going either way.
    void faultReached();

private:
    struct Link;
    void accept();
    void onRequest(const std::shared_ptr<Link>& link, const QByteArray& request);
    void onResponse(Link& link, const QByteArray& response);
    void forward(Link& link, const QByteArray& request);
    /// Sends @p request to the server on a connection of its own; @p then runs when it was answered.
    void sendAside(const QByteArray& request, std::function<void()> then = {});
    Fault takeFault(const QByteArray& request);

    QTcpServer m_server;
    quint16 m_target = 0;
    QByteArray m_received;
    bool m_swallow = false;
    Fault m_fault = Fault::None;
    int m_faultsLeft = 0;
    int m_dripBytes = 16;
    int m_dripIntervalMs = 50;
    int m_pushesDelivered = 0;
    std::optional<QByteArray> m_held;
    std::function<void()> m_heldAnswer; ///< HoldAnswer: writes the held answer to its client
    int m_reorderDistance = 1;
    int m_heldWait = 0; ///< answered pushes still to go before the held one is sent
    QByteArrayList m_sideReplies;
    QByteArrayList m_sideBodies;
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
