#include "core/services/ComplianceRecords.h"

#include "core/services/RecordSupport.h"
#include "core/store/ComplianceRepository.h"
#include "core/store/Store.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

using namespace compliance;
using records::refuse;

namespace {
const QString kRunType = QStringLiteral("compliance-run");
const QString kFindingType = QStringLiteral("compliance-finding");

template<typename T>
QList<T> listOf(const std::vector<T>& items)
{
    return QList<T>(items.begin(), items.end());
}

/// The audit detail of a saved run: its kind and counts only, never evidence or notes.
QString runSummary(const ComplianceRun& run)
{
    return QStringLiteral("%1; pass %2, fail %3, unknown %4, not applicable %5")
        .arg(auditKindKey(run.kind))
        .arg(run.count(Verdict::Pass))
        .arg(run.count(Verdict::Fail))
        .arg(run.count(Verdict::Unknown))
        .arg(run.count(Verdict::NotApplicable));
}
} // namespace

Result<ComplianceRun> ComplianceRecords::saveRun(ComplianceRun run)
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st.error();
    if (const QStringList problems = run.completionProblems(); !problems.isEmpty())
        return refuse(problems.join(u'\n'));
    auto agency = m_vault.settings().agency();
    if (!agency)
        return agency.error();
    run.uuid = records::newId();
    run.completedAt = m_vault.clock().now();
    if (!run.startedAt.isValid())
        run.startedAt = run.completedAt;
    run.officerLogin = m_vault.user()->login;
    run.officerName = m_vault.user()->displayName;
    run.agencyName = agency->name;
    run.sentToLeadAt.reset(); // a new run has not been sent anywhere yet
    QList<Finding> opened = findingsOf(run, m_vault.clock().today());
    for (Finding& f : opened)
        f.uuid = records::newId();
    Status st = m_vault.openStore().write([&]() -> Status {
        ComplianceRepository repo(m_vault.openStore().store());
        if (auto r = repo.insertRun(run); !r)
            return r;
        for (const Finding& f : opened) {
            if (auto r = repo.insertFinding(f); !r)
                return r;
        }
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::ComplianceRun), kRunType, run.uuid,
                                               runSummary(run));
    });
    if (!st)
        return st.error();
    refreshClientAccessBlock();
    return run;
}

Result<std::vector<ComplianceRun>> ComplianceRecords::runs() const
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st.error();
    return ComplianceRepository(m_vault.openStore().store()).runs();
}

Result<ComplianceRun> ComplianceRecords::run(const QString& uuid) const
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st.error();
    auto found = ComplianceRepository(m_vault.openStore().store()).findRun(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That compliance run no longer exists."));
    return **found;
}

Status ComplianceRecords::markSentToLead(const QString& runUuid)
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        if (auto r = ComplianceRepository(m_vault.openStore().store()).markSentToLead(runUuid, now); !r)
            return r;
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::ComplianceSentToLead), kRunType, runUuid);
    });
}

Result<std::vector<Finding>> ComplianceRecords::findings(bool openOnly) const
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st.error();
    return ComplianceRepository(m_vault.openStore().store()).findings(openOnly);
}

Status ComplianceRecords::resolveFinding(const QString& findingUuid, const QString& note)
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st;
    const QString said = note.trimmed();
    if (said.isEmpty())
        return refuse(QObject::tr("Say what was done to fix this finding before resolving it."));
    const QDateTime now = m_vault.clock().now();
    const QString by = m_vault.user()->login;
    Status st = m_vault.openStore().write([&]() -> Status {
        ComplianceRepository repo(m_vault.openStore().store());
        auto found = repo.findFinding(findingUuid);
        if (!found)
            return found.error();
        if (!found->has_value())
            return makeError(ErrorCode::NotFound, QObject::tr("That finding no longer exists."));
        Finding f = **found;
        if (!f.isOpen())
            return refuse(QObject::tr("This finding was already resolved."));
        f.resolvedAt = now;
        f.resolvedBy = by;
        f.resolutionNote = said;
        if (auto r = repo.resolveFinding(f); !r)
            return r;
        // The item id says what was fixed; the note and the evidence stay in the encrypted finding.
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::ComplianceResolve), kFindingType, f.uuid,
                                               f.itemId);
    });
    if (!st)
        return st;
    refreshClientAccessBlock();
    return {};
}

Result<ComplianceReminders> ComplianceRecords::reminders(const QDate& today) const
{
    if (auto st = m_vault.require(Permission::AuditWorkstation); !st)
        return st.error();
    ComplianceRepository repo(m_vault.openStore().store());
    auto allRuns = repo.runs();
    if (!allRuns)
        return allRuns.error();
    auto allFindings = repo.findings(false);
    if (!allFindings)
        return allFindings.error();
    return remindersFor(listOf(*allRuns), listOf(*allFindings), today);
}

ComplianceSettings ComplianceRecords::settings() const
{
    if (!m_vault.openStore().isOpen())
        return {};
    auto stored = ComplianceRepository(m_vault.openStore().store()).settings();
    return stored ? *stored : ComplianceSettings {};
}

Status ComplianceRecords::setSettings(const ComplianceSettings& settings)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    Status st = m_vault.openStore().write([&]() -> Status {
        if (auto r = ComplianceRepository(m_vault.openStore().store())
                         .setSettings(settings, m_vault.clock().now(), m_vault.user()->login);
            !r)
            return r;
        return m_vault.openStore().appendAudit(
            QString::fromLatin1(audit::SettingsChange), {}, {},
            settings.blockClientsOnCriticalFailure
                ? QStringLiteral("compliance: block client records on a critical finding")
                : QStringLiteral("compliance: no block on a critical finding"));
    });
    if (!st)
        return st;
    refreshClientAccessBlock();
    return {};
}

QString ComplianceRecords::clientAccessBlock() const
{
    if (!m_vault.openStore().isOpen())
        return {};
    const ComplianceSettings policy = settings();
    if (!policy.blockClientsOnCriticalFailure)
        return {};
    auto open = ComplianceRepository(m_vault.openStore().store()).findings(true);
    if (!open) {
        // The agency asked for the block: when the findings cannot be read, fail closed.
        return QObject::tr("Client records are closed on this workstation: Hearth could not read the compliance "
                           "findings (%1).")
            .arg(open.message());
    }
    return compliance::clientAccessBlock(policy, listOf(*open));
}

void ComplianceRecords::refreshClientAccessBlock()
{
    m_vault.setClientAccessBlock(clientAccessBlock());
}

} // namespace hearth
