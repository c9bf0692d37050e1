#pragma once

#include "core/store/AuditLog.h"

#include <QHash>

namespace hearth {

class Vault;

/// @brief Read access to the audit log for administrators (ViewAuditLog permission).
class AuditReader
{
public:
    explicit AuditReader(Vault& vault)
        : m_vault(vault)
    {
    }
    Result<std::vector<AuditEntry>> query(const AuditFilter& filter) const;
    Result<QStringList> users() const;
    Result<QStringList> actions() const;
    Result<AuditVerification> verify() const;
    /// The clients @p entries' records are, or belong to, keyed by record uuid, as this workstation holds them:
    /// for the page to name records by a client's name and case number. Looking them up is not viewing the
    /// clients (nothing is audited); the log keeps ids only. Empty for a user who may not see client profiles.
    Result<QHash<QString, AuditRecordClient>> clientsOf(const std::vector<AuditEntry>& entries) const;

private:
    Vault& m_vault;
};

} // namespace hearth
