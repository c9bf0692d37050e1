// The audit log: append-only in SQL, hash-chained so that edits made around SQL (by someone holding
// the data key) are found, and filterable the way the audit viewer filters it.
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/UserAdministration.h"
#include "core/vault/OpenStore.h"
#include "tests/core/CoreTestSupport.h"
#include "tests/core/RawSqlite.h"

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

/// A store with a few audited actions by two users; the administrator is signed in.
struct AuditedStore : TestStore
{
    QString clientUuid;
    AuditedStore()
    {
        create();
        REQUIRE_OK(UserAdministration(*vault).addUser(u"bo.staff"_qs, {}, Role::AgencyStaff, kOtherPassword));
        auto client = ClientRecords(*vault).create(u"Audra"_qs, u"Trail"_qs);
        REQUIRE_OK(client);
        clientUuid = client->uuid;
        REQUIRE_OK(ClientRecords(*vault).open(clientUuid));
        REQUIRE_OK(vault->openStore().recordAudit(QString::fromLatin1(audit::Print), u"client"_qs, clientUuid));
    }

    AuditVerification verify()
    {
        auto v = AuditReader(*vault).verify();
        REQUIRE_OK(v);
        return v.value();
    }
    qint64 lastSeq()
    {
        auto entries = AuditReader(*vault).query({});
        REQUIRE_OK(entries);
        REQUIRE_FALSE(entries->empty());
        return entries->front().seq;
    }
    /// Signs out, runs @p sql against the raw database with the append-only triggers dropped, signs back in.
    void tamper(const QByteArray& sql)
    {
        vault->signOut();
        {
            const SecretBytes key = dataKey();
            RawSqlite raw(databasePath(), &key);
            REQUIRE(raw.openCode() == SQLITE_OK);
            REQUIRE(raw.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete") == SQLITE_OK);
            INFO(sql.toStdString());
            REQUIRE(raw.exec(sql.constData()) == SQLITE_OK);
            REQUIRE(sqlite3_changes(raw.handle()) == 1);
        }
        REQUIRE_OK(vault->signIn(kAdminLogin, kAdminPassword));
    }
};

} // namespace

TEST_CASE("the audit chain verifies after a run of ordinary work", "[audit]")
{
    AuditedStore s;
    s.switchTo(u"bo.staff"_qs, kOtherPassword);
    REQUIRE_OK(s.vault->changePassword(kOtherPassword, kThirdPassword));
    s.vault->lock();
    REQUIRE_OK(s.vault->unlock(kThirdPassword));
    s.switchTo(kAdminLogin, kAdminPassword);

    const AuditVerification v = s.verify();
    CHECK(v.intact);
    CHECK(v.firstBrokenSeq == 0);
    CHECK(v.entriesChecked == s.lastSeq());
    CHECK(v.entriesChecked >= 10);
}

TEST_CASE("changing an audit entry is found at that entry", "[audit][tamper]")
{
    AuditedStore s;
    const qint64 middle = s.lastSeq() / 2;
    REQUIRE(middle > 1);
    s.tamper("UPDATE audit_log SET user_login = 'someone.else' WHERE seq = " + QByteArray::number(middle));

    const AuditVerification v = s.verify();
    CHECK_FALSE(v.intact);
    CHECK(v.firstBrokenSeq == middle);
    CHECK(v.entriesChecked == middle - 1);
    CHECK_FALSE(v.problem.isEmpty());
}

TEST_CASE("removing an audit entry from the middle is found", "[audit][tamper]")
{
    AuditedStore s;
    const qint64 middle = s.lastSeq() / 2;
    s.tamper("DELETE FROM audit_log WHERE seq = " + QByteArray::number(middle));

    const AuditVerification v = s.verify();
    CHECK_FALSE(v.intact);
    CHECK(v.firstBrokenSeq == middle);
}

TEST_CASE("removing the newest audit entry is found, even after more entries were added", "[audit][tamper]")
{
    AuditedStore s;
    const qint64 last = s.lastSeq() + 1; // tamper() signs out first: that entry is the newest one
    s.tamper("DELETE FROM audit_log WHERE seq = " + QByteArray::number(last));
    // Signing back in (inside tamper) appended new entries after the gap.
    REQUIRE_OK(s.vault->openStore().recordAudit(QString::fromLatin1(audit::Print)));

    const AuditVerification v = s.verify();
    CHECK_FALSE(v.intact);
    CHECK(v.firstBrokenSeq == last);
}

TEST_CASE("a forged audit entry is found", "[audit][tamper]")
{
    AuditedStore s;
    const qint64 last = s.lastSeq() + 1; // tamper() signs out first, which appends one entry
    const QByteArray forged
        = QByteArray("INSERT INTO audit_log (seq, at, user_login, action, prev_hash, hash) SELECT seq + 1, at, "
                     "'ghost', 'export', hash, randomblob(32) FROM audit_log WHERE seq = ")
        + QByteArray::number(last);
    s.tamper(forged);

    const AuditVerification v = s.verify();
    CHECK_FALSE(v.intact);
    CHECK(v.firstBrokenSeq == last + 1);
}

TEST_CASE("the audit log refuses UPDATE and DELETE through SQL", "[audit]")
{
    AuditedStore s;
    const qint64 last = s.lastSeq() + 1; // plus the sign-out entry
    s.vault->signOut();
    const SecretBytes key = s.dataKey();
    RawSqlite raw(s.databasePath(), &key);
    REQUIRE(raw.openCode() == SQLITE_OK);

    CHECK(raw.exec("UPDATE audit_log SET detail = 'edited' WHERE seq = 2") == SQLITE_CONSTRAINT);
    CHECK(raw.errorMessage().contains(u"append-only"_qs));
    CHECK(raw.exec("DELETE FROM audit_log WHERE seq = 2") == SQLITE_CONSTRAINT);
    CHECK(raw.exec("DELETE FROM audit_log") == SQLITE_CONSTRAINT);
    CHECK(raw.integer("SELECT count(*) FROM audit_log") == last);
    CHECK(raw.text("SELECT detail FROM audit_log WHERE seq = 2") != u"edited"_qs);
}

TEST_CASE("the audit filter narrows by user, action, record and time", "[audit][filter]")
{
    TestStore s;
    s.create(); // day 0: store.create, sign-in.success by the admin
    const QDateTime day0 = s.clock.now();
    const UserRecord bo
        = UserAdministration(*s.vault).addUser(u"bo.staff"_qs, {}, Role::AgencyStaff, kOtherPassword).value();

    s.clock.advanceSeconds(24 * 3600); // day 1: bo works on two clients
    const QDateTime day1 = s.clock.now();
    s.switchTo(u"bo.staff"_qs, kOtherPassword);
    REQUIRE_OK(s.vault->changePassword(kOtherPassword, kThirdPassword));
    const QString first = ClientRecords(*s.vault).create(u"Fern"_qs, u"Filter"_qs).value().uuid;
    const QString second = ClientRecords(*s.vault).create(u"Gus"_qs, u"Filter"_qs).value().uuid;
    REQUIRE_OK(ClientRecords(*s.vault).open(first));

    s.clock.advanceSeconds(24 * 3600); // day 2: the admin views the first client
    const QDateTime day2 = s.clock.now();
    s.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE_OK(ClientRecords(*s.vault).open(first));
    AuditReader reader(*s.vault);

    AuditFilter byUser;
    byUser.userLogin = u"BO.STAFF"_qs; // logins match without regard to case
    auto entries = reader.query(byUser);
    REQUIRE_OK(entries);
    REQUIRE_FALSE(entries->empty());
    for (const AuditEntry& e : *entries)
        CHECK(e.userLogin == u"bo.staff"_qs);
    QStringList actions;
    for (const AuditEntry& e : *entries)
        actions.prepend(e.action);
    CHECK(actions
          == QStringList {u"sign-in.success"_qs, u"user.password-change"_qs, u"record.create"_qs, u"record.create"_qs,
                          u"record.view"_qs, u"sign-out"_qs});

    AuditFilter userActions;
    userActions.action = u"user."_qs;
    entries = reader.query(userActions);
    REQUIRE_OK(entries);
    REQUIRE(entries->size() == 2);
    CHECK(entries->at(0).action == u"user.password-change"_qs);
    CHECK(entries->at(1).action == u"user.create"_qs);
    CHECK(entries->at(1).recordUuid == bo.uuid);
    AuditFilter exact;
    exact.action = u"record.view"_qs;
    entries = reader.query(exact);
    REQUIRE_OK(entries);
    CHECK(entries->size() == 2);

    AuditFilter byRecord;
    byRecord.recordUuid = first;
    entries = reader.query(byRecord);
    REQUIRE_OK(entries);
    REQUIRE(entries->size() == 3); // created, viewed by bo, viewed by the admin
    CHECK(entries->at(0).userLogin == kAdminLogin);
    CHECK(entries->at(2).action == u"record.create"_qs);
    byRecord.recordUuid = second;
    CHECK(reader.query(byRecord).value().size() == 1);

    AuditFilter dayOne;
    dayOne.from = day1;
    dayOne.to = day2; // exclusive
    entries = reader.query(dayOne);
    REQUIRE_OK(entries);
    REQUIRE_FALSE(entries->empty());
    for (const AuditEntry& e : *entries) {
        CHECK(e.at >= day1);
        CHECK(e.at < day2);
    }
    CHECK(entries->size() == 6); // the admin's sign-out, then bo's work (bo signs out on day 2)

    AuditFilter beforeDayOne;
    beforeDayOne.to = day1;
    entries = reader.query(beforeDayOne);
    REQUIRE_OK(entries);
    for (const AuditEntry& e : *entries)
        CHECK(e.at == day0);
    CHECK(entries->size() == 3); // store.create, sign-in.success, user.create

    AuditFilter limited;
    limited.limit = 2;
    CHECK(reader.query(limited).value().size() == 2);
}
