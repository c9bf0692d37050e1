#pragma once

#include "core/compliance/ComplianceRun.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace hearth::compliance {

/// @brief What one Compliance Certification Checklist report holds: the run it certifies, earlier runs of
/// the same workstation beside it, and the findings still to fix. Built only from runs and findings,
/// which hold no client data, so the report holds none either.
struct ComplianceReport
{
    /// How many earlier runs the side-by-side table shows.
    static constexpr int kEarlierRunsShown = 3;

    ComplianceRun run; ///< the run reported; completed and signed
    QList<ComplianceRun> earlierRuns; ///< completed runs of the same workstation, newest first
    QList<Finding> findings; ///< opened by this run, plus those still open from earlier runs
    QDateTime generatedAt; ///< UTC
    QDate today; ///< the workstation's calendar date (Clock::today()): findings past due on it are overdue

    /// At most kEarlierRunsShown of earlierRuns, newest first.
    QList<ComplianceRun> earlierShown() const;
};

/// The report for @p run from everything ComplianceRecords holds: earlier completed runs of the same
/// workstation (same machine id, or the same host name when a run has no machine id) completed before
/// @p run, newest first; the findings @p run opened and those of earlier runs that are still open.
ComplianceReport complianceReportFor(const ComplianceRun& run, const std::vector<ComplianceRun>& allRuns,
                                     const std::vector<Finding>& allFindings, const QDateTime& generatedAt,
                                     const QDate& today);

/// "Compliance Certification Checklist report"
QString complianceReportTitle();
/// "This report contains no client data: …" — the footer of every copy.
QString complianceReportNoClientData();
/// "open", "overdue" or "resolved" on @p today.
QString findingState(const Finding& finding, const QDate& today);
/// A short, stable reference for the workstation that does not reveal its machine id (which the
/// operating system asks to keep confidential): 16 hex digits of a SHA-256 of it; empty without one.
QString workstationFingerprint(const WorkstationIdentity& workstation);

/// The machine-readable copy for the HMIS Lead: `{"format": "hearth-compliance-report", "version": 1, …}`
/// with the agency, the workstation, the dates, the audit kind, the officer, every item (wording, policy
/// section, severity, automatic verdict with evidence and detail, answer and note, effective result, in
/// toJson(ItemOutcome)'s shape), summary counts, findings (toJson(Finding) plus "state"), earlier runs as
/// {uuid, completedAt, kind, results: {itemId: "PASS"|"FAIL"|"UNKNOWN"}} and the signature as base64 PNG.
QJsonObject complianceReportJson(const ComplianceReport& report);

/// The name under which complianceReportHtml() refers to the officer's signature. Whoever lays the HTML out
/// adds the PNG to the QTextDocument as an image resource under this name before printing or showing it.
inline constexpr auto kSignatureResource = "signature.png";

/// The report as HTML for QTextDocument (preview, PDF, printer): header and summary first (workstation,
/// officer, dates, verdict counts), results with each verdict's sentence, attestations and notes, findings
/// (overdue flagged), earlier runs side by side, notes and signature (<img src="signature.png">), then on a
/// new page the appendix with what the checks printed (this run's evidence, and that of earlier runs'
/// findings), and the no-client-data footer. Every text is HTML-escaped: evidence comes from system commands.
QString complianceReportHtml(const ComplianceReport& report);

} // namespace hearth::compliance
