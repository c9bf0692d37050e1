#pragma once

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class AuditLogPage;
class ClientsPage;
class ComplianceArea;
class ComplianceBanner;
class ExpiringReleasesNotice;
class ExpiringReleasesPage;
class NoSharingAlertBanner;
class NoSharingReportPage;
class ProjectsPage;
class SettingsPage;
class SyncPage;
class SyncSession;
class UsersPage;

/// @brief The signed-in work area: navigation on the left, the areas the user's access level allows on the right.
///
/// Holds client data, so the main window destroys it on every lock and builds a fresh one after unlock.
class Workspace : public QWidget
{
    Q_OBJECT
public:
    /// The draft key of the compliance run being answered.
    static constexpr auto kComplianceRunKey = "compliance/run";

    /// @p sync: this session's sync (the Sync area and the lease panel's Sync now); none in tests of
    /// other areas.
    explicit Workspace(Vault& vault, SyncSession* sync = nullptr, QWidget* parent = nullptr);

    /// Saves every half-filled form as a draft; returns the messages of any that could not be saved.
    QStringList saveDrafts();
    void restoreDrafts(const QMap<QString, QJsonObject>& drafts);
    /// Before signing out or quitting: an edited client page asks to save, discard or stay. True to go on.
    bool confirmLeave();
    /// After sign-in or unlock: the cursor waits in the client search, ready to type (or the
    /// Compliance area shows the run the officer was answering).
    void focusStart();

    /// Names of the areas shown in the navigation, in order.
    QStringList areaNames() const;
    void showArea(int row);

    ClientsPage* clientsPage() const { return m_clients; }
    UsersPage* usersPage() const { return m_users; }
    AuditLogPage* auditLogPage() const { return m_audit; }
    SettingsPage* settingsPage() const { return m_settings; }
    ProjectsPage* projectsPage() const { return m_projects; }
    ExpiringReleasesPage* consentPage() const { return m_consent; }
    ExpiringReleasesNotice* expiringNotice() const { return m_expiringNotice; }
    NoSharingAlertBanner* alertBanner() const { return m_alertBanner; }
    NoSharingReportPage* reportsPage() const { return m_reports; }
    ComplianceArea* complianceArea() const { return m_compliance; }
    ComplianceBanner* complianceBanner() const { return m_complianceBanner; }
    /// Shows the Compliance area (security officers only).
    void showCompliance();
    SyncPage* syncPage() const { return m_syncPage; }
    /// Shows the Sync area.
    void showSync();

Q_SIGNALS:
    void settingsSaved();

private:
    void addArea(const QString& name, QWidget* page);
    /// The notices over the pages: No Sharing alerts (administrators), releases expiring soon,
    /// compliance reminders (security officers); and the compliance block of client records.
    void refreshNotices();
    /// The Sync entry of the navigation carries the number of open conflicts.
    void updateSyncBadge();

    Vault& m_vault;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    ClientsPage* m_clients = nullptr;
    UsersPage* m_users = nullptr;
    AuditLogPage* m_audit = nullptr;
    SettingsPage* m_settings = nullptr;
    ProjectsPage* m_projects = nullptr;
    ExpiringReleasesPage* m_consent = nullptr;
    ExpiringReleasesNotice* m_expiringNotice = nullptr;
    NoSharingAlertBanner* m_alertBanner = nullptr;
    NoSharingReportPage* m_reports = nullptr;
    ComplianceArea* m_compliance = nullptr;
    ComplianceBanner* m_complianceBanner = nullptr;
    SyncSession* m_sync = nullptr;
    SyncPage* m_syncPage = nullptr;
    QWidget* m_syncArea = nullptr; ///< the Sync page in its scroll area (the navigation's page)
    bool m_complianceRunRestored = false; ///< start in Compliance: the officer was answering a run
};

} // namespace hearth::ui
