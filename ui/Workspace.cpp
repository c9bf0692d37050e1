#include "ui/Workspace.h"

#include "core/vault/Drafts.h"
#include "core/vault/Vault.h"
#include "ui/admin/AuditLogPage.h"
#include "ui/admin/SettingsPage.h"
#include "ui/admin/UsersPage.h"
#include "ui/compliance/ClientAccessBlockedPanel.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceBanner.h"
#include "ui/consent/AlertBanner.h"
#include "ui/consent/ExpiringReleasesNotice.h"
#include "ui/consent/ExpiringReleasesPage.h"
#include "ui/intake/ClientsPage.h"
#include "ui/intake/ProjectsPage.h"
#include "ui/reports/NoSharingReportPage.h"
#include "ui/sync/SyncPage.h"
#include "ui/sync/SyncSession.h"
#include "ui/sync/SyncText.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
/// Settings has grown taller than a 768-pixel laptop screen: let it scroll rather than clip.
QWidget* scrollable(QWidget* page)
{
    auto* area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}
} // namespace

Workspace::Workspace(Vault& vault, SyncSession* sync, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_navigation(new QListWidget)
    , m_pages(new QStackedWidget)
    , m_sync(sync)
{
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_pages->setObjectName(QStringLiteral("pages"));
    m_navigation->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);

    m_clients = new ClientsPage(vault);
    addArea(tr("Clients"), m_clients);
    if (vault.can(Permission::ViewClientProfile)) {
        m_consent = new ExpiringReleasesPage(vault);
        addArea(tr("Consent"), m_consent);
        m_expiringNotice = new ExpiringReleasesNotice(vault);
        connect(m_consent, &ExpiringReleasesPage::openClientRequested, this, [this](const QString& uuid) {
            showArea(0);
            m_clients->openClient(uuid);
        });
        connect(m_expiringNotice, &ExpiringReleasesNotice::showRequested, this,
                [this] { m_navigation->setCurrentRow(m_pages->indexOf(m_consent)); });
    }
    if (vault.can(Permission::EditAgencySettings))
        m_alertBanner = new NoSharingAlertBanner(vault);
    if (vault.can(Permission::ManageUsers)) {
        m_users = new UsersPage(vault);
        addArea(tr("Users"), m_users);
    }
    if (vault.can(Permission::ViewAuditLog)) {
        m_audit = new AuditLogPage(vault);
        addArea(tr("Audit log"), m_audit);
    }
    if (vault.can(Permission::EditAgencySettings)) {
        m_projects = new ProjectsPage(vault);
        addArea(tr("Projects"), m_projects);
        m_settings = new SettingsPage(vault);
        addArea(tr("Settings"), scrollable(m_settings));
        connect(m_settings, &SettingsPage::settingsSaved, this, &Workspace::settingsSaved);
    }
    if (vault.can(Permission::RunAllReports)) {
        m_reports = new NoSharingReportPage(vault);
        addArea(tr("Reports"), m_reports);
    }
    if (vault.can(Permission::AuditWorkstation)) {
        m_compliance = new ComplianceArea(vault);
        addArea(tr("Compliance"), m_compliance);
        m_complianceBanner = new ComplianceBanner(vault);
        connect(m_complianceBanner, &ComplianceBanner::openRequested, this, &Workspace::showCompliance);
        connect(m_clients->accessBlockedPanel(), &ClientAccessBlockedPanel::openComplianceRequested, this,
                &Workspace::showCompliance);
        // A run saved or a finding resolved changes the reminders and may lift the block.
        connect(m_compliance, &ComplianceArea::changed, this, &Workspace::refreshNotices);
    }
    // Whoever enters data syncs it; registering is for administrators (on the page itself). By role, not
    // can(): a block that closes client records (the offline lease) is lifted from this page.
    if (m_sync && vault.user() && roleAllows(vault.user()->role, Permission::EditClients)) {
        m_syncPage = new SyncPage(vault, *m_sync);
        m_syncArea = scrollable(m_syncPage);
        addArea(tr("Sync"), m_syncArea);
        connect(m_sync, &SyncSession::changed, this, &Workspace::updateSyncBadge);
        connect(m_sync, &SyncSession::recordsReceived, m_clients, &ClientsPage::refreshAfterSync);
        ClientAccessBlockedPanel* blocked = m_clients->accessBlockedPanel();
        connect(blocked, &ClientAccessBlockedPanel::syncNowRequested, m_sync, &SyncSession::syncNow);
        connect(blocked, &ClientAccessBlockedPanel::leaseUnlocked, this, &Workspace::refreshNotices);
        updateSyncBadge();
    }
    // Wide enough for the longest area name, no wider.
    m_navigation->setMaximumWidth(m_navigation->sizeHintForColumn(0) + 4 * m_navigation->frameWidth()
                                  + QFontMetrics(font()).averageCharWidth() * 4);

    auto* outer = new QVBoxLayout(this);
    for (QWidget* notice : {static_cast<QWidget*>(m_alertBanner), static_cast<QWidget*>(m_complianceBanner),
                            static_cast<QWidget*>(m_expiringNotice)}) {
        if (notice)
            outer->addWidget(notice);
    }
    auto* layout = new QHBoxLayout;
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    outer->addLayout(layout, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    // Alerts are raised by enrollments anywhere, releases are renewed on client pages: look again
    // when the user moves between areas, and now and then.
    connect(m_navigation, &QListWidget::currentRowChanged, this, &Workspace::refreshNotices);
    auto* noticeTimer = new QTimer(this);
    noticeTimer->setInterval(60 * 1000);
    connect(noticeTimer, &QTimer::timeout, this, &Workspace::refreshNotices);
    noticeTimer->start();
    m_navigation->setCurrentRow(0);
}

void Workspace::addArea(const QString& name, QWidget* page)
{
    m_navigation->addItem(name);
    m_pages->addWidget(page);
}

void Workspace::refreshNotices()
{
    if (m_alertBanner)
        m_alertBanner->refresh();
    if (m_expiringNotice)
        m_expiringNotice->refresh();
    if (m_complianceBanner)
        m_complianceBanner->refresh();
    m_clients->refreshAccessBlock();
}

void Workspace::showCompliance()
{
    if (m_compliance)
        m_navigation->setCurrentRow(m_pages->indexOf(m_compliance));
}

void Workspace::showSync()
{
    if (m_syncPage)
        m_navigation->setCurrentRow(m_pages->indexOf(m_syncArea));
}

void Workspace::updateSyncBadge()
{
    if (!m_syncPage)
        return;
    QListWidgetItem* item = m_navigation->item(m_pages->indexOf(m_syncArea));
    if (!item)
        return;
    const int conflicts = m_sync->snapshot().conflicts;
    const QString text = conflicts > 0 ? tr("Sync (%1)").arg(conflicts) : tr("Sync");
    if (item->text() != text) {
        item->setText(text);
        item->setToolTip(conflicts > 0
                             ? SyncText::counted(conflicts, tr("1 conflict to resolve"), tr("%1 conflicts to resolve"))
                             : QString());
    }
}

QStringList Workspace::areaNames() const
{
    QStringList names;
    for (int i = 0; i < m_navigation->count(); ++i)
        names << m_navigation->item(i)->text();
    return names;
}

void Workspace::showArea(int row)
{
    m_navigation->setCurrentRow(row);
}

QStringList Workspace::saveDrafts()
{
    QStringList failures;
    if (const auto draft = m_clients->newClientDraft()) {
        const Status saved = m_vault.drafts().save(QString::fromLatin1(ClientsPage::kNewClientFormKey), *draft);
        if (!saved)
            failures << saved.message();
    }
    if (const auto open = m_clients->openClientDraft()) {
        const Status saved = m_vault.drafts().save(QString::fromLatin1(ClientsPage::kOpenClientKey), *open);
        if (!saved)
            failures << saved.message();
    }
    // An officer walking round the office to check the printer and the monitor may be locked out
    // half-way through the attestations.
    if (const auto run = m_compliance ? m_compliance->runDraft() : std::nullopt) {
        const Status saved = m_vault.drafts().save(QString::fromLatin1(kComplianceRunKey), *run);
        if (!saved)
            failures << saved.message();
    }
    return failures;
}

void Workspace::restoreDrafts(const QMap<QString, QJsonObject>& drafts)
{
    const auto it = drafts.constFind(QString::fromLatin1(ClientsPage::kNewClientFormKey));
    if (it != drafts.constEnd())
        m_clients->restoreNewClientDraft(it.value());
    const auto open = drafts.constFind(QString::fromLatin1(ClientsPage::kOpenClientKey));
    if (open != drafts.constEnd())
        m_clients->restoreOpenClient(open.value());
    const auto run = drafts.constFind(QString::fromLatin1(kComplianceRunKey));
    if (run != drafts.constEnd() && m_compliance) {
        m_compliance->restoreRunDraft(run.value());
        m_complianceRunRestored = true;
    }
}

bool Workspace::confirmLeave()
{
    return m_clients->confirmLeave();
}

void Workspace::focusStart()
{
    if (m_complianceRunRestored) {
        showCompliance();
        return;
    }
    showArea(0);
    m_clients->focusStart();
}

} // namespace hearth::ui
