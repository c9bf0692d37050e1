#pragma once

#include "core/common/Result.h"
#include "core/reports/NoSharingUtilization.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace hearth {

class Vault;

/// @brief The reports on clients who opted out of HMIS, built from the store through the consent policy,
/// with every view, export and printout audited.
///
/// Which stays count is the policy's answer toward the central server (refused because the client chose
/// No Sharing or revoked); what the report prints of them is its answer toward the agency's own reports.
class ConsentReports
{
public:
    explicit ConsentReports(Vault& vault)
        : m_vault(vault)
    {
    }

    /// The No Sharing utilization report for @p from .. @p to (RunAllReports). Full names only when
    /// @p includeNames. Running it is audited as a view.
    Result<NoSharingUtilizationReport> noSharingUtilization(const QDate& from, const QDate& to, bool includeNames);
    /// The report as CSV (ExportData), audited as an export.
    Result<QByteArray> exportCsv(const NoSharingUtilizationReport& report);
    /// Audits a CSV or PDF file (@p form "csv" or "pdf", ExportData), a printout that goes to a file
    /// ("print-to-file", ExportData, audited as an export like the PDF) or one on paper ("print",
    /// RunAllReports) before the screen commits the file (writeAuditedFile) or prints; refused otherwise.
    Status recordOutput(const NoSharingUtilizationReport& report, const QString& form);

    /// The audit detail of the report: "no-sharing-utilization csv 2026-07-01..2026-09-30, 4 clients".
    /// Never carries client data.
    static QString auditDetail(const NoSharingUtilizationReport& report, const QString& form);

private:
    Vault& m_vault;
};

} // namespace hearth
