#pragma once

#include "core/store/AuditLog.h"

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

private:
    Vault& m_vault;
};

} // namespace hearth
