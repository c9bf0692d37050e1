// Consent storage: the release JSON the change log carries, the v4 migration of an intake store,
// and the repository's rows (attachments apart, restriction requests, alerts, owners of deleted rows).
#include "core/consent/ConsentJson.h"
#include "core/store/ConsentRepository.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/store/Store.h"
#include "tests/core/CoreTestSupport.h"

#include <QJsonArray>

using namespace hearth;
using namespace hearth::test;

namespace {
ReleaseOfInformation limitedRelease()
{
    ReleaseOfInformation r;
    r.uuid = u"r-1"_qs;
    r.clientUuid = u"c-1"_qs;
    r.kind = ReleaseKind::Hmis;
    r.choice = SharingChoice::LimitedSharing;
    r.categories = ShareCategory::IdentifyingProfile | ShareCategory::DomesticViolence;
    r.partnerAgencies = {u"Coastal Outreach"_qs, u"Sonoma Family Services"_qs};
    r.restricted = true;
    r.includePastRecords = false;
    r.signedOn = QDate(2026, 1, 5);
    r.expiresOn = QDate(2028, 1, 5);
    r.collectedBy = u"ana.admin"_qs;
    r.collectedByName = u"Ana Admin"_qs;
    r.enteringAgency = u"Harbor House"_qs;
    r.language = u"es"_qs;
    r.hasSignature = true;
    r.hasScannedForm = false;
    r.revokedAt = QDateTime(QDate(2026, 2, 1), QTime(10, 30), Qt::UTC);
    r.revokedBy = u"ana.admin"_qs;
    r.revocationNote = u"asked by phone"_qs;
    r.recordedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0, 0, 250), Qt::UTC);
    return r;
}
} // namespace

TEST_CASE("a release survives its JSON form with exactly the agreed keys", "[consent][json]")
{
    const ReleaseOfInformation r = limitedRelease();
    const QJsonObject json = consent_json::toJson(r);
    QStringList keys = json.keys();
    keys.sort();
    QStringList expected {u"ReleaseID"_qs,      u"PersonalID"_qs,      u"Kind"_qs,           u"Choice"_qs,
                          u"Categories"_qs,     u"PartnerAgencies"_qs, u"Restricted"_qs,     u"IncludePastRecords"_qs,
                          u"SignedOn"_qs,       u"ExpiresOn"_qs,       u"CollectedBy"_qs,    u"CollectedByName"_qs,
                          u"EnteringAgency"_qs, u"Language"_qs,        u"HasSignature"_qs,   u"HasScannedForm"_qs,
                          u"RevokedAt"_qs,      u"RevokedBy"_qs,       u"RevocationNote"_qs, u"RecordedAt"_qs};
    expected.sort();
    CHECK(keys == expected);
    CHECK(json.value(u"Kind").toString() == u"hmis"_qs);
    CHECK(json.value(u"Choice").toInt() == 2);
    CHECK(json.value(u"Categories").toInt() == 0x9);
    CHECK(json.value(u"SignedOn").toString() == u"2026-01-05"_qs);
    CHECK(json.value(u"PartnerAgencies").toArray().size() == 2);
    CHECK(consent_json::releaseFromJson(json) == r);

    SECTION("unset past-records choice and no revocation are nulls, and come back unset")
    {
        ReleaseOfInformation plain = r;
        plain.kind = ReleaseKind::CoordinatedEntry;
        plain.includePastRecords.reset();
        plain.revokedAt.reset();
        const QJsonObject j = consent_json::toJson(plain);
        CHECK(j.value(u"IncludePastRecords").isNull());
        CHECK(j.value(u"RevokedAt").isNull());
        CHECK(j.value(u"Kind").toString() == u"ces"_qs);
        const ReleaseOfInformation back = consent_json::releaseFromJson(j);
        CHECK(back == plain);
        CHECK_FALSE(back.isRevoked());
    }
    SECTION("an unknown choice number reads as No Sharing, never as sharing")
    {
        QJsonObject j = json;
        j.insert(u"Choice"_qs, 9);
        CHECK(consent_json::releaseFromJson(j).choice == SharingChoice::NoSharing);
    }
}

TEST_CASE("upgrading an intake (version 3) database adds the consent tables and keeps the clients",
          "[consent][migrations]")
{
    TempDir dir;
    const QString path = dir.file(u"hearth-1.db"_qs);
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    {
        auto db = createDatabase(path, key);
        REQUIRE_OK(migrate(*db, 3));
        REQUIRE(db->userVersion() == 3);
        CHECK_FALSE(db->exec(u"SELECT count(*) FROM consents"_qs).ok()); // not there yet
        execOk(*db,
               u"INSERT INTO clients (uuid, first_name, last_name, created_at, updated_at, updated_by, case_number, "
               "data) VALUES ('c-1', 'Vee', 'Old', 't', 't', 'old.timer', 'A1', "
               "'{\"PersonalID\":\"c-1\",\"FirstName\":\"Vee\"}')"_qs);
        REQUIRE_OK(migrate(*db, 4));
        CHECK(db->userVersion() == 4);
        for (const char* table : {"consents", "consent_attachments", "restriction_requests", "consent_alerts"}) {
            INFO(table);
            CHECK(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"_qs
                             + QString::fromLatin1(table) + u"'"_qs)
                      .value()
                      .toInt()
                  == 1);
        }
        REQUIRE_OK(migrate(*db, 4)); // again: nothing to do
        CHECK(db->userVersion() == 4);
        REQUIRE_OK(migrate(*db));
        CHECK(db->userVersion() == latestSchemaVersion());
    }
    auto store = Store::open(path, key);
    REQUIRE_OK(store);
    ConsentRepository repo(**store);
    ReleaseOfInformation r = limitedRelease();
    REQUIRE_OK(repo.insert(r));
    auto back = repo.forClient(u"c-1"_qs);
    REQUIRE_OK(back);
    REQUIRE(back->size() == 1);
    CHECK(back->front() == r);
    // A release must belong to a client that exists.
    r.uuid = u"r-2"_qs;
    r.clientUuid = u"nobody"_qs;
    CHECK_FALSE(repo.insert(r).ok());
}

TEST_CASE("the consent repository keeps attachments apart and tracks requests and alerts", "[consent][store]")
{
    TempDir dir;
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    auto created = Store::create(dir.file(u"hearth-1.db"_qs), key);
    REQUIRE_OK(created);
    Store& store = **created;
    REQUIRE_OK(store.db().exec(
        u"INSERT INTO clients (uuid, created_at, updated_at, updated_by, case_number) VALUES "
        "('c-1', 't', 't', 'x', 'A1'), ('c-2', 't', 't', 'x', 'A2');"
        "INSERT INTO projects (uuid, name, project_type, data, created_at, updated_at, updated_by) VALUES "
        "('p-1', 'Night Shelter', 1, '{}', 't', 't', 'x');"
        "INSERT INTO enrollments (uuid, client_uuid, project_uuid, household_id, relationship, entry_date, data, "
        "created_at, updated_at, updated_by, deleted) VALUES ('e-1', 'c-2', 'p-1', 'h', 1, '2026-01-02', '{}', 't', "
        "'t', 'x', 0);"
        "INSERT INTO services (uuid, enrollment_uuid, client_uuid, date_provided, record_type, data, created_at, "
        "updated_at, updated_by, deleted) VALUES ('s-1', 'e-1', 'c-2', '2026-01-03', 200, '{}', 't', 't', 'x', 1);"_qs));
    ConsentRepository repo(store);

    ReleaseOfInformation older = limitedRelease();
    older.revokedAt.reset();
    ReleaseOfInformation newer = older;
    newer.uuid = u"r-2"_qs;
    newer.choice = SharingChoice::NoSharing;
    newer.expiresOn = QDate();
    newer.recordedAt = older.recordedAt.addDays(3);
    ReleaseOfInformation other = older;
    other.uuid = u"r-3"_qs;
    other.clientUuid = u"c-2"_qs;
    other.expiresOn = QDate(2027, 6, 1);
    for (const auto& r : {older, newer, other})
        REQUIRE_OK(repo.insert(r));

    auto history = repo.forClient(u"c-1"_qs);
    REQUIRE_OK(history);
    REQUIRE(history->size() == 2);
    CHECK(history->at(0).uuid == u"r-2"_qs); // newest recorded first
    CHECK(history->at(1).uuid == u"r-1"_qs);
    auto both = repo.forClients({u"c-1"_qs, u"c-2"_qs, u"c-none"_qs});
    REQUIRE_OK(both);
    CHECK(both->size() == 2);
    CHECK(both->value(u"c-2"_qs).size() == 1);

    auto expiring = repo.clientsWithHmisExpiringBy(QDate(2027, 12, 31));
    REQUIRE_OK(expiring);
    CHECK(*expiring == QStringList {u"c-2"_qs});

    SECTION("a revocation rewrites the stored release")
    {
        ReleaseOfInformation revoked = older;
        revoked.revokedAt = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
        revoked.revokedBy = u"ana.admin"_qs;
        REQUIRE_OK(repo.update(revoked));
        CHECK(repo.find(u"r-1"_qs).value().value() == revoked);
        ReleaseOfInformation missing = older;
        missing.uuid = u"r-404"_qs;
        CHECK(repo.update(missing).code() == ErrorCode::NotFound);
    }
    SECTION("attachments are stored and read back apart from the release")
    {
        ConsentAttachments a;
        a.signaturePng = QByteArray("\x89PNG-signature-strokes", 22);
        a.scannedForm = QByteArray(4096, 'F');
        a.scannedFormType = u"application/pdf"_qs;
        a.scannedFormName = u"roi.pdf"_qs;
        REQUIRE_OK(repo.saveAttachments(u"r-1"_qs, a));
        auto back = repo.attachments(u"r-1"_qs);
        REQUIRE_OK(back);
        CHECK(back->signaturePng == a.signaturePng);
        CHECK(back->scannedForm == a.scannedForm);
        CHECK(back->scannedFormType == a.scannedFormType);
        CHECK(back->scannedFormName == a.scannedFormName);
        auto none = repo.attachments(u"r-2"_qs);
        REQUIRE_OK(none);
        CHECK(none->signaturePng.isEmpty());
        CHECK(none->scannedForm.isEmpty());
        CHECK_FALSE(repo.saveAttachments(u"r-404"_qs, a).ok()); // no release, no attachment
    }
    SECTION("restriction requests stay pending until delivered once")
    {
        const QDateTime t(QDate(2026, 1, 8), QTime(9, 0), Qt::UTC);
        REQUIRE_OK(repo.insertRestriction({u"q-1"_qs, u"c-1"_qs, t, u"ana.admin"_qs, u"no-sharing"_qs, {}}));
        REQUIRE_OK(repo.insertRestriction({u"q-2"_qs, u"c-2"_qs, t.addSecs(60), u"ana.admin"_qs, u"revoked"_qs, {}}));
        auto pending = repo.pendingRestrictions();
        REQUIRE_OK(pending);
        REQUIRE(pending->size() == 2);
        CHECK(pending->at(0).uuid == u"q-1"_qs);
        CHECK(pending->at(1).reason == u"revoked"_qs);
        REQUIRE_OK(repo.markRestrictionDelivered(u"q-1"_qs, t.addDays(1)));
        CHECK(repo.markRestrictionDelivered(u"q-1"_qs, t.addDays(2)).code() == ErrorCode::NotFound);
        pending = repo.pendingRestrictions();
        REQUIRE_OK(pending);
        REQUIRE(pending->size() == 1);
        CHECK(pending->front().uuid == u"q-2"_qs);
    }
    SECTION("an alert is open until acknowledged, and carries its project's name")
    {
        ConcurrentNoSharingAlert a;
        a.uuid = u"a-1"_qs;
        a.projectUuid = u"p-1"_qs;
        a.day = QDate(2026, 1, 5);
        a.count = 3;
        a.limit = 2;
        a.raisedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
        a.raisedBy = u"sam.staff"_qs;
        REQUIRE_OK(repo.insertAlert(a));
        CHECK(repo.hasOpenAlert(u"p-1"_qs).value());
        auto open = repo.openAlerts();
        REQUIRE_OK(open);
        REQUIRE(open->size() == 1);
        CHECK(open->front().projectName == u"Night Shelter"_qs);
        CHECK(open->front().count == 3);
        CHECK(open->front().day == a.day);
        REQUIRE_OK(repo.acknowledgeAlert(u"a-1"_qs, a.raisedAt.addSecs(600), u"ana.admin"_qs));
        CHECK_FALSE(repo.hasOpenAlert(u"p-1"_qs).value());
        CHECK(repo.openAlerts().value().empty());
        CHECK(repo.acknowledgeAlert(u"a-1"_qs, a.raisedAt, u"ana.admin"_qs).code() == ErrorCode::NotFound);
    }
    SECTION("owners are found for deleted rows too")
    {
        auto service = repo.ownerOf(u"service"_qs, u"s-1"_qs); // soft-deleted
        REQUIRE_OK(service);
        REQUIRE(service->has_value());
        CHECK((*service)->clientUuid == u"c-2"_qs);
        CHECK((*service)->occurredOn == QDate(2026, 1, 3));
        CHECK((*service)->parentOccurredOn == QDate(2026, 1, 2));
        auto enrollment = repo.ownerOf(u"enrollment"_qs, u"e-1"_qs);
        REQUIRE_OK(enrollment);
        CHECK((*enrollment)->occurredOn == QDate(2026, 1, 2));
        CHECK(repo.ownerOf(u"consent"_qs, u"r-3"_qs).value()->clientUuid == u"c-2"_qs);
        CHECK_FALSE(repo.ownerOf(u"project"_qs, u"p-1"_qs).value().has_value());
        CHECK_FALSE(repo.ownerOf(u"client"_qs, u"c-404"_qs).value().has_value());
    }
}
