// End-to-end: a real hearth-server process on loopback, over SQLite and over PostgreSQL: tokens, delivery
// (deflated, repeated, reordered), two devices and conflicts, schema upgrades, batches, revoked devices and
// bad requests. Consent, No Sharing and restriction are in test_server_consent_sync.cpp.
#include "sync/protocol/Protocol.h"
#include "tests/sync/ServerSyncSupport.h"
#include "tests/sync/support/SyncFixture.h"

#include <QJsonDocument>
#include <QtCore/qtestsupport_core.h>

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

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
        probe.exec(u"DROP TABLE record_versions"_qs);
        probe.exec(u"ALTER TABLE conflicts DROP COLUMN server_version"_qs);
        probe.exec(u"ALTER TABLE conflicts DROP COLUMN raised_at"_qs);
        probe.exec(u"ALTER TABLE users DROP COLUMN disabled_at"_qs);
        probe.exec(u"UPDATE schema_version SET version = 1"_qs);
    }
    // Any command opening the database migrates it.
    REQUIRE(f.server().admin({u"agency"_qs, u"add"_qs, u"NW"_qs, u"New Agency"_qs}) == 0);
    {
        DatabaseProbe probe(f.databaseSpec());
        CHECK(probe.exec(u"SELECT version FROM schema_version"_qs).toInt() == 7);
        CHECK(probe.count(u"device_audit_anchors"_qs) == 0);
        CHECK(probe.count(u"record_versions"_qs) == 0); // versions written before it are nobody's
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
