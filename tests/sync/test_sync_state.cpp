// Sync state in the encrypted store (schema v6): the upgrade from a compliance-era file, the
// registration with its token, the push cursor that only the server's answer moves, server versions,
// the last outcome, and re-deliveries.
#include "core/services/AuditReader.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/syncstate/SyncState.h"
#include "tests/consent/ConsentTestSupport.h"

using namespace hearth;
using namespace hearth::test;

TEST_CASE("upgrading a compliance (version 5) database adds the sync tables and keeps the change log",
          "[sync][migrations]")
{
    TempDir dir;
    const QString path = dir.file(u"hearth-1.db"_qs);
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    auto db = createDatabase(path, key);
    REQUIRE_OK(migrate(*db, 5));
    CHECK_FALSE(db->exec(u"SELECT count(*) FROM sync_registration"_qs).ok());
    execOk(*db,
           u"INSERT INTO change_log (entity, entity_uuid, operation, changed_at, changed_by, fields) VALUES "
           "('client', 'c-1', 'insert', '2026-01-05T09:00:00.000Z', 'old.timer', '{\"PersonalID\":\"c-1\"}');"
           "INSERT INTO change_cursors (consumer, last_seq, updated_at) VALUES ('sync.push', 0, 't')"_qs);
    REQUIRE_OK(migrate(*db, 6));
    CHECK(db->userVersion() == 6);
    for (const char* table : {"sync_registration", "sync_versions", "sync_status", "sync_redeliveries"}) {
        INFO(table);
        CHECK(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"_qs
                         + QString::fromLatin1(table) + u"'"_qs)
                  .value()
                  .toInt()
              == 1);
    }
    CHECK(db->scalar(u"SELECT count(*) FROM change_log"_qs).value().toInt() == 1);
    CHECK(db->scalar(u"SELECT count(*) FROM change_cursors"_qs).value().toInt() == 1);
    REQUIRE_OK(migrate(*db, 6)); // again: nothing to do
    CHECK(db->userVersion() == 6);
}

namespace {
SyncRegistration registrationAt(const QDateTime& now)
{
    SyncRegistration r;
    r.serverUrl = u"https://hmis.example.org"_qs;
    r.deviceId = u"device-7"_qs;
    r.token = u"secret-token-value"_qs;
    r.tokenExpiresAt = now.addDays(30);
    r.agency = u"HH"_qs;
    r.leaseDays = 30;
    r.registeredAt = now;
    r.registeredBy = kAdminLogin;
    return r;
}

std::vector<AuditEntry> auditOf(Vault& vault, const QString& action)
{
    AuditFilter filter;
    filter.action = action;
    auto entries = AuditReader(vault).query(filter);
    REQUIRE_OK(entries);
    return std::move(entries).value();
}

QStringList allAuditDetails(Vault& vault)
{
    QStringList out;
    for (const AuditEntry& e : auditOf(vault, u"sync."_qs))
        out << e.detail << e.recordUuid;
    return out;
}
} // namespace

TEST_CASE("the registration is kept in the store, audited without its token, and survives a lock", "[sync]")
{
    ConsentStore s;
    SyncState state(*s.vault);
    auto none = state.registration();
    REQUIRE_OK(none);
    CHECK_FALSE(none->has_value());

    auto id = state.devicePublicId();
    REQUIRE_OK(id);
    auto again = state.devicePublicId();
    REQUIRE_OK(again);
    CHECK(*id == *again); // made once

    REQUIRE_OK(state.saveRegistration(registrationAt(s.clock.now())));
    s.switchTo(kAdminLogin, kAdminPassword);
    auto back = state.registration();
    REQUIRE_OK(back);
    REQUIRE(back->has_value());
    CHECK((*back)->deviceId == u"device-7");
    CHECK((*back)->token == u"secret-token-value");
    CHECK((*back)->tokenExpiresAt == s.clock.now().addDays(30));
    CHECK_FALSE((*back)->tokenExpired(s.clock.now()));
    CHECK((*back)->tokenExpired(s.clock.now().addDays(31)));

    // Audited, and the token is nowhere in the audit log.
    CHECK(auditOf(*s.vault, u"sync.register"_qs).size() == 1);
    CHECK_FALSE(allAuditDetails(*s.vault).join(u' ').contains(u"secret-token"));

    REQUIRE_OK(state.forgetToken());
    auto forgotten = state.registration();
    REQUIRE_OK(forgotten);
    CHECK((*forgotten)->token.isEmpty());
    CHECK((*forgotten)->deviceId == u"device-7"); // same device on the next sign-in
}

TEST_CASE("registering the workstation needs agency settings; staff may push", "[sync]")
{
    ConsentStore s;
    s.addUser(u"sam.staff"_qs, Role::AgencyStaff, kThirdPassword);
    s.switchTo(u"sam.staff"_qs, kThirdPassword);
    SyncState state(*s.vault);
    CHECK(state.saveRegistration(registrationAt(s.clock.now())).error().code == ErrorCode::PermissionDenied);
    REQUIRE_OK(state.pendingChanges(10));
}

TEST_CASE("the push cursor moves only when a batch is recorded, with the server versions", "[sync]")
{
    ConsentStore s;
    const QString ana = s.client(u"Ana"_qs, u"Reyes"_qs);
    const QString ben = s.client(u"Ben"_qs, u"Stone"_qs);
    SyncState state(*s.vault);
    auto pending = state.pendingChanges(500);
    REQUIRE_OK(pending);
    const qsizetype total = qsizetype(pending->size());
    REQUIRE(total >= 2);
    CHECK(state.pendingCount().value() == total);

    auto first = state.pendingChanges(1);
    REQUIRE_OK(first);
    REQUIRE(first->size() == 1);
    const qint64 seq = first->front().seq;
    CHECK(state.pendingChanges(1).value().front().seq == seq); // reading does not move it

    REQUIRE_OK(state.recordPushed(seq, {{u"client"_qs, ana, 3, 41}}, 1));
    CHECK(state.pushCursor().value() == seq);
    CHECK(state.pendingCount().value() == total - 1);
    auto versions = state.serverVersions({ana, ben});
    REQUIRE_OK(versions);
    CHECK(versions->value(ana) == 3);
    CHECK_FALSE(versions->contains(ben));

    // A replayed, older answer never lowers a known version; the cursor never goes back.
    REQUIRE_OK(state.recordPushed(seq, {{u"client"_qs, ana, 2, 40}}, 0));
    CHECK(state.serverVersions({ana}).value().value(ana) == 3);
    CHECK_FALSE(state.recordPushed(seq - 1, {}, 0).ok());
}

TEST_CASE("changes waiting count only what the consent gate will offer; No Sharing changes stay here", "[sync]")
{
    ConsentStore s;
    const QString fay = s.client(u"Fay"_qs, u"Full"_qs);
    s.record(fay, SharingChoice::FullSharing);
    s.enroll(fay, s.shelter.uuid);
    const QString ned = s.client(u"Ned"_qs, u"Nosharing"_qs);
    s.record(ned, SharingChoice::NoSharing);
    s.enroll(ned, s.shelter.uuid);
    qint64 fayRows = 0;
    qint64 nedRows = 0;
    qint64 agencyRows = 0; // the shelter project: agency data, no client
    for (const ChangeRecord& c : s.changeLog()) {
        const QString owner = c.entity == u"client" ? c.entityUuid : c.fields.value(u"PersonalID").toString();
        fayRows += owner == fay;
        nedRows += owner == ned;
        agencyRows += owner.isEmpty();
    }
    REQUIRE(fayRows >= 3);
    REQUIRE(nedRows >= 3);

    SyncState state(*s.vault);
    auto pending = state.pendingByConsent();
    REQUIRE_OK(pending);
    CHECK(pending->offered == fayRows + agencyRows);
    CHECK(pending->keptHere == nedRows);
    CHECK(pending->offered + pending->keptHere == state.pendingCount().value());

    // Fay withdraws: her waiting changes now stay here too.
    s.clock.advanceSeconds(60);
    REQUIRE_OK(ConsentRecords(*s.vault).revoke(fay, u"asked at the desk"_qs));
    pending = state.pendingByConsent();
    REQUIRE_OK(pending);
    CHECK(pending->offered == agencyRows);
    CHECK(pending->keptHere == state.pendingCount().value() - agencyRows);
}

TEST_CASE("the last outcome: an error in plain words until the next success", "[sync]")
{
    ConsentStore s;
    SyncState state(*s.vault);
    REQUIRE_OK(state.recordFailure(u"network"_qs, u"The server could not be reached."_qs, false));
    auto failed = state.outcome();
    REQUIRE_OK(failed);
    CHECK(failed->lastError == u"The server could not be reached.");
    CHECK_FALSE(failed->lastContactAt);
    CHECK_FALSE(failed->lastSuccessAt);

    s.clock.advanceSeconds(60);
    REQUIRE_OK(state.recordSuccess());
    auto ok = state.outcome();
    REQUIRE_OK(ok);
    CHECK(ok->lastSuccessAt == s.clock.now());
    CHECK(ok->lastError.isEmpty());
}

TEST_CASE("a refusal is audited with counts only", "[sync]")
{
    ConsentStore s;
    SyncState state(*s.vault);
    REQUIRE_OK(state.recordRefusal(u"A record marked No Sharing was about to be sent."_qs, 12));
    const auto entries = auditOf(*s.vault, u"sync.refused-marker"_qs);
    REQUIRE(entries.size() == 1);
    CHECK(entries.front().detail == u"batch of 12 changes not sent");
    CHECK(state.outcome().value().lastErrorCode == u"refused-marker");
}

TEST_CASE("a re-delivery covers every record of the client at its newest state", "[sync]")
{
    ConsentStore s;
    const QString ana = s.client(u"Ana"_qs, u"Reyes"_qs);
    const QString other = s.client(u"Ola"_qs, u"Berg"_qs);
    s.record(ana, SharingChoice::FullSharing);
    const QString enrollment = s.enroll(ana, s.shelter.uuid);
    s.enroll(other, s.shelter.uuid);
    SyncState state(*s.vault);
    auto latest = state.latestChangesOf(ana);
    REQUIRE_OK(latest);
    QSet<QString> uuids;
    for (const ChangeRecord& c : *latest)
        uuids.insert(c.entityUuid);
    CHECK(uuids.contains(ana));
    CHECK(uuids.contains(enrollment));
    CHECK_FALSE(uuids.contains(other));
    CHECK(qsizetype(uuids.size()) == qsizetype(latest->size())); // one row per record

    const qint64 cursor = state.pendingChanges(1).value().front().seq;
    REQUIRE_OK(state.recordPushed(cursor, {}, 0, {{ana, u"release-2"_qs, s.clock.now()}}));
    REQUIRE(state.redeliveries().value().size() == 1);
    REQUIRE_OK(state.finishRedelivery(ana, {}, 2));
    CHECK(state.redeliveries().value().empty());
}
