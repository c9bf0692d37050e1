// ComplianceRecords over a real encrypted store: saving runs, findings and their due dates, resolving,
// reminders, who may do what, the agency's block on client records, and what the audit log keeps.
#include "core/services/AuditReader.h"
#include "core/services/ClientSearch.h"
#include "core/services/ComplianceRecords.h"
#include "tests/compliance/RunTestSupport.h"
#include "tests/core/IntakeTestSupport.h"

using namespace hearth;
using namespace hearth::test;
using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

// The built-in checklist's items these tests fail on purpose.
const QString kFirewall = QStringLiteral("firewall-active"); // automatic, critical
const QString kScreenLock = QStringLiteral("screen-lock"); // automatic, high
const QString kPublicDesk = QStringLiteral("workstation-not-public"); // attestation, critical

struct ComplianceStore : IntakeStore
{
    ComplianceRecords compliance {*vault};

    ComplianceRun save(AuditKind kind, const QStringList& failing)
    {
        auto saved = compliance.saveRun(answeredRun(kind, failing, clock.now()));
        REQUIRE_OK(saved);
        return *saved;
    }

    std::vector<Finding> findings(bool openOnly = false)
    {
        auto found = compliance.findings(openOnly);
        REQUIRE_OK(found);
        return *found;
    }

    const Finding& findingFor(const std::vector<Finding>& all, const QString& itemId)
    {
        const auto it = std::find_if(all.begin(), all.end(), [&](const Finding& f) { return f.itemId == itemId; });
        REQUIRE(it != all.end());
        return *it;
    }

    std::vector<AuditEntry> audits(const char* action = nullptr)
    {
        AuditFilter filter;
        if (action)
            filter.action = QString::fromLatin1(action);
        auto entries = AuditReader(*vault).query(filter);
        REQUIRE_OK(entries);
        return *entries;
    }

    void blockOnCritical(bool on)
    {
        ComplianceSettings s;
        s.blockClientsOnCriticalFailure = on;
        REQUIRE_OK(compliance.setSettings(s));
    }
};

} // namespace

TEST_CASE("a run is saved only when every item is answered and it is signed", "[compliance][records]")
{
    ComplianceStore s;
    ComplianceRun run = answeredRun(AuditKind::SelfAudit, {kFirewall}, s.clock.now());

    SECTION("an unanswered attestation refuses the run and stores nothing")
    {
        run.items[run.items.size() - 1].answer = Answer::Unanswered;
        auto saved = s.compliance.saveRun(run);
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.code() == ErrorCode::InvalidInput);
        CHECK(saved.message().contains(u"1 left"_qs));
    }
    SECTION("an automatic item Hearth could not check needs an answer too")
    {
        for (ItemOutcome& o : run.items) {
            if (o.itemId == kScreenLock)
                o.automatic = CheckResult::unknown(u"no desktop"_qs, u"answer it"_qs);
        }
        auto saved = s.compliance.saveRun(run);
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.code() == ErrorCode::InvalidInput);
    }
    SECTION("an unsigned run is refused")
    {
        run.signaturePng.clear();
        auto saved = s.compliance.saveRun(run);
        REQUIRE_FALSE(saved.ok());
        CHECK(saved.message().contains(u"Sign the checklist"_qs));
    }
    auto runs = s.compliance.runs();
    REQUIRE_OK(runs);
    CHECK(runs->empty());
    CHECK(s.findings().empty());
    CHECK(s.audits(audit::ComplianceRun).empty());
}

TEST_CASE("saving a run fills who, when and where, and opens a finding per failure", "[compliance][records]")
{
    ComplianceStore s;
    const QDateTime started = s.clock.now();
    const ComplianceRun answered = answeredRun(AuditKind::SelfAudit, {kFirewall, kScreenLock, kPublicDesk}, started);
    s.clock.advanceSeconds(20 * 60); // the officer takes twenty minutes over the attestations
    auto saved = s.compliance.saveRun(answered);
    REQUIRE_OK(saved);
    const ComplianceRun run = *saved;

    CHECK_FALSE(run.uuid.isEmpty());
    CHECK(run.startedAt == started);
    CHECK(run.completedAt == s.clock.now());
    CHECK(run.officerLogin == kAdminLogin);
    CHECK(run.officerName == u"Ana Admin"_qs);
    CHECK(run.agencyName == u"Harbor House"_qs);
    CHECK(run.count(Verdict::Fail) == 3);

    const std::vector<Finding> all = s.findings();
    REQUIRE(all.size() == 3);
    const QDate today = s.clock.today();
    for (const Finding& f : all) {
        INFO(f.itemId.toStdString());
        CHECK_FALSE(f.uuid.isEmpty());
        CHECK(f.runUuid == run.uuid);
        CHECK(f.openedOn == today);
        CHECK(f.dueOn == today.addDays(7));
        CHECK(f.isOpen());
    }
    CHECK(s.findingFor(all, kFirewall).severity == Severity::Critical);
    CHECK(s.findingFor(all, kFirewall).evidence == kSecretMarker + u": firewall-active"_qs);
    // An attestation answered No carries the officer's note as its evidence.
    CHECK(s.findingFor(all, kPublicDesk).evidence == kSecretMarker + u" note on workstation-not-public"_qs);
    // Same due date: the critical ones first.
    CHECK(all.back().itemId == kScreenLock);

    const auto audited = s.audits(audit::ComplianceRun);
    REQUIRE(audited.size() == 1);
    CHECK(audited.front().recordUuid == run.uuid);
    CHECK(audited.front().detail == u"self-audit; pass 19, fail 3, unknown 0, not applicable 0"_qs);

    SECTION("the HMIS Lead's visit gives 30 days, and soonest-due findings come first")
    {
        s.clock.advanceSeconds(24 * 3600);
        s.save(AuditKind::LeadVisit, {kScreenLock});
        const std::vector<Finding> open = s.findings(true);
        REQUIRE(open.size() == 4);
        CHECK(open.back().itemId == kScreenLock);
        CHECK(open.back().dueOn == s.clock.today().addDays(30));
        CHECK(open.back().openedOn == s.clock.today());
    }
    SECTION("findings become overdue when the due date has passed")
    {
        s.clock.advanceSeconds(7 * 24 * 3600);
        auto r = s.compliance.reminders(s.clock.today());
        REQUIRE_OK(r);
        CHECK(r->openFindings == 3);
        CHECK(r->overdueFindings == 0); // due today is not overdue yet
        s.clock.advanceSeconds(24 * 3600);
        r = s.compliance.reminders(s.clock.today());
        REQUIRE_OK(r);
        CHECK(r->overdueFindings == 3);
        CHECK(s.findings().front().isOverdue(s.clock.today()));
    }
}

TEST_CASE("a finding is resolved with a note, once", "[compliance][records]")
{
    ComplianceStore s;
    s.save(AuditKind::SelfAudit, {kFirewall, kScreenLock});
    const Finding firewall = s.findingFor(s.findings(), kFirewall);
    s.clock.advanceSeconds(3 * 3600);

    const Status noNote = s.compliance.resolveFinding(firewall.uuid, u"   "_qs);
    REQUIRE_FALSE(noNote.ok());
    CHECK(noNote.code() == ErrorCode::InvalidInput);
    CHECK(s.findings(true).size() == 2);

    REQUIRE_OK(s.compliance.resolveFinding(firewall.uuid, u"  Turned on ufw; "_qs + kSecretMarker));
    const std::vector<Finding> open = s.findings(true);
    REQUIRE(open.size() == 1);
    CHECK(open.front().itemId == kScreenLock);

    // Resolved ones come after the open ones, with who, when and what was done.
    const std::vector<Finding> all = s.findings();
    REQUIRE(all.size() == 2);
    const Finding& resolved = all.back();
    CHECK(resolved.uuid == firewall.uuid);
    CHECK_FALSE(resolved.isOpen());
    CHECK(resolved.resolvedAt == s.clock.now());
    CHECK(resolved.resolvedBy == kAdminLogin);
    CHECK(resolved.resolutionNote == u"Turned on ufw; "_qs + kSecretMarker);

    const Status again = s.compliance.resolveFinding(firewall.uuid, u"twice"_qs);
    REQUIRE_FALSE(again.ok());
    CHECK(again.message().contains(u"already resolved"_qs));
    CHECK(s.compliance.resolveFinding(u"no-such-finding"_qs, u"note"_qs).code() == ErrorCode::NotFound);

    const auto resolves = s.audits(audit::ComplianceResolve);
    REQUIRE(resolves.size() == 1);
    CHECK(resolves.front().recordUuid == firewall.uuid);
    CHECK(resolves.front().detail == kFirewall);
}

TEST_CASE("the audit log never holds evidence, notes or the signature", "[compliance][records][audit]")
{
    ComplianceStore s;
    const ComplianceRun run = s.save(AuditKind::SelfAudit, {kFirewall, kPublicDesk});
    REQUIRE_OK(s.compliance.resolveFinding(s.findingFor(s.findings(), kFirewall).uuid, kSecretMarker + u" fixed"_qs));
    REQUIRE_OK(s.compliance.markSentToLead(run.uuid));
    const auto entries = s.audits();
    CHECK(s.audits(audit::ComplianceSentToLead).size() == 1);
    for (const AuditEntry& e : entries) {
        INFO(e.action.toStdString() << ": " << e.detail.toStdString());
        CHECK_FALSE(e.detail.contains(kSecretMarker));
        CHECK_FALSE(e.detail.contains(u"signed by"_qs));
    }
}

TEST_CASE("reminders follow the last self-audit and the last copy sent to the HMIS Lead", "[compliance][records]")
{
    ComplianceStore s;
    const QDate first = s.clock.today();
    auto r = s.compliance.reminders(first);
    REQUIRE_OK(r);
    CHECK_FALSE(r->lastSelfAudit.has_value());
    CHECK(r->selfAuditDue == first);
    CHECK(r->leadCopyDue == first);
    CHECK(r->openFindings == 0);

    // The HMIS Lead's visit is not the agency's quarterly self-audit.
    const ComplianceRun visit = s.save(AuditKind::LeadVisit, {});
    r = s.compliance.reminders(first);
    REQUIRE_OK(r);
    CHECK(r->selfAuditDue == first);

    s.clock.advanceSeconds(2 * 24 * 3600);
    const ComplianceRun audit = s.save(AuditKind::SelfAudit, {kScreenLock});
    const QDate auditDay = s.clock.today();
    r = s.compliance.reminders(auditDay);
    REQUIRE_OK(r);
    CHECK(r->lastSelfAudit == auditDay);
    CHECK(r->selfAuditDue == auditDay.addMonths(3));
    CHECK(r->leadCopyDue == auditDay); // nothing sent yet: due now
    CHECK(r->openFindings == 1);

    s.clock.advanceSeconds(24 * 3600);
    REQUIRE_OK(s.compliance.markSentToLead(audit.uuid));
    r = s.compliance.reminders(s.clock.today());
    REQUIRE_OK(r);
    CHECK(r->lastSentToLead == s.clock.today());
    CHECK(r->leadCopyDue == s.clock.today().addYears(1));
    auto stored = s.compliance.run(audit.uuid);
    REQUIRE_OK(stored);
    CHECK(stored->sentToLeadAt == s.clock.now());
    auto other = s.compliance.run(visit.uuid);
    REQUIRE_OK(other);
    CHECK_FALSE(other->sentToLeadAt.has_value());

    CHECK(s.compliance.markSentToLead(u"no-such-run"_qs).code() == ErrorCode::NotFound);
    CHECK(s.compliance.run(u"no-such-run"_qs).code() == ErrorCode::NotFound);
}

TEST_CASE("only a Site Manager or above audits the workstation", "[compliance][records][permissions]")
{
    ComplianceStore s;
    const QString runUuid = s.save(AuditKind::SelfAudit, {kScreenLock}).uuid;
    const QString findingUuid = s.findings().front().uuid;
    s.addUser(u"sam.staff"_qs, Role::AgencyStaff, kThirdPassword);
    s.addUser(u"pat.manager"_qs, Role::ProgramManager, kThirdPassword);
    s.addUser(u"dee.head"_qs, Role::DepartmentHead, kThirdPassword);
    s.addUser(u"sue.site"_qs, Role::SiteManager, kThirdPassword);

    for (const QString& login : {u"sam.staff"_qs, u"pat.manager"_qs, u"dee.head"_qs}) {
        INFO(login.toStdString());
        s.switchTo(login, kThirdPassword);
        const ComplianceRun run = answeredRun(AuditKind::SelfAudit, {}, s.clock.now());
        CHECK(s.compliance.saveRun(run).code() == ErrorCode::PermissionDenied);
        CHECK(s.compliance.runs().code() == ErrorCode::PermissionDenied);
        CHECK(s.compliance.findings().code() == ErrorCode::PermissionDenied);
        CHECK(s.compliance.reminders(s.clock.today()).code() == ErrorCode::PermissionDenied);
        CHECK(s.compliance.resolveFinding(findingUuid, u"done"_qs).code() == ErrorCode::PermissionDenied);
        CHECK(s.compliance.markSentToLead(runUuid).code() == ErrorCode::PermissionDenied);
        CHECK(s.compliance.setSettings(ComplianceSettings {true}).code() == ErrorCode::PermissionDenied);
        // Everyone may read the policy and whether client records are closed.
        CHECK_FALSE(s.compliance.settings().blockClientsOnCriticalFailure);
        CHECK(s.compliance.clientAccessBlock().isEmpty());
    }

    s.switchTo(u"sue.site"_qs, kThirdPassword);
    CHECK(s.audits(audit::ComplianceRun).size() == 1); // the refused attempts left nothing
    s.clock.advanceSeconds(3600);
    const ComplianceRun mine = s.save(AuditKind::SelfAudit, {});
    CHECK(mine.officerLogin == u"sue.site"_qs);
    REQUIRE_OK(s.compliance.resolveFinding(findingUuid, u"locks after 10 minutes now"_qs));
    REQUIRE_OK(s.compliance.setSettings(ComplianceSettings {true}));
    CHECK(s.compliance.settings().blockClientsOnCriticalFailure);
    auto runs = s.compliance.runs();
    REQUIRE_OK(runs);
    REQUIRE(runs->size() == 2);
    CHECK(runs->front().uuid == mine.uuid); // newest first
}

TEST_CASE("an open critical finding closes client records when the agency asks for it", "[compliance][block]")
{
    ComplianceStore s;
    const QString maria = s.client(u"Maria"_qs, u"Garcia"_qs);
    int changes = 0;
    QObject::connect(s.vault.get(), &Vault::clientAccessBlockChanged, [&] { ++changes; });

    s.save(AuditKind::SelfAudit, {kFirewall, kScreenLock});
    const Finding firewall = s.findingFor(s.findings(), kFirewall);

    // The policy is off by default: the findings alone close nothing.
    CHECK(s.vault->clientAccessBlock().isEmpty());
    REQUIRE_OK(ClientRecords(*s.vault).open(maria));
    CHECK(changes == 0);

    s.blockOnCritical(true);
    const QString block = s.vault->clientAccessBlock();
    CHECK(changes == 1);
    CHECK(block == s.compliance.clientAccessBlock());
    CHECK(block.contains(s.findingFor(s.findings(), kFirewall).wording));
    CHECK_FALSE(block.contains(s.findingFor(s.findings(), kScreenLock).wording)); // high, not critical

    const auto refusedWithBlock = [&](const auto& result) {
        REQUIRE_FALSE(result.ok());
        CHECK(result.code() == ErrorCode::PermissionDenied);
        CHECK(result.message() == block);
    };
    refusedWithBlock(ClientRecords(*s.vault).open(maria));
    refusedWithBlock(ClientRecords(*s.vault).list());
    refusedWithBlock(ClientRecords(*s.vault).create(u"New"_qs, u"Person"_qs));
    refusedWithBlock(ClientRecords(*s.vault).revealSsn(maria));
    SearchQuery query;
    query.firstName = u"Maria"_qs;
    query.lastName = u"Garcia"_qs;
    refusedWithBlock(ClientSearch(*s.vault).search(query));
    for (Permission p : {Permission::ViewClientProfile, Permission::ViewAllClientData, Permission::EditClients,
                         Permission::DeleteClients, Permission::RevealSsn, Permission::ExportData,
                         Permission::RunRestrictedReports, Permission::RunAllReports, Permission::ClearExitData})
        CHECK_FALSE(s.vault->can(p));
    // The officer can still fix things: audit, settings, users.
    for (Permission p : {Permission::AuditWorkstation, Permission::EditAgencySettings, Permission::ManageUsers,
                         Permission::ViewAuditLog, Permission::ResetPasswords})
        CHECK(s.vault->can(p));
    REQUIRE_OK(UserAdministration(*s.vault).list());

    SECTION("the block holds across sign-out, for every user")
    {
        s.addUser(u"sam.staff"_qs, Role::AgencyStaff, kThirdPassword);
        s.switchTo(u"sam.staff"_qs, kThirdPassword);
        CHECK(s.vault->clientAccessBlock() == block);
        refusedWithBlock(ClientRecords(*s.vault).open(maria));
        s.vault->lock();
        CHECK(s.vault->clientAccessBlock().isEmpty());
        REQUIRE_OK(s.vault->unlock(kThirdPassword));
        CHECK(s.vault->clientAccessBlock() == block);
    }
    SECTION("resolving the critical finding opens client records again")
    {
        REQUIRE_OK(s.compliance.resolveFinding(firewall.uuid, u"ufw enabled"_qs));
        CHECK(s.vault->clientAccessBlock().isEmpty());
        CHECK(changes == 2);
        REQUIRE_OK(ClientRecords(*s.vault).open(maria));
        CHECK(s.findings(true).size() == 1); // the high finding stays open and blocks nothing
    }
    SECTION("turning the policy off opens client records again")
    {
        s.blockOnCritical(false);
        CHECK(s.vault->clientAccessBlock().isEmpty());
        REQUIRE_OK(ClientRecords(*s.vault).open(maria));
    }
    SECTION("a later run with a critical failure closes them again after a resolve")
    {
        REQUIRE_OK(s.compliance.resolveFinding(firewall.uuid, u"ufw enabled"_qs));
        s.save(AuditKind::SelfAudit, {kPublicDesk});
        CHECK(s.vault->clientAccessBlock().contains(s.findingFor(s.findings(true), kPublicDesk).wording));
        CHECK_FALSE(s.vault->can(Permission::ViewClientProfile));
    }
}

TEST_CASE("a high-severity finding never closes client records", "[compliance][block]")
{
    ComplianceStore s;
    s.blockOnCritical(true);
    s.save(AuditKind::LeadVisit, {kScreenLock});
    CHECK(s.findings(true).size() == 1);
    CHECK(s.vault->clientAccessBlock().isEmpty());
    CHECK(s.vault->can(Permission::ViewClientProfile));
    REQUIRE_OK(ClientRecords(*s.vault).list());
}

TEST_CASE("runs and findings survive closing and reopening the store", "[compliance][records][store]")
{
    ComplianceStore s;
    s.blockOnCritical(true);
    ComplianceRun saved = s.save(AuditKind::LeadVisit, {kFirewall, kPublicDesk});
    REQUIRE_OK(s.compliance.markSentToLead(saved.uuid));
    const QString block = s.vault->clientAccessBlock();
    REQUIRE_FALSE(block.isEmpty());
    s.vault->signOut();
    s.vault.reset();
    // Evidence, notes and the signature are only ever in the encrypted file.
    for (const QByteArray& bytes : snapshot(s.dir.path())) {
        CHECK_FALSE(bytes.contains(kSecretMarker.toUtf8()));
        CHECK_FALSE(bytes.contains(signatureBytes().toBase64()));
    }

    s.vault = s.makeVault();
    REQUIRE(s.vault->probe() == Vault::State::Locked);
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
    CHECK(s.vault->clientAccessBlock() == block);
    ComplianceRecords reopened(*s.vault);
    auto back = reopened.run(saved.uuid);
    REQUIRE_OK(back);
    CHECK(back->signaturePng == signatureBytes());
    CHECK(back->kind == AuditKind::LeadVisit);
    CHECK(back->completedAt == saved.completedAt);
    CHECK(back->officerLogin == kAdminLogin);
    CHECK(back->agencyName == u"Harbor House"_qs);
    CHECK(back->workstation.hostName == u"intake-desk-2"_qs);
    CHECK(back->notes == saved.notes);
    CHECK(back->sentToLeadAt.has_value());
    REQUIRE(back->items.size() == saved.items.size());
    for (qsizetype i = 0; i < saved.items.size(); ++i) {
        INFO(saved.items[i].itemId.toStdString());
        CHECK(back->items[i].itemId == saved.items[i].itemId);
        CHECK(back->items[i].effective() == saved.items[i].effective());
        CHECK(back->items[i].answer == saved.items[i].answer);
        CHECK(back->items[i].note == saved.items[i].note);
    }
    auto found = reopened.findings();
    REQUIRE_OK(found);
    REQUIRE(found->size() == 2);
    CHECK(found->front().dueOn == found->front().openedOn.addDays(30));
}
