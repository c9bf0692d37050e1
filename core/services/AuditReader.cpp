#include "core/services/AuditReader.h"

#include "core/services/AuditAnchors.h"
#include "core/store/AuditLog.h"
#include "core/store/ClientRepository.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QSet>

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

Result<QHash<QString, AuditRecordClient>> AuditReader::clientsOf(const std::vector<AuditEntry>& entries) const
{
    if (auto st = m_vault.require(Permission::ViewAuditLog); !st)
        return st.error();
    if (!m_vault.can(Permission::ViewClientProfile))
        return QHash<QString, AuditRecordClient>();
    // Records that are a client or hang off one; users, runs and the like are not looked up.
    static const QStringList kClientRecordTypes {QStringLiteral("client"), QStringLiteral("enrollment"),
                                                 QStringLiteral("service"), QStringLiteral("consent")};
    QStringList uuids;
    QSet<QString> seen;
    for (const AuditEntry& entry : entries) {
        if (entry.recordUuid.isEmpty() || !kClientRecordTypes.contains(entry.recordType)
            || seen.contains(entry.recordUuid))
            continue;
        seen.insert(entry.recordUuid);
        uuids << entry.recordUuid;
    }
    return ClientRepository(m_vault.openStore().store()).clientsOfRecords(uuids);
}

} // namespace hearth
