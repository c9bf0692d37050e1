// End-to-end: a real hearth-server process on loopback, over SQLite and over PostgreSQL.
#include "sync/protocol/Protocol.h"
#include "tests/sync/support/SyncFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtCore/qtestsupport_core.h>

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

constexpr int kFull = 1;
constexpr int kLimited = 2;
constexpr int kAnonymous = 3;
constexpr int kNoSharing = 4;

QString auditText(SyncFixture& f)
{
    QString output;
    REQUIRE(f.server().admin({u"audit"_qs}, {}, &output) == 0);
    return output;
}

} // namespace

TEMPLATE_TEST_CASE("A device registers with a password and then needs its token", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    ApiClient stranger(f.server());
    CHECK_FALSE(stranger.signIn(u"maria"_qs, u"wrong-password"_qs, u"ws-1"_qs));
    const Reply wrong = stranger.post(
        u"/api/v1/devices/register"_qs,
        sync::RegisterRequest {u"maria"_qs, u"wrong-password"_qs, u"ws"_qs, u"ws-1"_qs}.toJson(), false);
    CHECK(wrong.status == 401);
    CHECK(wrong.error() == u"bad-credentials");
    CHECK(auditText(f).contains(u"sign-in-failed"));

    auto maria = f.device(u"maria"_qs);
    CHECK_FALSE(maria->deviceId().isEmpty());

    // Guessing: after ten failures in a row even the right password is refused for a while.
    for (int i = 0; i < 10; ++i)
        CHECK_FALSE(stranger.signIn(u"hank"_qs, QStringLiteral("guess-%1").arg(i), u"ws-2"_qs));
    ApiClient hank(f.server());
    CHECK_FALSE(hank.signIn(u"hank"_qs, SyncFixture::passwordOf(u"hank"_qs), u"ws-3"_qs));
    CHECK(f.device(u"olga"_qs)); // other logins are not affected
    CHECK(pull(*maria).changes.empty());

    maria->setToken("not-the-token");
    const Reply refused = maria->get(u"/api/v1/pull?since=0"_qs);
    CHECK(refused.status == 401);
    CHECK(refused.error() == u"token-invalid");
}

TEMPLATE_TEST_CASE("An expired token is refused until the user signs in again", "[server]", SqliteBackend,
                   PostgresBackend)
{
    QProcessEnvironment env;
    env.insert(u"HEARTH_SERVER_TOKEN_LIFETIME_SECONDS"_qs, u"1"_qs);
    START_SERVER(f, env);
    auto maria = f.device(u"maria"_qs, u"laptop"_qs);
    // Until the server's own clock passes the expiry, however long that takes on this machine.
    Reply expired;
    REQUIRE(QTest::qWaitFor([&] { return (expired = maria->get(u"/api/v1/pull?since=0"_qs)).status != 200; }, 60000));
    CHECK(expired.status == 401);
    CHECK(expired.error() == u"token-expired");
    auto again = f.device(u"maria"_qs, u"laptop"_qs);
    CHECK(again->deviceId() == maria->deviceId()); // the same workstation keeps its id
    CHECK(again->get(u"/api/v1/pull?since=0"_qs).status == 200);
}

TEMPLATE_TEST_CASE("A deflated push is applied like a plain one", "[server]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    sync::PushRequest request {maria->deviceId(),
                               {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs,
                                       clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consentRef(kFull)))}};
    // HTTP's deflate is a zlib stream: qCompress's output after its 4-byte length.
    const QByteArray body = QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
    const Reply reply = maria->postRaw(u"/api/v1/push"_qs, qCompress(body, 9).mid(4), true, "deflate");
    REQUIRE(reply.status == 200);
    CHECK(reply.json.value(u"results").toArray().at(0).toObject().value(u"status").toString() == u"applied");
    const auto seen = pull(*f.device(u"hank"_qs));
    REQUIRE(pulled(seen, u"c-1"_qs));
    CHECK(pulled(seen, u"c-1"_qs)->fields.value(u"LastName").toString() == u"Reyes");
}

TEMPLATE_TEST_CASE("A change is applied exactly once however often it is delivered", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    const QString key = maria->deviceId() + u":1";
    const auto insert
        = change(key, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consentRef(kFull)));
    const auto first = push(*maria, {insert});
    REQUIRE(first.size() == 1);
    CHECK(first[0].status == u"applied");
    CHECK(first[0].serverVersion == 1);

    const auto replay = push(*maria, {insert});
    REQUIRE(replay.size() == 1);
    CHECK(replay[0].status == u"duplicate");
    CHECK(replay[0].firstStatus == u"applied");
    CHECK(replay[0].serverSeq == first[0].serverSeq);

    // The same key with other content is still the same change: not applied again.
    auto altered = insert;
    altered.fields[u"FirstName"_qs] = u"Changed"_qs;
    CHECK(push(*maria, {altered})[0].status == u"duplicate");

    const auto reply = pull(*f.device(u"hank"_qs));
    REQUIRE(reply.changes.size() == 1);
    CHECK(reply.changes[0].version == 1);
    CHECK(reply.changes[0].fields.value(u"FirstName").toString() == u"Ana");
}

TEMPLATE_TEST_CASE("Batches delivered again and out of order keep the newest state", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    const QString d = maria->deviceId();
    const auto consent = consentRef(kFull);
    const auto a = change(d + u":1", u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consent));
    const auto b = change(d + u":2", u"client"_qs, u"c-1"_qs,
                          clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes Cruz"_qs, consent), 1, u"update"_qs);
    const auto s = change(d + u":3", u"service"_qs, u"s-1"_qs,
                          {{u"ServicesID"_qs, u"s-1"_qs},
                           {u"PersonalID"_qs, u"c-1"_qs},
                           {u"DateProvided"_qs, u"2026-01-05"_qs},
                           {u"Consent"_qs, consent}});
    CHECK(push(*maria, {a})[0].status == u"applied");
    CHECK(push(*maria, {b, s})[0].status == u"applied");
    // The first batch again, then everything in reverse: nothing moves backwards.
    const auto again = push(*maria, {s, b, a});
    REQUIRE(again.size() == 3);
    for (const auto& r : again)
        CHECK(r.status == u"duplicate");

    const auto reply = pull(*f.device(u"olga"_qs));
    const auto client = pulled(reply, u"c-1"_qs);
    REQUIRE(client);
    CHECK(client->fields.value(u"LastName").toString() == u"Reyes Cruz");
    CHECK(client->version == 2);
    // Server order only: sequence numbers strictly increase through the feed.
    for (size_t i = 1; i < reply.changes.size(); ++i)
        CHECK(reply.changes[i - 1].serverSeq < reply.changes[i].serverSeq);
    CHECK(reply.cursor == reply.changes.back().serverSeq);
    CHECK(pull(*f.device(u"olga"_qs), reply.cursor).changes.empty());

    // Paging: one record at a time, each page's cursor leads to the next, the last says no more.
    auto olga = f.device(u"olga"_qs);
    QStringList paged;
    qint64 cursor = 0;
    for (bool more = true; more;) {
        const Reply page = olga->get(QStringLiteral("/api/v1/pull?since=%1&limit=1").arg(cursor));
        REQUIRE(page.status == 200);
        const auto parsed = sync::PullReply::fromJson(page.json);
        REQUIRE(std::holds_alternative<sync::PullReply>(parsed));
        const auto& p = std::get<sync::PullReply>(parsed);
        for (const auto& c : p.changes)
            paged.append(c.uuid);
        cursor = p.cursor;
        more = p.more;
        REQUIRE(paged.size() <= 3);
    }
    CHECK(paged == QStringList {reply.changes[0].uuid, reply.changes[1].uuid});
}

TEMPLATE_TEST_CASE("Two devices editing different fields of one client both keep their edit", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto front = f.device(u"maria"_qs);
    auto back = f.device(u"maria"_qs);
    const auto consent = consentRef(kFull);
    REQUIRE(
        push(*front,
             {change(u"f:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consent))})[0]
            .serverVersion
        == 1);
    // Both saw version 1; each sends its full snapshot with one field changed.
    const auto byBack = push(*back,
                             {change(u"b:1"_qs, u"client"_qs, u"c-1"_qs,
                                     clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes Cruz"_qs, consent), 1, u"update"_qs)});
    CHECK(byBack[0].status == u"applied");
    const auto byFront = push(*front,
                              {change(u"f:2"_qs, u"client"_qs, u"c-1"_qs,
                                      clientFields(u"c-1"_qs, u"Anabel"_qs, u"Reyes"_qs, consent), 1, u"update"_qs)});
    CHECK(byFront[0].status == u"applied");
    CHECK(byFront[0].conflicts.empty());

    const auto client = pulled(pull(*front), u"c-1"_qs);
    REQUIRE(client);
    CHECK(client->fields.value(u"FirstName").toString() == u"Anabel");
    CHECK(client->fields.value(u"LastName").toString() == u"Reyes Cruz");
    CHECK(client->version == 3);
}

TEMPLATE_TEST_CASE("A device is not sent back what it pushed, yet gets every change made elsewhere", "[server]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto front = f.device(u"maria"_qs);
    auto back = f.device(u"maria"_qs);
    const auto consent = consentRef(kFull);
    const auto first
        = push(*front,
               {change(u"f:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consent)),
                change(u"f:2"_qs, u"client"_qs, u"c-2"_qs, clientFields(u"c-2"_qs, u"Luis"_qs, u"Mora"_qs, consent))});
    REQUIRE(first.size() == 2);

    // The pushing desk gets nothing back, yet its cursor moves past its own records.
    const auto own = pull(*front);
    CHECK(own.changes.empty());
    CHECK(own.cursor == first[1].serverSeq);
    CHECK_FALSE(own.more);
    // Another desk of the same agency gets both.
    const auto other = pull(*back);
    CHECK(pulled(other, u"c-1"_qs));
    CHECK(pulled(other, u"c-2"_qs));

    // An edit made at the other desk comes to the first, and not back to where it was made.
    push(*back,
         {change(u"b:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes Cruz"_qs, consent), 1,
                 u"update"_qs)});
    const auto edited = pull(*front, own.cursor);
    REQUIRE(edited.changes.size() == 1);
    CHECK(pulled(edited, u"c-1"_qs)->fields.value(u"LastName").toString() == u"Reyes Cruz");
    CHECK(pull(*back, other.cursor).changes.empty());

    // An edit on an older base is merged: the desk that sent it must get the merged record.
    push(*front,
         {change(u"f:3"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Anabel"_qs, u"Reyes"_qs, consent), 1,
                 u"update"_qs)});
    const auto merged = pulled(pull(*front, edited.cursor), u"c-1"_qs);
    REQUIRE(merged);
    CHECK(merged->fields.value(u"FirstName").toString() == u"Anabel");
    CHECK(merged->fields.value(u"LastName").toString() == u"Reyes Cruz");

    // A newer release stamps every record of the client again: the desk that sent it gets the others.
    push(*back,
         {change(u"b:2"_qs, u"enrollment"_qs, u"e-2"_qs,
                 {{u"EnrollmentID"_qs, u"e-2"_qs}, {u"PersonalID"_qs, u"c-2"_qs}, {u"Consent"_qs, consent}})});
    const auto beforeRelease = pull(*front, edited.cursor);
    push(*front,
         {change(u"f:4"_qs, u"client"_qs, u"c-2"_qs,
                 clientFields(u"c-2"_qs, u"Luis"_qs, u"Mora"_qs, consentRef(kFull, {}, false, u"release-2"_qs)), 1,
                 u"update"_qs)});
    const auto afterRelease = pull(*front, beforeRelease.cursor);
    REQUIRE(pulled(afterRelease, u"e-2"_qs));
    CHECK(pulled(afterRelease, u"e-2"_qs)->fields.value(u"Consent").toObject().value(u"ReleaseID").toString()
          == u"release-2");
}

TEMPLATE_TEST_CASE("The same field edited on two devices becomes a conflict a person resolves", "[server]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto front = f.device(u"maria"_qs);
    auto back = f.device(u"maria"_qs);
    const auto consent = consentRef(kFull);
    push(*front,
         {change(u"f:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consent))});
    push(*back,
         {change(u"b:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Anna"_qs, u"Reyes"_qs, consent), 1,
                 u"update"_qs)});
    const auto second = push(*front,
                             {change(u"f:2"_qs, u"client"_qs, u"c-1"_qs,
                                     clientFields(u"c-1"_qs, u"Ana Maria"_qs, u"Reyes"_qs, consent), 1, u"update"_qs)});
    REQUIRE(second.size() == 1);
    CHECK(second[0].status == u"conflict");
    REQUIRE(second[0].conflicts.size() == 1);
    const sync::FieldConflict conflict = second[0].conflicts[0];
    CHECK(conflict.field == u"FirstName");
    CHECK(conflict.serverValue.toString() == u"Anna");
    CHECK(conflict.deviceValue.toString() == u"Ana Maria");
    // Delivered again, the same conflict with both values.
    const auto replayed
        = push(*front,
               {change(u"f:2"_qs, u"client"_qs, u"c-1"_qs,
                       clientFields(u"c-1"_qs, u"Ana Maria"_qs, u"Reyes"_qs, consent), 1, u"update"_qs)});
    CHECK(replayed[0].status == u"duplicate");
    REQUIRE(replayed[0].conflicts.size() == 1);
    CHECK(replayed[0].conflicts[0].conflictId == conflict.conflictId);
    CHECK(replayed[0].conflicts[0].serverValue.toString() == u"Anna");

    // Nothing was lost: the server kept its value and every device of the agency sees both.
    const auto seen = pull(*f.device(u"maria"_qs));
    CHECK(pulled(seen, u"c-1"_qs)->fields.value(u"FirstName").toString() == u"Anna");
    REQUIRE(seen.conflicts.size() == 1);
    CHECK(seen.conflicts[0].conflictId == conflict.conflictId);
    CHECK(seen.conflicts[0].deviceValue.toString() == u"Ana Maria");

    auto resolution
        = change(u"f:3"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana Maria"_qs, u"Reyes"_qs, consent),
                 second[0].serverVersion, u"update"_qs);
    resolution.resolves = conflict.conflictId;
    CHECK(push(*front, {resolution})[0].status == u"applied");
    const auto after = pull(*back);
    CHECK(after.conflicts.empty());
    CHECK(pulled(after, u"c-1"_qs)->fields.value(u"FirstName").toString() == u"Ana Maria");
    const QString audit = auditText(f);
    CHECK(audit.contains(u"conflict-resolved"));
    CHECK(audit.contains(u"kept the device value"));
    CHECK_FALSE(audit.contains(u"Ana Maria")); // who and which side, never the value

    // A conflict cannot be resolved twice.
    auto late = resolution;
    late.key = u"f:4"_qs;
    const auto refused = push(*front, {late});
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].status == u"rejected");
    CHECK(refused[0].error == u"conflict-unknown");
}

TEMPLATE_TEST_CASE("Each agency pulls only what the client's consent lets it see", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    const auto results = push(
        *maria,
        {change(u"m:1"_qs, u"client"_qs, u"limited"_qs,
                clientFields(u"limited"_qs, u"Lena"_qs, u"Limited"_qs, consentRef(kLimited, {u"Harbor House"_qs}))),
         change(u"m:2"_qs, u"enrollment"_qs, u"e-limited"_qs,
                {{u"EnrollmentID"_qs, u"e-limited"_qs},
                 {u"PersonalID"_qs, u"limited"_qs},
                 {u"Consent"_qs, consentRef(kLimited, {u"Harbor House"_qs})}}),
         change(u"m:3"_qs, u"client"_qs, u"restricted"_qs,
                clientFields(u"restricted"_qs, u"Rosa"_qs, u"Restricted"_qs, consentRef(kFull, {}, true, u"r-2"_qs))),
         change(u"m:4"_qs, u"client"_qs, u"anon"_qs,
                {{u"PersonalID"_qs, u"anon"_qs},
                 {u"NameDataQuality"_qs, 9},
                 {u"Consent"_qs, consentRef(kAnonymous, {}, false, u"r-3"_qs)}})});
    REQUIRE(results.size() == 4);
    for (const auto& r : results)
        CHECK(r.status == u"applied");

    const auto harbor = pull(*f.device(u"hank"_qs));
    CHECK(pulled(harbor, u"limited"_qs));
    CHECK(pulled(harbor, u"e-limited"_qs));
    CHECK(pulled(harbor, u"anon"_qs));
    REQUIRE(pulled(harbor, u"restricted"_qs));
    CHECK_FALSE(pulled(harbor, u"restricted"_qs)->fields.contains(u"FirstName"));
    CHECK_FALSE(pulled(harbor, u"restricted"_qs)->fields.contains(u"LastName"));
    CHECK(pulled(harbor, u"restricted"_qs)->fields.value(u"VeteranStatus").toInt() == 0);

    const auto other = pull(*f.device(u"olga"_qs));
    CHECK_FALSE(pulled(other, u"limited"_qs));
    CHECK_FALSE(pulled(other, u"e-limited"_qs));
    CHECK(pulled(other, u"anon"_qs));
    REQUIRE(pulled(other, u"restricted"_qs));
    CHECK_FALSE(pulled(other, u"restricted"_qs)->fields.contains(u"FirstName"));

    // An agency that cannot see a client cannot change them either. One the client named adds its own
    // records; the profile stays the entering agency's to change (test_server_ownership).
    auto olga = f.device(u"olga"_qs);
    const auto intruding
        = push(*olga,
               {change(u"o:1"_qs, u"client"_qs, u"limited"_qs,
                       clientFields(u"limited"_qs, u"Changed"_qs, u"Limited"_qs, consentRef(kFull)), 1, u"update"_qs)});
    CHECK(intruding[0].status == u"rejected");
    CHECK(intruding[0].error == u"client-not-visible");
    auto hank = f.device(u"hank"_qs);
    const auto allowed = push(*hank,
                              {change(u"h:1"_qs, u"enrollment"_qs, u"e-harbor"_qs,
                                      {{u"EnrollmentID"_qs, u"e-harbor"_qs},
                                       {u"PersonalID"_qs, u"limited"_qs},
                                       {u"Consent"_qs, consentRef(kLimited, {u"Harbor House"_qs})}})});
    CHECK(allowed[0].status == u"applied");

    // The entering agency sees the restricted client's name (at another of its desks: maria's holds it).
    const auto own = pull(*f.device(u"maria"_qs));
    CHECK(pulled(own, u"restricted"_qs)->fields.value(u"FirstName").toString() == u"Rosa");
    CHECK(pulled(own, u"limited"_qs));
}

TEMPLATE_TEST_CASE("A newer release widens who sees the client, and their records are delivered again", "[server]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto olga = f.device(u"olga"_qs);
    const auto limited = consentRef(kLimited, {u"Harbor House"_qs});
    push(*maria,
         {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, limited)),
          change(u"m:2"_qs, u"enrollment"_qs, u"e-1"_qs,
                 {{u"EnrollmentID"_qs, u"e-1"_qs}, {u"PersonalID"_qs, u"c-1"_qs}, {u"Consent"_qs, limited}})});
    const auto before = pull(*olga);
    CHECK(before.changes.empty());

    // The client signs a Full Sharing release; only the profile is pushed again.
    QJsonObject full = consentRef(kFull, {}, false, u"release-2"_qs);
    full[u"ExpiresOn"_qs] = u"2029-03-01"_qs;
    push(*maria,
         {change(u"m:3"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, full), 1,
                 u"update"_qs)});
    const auto after = pull(*olga, before.cursor);
    REQUIRE(pulled(after, u"c-1"_qs));
    REQUIRE(pulled(after, u"e-1"_qs)); // the enrollment too, though it was not pushed again
    CHECK(pulled(after, u"e-1"_qs)->fields.value(u"Consent").toObject().value(u"ReleaseID").toString() == u"release-2");

    // An older release arriving late (from a device that was offline) does not narrow it again.
    push(*maria,
         {change(u"m:4"_qs, u"enrollment"_qs, u"e-1"_qs,
                 {{u"EnrollmentID"_qs, u"e-1"_qs}, {u"PersonalID"_qs, u"c-1"_qs}, {u"Consent"_qs, limited}}, 1,
                 u"update"_qs)});
    CHECK(pulled(pull(*olga), u"c-1"_qs));
}

TEMPLATE_TEST_CASE("An agency that loses sight of a client under a narrower release is told to drop it", "[server]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto hank = f.device(u"hank"_qs);
    auto olga = f.device(u"olga"_qs);
    const auto full = consentRef(kFull);
    const auto harborOnly = consentRef(kLimited, {u"Harbor House"_qs}, false, u"release-2"_qs);
    push(*maria,
         {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, full)),
          change(u"m:2"_qs, u"enrollment"_qs, u"e-1"_qs,
                 {{u"EnrollmentID"_qs, u"e-1"_qs}, {u"PersonalID"_qs, u"c-1"_qs}, {u"Consent"_qs, full}}),
          change(u"m:3"_qs, u"client"_qs, u"c-2"_qs,
                 clientFields(u"c-2"_qs, u"Bea"_qs, u"Soto"_qs,
                              consentRef(kLimited, {u"Harbor House"_qs}, false, u"release-b1"_qs)))});
    const auto hankBefore = pull(*hank);
    const auto olgaBefore = pull(*olga);
    const auto mariaBefore = pull(*maria);
    REQUIRE(pulled(olgaBefore, u"c-1"_qs));
    REQUIRE_FALSE(pulled(olgaBefore, u"c-2"_qs));

    // c-1 narrows to Harbor House; c-2 narrows to the entering agency alone.
    push(*maria,
         {change(u"m:4"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, harborOnly), 1,
                 u"update"_qs),
          change(u"m:5"_qs, u"client"_qs, u"c-2"_qs,
                 clientFields(u"c-2"_qs, u"Bea"_qs, u"Soto"_qs, consentRef(kLimited, {}, false, u"release-b2"_qs)), 1,
                 u"update"_qs)});

    const auto other = pull(*olga, olgaBefore.cursor);
    REQUIRE(pulled(other, u"c-1"_qs));
    CHECK(pulled(other, u"c-1"_qs)->operation == u"restrict");
    CHECK(pulled(other, u"c-1"_qs)->fields.isEmpty());
    CHECK_FALSE(pulled(other, u"e-1"_qs));
    CHECK_FALSE(pulled(other, u"c-2"_qs)); // never saw them: not even their id
    CHECK(other.cursor > olgaBefore.cursor);
    CHECK(pull(*olga, other.cursor).changes.empty());

    const auto harbor = pull(*hank, hankBefore.cursor);
    REQUIRE(pulled(harbor, u"c-1"_qs));
    CHECK(pulled(harbor, u"c-1"_qs)->operation != u"restrict");
    CHECK(pulled(harbor, u"e-1"_qs));
    REQUIRE(pulled(harbor, u"c-2"_qs));
    CHECK(pulled(harbor, u"c-2"_qs)->operation == u"restrict");

    const auto own = pull(*maria, mariaBefore.cursor);
    CHECK(pulled(own, u"c-1"_qs)->operation != u"restrict");
    CHECK(pulled(own, u"c-2"_qs)->operation != u"restrict");

    // The same narrow release again changes nothing: no second tombstone.
    push(*maria,
         {change(u"m:6"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes Cruz"_qs, harborOnly),
                 2, u"update"_qs)});
    CHECK(pull(*olga, other.cursor).changes.empty());

    // Widened again: the agency gets the client and their records back.
    push(*maria,
         {change(u"m:7"_qs, u"client"_qs, u"c-1"_qs,
                 clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes Cruz"_qs, consentRef(kFull, {}, false, u"release-3"_qs)), 3,
                 u"update"_qs)});
    const auto back = pull(*olga, other.cursor);
    REQUIRE(pulled(back, u"c-1"_qs));
    CHECK(pulled(back, u"c-1"_qs)->operation != u"restrict");
    CHECK(pulled(back, u"c-1"_qs)->fields.value(u"LastName").toString() == u"Reyes Cruz");
    CHECK(pulled(back, u"e-1"_qs));

    // A workstation pulling from the start sees the tombstone before the records that came back.
    const auto fresh = pull(*f.device(u"olga"_qs, u"second desk"_qs));
    std::vector<QString> order;
    for (const auto& c : fresh.changes)
        if (c.uuid == u"c-1")
            order.push_back(c.operation);
    CHECK(order.back() != u"restrict");
    for (std::size_t i = 1; i < fresh.changes.size(); ++i)
        CHECK(fresh.changes[i - 1].serverSeq <= fresh.changes[i].serverSeq);
}

TEMPLATE_TEST_CASE("A database of schema 2 is upgraded in place and keeps its records", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    push(*maria,
         {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs,
                 clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consentRef(kFull)))});
    {
        // Back to schema 1's tables: one row per field in record_fields, no scope_losses.
        DatabaseProbe probe(f.databaseSpec());
        probe.exec(u"DROP TABLE scope_losses"_qs);
        probe.exec(u"CREATE TABLE record_fields (entity VARCHAR(32) NOT NULL, uuid VARCHAR(64) NOT NULL, "
                   "field VARCHAR(128) NOT NULL, value TEXT NOT NULL, version BIGINT NOT NULL, "
                   "PRIMARY KEY (entity, uuid, field))"_qs);
        probe.exec(
            u"INSERT INTO record_fields VALUES ('client', 'c-1', 'PersonalID', '[\"c-1\"]', 1), "
            "('client', 'c-1', 'FirstName', '[\"Ana\"]', 1), ('client', 'c-1', 'LastName', '[\"Reyes\"]', 1)"_qs);
        probe.exec(u"ALTER TABLE records DROP COLUMN echo_device"_qs);
        probe.exec(u"ALTER TABLE records DROP COLUMN fields"_qs);
        probe.exec(u"ALTER TABLE records DROP COLUMN field_versions"_qs);
        probe.exec(u"ALTER TABLE records DROP COLUMN agency_code"_qs);
        probe.exec(u"ALTER TABLE client_consent DROP COLUMN owner_agency"_qs);
        probe.exec(u"ALTER TABLE client_releases DROP COLUMN reference"_qs);
        probe.exec(u"DROP INDEX conflicts_open"_qs);
        probe.exec(u"DROP TABLE sign_in_failures"_qs);
        probe.exec(u"DROP TABLE device_audit_anchors"_qs);
        probe.exec(u"ALTER TABLE users DROP COLUMN disabled_at"_qs);
        probe.exec(u"UPDATE schema_version SET version = 1"_qs);
    }
    // Any command opening the database migrates it.
    REQUIRE(f.server().admin({u"agency"_qs, u"add"_qs, u"NW"_qs, u"New Agency"_qs}) == 0);
    {
        DatabaseProbe probe(f.databaseSpec());
        CHECK(probe.exec(u"SELECT version FROM schema_version"_qs).toInt() == 6);
        CHECK(probe.count(u"device_audit_anchors"_qs) == 0);
        // Schema 4: the client's owner is the agency its release names as entering agency.
        CHECK(probe.exec(u"SELECT owner_agency FROM client_consent"_qs).toString() == u"SH1");
        CHECK(probe.exec(u"SELECT COUNT(*) FROM records WHERE fields IS NOT NULL"_qs).toInt() == 1);
        CHECK(probe.count(u"schema_version"_qs) == 1);
        CHECK(probe.count(u"scope_losses"_qs) == 0);
        CHECK(probe.count(u"records"_qs) == 1);
    }
    auto olga = f.device(u"olga"_qs);
    const auto before = pull(*olga);
    REQUIRE(pulled(before, u"c-1"_qs));
    CHECK(pulled(before, u"c-1"_qs)->fields.value(u"FirstName").toString() == u"Ana");
    CHECK(pulled(before, u"c-1"_qs)->fields.value(u"LastName").toString() == u"Reyes");
    // The folded fields keep their versions: an edit on base 1 (at another of the owner's desks) merges
    // without a conflict.
    const auto edited
        = push(*f.device(u"maria"_qs),
               {change(u"o:1"_qs, u"client"_qs, u"c-1"_qs,
                       clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes Cruz"_qs, consentRef(kFull)), 1, u"update"_qs)});
    CHECK(edited[0].status == u"applied");
    CHECK(edited[0].serverVersion == 2);
    push(*maria,
         {change(u"m:2"_qs, u"client"_qs, u"c-1"_qs,
                 clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs,
                              consentRef(kLimited, {u"Harbor House"_qs}, false, u"release-2"_qs)),
                 2, u"update"_qs)});
    const auto after = pull(*olga, before.cursor);
    REQUIRE(pulled(after, u"c-1"_qs));
    CHECK(pulled(after, u"c-1"_qs)->operation == u"restrict");
}

TEMPLATE_TEST_CASE("Changes to one client within one batch apply as if pushed one at a time", "[server]", SqliteBackend,
                   PostgresBackend)
{
    // The server reads a batch's keys, records and consent once and writes its rows together: a record
    // created, edited and re-released inside one batch must end as it would change by change.
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    const auto limited = consentRef(kLimited, {u"Harbor House"_qs});
    const auto full = consentRef(kFull, {}, false, u"release-2"_qs);
    const auto changesFor = [&](const QString& prefix, const QString& client) {
        const QString enrollment = client + u"-e";
        const auto enrollmentFields = [&](const QJsonObject& consent, const QString& entry) {
            return QJsonObject {{u"EnrollmentID"_qs, enrollment},
                                {u"PersonalID"_qs, client},
                                {u"EntryDate"_qs, entry},
                                {u"Consent"_qs, consent}};
        };
        const auto created
            = change(prefix + u":1", u"client"_qs, client, clientFields(client, u"Ana"_qs, u"Reyes"_qs, limited));
        return std::vector<sync::Change> {
            created,
            change(prefix + u":2", u"enrollment"_qs, enrollment, enrollmentFields(limited, u"2026-01-05"_qs)),
            created, // delivered twice within the batch
            change(prefix + u":3", u"client"_qs, client, clientFields(client, u"Ana"_qs, u"Reyes Cruz"_qs, full), 1,
                   u"update"_qs),
            change(prefix + u":4", u"enrollment"_qs, enrollment, enrollmentFields(full, u"2026-02-01"_qs), 1,
                   u"update"_qs),
        };
    };
    const auto batch = push(*maria, changesFor(u"b"_qs, u"c-1"_qs));
    std::vector<sync::ChangeResult> single;
    for (const sync::Change& one : changesFor(u"s"_qs, u"c-2"_qs))
        single.push_back(push(*maria, {one}).at(0));
    REQUIRE(batch.size() == single.size());
    for (size_t i = 0; i < batch.size(); ++i) {
        CHECK(batch[i].status == single[i].status);
        CHECK(batch[i].serverVersion == single[i].serverVersion);
    }
    CHECK(batch[2].status == u"duplicate");
    CHECK(batch[2].serverSeq == batch[0].serverSeq);
    CHECK(batch[4].status == u"applied");

    // The Full Sharing release lets Olga's agency see both clients, in the same state.
    const auto reply = pull(*f.device(u"olga"_qs));
    for (const QString& client : {u"c-1"_qs, u"c-2"_qs}) {
        const auto profile = pulled(reply, client);
        const auto enrollment = pulled(reply, client + u"-e");
        REQUIRE(profile);
        REQUIRE(enrollment);
        CHECK(profile->version == 2);
        CHECK(profile->fields.value(u"LastName").toString() == u"Reyes Cruz");
        CHECK(enrollment->version == 2);
        CHECK(enrollment->fields.value(u"EntryDate").toString() == u"2026-02-01");
        CHECK(enrollment->fields.value(u"Consent").toObject().value(u"ReleaseID").toString() == u"release-2");
    }
}

TEMPLATE_TEST_CASE("No Sharing markers and missing consent are refused, audited and never stored", "[server]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto marked = clientFields(u"c-3"_qs, u"CANARY-MARKER-3"_qs, u"X"_qs, consentRef(kFull));
    marked.insert(u"Assessments"_qs, QJsonArray {QJsonObject {{u"LocalOnly"_qs, true}}});
    QJsonObject servicesOnly = consentRef(kLimited, {u"Harbor House"_qs});
    servicesOnly[u"Categories"_qs] = 2; // enrollments and services, not who the person is
    auto missing = clientFields(u"c-2"_qs, u"CANARY-MISSING-2"_qs, u"X"_qs, {});
    missing.remove(u"Consent"_qs);
    const auto results
        = push(*maria,
               {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs,
                       clientFields(u"c-1"_qs, u"CANARY-NOSHARING-1"_qs, u"X"_qs, consentRef(kNoSharing))),
                change(u"m:2"_qs, u"client"_qs, u"c-2"_qs, missing), change(u"m:3"_qs, u"client"_qs, u"c-3"_qs, marked),
                change(u"m:4"_qs, u"client"_qs, u"c-4"_qs,
                       clientFields(u"c-4"_qs, u"CANARY-ANON-4"_qs, u"X"_qs, consentRef(kAnonymous))),
                change(u"m:5"_qs, u"client"_qs, u"c-5"_qs,
                       clientFields(u"c-5"_qs, u"CANARY-LIMITED-5"_qs, u"X"_qs, servicesOnly))});
    REQUIRE(results.size() == 5);
    CHECK(results[4].error == u"identifying-not-consented");
    CHECK(results[0].error == u"no-sharing-marker");
    CHECK(results[1].error == u"consent-missing");
    CHECK(results[2].error == u"no-sharing-marker");
    CHECK(results[3].error == u"anonymous-identifying");
    for (const auto& r : results) {
        CHECK(r.status == u"rejected");
        CHECK_FALSE(r.message.isEmpty());
    }
    CHECK(auditText(f).count(u"change-rejected"_qs) == 5);
    CHECK(pull(*maria).changes.empty());

    DatabaseProbe probe(f.databaseSpec());
    CHECK(probe.count(u"records"_qs) == 0);
    for (const char* canary :
         {"CANARY-NOSHARING-1", "CANARY-MISSING-2", "CANARY-MARKER-3", "CANARY-ANON-4", "CANARY-LIMITED-5"}) {
        INFO(canary);
        CHECK_FALSE(probe.containsText(QString::fromLatin1(canary)));
        CHECK_FALSE(f.server().log().contains(canary));
    }
}

TEMPLATE_TEST_CASE("A restriction request removes the client and what is linked to them", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto olga = f.device(u"olga"_qs);
    const auto consent = consentRef(kFull);
    push(*maria,
         {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs,
                 clientFields(u"c-1"_qs, u"CANARY-FIRST"_qs, u"CANARY-LAST"_qs, consent)),
          change(u"m:2"_qs, u"enrollment"_qs, u"e-1"_qs,
                 {{u"EnrollmentID"_qs, u"e-1"_qs},
                  {u"PersonalID"_qs, u"c-1"_qs},
                  {u"EntryDate"_qs, u"2026-01-02"_qs},
                  {u"Consent"_qs, consent}}),
          change(u"m:3"_qs, u"client"_qs, u"c-2"_qs, clientFields(u"c-2"_qs, u"Other"_qs, u"Person"_qs, consent))});
    push(*maria,
         {change(u"m:4"_qs, u"client"_qs, u"c-1"_qs,
                 clientFields(u"c-1"_qs, u"CANARY-FIRST"_qs, u"CANARY-LAST-2"_qs, consent), 1, u"update"_qs)});
    // An open conflict holds values too.
    auto other = f.device(u"maria"_qs);
    const auto conflicted
        = push(*other,
               {change(u"o:1"_qs, u"client"_qs, u"c-1"_qs,
                       clientFields(u"c-1"_qs, u"CANARY-FIRST"_qs, u"CANARY-CONFLICT"_qs, consent), 1, u"update"_qs)});
    REQUIRE(conflicted[0].status == u"conflict");
    const qint64 cursor = pull(*olga).cursor;

    const sync::RestrictionRequest request {u"req-1"_qs, u"c-1"_qs, u"no-sharing"_qs, QDateTime::currentDateTimeUtc()};
    const Reply reply = maria->post(u"/api/v1/restrictions"_qs, request.toJson());
    REQUIRE(reply.status == 200);
    CHECK(reply.json.value(u"status").toString() == u"applied");
    const Reply again = maria->post(u"/api/v1/restrictions"_qs, request.toJson());
    CHECK(again.json.value(u"status").toString() == u"duplicate");

    DatabaseProbe probe(f.databaseSpec());
    CHECK_FALSE(probe.containsText(u"CANARY-FIRST"_qs));
    CHECK_FALSE(probe.containsText(u"CANARY-LAST"_qs));
    CHECK_FALSE(probe.containsText(u"CANARY-CONFLICT"_qs));
    // The conflict's change, delivered again, no longer brings the values back.
    const auto replayed
        = push(*other,
               {change(u"o:1"_qs, u"client"_qs, u"c-1"_qs,
                       clientFields(u"c-1"_qs, u"CANARY-FIRST"_qs, u"CANARY-CONFLICT"_qs, consent), 1, u"update"_qs)});
    CHECK(replayed[0].status == u"duplicate");
    CHECK(replayed[0].conflicts.empty());
    CHECK(probe.containsText(u"Other"_qs)); // other clients stay
    if constexpr (!isPostgres<TestType>()) {
        // Not in the files either: no old page in the write-ahead log, no freed page left unzeroed.
        const QDir dir = QFileInfo(f.databaseSpec()).dir();
        for (const QString& name : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(name));
            REQUIRE(file.open(QIODevice::ReadOnly));
            INFO(name.toStdString());
            CHECK_FALSE(file.readAll().contains("CANARY-FIRST"));
        }
    }
    CHECK(auditText(f).contains(u"client-restricted"));

    // Other agencies' devices learn to drop their copies.
    const auto news = pull(*olga, cursor);
    REQUIRE(pulled(news, u"c-1"_qs));
    CHECK(pulled(news, u"c-1"_qs)->operation == u"restrict");
    CHECK(pulled(news, u"c-1"_qs)->fields.isEmpty());
    REQUIRE(pulled(news, u"e-1"_qs));
    CHECK(pulled(news, u"e-1"_qs)->operation == u"delete");
    CHECK_FALSE(pulled(news, u"c-2"_qs));

    // The old release no longer carries the client's data in; a release signed afterwards does.
    const auto stale = push(*maria,
                            {change(u"m:5"_qs, u"client"_qs, u"c-1"_qs,
                                    clientFields(u"c-1"_qs, u"CANARY-FIRST"_qs, u"X"_qs, consent), 2, u"update"_qs)});
    CHECK(stale[0].status == u"rejected");
    CHECK(stale[0].error == u"client-restricted");
    CHECK_FALSE(probe.containsText(u"CANARY-FIRST"_qs));
    const auto renewed
        = push(*maria,
               {change(u"m:6"_qs, u"client"_qs, u"c-1"_qs,
                       clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consentRef(kFull, {}, false, u"release-2"_qs)),
                       0, u"update"_qs)});
    CHECK(renewed[0].status == u"applied");
}

TEMPLATE_TEST_CASE("A revoked device is told so on every call", "[server]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto laptop = f.device(u"maria"_qs, u"stolen-laptop"_qs);
    QString output;
    REQUIRE(f.server().admin({u"device"_qs, u"list"_qs}, {}, &output) == 0);
    CHECK(output.contains(laptop->deviceId()));
    REQUIRE(f.server().admin({u"device"_qs, u"revoke"_qs, laptop->deviceId(), u"--reason"_qs, u"Laptop stolen"_qs})
            == 0);

    const Reply pulled = laptop->get(u"/api/v1/pull?since=0"_qs);
    CHECK(pulled.status == 403);
    CHECK(pulled.error() == u"device-revoked");
    CHECK(pulled.json.value(u"reason").toString() == u"Laptop stolen");
    Reply pushed;
    push(*laptop, {}, &pushed);
    CHECK(pushed.status == 403);
    CHECK(auditText(f).contains(u"device-revoked"));

    // Signing in again does not bring a revoked workstation back.
    ApiClient again(f.server());
    const Reply reRegister = again.post(
        u"/api/v1/devices/register"_qs,
        sync::RegisterRequest {u"maria"_qs, SyncFixture::passwordOf(u"maria"_qs), u"ws"_qs, u"stolen-laptop"_qs}
            .toJson(),
        false);
    CHECK(reRegister.status == 403);
    CHECK(reRegister.error() == u"device-revoked");
    // Other workstations of the same user carry on.
    CHECK(f.device(u"maria"_qs)->get(u"/api/v1/pull?since=0"_qs).status == 200);
}

TEMPLATE_TEST_CASE("Malformed, foreign-version and oversized requests get clear errors", "[server]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    const Reply malformed = maria->postRaw(u"/api/v1/push"_qs, "{\"protocol\":1, \"changes\": [");
    CHECK(malformed.status == 400);
    CHECK(malformed.error() == u"malformed-request");
    CHECK_FALSE(malformed.json.value(u"message").toString().isEmpty());

    const Reply wrongShape = maria->post(u"/api/v1/push"_qs, {{u"protocol"_qs, 1}, {u"changes"_qs, u"none"_qs}});
    CHECK(wrongShape.status == 400);

    const Reply future = maria->post(u"/api/v1/push"_qs, {{u"protocol"_qs, 2}, {u"changes"_qs, QJsonArray()}});
    CHECK(future.status == 400);
    CHECK(future.error() == u"protocol-version");
    CHECK(future.json.value(u"supported").toArray() == QJsonArray {1});

    const Reply huge = maria->postRaw(u"/api/v1/push"_qs, QByteArray(9 * 1024 * 1024, ' '));
    CHECK(huge.status == 413);
    CHECK(huge.error() == u"payload-too-large");
    // Deflated on the wire, the limit holds for the body decompressed.
    const Reply bomb
        = maria->postRaw(u"/api/v1/push"_qs, qCompress(QByteArray(9 * 1024 * 1024, ' '), 9).mid(4), true, "deflate");
    CHECK(bomb.status == 413);
    CHECK(bomb.error() == u"payload-too-large");
    const Reply gzip = maria->postRaw(u"/api/v1/push"_qs, "anything", true, "gzip");
    CHECK(gzip.status == 400);
    CHECK(gzip.error() == u"malformed-request");

    std::vector<sync::Change> many;
    for (int i = 0; i < sync::protocol::kDefaultMaxChanges + 1; ++i)
        many.push_back(change(QStringLiteral("k:%1").arg(i), u"client"_qs, QStringLiteral("c-%1").arg(i),
                              clientFields(QStringLiteral("c-%1").arg(i), u"A"_qs, u"B"_qs, consentRef(kFull))));
    Reply tooMany;
    push(*maria, many, &tooMany);
    CHECK(tooMany.status == 413);
    CHECK(pull(*maria).changes.empty());
}
