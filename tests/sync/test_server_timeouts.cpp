// Slow and idle connections against a real hearth-server process: a connection that does not complete a
// request within the request timeout (here 1 s) is closed, however many bytes it trickles, while normal
// clients are served.
#include "tests/sync/support/RawHttp.h"
#include "tests/sync/support/SyncFixture.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

#include <memory>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("Idle, half-sent and trickled requests are closed after the request timeout", "[server][limits]")
{
    QProcessEnvironment env;
    env.insert(u"HEARTH_SERVER_REQUEST_TIMEOUT_SECONDS"_qs, u"1"_qs);
    SyncFixture f(false, env);
    REQUIRE(f.ready());
    const QUrl server = f.server().url({});
    const QByteArray register_
        = RawHttp::request("POST", f.server().url(u"/api/v1/devices/register"_qs),
                           QByteArrayLiteral(R"({"protocol":1,"login":"maria","password":"x"})"));

    RawHttp idle; // connects and sends nothing
    RawHttp half; // sends its head and half its body
    RawHttp trickle; // one byte every 100 ms: a whole request would take seconds
    RawHttp keptAlive; // one complete request, then nothing on the open connection
    idle.send(server, {});
    half.send(server, register_.left(register_.size() - 20));
    trickle.send(server, register_.left(1));
    keptAlive.send(server, RawHttp::request("GET", f.server().url(u"/api/v1/health"_qs)));
    int closed = 0;
    for (RawHttp* http : {&idle, &half, &trickle, &keptAlive})
        QObject::connect(&http->socket(), &QTcpSocket::disconnected, &http->socket(), [&closed] { ++closed; });
    qsizetype trickled = 1;
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
        if (trickled < register_.size() && trickle.socket().state() == QAbstractSocket::ConnectedState)
            trickle.write(register_.mid(trickled++, 1));
    });
    drip.start(100);
    QElapsedTimer clock;
    clock.start();

    // Meanwhile a normal client is served, and registers.
    ApiClient visitor(f.server());
    CHECK(visitor.get(u"/api/v1/health"_qs, false).status == 200);
    auto maria = f.device(u"maria"_qs);
    CHECK(maria->get(u"/api/v1/pull?since=0"_qs).status == 200);

    // The wait ends on the server's closing of all four; the bound is only a backstop.
    REQUIRE(QTest::qWaitFor([&] { return closed == 4; }, 30000));
    const qint64 elapsed = clock.elapsed();
    CHECK(keptAlive.status() == 200); // its answer came before the connection's deadline
    CHECK_FALSE(half.done());
    CHECK_FALSE(trickle.done());
    CHECK(trickled > 2); // it kept sending, and was closed all the same
    CHECK(elapsed >= 500);
    CHECK(f.server().log().count("no complete request within 1000 ms") >= 4);
    WARN("four slow connections closed " << elapsed << " ms after they connected (timeout 1 s); " << trickled
                                         << " bytes trickled");
}
