// The server decides who owns what from what it stored (docs/security.md, "Who owns what on the server").
// Agency B (hank, Harbor House) holds a valid token and pushes whatever it likes against the records of
// agency A (maria, Shelter One); agency C (olga, Other Place) watches. A real hearth-server process over
// SQLite and PostgreSQL.
#include "sync/protocol/Protocol.h"
#include "tests/support/QtStringMakers.h"
#include "tests/sync/ServerSyncSupport.h"
#include "tests/sync/support/SyncFixture.h"

#include <QJsonDocument>

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

/// One of agency A's clients with an enrollment, a service and the release record, all pushed by A.
struct AgencyClient
{
    QString id;
    QJsonObject consent;
    QString enrollment() const { return u"e-"_qs + id; }
    QString service() const { return u"s-"_qs + id; }
    QString release() const { return consent.value(u"ReleaseID").toString(); }
};

QJsonObject recordFields(const QString& entity, const QString& uuid, const QString& client, const QJsonObject& consent,
                         const QString& value)
{
    if (entity == u"client")
        return clientFields(client, value, u"Canary-" + value, consent);
    QJsonObject fields {{u"PersonalID"_qs, client}, {u"Consent"_qs, consent}, {u"Note"_qs, value}};
    if (entity == u"enrollment")
        fields.insert(u"EnrollmentID"_qs, uuid);
    else if (entity == u"service")
        fields.insert(u"ServicesID"_qs, uuid);
    else
        fields.insert(u"ReleaseID"_qs, uuid);
    return fields;
}

std::vector<sync::Change> recordsOf(const AgencyClient& c, const QString& keyPrefix)
{
    return {change(keyPrefix + u":client", u"client"_qs, c.id,
                   recordFields(u"client"_qs, c.id, c.id, c.consent, u"Ada"_qs)),
            change(keyPrefix + u":enrollment", u"enrollment"_qs, c.enrollment(),
                   recordFields(u"enrollment"_qs, c.enrollment(), c.id, c.consent, u"entered at A"_qs)),
            change(keyPrefix + u":service", u"service"_qs, c.service(),
                   recordFields(u"service"_qs, c.service(), c.id, c.consent, u"meal at A"_qs)),
            change(keyPrefix + u":consent", u"consent"_qs, c.release(),
                   recordFields(u"consent"_qs, c.release(), c.id, c.consent, u"signed at A"_qs))};
}

/// A record as the server stored it: what no refused change may alter.
QString storedRow(DatabaseProbe& probe, const QString& entity, const QString& uuid)
{
    const QString where = u" FROM records WHERE entity = '"_qs + entity + u"' AND uuid = '" + uuid + u"'";
    return probe.exec(u"SELECT client_uuid"_qs + where).toString() + u'|'
        + probe.exec(u"SELECT agency_code"_qs + where).toString() + u'|'
        + probe.exec(u"SELECT version"_qs + where).toString() + u'|'
        + probe.exec(u"SELECT operation"_qs + where).toString() + u'|'
        + probe.exec(u"SELECT fields"_qs + where).toString();
}

bool hasRestrictTombstone(const sync::PullReply& reply, const QString& client)
{
    for (const sync::PulledChange& c : reply.changes)
        if (c.uuid == client && c.operation == u"restrict")
            return true;
    return false;
}

} // namespace

TEMPLATE_TEST_CASE("Another agency's device can change, delete, move or resolve nothing of agency A's records",
                   "[server][ownership]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto mariaBack = f.device(u"maria"_qs);
    auto hank = f.device(u"hank"_qs);
    auto olga = f.device(u"olga"_qs);
    // A's clients: one everyone sees, one shared with B only, one with a restricted name, one A keeps to itself.
    const std::vector<AgencyClient> clients {
        {u"a-full"_qs, consentRef(kFull, {}, false, u"rel-full"_qs)},
        {u"a-shared"_qs, consentRef(kLimited, {u"Harbor House"_qs}, false, u"rel-shared"_qs)},
        {u"a-restricted"_qs, consentRef(kFull, {}, true, u"rel-restricted"_qs)},
        {u"a-private"_qs, consentRef(kLimited, {}, false, u"rel-private"_qs)},
    };
    for (const AgencyClient& c : clients)
        for (const sync::ChangeResult& r : push(*maria, recordsOf(c, u"a-" + c.id)))
            REQUIRE(r.status == u"applied");
    // B's own client.
    const AgencyClient own {u"b-own"_qs, consentRef(kFull, {}, false, u"rel-b"_qs, u"Harbor House"_qs)};
    for (const sync::ChangeResult& r : push(*hank, recordsOf(own, u"b"_qs)))
        REQUIRE(r.status == u"applied");
    // An open conflict of A's: two of its desks edited one name.
    push(*mariaBack,
         {change(u"mb:1"_qs, u"client"_qs, u"a-full"_qs,
                 clientFields(u"a-full"_qs, u"Adah"_qs, u"Canary-Ada"_qs, clients[0].consent), 1, u"update"_qs)});
    const auto conflicted
        = push(*maria,
               {change(u"m:1"_qs, u"client"_qs, u"a-full"_qs,
                       clientFields(u"a-full"_qs, u"Adda"_qs, u"Canary-Ada"_qs, clients[0].consent), 1, u"update"_qs)});
    REQUIRE(conflicted[0].status == u"conflict");
    const QString conflictId = conflicted[0].conflicts.at(0).conflictId;

    DatabaseProbe probe(f.databaseSpec());
    QHash<QString, QString> before;
    const QStringList entities {u"client"_qs, u"enrollment"_qs, u"service"_qs, u"consent"_qs};
    const auto uuidOf = [](const AgencyClient& c, const QString& entity) {
        return entity == u"client"    ? c.id
            : entity == u"enrollment" ? c.enrollment()
            : entity == u"service"    ? c.service()
                                      : c.release();
    };
    for (const AgencyClient& c : clients)
        for (const QString& entity : entities)
            before.insert(entity + u'/' + uuidOf(c, entity), storedRow(probe, entity, uuidOf(c, entity)));
    const qint64 hankCursor = pull(*hank).cursor;
    const qint64 olgaCursor = pull(*olga).cursor;

    int attempts = 0;
    for (const AgencyClient& target : clients)
        for (const QString& entity : entities)
            for (const QString& named : {target.id, u"invented-client"_qs, own.id})
                for (const qint64 base : {qint64(0), qint64(1), qint64(2)})
                    for (const QString& operation : {u"update"_qs, u"delete"_qs}) {
                        const QString uuid = uuidOf(target, entity);
                        // The consent B carries: A's own (as pulled), or B's, or a forged widening.
                        const QJsonObject consent = named == target.id ? target.consent
                            : named == own.id                          ? own.consent
                                              : consentRef(kFull, {}, false, u"rel-forged"_qs, u"Harbor House"_qs);
                        const QString key = QStringLiteral("h:%1").arg(++attempts);
                        QJsonObject fields = recordFields(entity, uuid, named, consent, u"?"_qs);
                        if (entity == u"client")
                            fields.insert(u"PersonalID"_qs, named);
                        auto attempt = change(key, entity, uuid, fields, base, operation);
                        INFO(entity.toStdString() << " " << uuid.toStdString() << " naming " << named.toStdString()
                                                  << " base " << base << " " << operation.toStdString());
                        const auto results = push(*hank, {attempt});
                        CHECK(results[0].status == u"rejected");
                        CHECK(results[0].conflicts.empty());
                        const QByteArray reply = QJsonDocument(results[0].toJson()).toJson();
                        CHECK_FALSE(reply.contains("Ada"));
                        CHECK_FALSE(reply.contains("Canary"));
                        CHECK_FALSE(reply.contains("entered at A"));
                    }
    // A resolution of A's conflict from B's device.
    auto resolution
        = change(u"h:resolve"_qs, u"client"_qs, u"a-full"_qs,
                 clientFields(u"a-full"_qs, u"Mallory"_qs, u"Canary-Ada"_qs, clients[0].consent), 2, u"update"_qs);
    resolution.resolves = conflictId;
    const auto resolved = push(*hank, {resolution});
    CHECK(resolved[0].status == u"rejected");
    CHECK(resolved[0].conflicts.empty());

    // Nothing of A's changed: owner, client, version, fields, the conflict still open.
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(storedRow(probe, it.key().section(u'/', 0, 0), it.key().section(u'/', 1)) == it.value());
    }
    CHECK(probe.exec(u"SELECT COUNT(*) FROM conflicts WHERE resolved_at IS NULL"_qs).toInt() == 1);
    CHECK_FALSE(probe.containsText(u"Mallory"_qs));
    CHECK_FALSE(probe.containsText(u"rel-forged"_qs));
    CHECK_FALSE(probe.containsText(u"invented-client"_qs));

    // Neither B nor a third agency sees anything new, nor A's conflict.
    for (auto* device : {hank.get(), olga.get()}) {
        const auto after = pull(*device, device == hank.get() ? hankCursor : olgaCursor);
        CHECK(after.conflicts.empty());
        for (const sync::PulledChange& c : after.changes)
            CHECK_FALSE(c.uuid.startsWith(u"a-"_qs));
    }
    CHECK(pull(*hank).conflicts.empty());
    CHECK(pull(*olga).conflicts.empty());
    // A's own other desk still has it to resolve.
    REQUIRE(pull(*f.device(u"maria"_qs)).conflicts.size() == 1);
}

TEMPLATE_TEST_CASE("Only the agency that entered a record changes or deletes it; its own it may", "[server][ownership]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto hank = f.device(u"hank"_qs);
    const QJsonObject shared = consentRef(kLimited, {u"Harbor House"_qs});
    push(*maria, {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, shared))});
    const QJsonObject onlyConsent {{u"Consent"_qs, shared}}; // what a delete carries
    // B serves A's client: its enrollment is B's, under A's release carried unchanged.
    const QJsonObject enrollment {
        {u"EnrollmentID"_qs, u"e-b"_qs}, {u"PersonalID"_qs, u"c-1"_qs}, {u"Consent"_qs, shared}};
    CHECK(push(*hank, {change(u"h:1"_qs, u"enrollment"_qs, u"e-b"_qs, enrollment)})[0].status == u"applied");
    QJsonObject edited = enrollment;
    edited.insert(u"EntryDate"_qs, u"2026-11-02"_qs);
    CHECK(push(*hank, {change(u"h:2"_qs, u"enrollment"_qs, u"e-b"_qs, edited, 1, u"update"_qs)})[0].status
          == u"applied");
    // A sees B's enrollment but may not change or delete it.
    const auto byA = push(*maria,
                          {change(u"m:2"_qs, u"enrollment"_qs, u"e-b"_qs, edited, 2, u"update"_qs),
                           change(u"m:3"_qs, u"enrollment"_qs, u"e-b"_qs, onlyConsent, 2, u"delete"_qs)});
    CHECK(byA[0].error == u"not-record-owner");
    CHECK(byA[1].error == u"not-record-owner");
    // B may not change A's profile, even of a client it sees, nor delete the client.
    const auto byB = push(*hank,
                          {change(u"h:3"_qs, u"client"_qs, u"c-1"_qs,
                                  clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes-Ortiz"_qs, shared), 1, u"update"_qs),
                           change(u"h:4"_qs, u"client"_qs, u"c-1"_qs, onlyConsent, 1, u"delete"_qs)});
    CHECK(byB[0].error == u"not-record-owner");
    CHECK(byB[1].error == u"not-record-owner");
    // Each deletes its own.
    CHECK(push(*hank, {change(u"h:5"_qs, u"enrollment"_qs, u"e-b"_qs, onlyConsent, 2, u"delete"_qs)})[0].status
          == u"applied");
    CHECK(push(*maria, {change(u"m:4"_qs, u"client"_qs, u"c-1"_qs, onlyConsent, 1, u"delete"_qs)})[0].status
          == u"applied");
    DatabaseProbe probe(f.databaseSpec());
    CHECK(probe.exec(u"SELECT operation FROM records WHERE uuid = 'c-1'"_qs).toString() == u"delete");
    CHECK(probe.exec(u"SELECT operation FROM records WHERE uuid = 'e-b'"_qs).toString() == u"delete");
}

TEMPLATE_TEST_CASE("A release belongs to the agency that recorded it: nobody else widens, claims or narrows it",
                   "[server][ownership]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto hank = f.device(u"hank"_qs);
    auto olga = f.device(u"olga"_qs);
    const QJsonObject shared = consentRef(kLimited, {u"Harbor House"_qs}, false, u"rel-1"_qs);
    push(*maria, {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, shared))});
    const qint64 mariaCursor = pull(*f.device(u"maria"_qs)).cursor;
    const auto enrollmentWith = [](const QString& id, const QJsonObject& consent) {
        return QJsonObject {{u"EnrollmentID"_qs, id}, {u"PersonalID"_qs, u"c-1"_qs}, {u"Consent"_qs, consent}};
    };

    // B, named in the Limited release, forges a Full one: as a new release, and as the same release id.
    QJsonObject sameIdFull = shared;
    sameIdFull.insert(u"Choice"_qs, kFull);
    // Or claims the client as its own, shared with nobody: A would be told to drop its client.
    const QJsonObject claimed = consentRef(kLimited, {}, false, u"rel-2"_qs, u"Harbor House"_qs);
    int n = 0;
    for (const QJsonObject& forged :
         {consentRef(kFull, {}, false, u"rel-forged"_qs, u"Shelter One"_qs), sameIdFull, claimed}) {
        const QString id = QStringLiteral("e-forged-%1").arg(++n);
        const auto results
            = push(*hank, {change(QStringLiteral("h:%1").arg(n), u"enrollment"_qs, id, enrollmentWith(id, forged))});
        CHECK(results[0].status == u"rejected");
        CHECK(results[0].error == u"consent-not-yours");
    }
    CHECK(pull(*olga).changes.empty()); // still invisible to a third agency
    const auto mariaNews = pull(*f.device(u"maria"_qs), mariaCursor);
    CHECK_FALSE(hasRestrictTombstone(mariaNews, u"c-1"_qs)); // A keeps its client
    DatabaseProbe probe(f.databaseSpec());
    CHECK(probe.exec(u"SELECT owner_agency FROM client_consent WHERE client_uuid = 'c-1'"_qs).toString() == u"SH1");
    CHECK(QJsonDocument::fromJson(
              probe.exec(u"SELECT reference FROM client_consent WHERE client_uuid = 'c-1'"_qs).toString().toUtf8())
              .object()
          == shared);

    // Carrying A's release unchanged, B adds its own enrollment.
    CHECK(push(*hank, {change(u"h:ok"_qs, u"enrollment"_qs, u"e-b"_qs, enrollmentWith(u"e-b"_qs, shared))})[0].status
          == u"applied");
    // A itself widens: a new release of its own reaches the third agency.
    const QJsonObject full = consentRef(kFull, {}, false, u"rel-3"_qs);
    CHECK(push(*maria,
               {change(u"m:2"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, full), 1,
                       u"update"_qs)})[0]
              .status
          == u"applied");
    CHECK(pulled(pull(*olga), u"c-1"_qs));
}

TEMPLATE_TEST_CASE("A restriction comes only from the client's agency, for a client the server holds",
                   "[server][ownership]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto hank = f.device(u"hank"_qs);
    auto olga = f.device(u"olga"_qs);
    const QJsonObject shared = consentRef(kLimited, {u"Harbor House"_qs});
    push(*maria,
         {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, shared)),
          change(u"m:2"_qs, u"client"_qs, u"c-2"_qs,
                 clientFields(u"c-2"_qs, u"Bo"_qs, u"Full"_qs, consentRef(kFull, {}, false, u"rel-2"_qs)))});
    DatabaseProbe probe(f.databaseSpec());
    const qint64 records = probe.count(u"records"_qs);
    const auto requestRestriction = [](ApiClient& device, const QString& request, const QString& client) {
        return device.post(
            u"/api/v1/restrictions"_qs,
            sync::RestrictionRequest {request, client, u"no-sharing"_qs, QDateTime::currentDateTimeUtc()}.toJson());
    };

    // A client the server never received: not found, and not even the id is kept or audited.
    const Reply unknown = requestRestriction(*maria, u"req-unknown"_qs, u"never-synced-client"_qs);
    CHECK(unknown.status == 404);
    CHECK(unknown.error() == u"not-found");
    CHECK_FALSE(probe.containsText(u"never-synced-client"_qs));
    CHECK_FALSE(probe.containsText(u"req-unknown"_qs));
    // A client this agency cannot see: not found either.
    CHECK(requestRestriction(*olga, u"req-olga"_qs, u"c-1"_qs).status == 404);
    // A client it sees but whose release another agency holds: refused.
    const Reply byB = requestRestriction(*hank, u"req-hank"_qs, u"c-2"_qs);
    CHECK(byB.status == 403);
    CHECK(byB.error() == u"not-record-owner");
    CHECK(probe.count(u"records"_qs) == records);
    CHECK(probe.count(u"restrictions"_qs) == 0);
    CHECK(probe.exec(u"SELECT operation FROM records WHERE uuid = 'c-2'"_qs).toString() == u"insert");

    // A restricts its Limited client: the tombstone goes to B, which saw it, and not to C, which never did.
    const qint64 hankCursor = pull(*hank).cursor;
    const qint64 olgaCursor = pull(*olga).cursor;
    CHECK(requestRestriction(*maria, u"req-a"_qs, u"c-1"_qs).status == 200);
    // A used request id answers only its own agency, and only for its own client.
    CHECK(requestRestriction(*hank, u"req-a"_qs, u"c-2"_qs).status == 403);
    CHECK(requestRestriction(*maria, u"req-a"_qs, u"c-2"_qs).status == 400);
    CHECK(requestRestriction(*maria, u"req-a"_qs, u"c-1"_qs).json.value(u"status").toString() == u"duplicate");
    CHECK(probe.exec(u"SELECT operation FROM records WHERE uuid = 'c-2'"_qs).toString() == u"insert");
    CHECK(hasRestrictTombstone(pull(*hank, hankCursor), u"c-1"_qs));
    const auto olgaNews = pull(*olga, olgaCursor);
    for (const sync::PulledChange& c : olgaNews.changes)
        CHECK(c.uuid != u"c-1");
}

TEMPLATE_TEST_CASE("Another agency cannot forge a release record, plant an unknown client, or carry an older release's "
                   "identity",
                   "[server][ownership]", SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto hank = f.device(u"hank"_qs);
    const QJsonObject full = consentRef(kFull, {}, false, u"rel-1"_qs);
    push(*maria, {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, full))});
    DatabaseProbe probe(f.databaseSpec());

    // A release record of B's for A's client, under A's own reference: the owner's desks would adopt it as
    // the client's newest release.
    const auto forged = push(*hank,
                             {change(u"h:1"_qs, u"consent"_qs, u"rel-evil"_qs,
                                     {{u"ReleaseID"_qs, u"rel-evil"_qs},
                                      {u"PersonalID"_qs, u"c-1"_qs},
                                      {u"Choice"_qs, kFull},
                                      {u"RecordedAt"_qs, u"2099-01-01T00:00:00Z"_qs},
                                      {u"Consent"_qs, full}})});
    CHECK(forged[0].status == u"rejected");
    CHECK(forged[0].error == u"not-record-owner");
    CHECK(probe.exec(u"SELECT COUNT(*) FROM records WHERE uuid = 'rel-evil'"_qs).toInt() == 0);
    CHECK(probe.exec(u"SELECT COUNT(*) FROM client_releases WHERE release_id = 'rel-evil'"_qs).toInt() == 0);

    // Deleting a client the server never had stores nothing, not even the id.
    CHECK(push(*hank,
               {change(u"h:2"_qs, u"client"_qs, u"planted-client"_qs, {{u"Consent"_qs, full}}, 0, u"delete"_qs)})[0]
              .status
          == u"applied");
    CHECK_FALSE(probe.containsText(u"planted-client"_qs));

    // A narrows to Anonymous; B still holds the Full release and sends an SSN with its own enrollment.
    const QJsonObject anonymous = consentRef(3, {}, false, u"rel-2"_qs);
    CHECK(push(*maria,
               {change(u"m:2"_qs, u"client"_qs, u"c-1"_qs,
                       {{u"PersonalID"_qs, u"c-1"_qs}, {u"NameDataQuality"_qs, 9}, {u"Consent"_qs, anonymous}}, 1,
                       u"update"_qs)})[0]
              .status
          == u"applied");
    const auto carried = push(*hank,
                              {change(u"h:3"_qs, u"enrollment"_qs, u"e-b"_qs,
                                      {{u"EnrollmentID"_qs, u"e-b"_qs},
                                       {u"PersonalID"_qs, u"c-1"_qs},
                                       {u"SSN"_qs, u"123456789"_qs},
                                       {u"Consent"_qs, full}})});
    CHECK(carried[0].status == u"rejected");
    CHECK(carried[0].error == u"identifying-not-consented");
    CHECK_FALSE(probe.containsText(u"123456789"_qs));
}

TEMPLATE_TEST_CASE("A change delivered again answers with no value its agency may no longer see", "[server][ownership]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto hankFront = f.device(u"hank"_qs);
    auto hankBack = f.device(u"hank"_qs);
    const QJsonObject shared = consentRef(kLimited, {u"Harbor House"_qs}, false, u"rel-1"_qs);
    push(*maria, {change(u"m:1"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, shared))});
    const auto enrollment = [&](const QString& note) {
        return QJsonObject {{u"EnrollmentID"_qs, u"e-b"_qs},
                            {u"PersonalID"_qs, u"c-1"_qs},
                            {u"Note"_qs, note},
                            {u"Consent"_qs, shared}};
    };
    push(*hankFront, {change(u"f:1"_qs, u"enrollment"_qs, u"e-b"_qs, enrollment(u"first"_qs))});
    push(*hankBack, {change(u"b:1"_qs, u"enrollment"_qs, u"e-b"_qs, enrollment(u"Canary-back"_qs), 1, u"update"_qs)});
    const auto conflicted = push(
        *hankFront, {change(u"f:2"_qs, u"enrollment"_qs, u"e-b"_qs, enrollment(u"Canary-front"_qs), 1, u"update"_qs)});
    REQUIRE(conflicted[0].status == u"conflict");
    REQUIRE(conflicted[0].conflicts.size() == 1);

    // The client narrows to Shelter One alone: Harbor House loses sight of them.
    push(*maria,
         {change(u"m:2"_qs, u"client"_qs, u"c-1"_qs,
                 clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consentRef(kLimited, {}, false, u"rel-2"_qs)), 1,
                 u"update"_qs)});
    const auto replayed = push(
        *hankFront, {change(u"f:2"_qs, u"enrollment"_qs, u"e-b"_qs, enrollment(u"Canary-front"_qs), 1, u"update"_qs)});
    CHECK(replayed[0].status == u"duplicate");
    CHECK(replayed[0].conflicts.empty());
    CHECK_FALSE(QJsonDocument(replayed[0].toJson()).toJson().contains("Canary"));
    CHECK(pull(*hankFront).conflicts.empty());
}
