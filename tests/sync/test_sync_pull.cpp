// The pull side in core, over a real encrypted store: schema v7, SyncInbox applying pages the way the
// engine hands them over (echoes, local edits not yet pushed, local consent, parents arriving later,
// deletes and restrictions), and SyncConflicts (kept, replaced, resolved into a change the push marks).
#include "core/consent/ConsentJson.h"
#include "core/intake/IntakeJson.h"
#include "core/services/AuditReader.h"
#include "core/services/ClientSearch.h"
#include "core/services/ConsentGate.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ServiceRecords.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/syncstate/SyncConflicts.h"
#include "core/syncstate/SyncInbox.h"
#include "core/syncstate/SyncState.h"
#include "tests/consent/ConsentTestSupport.h"

#include <QJsonArray>
#include <QUuid>

using namespace hearth;
using namespace hearth::test;

namespace {
QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject pulledReference(const QString& releaseId)
{
    return {{u"ReleaseID"_qs, releaseId},       {u"Choice"_qs, 1},         {u"Categories"_qs, 15},
            {u"SharedWith"_qs, QJsonArray()},   {u"Restricted"_qs, false}, {u"EnteringAgency"_qs, u"Other Desk"_qs},
            {u"ExpiresOn"_qs, u"2028-01-05"_qs}};
}

InboundRecord inbound(qint64 seq, const QString& entity, const QString& uuid, QJsonObject fields,
                      const QString& releaseId, qint64 version = 1)
{
    fields.insert(u"Consent"_qs, pulledReference(releaseId));
    return {seq, entity, uuid, u"insert"_qs, fields, version};
}

/// A client somebody else recorded, with their release, an enrollment and a bed night, as the server sends them.
struct Remote
{
    QString client = newId();
    QString release = newId();
    QString enrollment = newId();
    QString service = newId();
    QString project = newId();

    InboundRecord clientRecord(qint64 seq, const QString& first = u"Rosa"_qs) const
    {
        ClientProfile c;
        c.uuid = client;
        c.caseNumber = u"REMOT-00001"_qs;
        c.firstName = first;
        c.lastName = u"Remote"_qs;
        c.nameDataQuality = 1;
        c.createdAt = QDateTime(QDate(2026, 1, 2), QTime(9, 0), Qt::UTC);
        c.updatedAt = c.createdAt;
        c.updatedBy = u"other.desk"_qs;
        return inbound(seq, u"client"_qs, client, intake_json::toJson(c), release);
    }
    InboundRecord releaseRecord(qint64 seq) const
    {
        ReleaseOfInformation r = releaseFor(client, SharingChoice::FullSharing, QDate(2026, 1, 2));
        r.uuid = release;
        r.expiresOn = QDate(2028, 1, 2);
        r.enteringAgency = u"Other Desk"_qs;
        r.recordedAt = QDateTime(QDate(2026, 1, 2), QTime(9, 0), Qt::UTC);
        return inbound(seq, u"consent"_qs, release, consent_json::toJson(r), release);
    }
    InboundRecord enrollmentRecord(qint64 seq) const
    {
        Enrollment e;
        e.uuid = enrollment;
        e.clientUuid = client;
        e.projectUuid = project;
        e.householdId = newId();
        e.relationshipToHoH = 1;
        e.entryDate = QDate(2026, 1, 2);
        e.updatedBy = u"other.desk"_qs;
        return inbound(seq, u"enrollment"_qs, enrollment, intake_json::toJson(e), release);
    }
    InboundRecord serviceRecord(qint64 seq) const
    {
        ServiceRecord s;
        s.uuid = service;
        s.enrollmentUuid = enrollment;
        s.clientUuid = client;
        s.dateProvided = QDate(2026, 1, 3);
        s.recordType = 200;
        s.typeProvided = 200;
        s.updatedBy = u"other.desk"_qs;
        return inbound(seq, u"service"_qs, service, intake_json::toJson(s), release);
    }
};

struct PullStore : ConsentStore
{
    InboxOutcome apply(const std::vector<InboundRecord>& page, qint64 cursor)
    {
        auto done = SyncInbox(*vault).applyPage(page, cursor);
        REQUIRE_OK(done);
        return *done;
    }
    qint64 changeRows() { return changeLog().size(); }
    std::optional<ClientProfile> held(const QString& uuid)
    {
        auto all = ClientRecords(*vault).list();
        REQUIRE_OK(all);
        for (const ClientProfile& c : *all)
            if (c.uuid == uuid)
                return c;
        return std::nullopt;
    }
    /// Marks everything in the change log as pushed, with server version @p version for @p uuids.
    void pushedAll(const QStringList& uuids, qint64 version = 1)
    {
        std::vector<ServerVersion> versions;
        for (const QString& u : uuids)
            versions.push_back({u"client"_qs, u, version, version});
        REQUIRE_OK(SyncState(*vault).recordPushed(changeLog().back().seq, versions, int(versions.size())));
    }
};
} // namespace

TEST_CASE("upgrading a version 6 database adds the pull tables and keeps the sync state", "[sync][migrations]")
{
    TempDir dir;
    auto db = createDatabase(dir.file(u"hearth-1.db"_qs), SecretBytes::random(crypto::kDataKeyBytes));
    REQUIRE_OK(migrate(*db, 6));
    execOk(*db,
           u"INSERT INTO sync_versions (entity_uuid, entity, server_version, server_seq) VALUES ('c-1', 'client', 3, "
           "9)"_qs);
    CHECK_FALSE(db->exec(u"SELECT count(*) FROM sync_conflicts"_qs).ok());
    REQUIRE_OK(migrate(*db));
    CHECK(db->userVersion() == latestSchemaVersion());
    CHECK(latestSchemaVersion() >= 8);
    for (const char* table :
         {"sync_pull", "sync_conflicts", "sync_resolutions", "sync_inbox_waiting", "sync_held_back"}) {
        INFO(table);
        CHECK(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"_qs
                         + QString::fromLatin1(table) + u"'"_qs)
                  .value()
                  .toInt()
              == 1);
    }
    CHECK(db->scalar(u"SELECT server_version FROM sync_versions"_qs).value().toInt() == 3);
    REQUIRE_OK(migrate(*db));
    CHECK(db->userVersion() == latestSchemaVersion());
}

TEST_CASE("a pulled client arrives whole: searchable, with the stay, no change-log rows, server versions kept",
          "[sync][pull]")
{
    PullStore s;
    Remote r;
    CHECK(ClientSearch(*s.vault).search(SearchQuery::fromFreeText(u"Rosa Remote"_qs)).value().empty());
    const qint64 rowsBefore = s.changeRows();
    // The service comes on the first page, before the enrollment it belongs to; the page order is the
    // server's, children may come first.
    auto first = s.apply({r.serviceRecord(4), r.clientRecord(5)}, 5);
    CHECK(first.applied == 1);
    CHECK(first.waiting == 1);
    auto second = s.apply({r.enrollmentRecord(6), r.releaseRecord(7)}, 7);
    CHECK(second.applied == 3); // enrollment, release and the waiting service
    CHECK(second.waiting == 0);

    const auto rosa = s.held(r.client);
    REQUIRE(rosa);
    CHECK(rosa->firstName == u"Rosa");
    CHECK(rosa->caseNumber == u"REMOT-00001");
    const auto found = ClientSearch(*s.vault).search(SearchQuery::fromFreeText(u"Rosa Remote"_qs));
    REQUIRE_OK(found);
    REQUIRE(found->size() == 1);
    CHECK(found->front().client.uuid == r.client);
    auto stays = EnrollmentRecords(*s.vault).forClient(r.client);
    REQUIRE_OK(stays);
    REQUIRE(stays->size() == 1);
    CHECK(ServiceRecords(*s.vault).forEnrollment(r.enrollment).value().size() == 1);
    CHECK(s.status(r.client).standing == ConsentStatus::Standing::Active);

    CHECK(s.changeRows() == rowsBefore); // nothing pulled goes back up
    CHECK(SyncInbox(*s.vault).pullCursor().value() == 7);
    const auto versions = SyncState(*s.vault).serverVersions({r.client, r.service}).value();
    CHECK(versions.value(r.client) == 1);
    CHECK(versions.value(r.service) == 1);
    AuditFilter filter;
    filter.action = QString::fromLatin1(audit::SyncDownload);
    const auto entries = AuditReader(*s.vault).query(filter).value();
    REQUIRE(entries.size() == 2);
    CHECK_FALSE(entries.front().detail.contains(u"Rosa"));

    // A later version from the server overwrites what it sent; a local edit then pushes on that base.
    auto later = r.clientRecord(9, u"Rosalia"_qs);
    later.version = 2;
    CHECK(s.apply({later}, 9).applied == 1);
    CHECK(s.held(r.client)->firstName == u"Rosalia");
    CHECK(SyncState(*s.vault).serverVersions({r.client}).value().value(r.client) == 2);
}

TEST_CASE("a pull keeps local values: own echoes, edits not yet pushed, clients who do not share here", "[sync][pull]")
{
    PullStore s;
    const QString fay = s.client(u"Fay"_qs, u"Full"_qs);
    const auto release = s.record(fay, SharingChoice::FullSharing);
    const QString ned = s.client(u"Ned"_qs, u"Nosharing"_qs);
    s.record(ned, SharingChoice::NoSharing);
    s.pushedAll({fay});

    // This workstation's own push coming back: nothing is written.
    auto echo = inbound(3, u"client"_qs, fay, intake_json::toJson(*s.held(fay)), release.uuid);
    const QDateTime stamp = s.held(fay)->updatedAt;
    s.clock.advanceSeconds(60);
    CHECK(s.apply({echo}, 3).unchanged == 1);
    CHECK(s.held(fay)->updatedAt == stamp);

    // Edited here and not pushed yet: the local value stays, and so does the older base version.
    ClientProfile edited = *s.held(fay);
    edited.lastName = u"Local-edit"_qs;
    REQUIRE_OK(ClientRecords(*s.vault).update(edited));
    auto fromServer = echo;
    fromServer.fields.insert(u"LastName"_qs, u"Server-edit"_qs);
    fromServer.version = 2;
    CHECK(s.apply({fromServer}, 4).keptLocal == 1);
    CHECK(s.held(fay)->lastName == u"Local-edit");
    CHECK(SyncState(*s.vault).serverVersions({fay}).value().value(fay) == 1);

    // No Sharing here: neither an update nor a restriction touches the client.
    ClientProfile nedAtServer = *s.held(ned);
    nedAtServer.firstName = u"Overwritten"_qs;
    auto update = inbound(5, u"client"_qs, ned, intake_json::toJson(nedAtServer), newId());
    const InboundRecord restriction {6, u"client"_qs, ned, u"restrict"_qs, {}, 0};
    const auto outcome = s.apply({update, restriction}, 6);
    CHECK(outcome.ignored == 2);
    CHECK(s.held(ned)->firstName == u"Ned");
}

TEST_CASE("a removal the consent asked for comes back from the server and clears nothing held here", "[sync][pull]")
{
    PullStore s;
    const QString ann = s.client(u"Ann"_qs, u"Anonymous"_qs);
    const auto release = s.record(ann, SharingChoice::Anonymous);
    s.pushedAll({ann});
    // The server holds the profile with the name removed (this workstation's explicit nulls), and another
    // field changed elsewhere: the change lands, the name typed here stays.
    QJsonObject atServer = intake_json::toJson(*s.held(ann));
    atServer.insert(u"FirstName"_qs, QJsonValue::Null);
    atServer.insert(u"LastName"_qs, QJsonValue::Null);
    atServer.insert(u"VeteranStatus"_qs, 1);
    auto removal = inbound(3, u"client"_qs, ann, atServer, release.uuid);
    removal.version = 2;
    CHECK(s.apply({removal}, 3).applied == 1);
    CHECK(s.held(ann)->firstName == u"Ann");
    CHECK(s.held(ann)->lastName == u"Anonymous");
    CHECK(s.held(ann)->veteranStatus == 1);
}

TEST_CASE("delete and restrict drop what the server no longer shares", "[sync][pull]")
{
    PullStore s;
    Remote r;
    s.apply({r.clientRecord(1), r.releaseRecord(2), r.enrollmentRecord(3), r.serviceRecord(4)}, 4);
    REQUIRE(s.held(r.client));
    REQUIRE(ClientSearch(*s.vault).search(SearchQuery::fromFreeText(u"Rosa Remote"_qs)).value().size() == 1);

    CHECK(s.apply({{5, u"service"_qs, r.service, u"delete"_qs, {}, 0}}, 5).dropped == 1);
    CHECK(ServiceRecords(*s.vault).forEnrollment(r.enrollment).value().empty());

    CHECK(s.apply({{6, u"client"_qs, r.client, u"restrict"_qs, {}, 0}}, 6).dropped == 1);
    CHECK_FALSE(s.held(r.client));
    CHECK(EnrollmentRecords(*s.vault).forClient(r.client).value().empty());
    CHECK(ConsentRecords(*s.vault).history(r.client).value().empty());
    CHECK(ClientSearch(*s.vault).search(SearchQuery::fromFreeText(u"Rosa Remote"_qs)).value().empty());
    CHECK(SyncState(*s.vault).serverVersions({r.client, r.enrollment}).value().isEmpty());
}

TEST_CASE("conflicts are kept until the server stops listing them; resolving marks the change for the push",
          "[sync][conflicts]")
{
    PullStore s;
    const QString fay = s.client(u"Fay"_qs, u"Full"_qs);
    s.record(fay, SharingChoice::FullSharing);
    s.pushedAll({fay});
    SyncInbox inbox(*s.vault);
    SyncConflict first {
        u"k-1"_qs, u"client"_qs, fay, {}, {}, u"FirstName"_qs, QJsonValue(u"Faye"_qs), QJsonValue(u"Fay"_qs),
        {},        {},           {}};
    SyncConflict second = first;
    second.conflictId = u"k-2"_qs;
    second.field = u"Alias"_qs;
    second.serverValue = u"Fifi"_qs;
    second.deviceValue = u"Effie"_qs;
    CHECK(inbox.addConflicts({first, second}).value());
    CHECK_FALSE(inbox.addConflicts({first}).value()); // already known
    auto open = SyncConflicts(*s.vault).open();
    REQUIRE_OK(open);
    REQUIRE(open->size() == 2);
    CHECK(open->front().clientUuid == fay);
    CHECK(open->front().clientLabel == u"Fay Full");
    CHECK(open->front().serverValue.toString() == u"Faye");

    // The server lists only the second now: the first was settled at another workstation.
    CHECK(inbox.replaceConflicts({second}).value());
    REQUIRE(SyncConflicts(*s.vault).openCount().value() == 1);

    // A value the record cannot hold (a number for a name) is refused with nothing changed.
    CHECK_FALSE(SyncConflicts(*s.vault).resolve(u"k-2"_qs, ConflictChoice::NewValue, QJsonValue(7)).ok());
    CHECK(SyncConflicts(*s.vault).openCount().value() == 1);
    CHECK(SyncState(*s.vault).pendingCount().value() == 0);

    REQUIRE_OK(SyncConflicts(*s.vault).resolve(u"k-2"_qs, ConflictChoice::KeepServer));
    CHECK(SyncConflicts(*s.vault).openCount().value() == 0);
    CHECK(s.held(fay)->alias == u"Fifi");
    const auto pending = SyncState(*s.vault).pendingChanges(10).value();
    REQUIRE(pending.size() == 1);
    CHECK(pending.front().fields.value(u"Alias").toString() == u"Fifi");
    CHECK(inbox.resolutionsFor({pending.front().seq}).value().value(pending.front().seq) == u"k-2");
    // Until the push delivers it, the server may still list it: it stays settled here.
    CHECK_FALSE(inbox.replaceConflicts({second}).value());
    CHECK(SyncConflicts(*s.vault).openCount().value() == 0);
    CHECK(SyncConflicts(*s.vault).resolve(u"k-2"_qs, ConflictChoice::KeepDevice).error().code == ErrorCode::NotFound);

    AuditFilter filter;
    filter.action = QString::fromLatin1(audit::SyncConflictResolve);
    const auto entries = AuditReader(*s.vault).query(filter).value();
    REQUIRE(entries.size() == 1);
    CHECK(entries.front().detail == u"field Alias: kept the server value");

    // Once the server answered for that change, the mark is forgotten.
    REQUIRE_OK(SyncState(*s.vault).recordPushed(pending.front().seq, {}, 1));
    REQUIRE_OK(inbox.clearDeliveredResolutions());
    CHECK(inbox.resolutionsFor({pending.front().seq}).value().isEmpty());
}

TEST_CASE("a pulled restriction or delete never destroys what was entered here: kept, held back, audited",
          "[sync][pull]")
{
    PullStore s;
    Remote r;
    s.apply({r.clientRecord(1), r.releaseRecord(2), r.enrollmentRecord(3), r.serviceRecord(4)}, 4);
    REQUIRE(s.held(r.client));
    // Entered here and not sent yet: a stay in this agency's shelter with a bed night, and a release with a
    // scanned form.
    s.clock.advanceSeconds(60);
    const QString localStay = s.enroll(r.client, s.shelter.uuid, QDate(2026, 1, 4));
    auto night = ServiceRecords(*s.vault).checkIn({localStay}, QDate(2026, 1, 4));
    REQUIRE_OK(night);
    const QString localNight = night->front().uuid;
    ConsentAttachments form;
    form.scannedForm = QByteArray("%PDF-1.4 signed at this desk");
    form.scannedFormType = u"application/pdf"_qs;
    form.scannedFormName = u"roi.pdf"_qs;
    s.clock.advanceSeconds(60);
    auto local
        = ConsentRecords(*s.vault).record(releaseFor(r.client, SharingChoice::FullSharing, s.clock.today()), form);
    REQUIRE_OK(local);

    s.clock.advanceSeconds(60);
    const InboxOutcome outcome = s.apply({{5, u"client"_qs, r.client, u"restrict"_qs, {}, 0}}, 5);
    CHECK(outcome.dropped == 1);
    CHECK(outcome.heldBack == 1);
    // What came from the server is gone; what was entered here stays, with the profile it needs.
    CHECK(ServiceRecords(*s.vault).forEnrollment(r.enrollment).value().empty());
    const auto stays = EnrollmentRecords(*s.vault).forClient(r.client).value();
    REQUIRE(stays.size() == 1);
    CHECK(stays.front().uuid == localStay);
    const auto services = ServiceRecords(*s.vault).forEnrollment(localStay);
    REQUIRE_OK(services);
    REQUIRE(services->size() == 1);
    CHECK(services->front().uuid == localNight);
    REQUIRE(s.held(r.client));
    CHECK(ConsentRecords(*s.vault).attachments(local->uuid).value().scannedForm == form.scannedForm);
    const auto history = ConsentRecords(*s.vault).history(r.client).value();
    REQUIRE(history.size() == 1);
    CHECK(history.front().uuid == local->uuid);
    AuditFilter heldFilter;
    heldFilter.action = u"sync.held-back"_qs;
    const auto audited = AuditReader(*s.vault).query(heldFilter).value();
    REQUIRE(audited.size() == 1);
    CHECK(audited.front().recordUuid == r.client);

    // Held back: the gate sends none of it to the server until the client signs a release after this.
    const auto gate = [&] {
        const auto log = s.changeLog();
        const auto disclosures = ConsentGate(*s.vault).review(log, Audience::centralServer()).value();
        bool anyAllowed = false;
        for (size_t i = 0; i < log.size(); ++i)
            if (log[i].entityUuid == localNight)
                anyAllowed |= disclosures[i].allowed();
        return anyAllowed;
    };
    CHECK_FALSE(gate());
    s.record(r.client, SharingChoice::FullSharing);
    CHECK(gate());
}

TEST_CASE("a pulled delete of a record edited here keeps it; a record filed under another client is refused",
          "[sync][pull]")
{
    PullStore s;
    Remote r;
    s.apply({r.clientRecord(1), r.releaseRecord(2), r.enrollmentRecord(3), r.serviceRecord(4)}, 4);
    auto stay = EnrollmentRecords(*s.vault).forClient(r.client).value().front();
    stay.disablingCondition = 1;
    s.clock.advanceSeconds(60);
    REQUIRE_OK(EnrollmentRecords(*s.vault).update(stay));
    const InboxOutcome outcome = s.apply({{5, u"enrollment"_qs, r.enrollment, u"delete"_qs, {}, 0}}, 5);
    CHECK(outcome.heldBack == 1);
    REQUIRE(EnrollmentRecords(*s.vault).forClient(r.client).value().size() == 1);
    CHECK(EnrollmentRecords(*s.vault).forClient(r.client).value().front().disablingCondition == 1);
    CHECK(ServiceRecords(*s.vault).forEnrollment(r.enrollment).value().size() == 1);

    // The server names another client for the stay this workstation holds under Rosa: refused, unchanged.
    Remote other;
    InboundRecord otto = other.clientRecord(6, u"Otto"_qs);
    otto.fields.insert(u"CaseNumber"_qs, u"REMOT-00002"_qs);
    s.apply({otto, other.releaseRecord(7)}, 7);
    InboundRecord moved = r.enrollmentRecord(8);
    moved.fields.insert(u"PersonalID"_qs, other.client);
    moved.fields.insert(u"EntryDate"_qs, u"2026-01-01"_qs);
    moved.version = 2;
    CHECK(s.apply({moved}, 8).failed == 1);
    const auto stays = EnrollmentRecords(*s.vault).forClient(r.client);
    REQUIRE_OK(stays);
    REQUIRE(stays->size() == 1);
    CHECK(stays->front().entryDate == QDate(2026, 1, 2));
}
