#include "core/services/AuditReader.h"

#include "core/services/AuditAnchors.h"
#include "core/store/AuditLog.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

Result<std::vector<AuditEntry>> AuditReader::query(const AuditFilter& filter) const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    return AuditLog(m_vault.openStore().store()).query(filter);
}

Result<QStringList> AuditReader::users() const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    return AuditLog(m_vault.openStore().store()).distinctUsers();
}

Result<QStringList> AuditReader::actions() const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    return AuditLog(m_vault.openStore().store()).distinctActions();
}

Result<AuditVerification> AuditReader::verify() const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    AuditLog log(m_vault.openStore().store());
    auto verified = log.verify();
    if (!verified || !verified->intact)
        return verified;
    // Intact here, but a log rewritten with its hashes is intact too: it must still hold what the server saw,
    // as the last sign-in found (problem()) and as the last anchor the server confirmed says.
    auto found = AuditAnchors(m_vault).problem();
    if (!found)
        return found.error();
    if (!found->isEmpty()) {
        verified->intact = false;
        verified->problem = *found;
        return verified;
    }
    auto confirmed = AuditAnchors(m_vault).lastConfirmed();
    if (!confirmed)
        return confirmed.error();
    if (!*confirmed)
        return verified;
    auto problem = anchorProblem(log, **confirmed);
    if (!problem)
        return problem.error();
    if (*problem) {
        verified->intact = false;
        verified->firstBrokenSeq = (*confirmed)->seq;
        verified->problem = **problem;
    }
    return verified;
}

} // namespace hearth
