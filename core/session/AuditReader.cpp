#include "session/AuditReader.h"

#include "session/Vault.h"

namespace hearth {

Result<std::vector<AuditEntry>> AuditReader::query(const AuditFilter& filter) const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    return AuditLog(*m_vault.store()).query(filter);
}

Result<QStringList> AuditReader::users() const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    return AuditLog(*m_vault.store()).distinctUsers();
}

Result<QStringList> AuditReader::actions() const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    return AuditLog(*m_vault.store()).distinctActions();
}

Result<AuditVerification> AuditReader::verify() const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    return AuditLog(*m_vault.store()).verify();
}

} // namespace hearth
