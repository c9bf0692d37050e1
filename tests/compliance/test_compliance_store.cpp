// Compliance storage: the v5 migration of a consent-era store, and the repository's rows (runs as
// encrypted JSON with their signature, findings open and resolved, the compliance settings).
#include "core/store/ComplianceRepository.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/store/Store.h"
#include "tests/compliance/RunTestSupport.h"
#include "tests/core/CoreTestSupport.h"

using namespace hearth;
using namespace hearth::test;
using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {
const QDateTime kStoredRunStarted(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC);

ComplianceRun storedRun(const QString& uuid, const QStringList& failing, int minutesLater = 0)
{
    ComplianceRun run = answeredRun(AuditKind::SelfAudit, failing, kStoredRunStarted);
    run.uuid = uuid;
    run.completedAt = kStoredRunStarted.addSecs(60 * (10 + minutesLater));
    run.officerLogin = u"sue.site"_qs;
    run.officerName = u"Sue Site"_qs;
    run.agencyName = u"Harbor House"_qs;
    return run;
}

QList<Finding> findingsWithIds(const ComplianceRun& run, const QDate& openedOn)
{
    QList<Finding> out = findingsOf(run, openedOn);
    for (Finding& f : out)
        f.uuid = run.uuid + u"-"_qs + f.itemId;
    return out;
}
} // namespace

TEST_CASE("upgrading a consent (version 4) database adds the compliance tables and keeps the releases",
          "[compliance][migrations]")
{
    TempDir dir;
    const QString path = dir.file(u"hearth-1.db"_qs);
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    {
        auto db = createDatabase(path, key);
        REQUIRE_OK(migrate(*db, 4));
        REQUIRE(db->userVersion() == 4);
        CHECK_FALSE(db->exec(u"SELECT count(*) FROM compliance_runs"_qs).ok()); // not there yet
        execOk(*db,
               u"INSERT INTO clients (uuid, first_name, last_name, created_at, updated_at, updated_by, case_number, "
               "data) VALUES ('c-1', 'Vee', 'Old', 't', 't', 'old.timer', 'A1', '{}');"
               "INSERT INTO consents (uuid, client_uuid, kind, data, recorded_at, expires_on) VALUES "
               "('r-1', 'c-1', 'hmis', '{\"ReleaseID\":\"r-1\"}', '2026-01-05T09:00:00.000Z', '2028-01-05');"
               "INSERT INTO settings (key, value, updated_at, updated_by) VALUES "
               "('consent', '{\"expiryMonths\":24}', 't', 'old.timer')"_qs);
        REQUIRE_OK(migrate(*db));
        CHECK(db->userVersion() >= 5);
        CHECK(db->userVersion() == latestSchemaVersion());
        for (const char* table : {"compliance_runs", "compliance_findings"}) {
            INFO(table);
            CHECK(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"_qs
                             + QString::fromLatin1(table) + u"'"_qs)
                      .value()
                      .toInt()
                  == 1);
        }
        CHECK(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                         "'compliance_findings_open'"_qs)
                  .value()
                  .toInt()
              == 1);
        CHECK(db->scalar(u"SELECT count(*) FROM consents"_qs).value().toInt() == 1);
        CHECK(db->scalar(u"SELECT value FROM settings WHERE key = 'consent'"_qs).value().toString()
              == u"{\"expiryMonths\":24}"_qs);
        REQUIRE_OK(migrate(*db)); // again: nothing to do
        CHECK(db->userVersion() >= 5);
    }
    auto store = Store::open(path, key);
    REQUIRE_OK(store);
    ComplianceRepository repo(**store);
    const ComplianceRun run = storedRun(u"run-1"_qs, {u"firewall-active"_qs});
    REQUIRE_OK(repo.insertRun(run));
    auto back = repo.findRun(u"run-1"_qs);
    REQUIRE_OK(back);
    REQUIRE(back->has_value());
    CHECK((*back)->signaturePng == signatureBytes());
    // A finding must belong to a run that exists.
    Finding orphan = findingsWithIds(run, QDate(2026, 3, 2)).front();
    orphan.runUuid = u"no-such-run"_qs;
    CHECK_FALSE(repo.insertFinding(orphan).ok());
}

TEST_CASE("the compliance repository keeps runs, findings and settings", "[compliance][store]")
{
    TempDir dir;
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    auto created = Store::create(dir.file(u"hearth-1.db"_qs), key);
    REQUIRE_OK(created);
    Store& store = **created;
    ComplianceRepository repo(store);

    const ComplianceRun older = storedRun(u"run-a"_qs, {u"firewall-active"_qs, u"printer-secure"_qs});
    const ComplianceRun newer = storedRun(u"run-b"_qs, {u"screen-lock"_qs}, 60);
    REQUIRE_OK(repo.insertRun(older));
    REQUIRE_OK(repo.insertRun(newer));
    CHECK_FALSE(repo.insertRun(older).ok()); // the uuid is the key

    auto runs = repo.runs();
    REQUIRE_OK(runs);
    REQUIRE(runs->size() == 2);
    CHECK(runs->front().uuid == u"run-b"_qs);
    CHECK(runs->back().signaturePng == signatureBytes());
    CHECK(runs->back().items.size() == older.items.size());
    CHECK(runs->back().count(Verdict::Fail) == 2);
    CHECK_FALSE(runs->back().sentToLeadAt.has_value());

    SECTION("marking a copy sent keeps the rest of the run")
    {
        const QDateTime sent(QDate(2026, 3, 3), QTime(8, 15), Qt::UTC);
        REQUIRE_OK(repo.markSentToLead(u"run-a"_qs, sent));
        auto back = repo.findRun(u"run-a"_qs);
        REQUIRE_OK(back);
        REQUIRE(back->has_value());
        CHECK((*back)->sentToLeadAt == sent);
        CHECK((*back)->signaturePng == signatureBytes());
        CHECK((*back)->notes == older.notes);
        CHECK(
            store.db().scalar(u"SELECT sent_to_lead_at FROM compliance_runs WHERE uuid = 'run-a'"_qs).value().toString()
            == u"2026-03-03T08:15:00.000Z"_qs);
        CHECK(repo.markSentToLead(u"run-x"_qs, sent).code() == ErrorCode::NotFound);
    }
    SECTION("findings: open ones by due date, then resolved ones newest first")
    {
        for (const Finding& f : findingsWithIds(older, QDate(2026, 3, 2)))
            REQUIRE_OK(repo.insertFinding(f));
        for (const Finding& f : findingsWithIds(newer, QDate(2026, 3, 1)))
            REQUIRE_OK(repo.insertFinding(f));
        auto all = repo.findings(false);
        REQUIRE_OK(all);
        QStringList order;
        for (const Finding& f : *all)
            order << f.itemId;
        CHECK(order == QStringList {u"screen-lock"_qs, u"firewall-active"_qs, u"printer-secure"_qs});

        auto found = repo.findFinding(u"run-a-firewall-active"_qs);
        REQUIRE_OK(found);
        REQUIRE(found->has_value());
        Finding f = **found;
        CHECK(f.dueOn == QDate(2026, 3, 9));
        f.resolvedAt = QDateTime(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);
        f.resolvedBy = u"sue.site"_qs;
        f.resolutionNote = u"enabled ufw"_qs;
        REQUIRE_OK(repo.resolveFinding(f));
        CHECK(repo.resolveFinding(f).code() == ErrorCode::NotFound); // already resolved

        auto open = repo.findings(true);
        REQUIRE_OK(open);
        REQUIRE(open->size() == 2);
        CHECK(open->front().itemId == u"screen-lock"_qs);
        all = repo.findings(false);
        REQUIRE_OK(all);
        REQUIRE(all->size() == 3);
        CHECK(all->back().uuid == f.uuid);
        CHECK(all->back().resolutionNote == u"enabled ufw"_qs);
        CHECK(all->back().resolvedAt == f.resolvedAt);
    }
    SECTION("settings default to no block and keep the agency's choice")
    {
        auto settings = repo.settings();
        REQUIRE_OK(settings);
        CHECK_FALSE(settings->blockClientsOnCriticalFailure);
        REQUIRE_OK(repo.setSettings(ComplianceSettings {true}, kStoredRunStarted, u"sue.site"_qs));
        settings = repo.settings();
        REQUIRE_OK(settings);
        CHECK(settings->blockClientsOnCriticalFailure);
    }
}
