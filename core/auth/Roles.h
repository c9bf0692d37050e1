#pragma once

#include <QList>
#include <QString>

namespace hearth {

/// @brief The five access levels of the agency policy ("End User's Access Levels"), lowest first.
enum class Role
{
    AgencyStaff = 1,
    ProgramManager = 2,
    DepartmentHead = 3,
    SiteManager = 4,
    EnterpriseManager = 5,
};

/// @brief What a user may do. Checked in core services; the UI only mirrors it.
enum class Permission
{
    ViewClientProfile, ///< basic demographics (profile screen)
    ViewAllClientData, ///< every participant data screen
    EditClients, ///< create and edit client records, services
    DeleteClients,
    RevealSsn,
    RunRestrictedReports,
    RunAllReports,
    ExportData,
    ManageUsers, ///< add, remove, change roles of users below one's own level
    ResetPasswords,
    ViewAuditLog,
    EditAgencySettings, ///< projects, password policy, auto-lock, sign-in lock-out
    ClearExitData, ///< reopen an enrollment and wipe its exit data ("Clear All Exit Data")
    RotateDataKey,
    AuditWorkstation, ///< the agency security officer: compliance checklist runs and findings
};

QString roleName(Role role);
QList<Role> allRoles();
bool isValidRole(int value);

/// @brief The permission matrix (docs/permissions.md).
bool roleAllows(Role role, Permission permission);

/// True for the permissions that open client records (profiles, participant data, SSNs, client reports
/// and exports): the ones a compliance block closes.
bool touchesClientData(Permission permission);

/// True when a user at @p actor may create, change or remove a user at @p target.
/// Enterprise Managers manage everyone; others manage only the levels the policy names for them.
bool canManageRole(Role actor, Role target);

} // namespace hearth
