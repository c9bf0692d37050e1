#pragma once

#include "core/common/Result.h"
#include "core/compliance/ComplianceRun.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace hearth {

class Store;

/// @brief Compliance checklist runs and their findings, and the agency's compliance settings. Each row
/// keeps its whole record as JSON in `data` (the signature included); callers wrap writes in a
/// transaction with their audit entries.
class ComplianceRepository
{
public:
    explicit ComplianceRepository(Store& store)
        : m_store(store)
    {
    }

    Status insertRun(const compliance::ComplianceRun& run);
    /// Completed runs, newest first.
    Result<std::vector<compliance::ComplianceRun>> runs() const;
    Result<std::optional<compliance::ComplianceRun>> findRun(const QString& uuid) const;
    /// Records when the run's copy went to the HMIS Lead; NotFound when there is no such run.
    Status markSentToLead(const QString& runUuid, const QDateTime& at);

    Status insertFinding(const compliance::Finding& finding);
    /// Open findings first (soonest due, then the most severe), then resolved ones, newest first.
    Result<std::vector<compliance::Finding>> findings(bool openOnly) const;
    Result<std::optional<compliance::Finding>> findFinding(const QString& uuid) const;
    /// Writes a finding's resolution; NotFound unless the finding exists and is still open.
    Status resolveFinding(const compliance::Finding& resolved);

    /// The agency's compliance policy (the defaults until an administrator changes it).
    Result<compliance::ComplianceSettings> settings() const;
    Status setSettings(const compliance::ComplianceSettings& settings, const QDateTime& at, const QString& by);

private:
    Store& m_store;
};

} // namespace hearth
