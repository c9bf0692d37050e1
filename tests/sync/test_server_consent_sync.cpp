// End-to-end consent on a real hearth-server process over SQLite and PostgreSQL: what each agency pulls
// under a release, widening and narrowing releases, No Sharing refusals and restriction requests.
#include "sync/protocol/Protocol.h"
#include "tests/sync/ServerSyncSupport.h"
#include "tests/sync/support/SyncFixture.h"

#include <QDir>
#include <QFileInfo>

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

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
