// Guessing passwords over the network against a real hearth-server process: the limits count per client
// address (127.0.0.2 and the rest of 127/8 are loopback too), the Argon2id checks run off the request
// thread, and the lock-out's counts are read through an index. SQLite and PostgreSQL.
#include "sync/protocol/Protocol.h"
#include "sync/server/SignInLimits.h"
#include "tests/support/QtStringMakers.h"
#include "tests/sync/ServerSyncSupport.h"
#include "tests/sync/support/RawHttp.h"
#include "tests/sync/support/SyncFixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <memory>

using namespace hearth;
using namespace hearth::test;
using server::SignInLimits;

namespace {

constexpr int kWait = 60000; // generous: a wait ends as soon as its condition holds

/// The production Argon2id cost: these tests need checks slow enough to overlap.
QProcessEnvironment interactiveHashing()
{
    QProcessEnvironment env;
    env.insert(u"HEARTH_SERVER_PASSWORD_HASH_COST"_qs, u"interactive"_qs);
    return env;
}

QByteArray registration(SyncFixture& f, const QString& login, const QString& password,
                        const QString& publicId = u"ws-guess"_qs)
{
    const QJsonObject body = sync::RegisterRequest {login, password, u"Front desk"_qs, publicId}.toJson();
    return RawHttp::request("POST", f.server().url(u"/api/v1/devices/register"_qs),
                            QJsonDocument(body).toJson(QJsonDocument::Compact));
}

/// Sends @p bytes from @p from and waits for the whole answer.
std::unique_ptr<RawHttp> exchange(SyncFixture& f, const char* from, const QByteArray& bytes)
{
    auto http = std::make_unique<RawHttp>(QHostAddress(QString::fromLatin1(from)));
    http->send(f.server().url({}), bytes);
    REQUIRE(QTest::qWaitFor([&] { return http->done(); }, kWait));
    return http;
}

} // namespace

TEMPLATE_TEST_CASE("Ten wrong guesses lock out their address, never the login's user elsewhere",
                   "[server][accounts][limits]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    const QString right = SyncFixture::passwordOf(u"hank"_qs);
    for (int i = 0; i < SignInLimits::kPerLoginAndAddress; ++i) {
        const auto guess = exchange(f, "127.0.0.1", registration(f, u"hank"_qs, QStringLiteral("guess-%1").arg(i)));
        CHECK(guess->status() == 401);
        CHECK(guess->error() == u"bad-credentials");
    }
    // From the guessing address even the right password waits, and is told for how long.
    const auto locked = exchange(f, "127.0.0.1", registration(f, u"hank"_qs, right));
    CHECK(locked->status() == 429);
    CHECK(locked->error() == u"too-many-attempts");
    const qint64 retryAfter = locked->header("Retry-After").toLongLong();
    CHECK(retryAfter > 0);
    CHECK(retryAfter <= SignInLimits::kWindowSeconds);

    // The real hank at another desk signs in at once; so does another login at the guessing address.
    const auto real = exchange(f, "127.0.0.2", registration(f, u"hank"_qs, right, u"hank-desk"_qs));
    INFO(QJsonDocument(real->json()).toJson().toStdString());
    CHECK(real->status() == 200);
    CHECK_FALSE(real->json().value(u"token").toString().isEmpty());
    CHECK(exchange(f, "127.0.0.1", registration(f, u"olga"_qs, SyncFixture::passwordOf(u"olga"_qs), u"olga-desk"_qs))
              ->status()
          == 200);

    const QString audit = auditText(f);
    CHECK(audit.count(u"sign-in-failed") == SignInLimits::kPerLoginAndAddress);
    CHECK(audit.contains(u"from 127.0.0.1"));
    CHECK(audit.contains(u"sign-in-limited"));
}

TEMPLATE_TEST_CASE("Guesses sent at once from one address cannot overrun its limit", "[server][accounts][limits]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f, interactiveHashing());
    // Unknown logins, all sent before any answer: a check still running counts as a failure.
    constexpr int kSent = SignInLimits::kPerAddress + 10;
    std::vector<std::unique_ptr<RawHttp>> guesses;
    for (int i = 0; i < kSent; ++i) {
        guesses.push_back(std::make_unique<RawHttp>(QHostAddress(u"127.0.0.3"_qs)));
        guesses.back()->send(f.server().url({}), registration(f, QStringLiteral("nobody-%1").arg(i), u"guess-1"_qs));
    }
    REQUIRE(QTest::qWaitFor(
        [&] { return std::all_of(guesses.begin(), guesses.end(), [](const auto& g) { return g->done(); }); }, kWait));
    const auto answered = [&](int status) {
        return std::count_if(guesses.begin(), guesses.end(), [status](const auto& g) { return g->status() == status; });
    };
    CHECK(answered(401) == SignInLimits::kPerAddress);
    CHECK(answered(429) == kSent - SignInLimits::kPerAddress);

    // The address waits whatever the login; the same login elsewhere does not.
    const QString right = SyncFixture::passwordOf(u"maria"_qs);
    CHECK(exchange(f, "127.0.0.3", registration(f, u"maria"_qs, right))->status() == 429);
    CHECK(exchange(f, "127.0.0.1", registration(f, u"maria"_qs, right))->status() == 200);
}

TEMPLATE_TEST_CASE("Password checks run off the request thread: other devices are answered meanwhile",
                   "[server][accounts][limits]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f, interactiveHashing());
    auto maria = f.device(u"maria"_qs);
    // Ten wrong passwords at once from one address, not awaited ...
    std::vector<std::unique_ptr<RawHttp>> guesses;
    for (int i = 0; i < SignInLimits::kPerLoginAndAddress; ++i) {
        guesses.push_back(std::make_unique<RawHttp>(QHostAddress(u"127.0.0.4"_qs)));
        guesses.back()->send(f.server().url({}), registration(f, u"hank"_qs, QStringLiteral("guess-%1").arg(i)));
    }
    // ... all of them with the server before the pull is sent.
    REQUIRE(QTest::qWaitFor(
        [&] {
            return std::all_of(guesses.begin(), guesses.end(), [](const auto& g) {
                return g->socket().state() == QAbstractSocket::ConnectedState && g->socket().bytesToWrite() == 0;
            });
        },
        kWait));
    QElapsedTimer clock;
    clock.start();
    RawHttp pull;
    pull.send(f.server().url({}),
              RawHttp::request("GET", f.server().url(u"/api/v1/pull?since=0&limit=10"_qs), {},
                               {{QByteArrayLiteral("Authorization"), maria->bearer()},
                                {QByteArrayLiteral("X-Hearth-Device"), maria->deviceId().toLatin1()}}));
    qint64 pulledAfter = -1;
    REQUIRE(QTest::qWaitFor(
        [&] {
            if (pull.done() && pulledAfter < 0)
                pulledAfter = clock.elapsed();
            return pull.done() && std::all_of(guesses.begin(), guesses.end(), [](const auto& g) { return g->done(); });
        },
        kWait));
    const qint64 lastGuessAfter = clock.elapsed();
    CHECK(pull.status() == 200);
    for (const auto& guess : guesses)
        CHECK(guess->status() == 401);
    const int lastGuess = (*std::max_element(guesses.begin(), guesses.end(), [](const auto& a, const auto& b) {
                              return a->order() < b->order();
                          }))->order();
    INFO("pull answered after " << pulledAfter << " ms; the last wrong password after " << lastGuessAfter << " ms");
    CHECK(pull.order() < lastGuess);
    WARN("pull answered after " << pulledAfter << " ms; the last of ten wrong passwords after ~" << lastGuessAfter
                                << " ms");
}

TEMPLATE_TEST_CASE("The lock-out's counts are read through an index", "[server][accounts][limits]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    CHECK(exchange(f, "127.0.0.1", registration(f, u"hank"_qs, u"guess-1"_qs))->status() == 401);
    DatabaseProbe probe(f.databaseSpec());
    CHECK(probe.count(u"sign_in_failures"_qs) == 1);
    // Each count is served by the index that leads with its equality columns (not merely one on `at`).
    for (auto [sql, index] : {std::pair {SignInLimits::countByAddressSql(), u"sign_in_failures_address"_qs},
                              std::pair {SignInLimits::countByLoginAndAddressSql(), u"sign_in_failures_login"_qs}}) {
        for (qsizetype at = sql.indexOf(u'?'); at >= 0; at = sql.indexOf(u'?'))
            sql.replace(at, 1, u"'2026-01-01T00:00:00.000Z'"_qs);
        INFO(sql.toStdString());
        if constexpr (isPostgres<TestType>()) {
            // An empty table is read whole whatever its indexes; forbidding that shows whether one serves.
            probe.exec(u"SET enable_seqscan = off"_qs);
            const QString plan = probe.column(u"EXPLAIN "_qs + sql).join(u'\n');
            INFO(plan.toStdString());
            CHECK(plan.contains(u"Index"));
            CHECK(plan.contains(index));
            CHECK_FALSE(plan.contains(u"Seq Scan"));
        } else {
            const QString plan = probe.column(u"EXPLAIN QUERY PLAN "_qs + sql, 3).join(u'\n');
            INFO(plan.toStdString());
            CHECK(plan.contains(u"USING COVERING INDEX "_qs + index));
        }
    }
}
