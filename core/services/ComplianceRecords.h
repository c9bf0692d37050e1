#pragma once

#include "core/common/Result.h"
#include "core/compliance/ComplianceRun.h"

#include <QDate>
#include <QString>

#include <vector>

namespace hearth {

class Vault;

/// @brief Compliance Certification Checklist runs and their findings, kept encrypted in the store.
///
/// Running the checklist, saving runs and resolving findings need Permission::AuditWorkstation (the
/// agency's security officer; Site Manager and above). Each write is one transaction with its audit
/// entry; audit details hold item ids and counts, never evidence text.
class ComplianceRecords
{
public:
    explicit ComplianceRecords(Vault& vault)
        : m_vault(vault)
    {
    }

    /// Saves a completed run: refused with run.completionProblems() while an item lacks an answer or
    /// the signature is missing. Fills uuid, completedAt, the officer and the agency; opens a
    /// finding for each FAIL, due per findingDueDays(run.kind). Audited as `compliance.run`.
    Result<compliance::ComplianceRun> saveRun(compliance::ComplianceRun run);
    /// Completed runs, newest first.
    Result<std::vector<compliance::ComplianceRun>> runs() const;
    Result<compliance::ComplianceRun> run(const QString& uuid) const;
    /// The officer has sent this run's report to the HMIS Lead (the yearly copy).
    /// Audited as `compliance.sent-to-lead`.
    Status markSentToLead(const QString& runUuid);

    /// Findings, open ones first (soonest due first), then resolved ones newest first.
    Result<std::vector<compliance::Finding>> findings(bool openOnly = false) const;
    /// Resolves a finding with a note saying what was done (required). Audited as `compliance.resolve`.
    Status resolveFinding(const QString& findingUuid, const QString& note);

    /// Reminders for the home screen: quarterly self-audit, yearly copy, open and overdue findings.
    Result<compliance::ComplianceReminders> reminders(const QDate& today) const;

    compliance::ComplianceSettings settings() const;
    /// EditAgencySettings. Audited as `settings.change`.
    Status setSettings(const compliance::ComplianceSettings& settings);

    /// Why client records are blocked now (the agency's policy and an open critical finding), or empty.
    /// The Vault applies the same answer to every client-data permission.
    QString clientAccessBlock() const;

private:
    /// Hands clientAccessBlock() to the Vault after a change that can open or close client records.
    void refreshClientAccessBlock();

    Vault& m_vault;
};

} // namespace hearth
