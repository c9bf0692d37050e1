// The push serializer over a real store: only the consent gate's answers become protocol changes, and
// the second, independent check refuses a whole batch when anything of a client who does not share
// would leave, even when the answer it was given says otherwise. Backoff and server address rules.
#include "core/services/ConsentGate.h"
#include "core/syncstate/SyncState.h"
#include "sync/client/Backoff.h"
#include "sync/client/PushSerializer.h"
#include "sync/client/ServerUrl.h"
#include "sync/protocol/ConsentReference.h"
#include "sync/protocol/NoSharingMarker.h"
#include "tests/consent/ConsentTestSupport.h"

#include <QJsonArray>
#include <QSet>

using namespace hearth;
using namespace hearth::test;
using hearth::sync::PushSerializer;
using hearth::sync::SerializedBatch;

namespace {
struct Clients : ConsentStore
{
    QString full = client(u"Fay"_qs, u"Full"_qs);
    QString limited = client(u"Lee"_qs, u"Limited"_qs);
    QString anonymous = client(u"Ann"_qs, u"Anonymous"_qs);
    QString noSharing = client(u"Ned"_qs, u"Nosharing"_qs);

    Clients()
    {
        record(full, SharingChoice::FullSharing);
        record(limited, SharingChoice::LimitedSharing);
        record(anonymous, SharingChoice::Anonymous);
        record(noSharing, SharingChoice::NoSharing);
        for (const QString& c : {full, limited, anonymous, noSharing})
            enroll(c, shelter.uuid);
    }

    std::vector<Disclosure> review(const std::vector<ChangeRecord>& changes)
    {
        auto answers = ConsentGate(*vault).review(changes, Audience::centralServer());
        REQUIRE_OK(answers);
        return std::move(answers).value();
    }

    QHash<QString, ConsentStatus> statuses(const SerializedBatch& batch)
    {
        QStringList clients;
        for (const QString& c : batch.clients)
            if (!c.isEmpty())
                clients << c;
        auto found = ConsentRecords(*vault).statuses(clients);
        REQUIRE_OK(found);
        return std::move(found).value();
    }
};

QString clientOf(const sync::Change& c)
{
    return c.entity == u"client" ? c.uuid : c.fields.value(u"PersonalID").toString();
}
} // namespace

TEST_CASE("only what the consent gate allows is serialized, in the form it chose", "[sync][push]")
{
    Clients s;
    const auto changes = s.changeLog();
    const auto disclosures = s.review(changes);
    const PushSerializer serializer(u"dev-1"_qs);
    auto batch = serializer.serialize(changes, disclosures, {{s.full, 4}}, s.clock.now());
    REQUIRE_OK(batch);
    REQUIRE_OK(PushSerializer::verify(*batch, s.statuses(*batch)));

    QSet<QString> clients;
    for (const sync::Change& c : batch->changes) {
        clients.insert(clientOf(c));
        CHECK(c.key.startsWith(u"dev-1:"));
        CHECK(c.fields.contains(u"Consent"));
        CHECK_FALSE(sync::findNoSharingMarker(c.fields));
    }
    CHECK(clients == QSet<QString> {s.full, s.limited, s.anonymous});
    CHECK(batch->withheld > 0);
    CHECK(qsizetype(batch->changes.size()) + batch->withheld == qsizetype(changes.size()));

    // Keys are deviceId:changeSeq; the known server version is the base of the next change.
    for (size_t i = 0; i < batch->changes.size(); ++i)
        CHECK(batch->changes[i].key == u"dev-1:"_qs + QString::number(batch->sequences[i]));
    for (const sync::Change& c : batch->changes)
        CHECK(c.baseVersion == (c.uuid == s.full ? 4 : 0));

    // The Anonymous client goes without anything that identifies them.
    for (const sync::Change& c : batch->changes) {
        if (clientOf(c) != s.anonymous)
            continue;
        for (const QString& field : sync::identifyingFields())
            CHECK(c.fields.value(field).toString().isEmpty());
    }
    // The releases pushed are candidates for a re-delivery of their clients' records.
    CHECK(batch->newReleases.size() == 3);
}

TEST_CASE("a record the server holds names the fields its consent no longer shares, as removals", "[sync][push]")
{
    Clients s;
    const auto changes = s.changeLog();
    const auto disclosures = s.review(changes);
    const auto profileOf = [](const SerializedBatch& batch, const QString& client) -> const sync::Change* {
        for (const sync::Change& c : batch.changes)
            if (c.entity == u"client" && c.uuid == client)
                return &c;
        return nullptr;
    };
    // Already on the server: the name goes as an explicit null, so the server drops what it holds.
    auto known = PushSerializer(u"dev-1"_qs).serialize(changes, disclosures, {{s.anonymous, 3}}, s.clock.now());
    REQUIRE_OK(known);
    REQUIRE_OK(PushSerializer::verify(*known, s.statuses(*known)));
    const sync::Change* anonymous = profileOf(*known, s.anonymous);
    REQUIRE(anonymous);
    for (const QString& field : {u"FirstName"_qs, u"LastName"_qs}) {
        INFO(field.toStdString());
        CHECK(anonymous->fields.contains(field));
        CHECK(anonymous->fields.value(field).isNull());
    }
    // New to the server: nothing to remove, nothing named.
    auto fresh = PushSerializer(u"dev-1"_qs).serialize(changes, disclosures, {}, s.clock.now());
    REQUIRE_OK(fresh);
    REQUIRE(profileOf(*fresh, s.anonymous));
    CHECK_FALSE(profileOf(*fresh, s.anonymous)->fields.contains(u"FirstName"));
    // A client who shares everything sends their name, not a removal.
    REQUIRE(profileOf(*known, s.full));
    CHECK(profileOf(*known, s.full)->fields.value(u"FirstName").toString() == u"Fay");
}

TEST_CASE("the second check refuses a batch whose disclosure carries a no-sharing marker", "[sync][push]")
{
    Clients s;
    const auto changes = s.changeLog();
    auto disclosures = s.review(changes);
    // A faulty policy: the No Sharing client's profile goes out whole with its real consent reference.
    bool planted = false;
    for (size_t i = 0; i < changes.size(); ++i) {
        if (changes[i].entity != u"client" || changes[i].entityUuid != s.noSharing)
            continue;
        QJsonObject fields = changes[i].fields;
        fields.insert(u"Consent"_qs,
                      QJsonObject {{u"ReleaseID"_qs, u"r-ns"_qs},
                                   {u"Choice"_qs, 4},
                                   {u"Categories"_qs, 0},
                                   {u"SharedWith"_qs, QJsonArray()},
                                   {u"Restricted"_qs, false},
                                   {u"EnteringAgency"_qs, u"Harbor House"_qs},
                                   {u"ExpiresOn"_qs, u"2028-01-01"_qs}});
        disclosures[i] = {Disclosure::Form::Whole, Disclosure::Reason::None, fields, {}};
        planted = true;
    }
    REQUIRE(planted);
    auto batch = PushSerializer(u"dev-1"_qs).serialize(changes, disclosures, {}, s.clock.now());
    REQUIRE_OK(batch);
    const Status verdict = PushSerializer::verify(*batch, s.statuses(*batch));
    REQUIRE_FALSE(verdict.ok());
    CHECK(verdict.error().message.contains(u"sent nothing"));
    CHECK_FALSE(verdict.error().message.contains(u"Ned"));
}

TEST_CASE("the second check refuses a No Sharing client's record even under a clean-looking reference", "[sync][push]")
{
    Clients s;
    const auto changes = s.changeLog();
    auto disclosures = s.review(changes);
    // The policy claims Full Sharing for the No Sharing client's enrollment: no marker in the payload, so
    // only the independent lookup of the client's standing can catch it.
    QJsonObject fullReference;
    for (size_t i = 0; i < changes.size(); ++i)
        if (disclosures[i].allowed() && changes[i].entityUuid == s.full)
            fullReference = disclosures[i].fields.value(u"Consent").toObject();
    REQUIRE_FALSE(fullReference.isEmpty());
    bool planted = false;
    for (size_t i = 0; i < changes.size(); ++i) {
        if (changes[i].entity != u"enrollment" || changes[i].fields.value(u"PersonalID").toString() != s.noSharing)
            continue;
        QJsonObject fields = changes[i].fields;
        fields.insert(u"Consent"_qs, fullReference);
        disclosures[i] = {Disclosure::Form::Whole, Disclosure::Reason::None, fields, {}};
        planted = true;
    }
    REQUIRE(planted);
    auto batch = PushSerializer(u"dev-1"_qs).serialize(changes, disclosures, {}, s.clock.now());
    REQUIRE_OK(batch);
    REQUIRE(batch->clients.contains(s.noSharing));
    CHECK_FALSE(PushSerializer::verify(*batch, s.statuses(*batch)).ok());

    // A client without any release (records kept before consent existed) is refused the same way.
    const QString unconsented = s.client(u"Una"_qs, u"Nobody"_qs);
    SerializedBatch lone;
    sync::Change c;
    c.key = u"dev-1:999"_qs;
    c.entity = u"client"_qs;
    c.uuid = unconsented;
    c.operation = u"insert"_qs;
    c.fields = {{u"PersonalID"_qs, unconsented}, {u"Consent"_qs, fullReference}};
    lone.changes.push_back(c);
    lone.clients << unconsented;
    CHECK_FALSE(PushSerializer::verify(lone, s.statuses(lone)).ok());
}

TEST_CASE("the second check refuses identifying fields under an Anonymous reference", "[sync][push]")
{
    Clients s;
    const auto changes = s.changeLog();
    auto disclosures = s.review(changes);
    bool planted = false;
    for (size_t i = 0; i < changes.size(); ++i) {
        if (changes[i].entity != u"client" || changes[i].entityUuid != s.anonymous || !disclosures[i].allowed())
            continue;
        disclosures[i].fields.insert(u"FirstName"_qs, u"Ann"_qs);
        planted = true;
    }
    REQUIRE(planted);
    auto batch = PushSerializer(u"dev-1"_qs).serialize(changes, disclosures, {}, s.clock.now());
    REQUIRE_OK(batch);
    CHECK_FALSE(PushSerializer::verify(*batch, s.statuses(*batch)).ok());
}

TEST_CASE("backoff doubles from one second up to its cap, jittered within each step", "[sync][backoff]")
{
    double r = 0.0;
    sync::Backoff backoff(1000, 16000, [&r] { return r; });
    CHECK(backoff.next() == 500); // half of 1 s fixed, the other half random (here 0)
    CHECK(backoff.next() == 1000);
    CHECK(backoff.next() == 2000);
    r = 0.999999;
    CHECK(backoff.next() >= 7999); // 8 s step, top of its jitter
    CHECK(backoff.next() <= 16000);
    for (int i = 0; i < 100; ++i)
        CHECK(backoff.next() <= 16000); // capped, never overflowing
    CHECK(backoff.failures() == 105);
    backoff.reset();
    r = 0.5;
    CHECK(backoff.next() == 750);
}

TEST_CASE("client records go only over https, or plain http to this machine", "[sync][tls]")
{
    CHECK(sync::checkServerUrl(QUrl(u"https://hmis.example.org"_qs)).ok());
    CHECK(sync::checkServerUrl(QUrl(u"http://127.0.0.1:8443"_qs)).ok());
    CHECK(sync::checkServerUrl(QUrl(u"http://127.8.0.1:8443"_qs)).ok());
    CHECK(sync::checkServerUrl(QUrl(u"http://localhost:8443"_qs)).ok());
    CHECK(sync::checkServerUrl(QUrl(u"http://[::1]:8443"_qs)).ok());
    CHECK_FALSE(sync::checkServerUrl(QUrl(u"http://hmis.example.org"_qs)).ok());
    CHECK_FALSE(sync::checkServerUrl(QUrl(u"http://10.0.0.5"_qs)).ok());
    CHECK_FALSE(sync::checkServerUrl(QUrl(u"http://localhost.example.org"_qs)).ok());
    CHECK_FALSE(sync::checkServerUrl(QUrl(u"ftp://127.0.0.1"_qs)).ok());
    CHECK_FALSE(sync::checkServerUrl(QUrl(u"hmis.example.org"_qs)).ok());
}
