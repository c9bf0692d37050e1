#include "core/services/ProjectRecords.h"

#include "core/intake/IntakeJson.h"
#include "core/intake/ProjectRules.h"
#include "core/services/RecordSupport.h"
#include "core/services/Refusals.h"
#include "core/store/ProjectRepository.h"
#include "core/store/Store.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

namespace {
const QString kProjectEntity = QStringLiteral("project");

Status refuseInvalid(const Project& p)
{
    return refusalOf(projects::validate(p));
}
} // namespace

Result<Project> ProjectRecords::create(Project p)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st.error();
    p.name = p.name.simplified();
    p.cocCode = p.cocCode.trimmed().toUpper();
    if (auto st = refuseInvalid(p); !st)
        return st.error();
    p.uuid = records::newId();
    p.createdAt = p.updatedAt = m_vault.clock().now();
    p.updatedBy = m_vault.user()->login;
    Status st = m_vault.openStore().write([&]() -> Status {
        if (auto r = ProjectRepository(m_vault.openStore().store()).insert(p); !r)
            return r;
        return m_vault.openStore().recordChange(kProjectEntity, p.uuid, QStringLiteral("insert"),
                                                intake_json::toJson(p), audit::SettingsChange,
                                                QStringLiteral("project created"));
    });
    if (!st)
        return st.error();
    return p;
}

Status ProjectRecords::update(const Project& input)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    Project p = input;
    p.name = p.name.simplified();
    p.cocCode = p.cocCode.trimmed().toUpper();
    if (auto st = refuseInvalid(p); !st)
        return st;
    return m_vault.openStore().write([&]() -> Status {
        ProjectRepository repo(m_vault.openStore().store());
        auto stored = repo.find(p.uuid);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            return makeError(ErrorCode::NotFound, QObject::tr("That project no longer exists."));
        p.createdAt = (*stored)->createdAt;
        p.updatedAt = m_vault.clock().now();
        p.updatedBy = m_vault.user()->login;
        if (auto r = repo.update(p); !r)
            return r;
        return m_vault.openStore().recordChange(kProjectEntity, p.uuid, QStringLiteral("update"),
                                                intake_json::toJson(p), audit::SettingsChange,
                                                QStringLiteral("project changed"));
    });
}

Result<std::vector<Project>> ProjectRecords::list() const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return ProjectRepository(m_vault.openStore().store()).list();
}

Result<Project> ProjectRecords::find(const QString& uuid) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    auto found = ProjectRepository(m_vault.openStore().store()).find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That project no longer exists."));
    return **found;
}

} // namespace hearth
