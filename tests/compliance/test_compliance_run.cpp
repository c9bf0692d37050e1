// ComplianceRun's rules without a store: which verdict an item stands at, what still needs an answer,
// how findings and reminders follow from runs, and when client records are blocked.
#include "tests/compliance/RunTestSupport.h"
#include "tests/support/QtStringMakers.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {
const QDateTime kStarted(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC);

ItemOutcome automaticItem(Verdict verdict, Answer answer = Answer::Unanswered)
{
    ItemOutcome o;
    o.itemId = u"firewall-active"_qs;
    o.kind = ItemKind::Automatic;
    o.automatic = CheckResult {verdict, u"seen"_qs, u"why"_qs};
    o.answer = answer;
    return o;
}
} // namespace

TEST_CASE("an automatic PASS or FAIL stands; answers decide the rest", "[compliance][run]")
{
    CHECK(automaticItem(Verdict::Pass, Answer::No).effective() == Verdict::Pass);
    CHECK(automaticItem(Verdict::Fail, Answer::Yes).effective() == Verdict::Fail);
    CHECK_FALSE(automaticItem(Verdict::Fail, Answer::Yes).attested());

    ItemOutcome unknown = automaticItem(Verdict::Unknown);
    CHECK(unknown.effective() == Verdict::Unknown);
    CHECK(unknown.needsAnswer());
    unknown.answer = Answer::No;
    CHECK(unknown.effective() == Verdict::Fail);
    CHECK(unknown.attested());
    unknown.answer = Answer::NotApplicable;
    CHECK(unknown.effective() == Verdict::NotApplicable); // its own verdict: never counted as a pass
    CHECK_FALSE(unknown.needsAnswer());

    ItemOutcome attestation;
    attestation.itemId = u"printer-secure"_qs;
    CHECK(attestation.needsAnswer());
    attestation.answer = Answer::Yes;
    CHECK(attestation.effective() == Verdict::Pass);
    CHECK(attestation.attested());
}

TEST_CASE("an automatic item without a result starts UNKNOWN and needs the officer's answer", "[compliance][run]")
{
    const Checklist checklist = builtInChecklist();
    // Only the firewall check ran.
    const QList<ItemResult> automatic {{u"firewall-active"_qs, CheckResult::pass(u"ufw active"_qs, u"ok"_qs)}};
    ComplianceRun run = startRun(checklist, automatic, AuditKind::SelfAudit, kStarted, {});
    REQUIRE(run.items.size() == checklist.items.size());
    CHECK(run.checklistVersion == checklist.version);
    CHECK(run.item(u"firewall-active"_qs)->effective() == Verdict::Pass);
    const ItemOutcome* disk = run.item(u"disk-encryption"_qs);
    REQUIRE(disk != nullptr);
    REQUIRE(disk->automatic.has_value());
    CHECK(disk->automatic->verdict == Verdict::Unknown);
    CHECK(disk->needsAnswer());
    CHECK(run.unanswered().size() == checklist.items.size() - 1);
    CHECK(run.completionProblems().size() == 2); // answers and the signature

    for (ItemOutcome& o : run.items)
        o.answer = Answer::Yes;
    CHECK(run.completionProblems().size() == 1);
    run.signaturePng = signatureBytes();
    CHECK(run.completionProblems().isEmpty());
    CHECK(run.count(Verdict::Pass) == int(checklist.items.size()));
}

TEST_CASE("findings, reminders and the block follow from completed runs", "[compliance][run]")
{
    ComplianceRun audit = answeredRun(AuditKind::LeadVisit, {u"firewall-active"_qs, u"monitor-privacy"_qs}, kStarted);
    audit.completedAt = kStarted;
    const QList<Finding> findings = findingsOf(audit, QDate(2026, 3, 2));
    REQUIRE(findings.size() == 2);
    CHECK(findings.front().dueOn == QDate(2026, 4, 1));
    CHECK(findings.front().severity == Severity::Critical);

    const ComplianceReminders r = remindersFor({audit}, findings, QDate(2026, 4, 2));
    CHECK_FALSE(r.lastSelfAudit.has_value()); // a lead visit is not a self-audit
    CHECK(r.selfAuditOverdue(QDate(2026, 4, 3)));
    CHECK(r.openFindings == 2);
    CHECK(r.overdueFindings == 2);

    CHECK(clientAccessBlock(ComplianceSettings {false}, findings).isEmpty());
    const QString block = clientAccessBlock(ComplianceSettings {true}, findings);
    CHECK(block.contains(findings.front().wording));
    CHECK_FALSE(block.contains(findings.back().wording)); // high severity
    CHECK(clientAccessBlock(ComplianceSettings {true}, {findings.back()}).isEmpty());
}

TEST_CASE("a run survives its JSON form, signature bytes included", "[compliance][run][json]")
{
    ComplianceRun run = answeredRun(AuditKind::SelfAudit, {u"screen-lock"_qs}, kStarted);
    run.uuid = u"run-1"_qs;
    run.completedAt = kStarted.addSecs(600);
    run.sentToLeadAt = kStarted.addDays(1);
    auto back = complianceRunFromJson(toJson(run));
    REQUIRE(back.ok());
    CHECK(back->signaturePng == signatureBytes());
    CHECK(back->sentToLeadAt == run.sentToLeadAt);
    CHECK(back->completedAt == run.completedAt);
    CHECK(back->items.size() == run.items.size());
    CHECK(back->count(Verdict::Fail) == 1);
    CHECK_FALSE(toJson(run, false).contains(u"signaturePng"));
}
