#include "core/auth/Roles.h"

#include <QObject>

namespace hearth {

QString roleName(Role role)
{
    switch (role) {
    case Role::AgencyStaff:
        return QObject::tr("Agency Staff");
    case Role::ProgramManager:
        return QObject::tr("Program Manager");
    case Role::DepartmentHead:
        return QObject::tr("Department Head");
    case Role::SiteManager:
        return QObject::tr("Site Manager");
    case Role::EnterpriseManager:
        return QObject::tr("Enterprise Manager");
    }
    return {};
}

QList<Role> allRoles()
{
    return {Role::AgencyStaff, Role::ProgramManager, Role::DepartmentHead, Role::SiteManager, Role::EnterpriseManager};
}

bool isValidRole(int value)
{
    return value >= static_cast<int>(Role::AgencyStaff) && value <= static_cast<int>(Role::EnterpriseManager);
}

bool roleAllows(Role role, Permission permission)
{
    const int level = static_cast<int>(role);
    switch (permission) {
    // Agency Staff: data entry, basic demographics, full service records, restricted reports.
    case Permission::ViewClientProfile:
    case Permission::EditClients:
    case Permission::RunRestrictedReports:
        return true;
    // Program Manager and up: all participant data, full reporting.
    case Permission::ViewAllClientData:
    case Permission::RunAllReports:
    case Permission::RevealSsn:
    case Permission::ExportData:
        return level >= static_cast<int>(Role::ProgramManager);
    // Department Head and up: add/remove end users, some site administration.
    case Permission::ManageUsers:
    case Permission::DeleteClients:
        return level >= static_cast<int>(Role::DepartmentHead);
    // Site Manager and up: site-level administrative functions.
    case Permission::ViewAuditLog:
    case Permission::EditAgencySettings:
    case Permission::ClearExitData:
    // The workstation audit is the Agency Administrator's / Security Officer's (Ongoing Monitoring).
    case Permission::AuditWorkstation:
        return level >= static_cast<int>(Role::SiteManager);
    // Enterprise Manager only: reset passwords, enterprise administration.
    case Permission::ResetPasswords:
    case Permission::RotateDataKey:
        return role == Role::EnterpriseManager;
    }
    return false;
}

bool touchesClientData(Permission permission)
{
    switch (permission) {
    case Permission::ViewClientProfile:
    case Permission::ViewAllClientData:
    case Permission::EditClients:
    case Permission::DeleteClients:
    case Permission::RevealSsn:
    case Permission::ExportData:
    case Permission::RunRestrictedReports:
    case Permission::RunAllReports:
    case Permission::ClearExitData:
        return true;
    case Permission::ManageUsers:
    case Permission::ResetPasswords:
    case Permission::ViewAuditLog:
    case Permission::EditAgencySettings:
    case Permission::RotateDataKey:
    case Permission::AuditWorkstation:
        return false;
    }
    return true;
}

bool canManageRole(Role actor, Role target)
{
    if (actor == Role::EnterpriseManager)
        return true;
    if (!roleAllows(actor, Permission::ManageUsers))
        return false;
    // Department Heads and Site Managers add and inactivate Agency Staff and Program Managers.
    return static_cast<int>(target) <= static_cast<int>(Role::ProgramManager);
}

} // namespace hearth
