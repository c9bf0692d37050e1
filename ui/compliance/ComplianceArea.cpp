#include "ui/compliance/ComplianceArea.h"

#include "core/common/DisplayDates.h"
#include "core/compliance/LocalSystemProbe.h"
#include "core/services/ComplianceRecords.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/Vault.h"
#include "ui/compliance/AutomaticChecksRunner.h"
#include "ui/compliance/ComplianceFindingsView.h"
#include "ui/compliance/ComplianceHistoryView.h"
#include "ui/compliance/ComplianceItemModel.h"
#include "ui/compliance/ComplianceReportExport.h"
#include "ui/compliance/ComplianceRunDialog.h"
#include "ui/compliance/ComplianceRunView.h"
#include "ui/compliance/ComplianceText.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hearth::ui {

using compliance::AuditKind;

namespace {
enum Tab
{
    RunTab,
    FindingsTab,
    HistoryTab
};
} // namespace

ComplianceArea::ComplianceArea(Vault& vault, std::shared_ptr<const compliance::SystemProbe> probe, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_runner(
          new AutomaticChecksRunner(probe ? std::move(probe) : std::make_shared<compliance::LocalSystemProbe>(), this))
    , m_reminders(new QLabel)
    , m_kind(new QComboBox)
    , m_runButton(new QPushButton(tr("&Run the checklist…")))
    , m_busy(new QProgressBar)
    , m_status(new QLabel)
    , m_tabs(new QTabWidget)
    , m_runStack(new QStackedWidget)
    , m_runDone(new QWidget)
    , m_runIntro(new QLabel)
    , m_runReport(new ComplianceReportExport(vault))
    , m_runView(new ComplianceRunView)
    , m_findings(new ComplianceFindingsView(vault))
    , m_history(new ComplianceHistoryView(vault))
    , m_error(makeErrorLabel(QStringLiteral("complianceError")))
{
    setObjectName(QStringLiteral("complianceArea"));
    m_reminders->setObjectName(QStringLiteral("complianceReminders"));
    m_reminders->setWordWrap(true);
    m_reminders->setTextFormat(Qt::PlainText);
    m_kind->setObjectName(QStringLiteral("complianceAuditKind"));
    m_kind->addItem(compliance::auditKindName(AuditKind::SelfAudit), int(AuditKind::SelfAudit));
    m_kind->addItem(compliance::auditKindName(AuditKind::LeadVisit), int(AuditKind::LeadVisit));
    m_kind->setToolTip(tr("A quarterly self-audit gives findings 7 days to be fixed; the HMIS Lead's yearly visit "
                          "gives 30."));
    m_runButton->setObjectName(QStringLiteral("runChecklistButton"));
    m_runButton->setToolTip(tr("Look at this workstation now (antivirus, firewall, disk encryption, screen lock, "
                               "updates, Hearth's own settings), then answer what Hearth cannot see."));
    m_busy->setObjectName(QStringLiteral("complianceBusy"));
    m_busy->setRange(0, 0); // busy: the checks do not report progress
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status->setObjectName(QStringLiteral("complianceStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_tabs->setObjectName(QStringLiteral("complianceTabs"));
    m_runStack->setObjectName(QStringLiteral("complianceRunStack"));
    m_runIntro->setObjectName(QStringLiteral("complianceRunIntro"));
    m_runIntro->setWordWrap(true);
    m_runIntro->setTextFormat(Qt::PlainText);
    m_runIntro->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_runIntro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runIntro->setText(tr("Choose the kind of audit and run the checklist. Hearth looks at this workstation, then "
                           "you answer the items it cannot see, sign and save. Each failed item becomes a finding "
                           "to fix by its due date."));

    auto* title = new QLabel(tr("Workstation compliance"));
    title->setFont(scaledFont(1.4, true));
    auto* kindLabel = new QLabel(tr("&Audit:"));
    kindLabel->setBuddy(m_kind);
    auto* controls = new QHBoxLayout;
    controls->addWidget(kindLabel);
    controls->addWidget(m_kind);
    controls->addWidget(m_runButton);
    controls->addWidget(m_busy);
    controls->addWidget(m_status, 1);

    m_runDone->setObjectName(QStringLiteral("complianceRunDone"));
    auto* doneLayout = new QVBoxLayout(m_runDone);
    doneLayout->setContentsMargins(0, 0, 0, 0);
    doneLayout->addWidget(m_runIntro);
    doneLayout->addWidget(m_runReport);
    doneLayout->addStretch();
    m_runReport->hide();
    m_runStack->addWidget(m_runDone);
    m_runStack->addWidget(m_runView);
    m_tabs->addTab(m_runStack, tr("Current run"));
    m_tabs->addTab(m_findings, tr("Findings"));
    m_tabs->addTab(m_history, tr("Runs"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_reminders);
    layout->addLayout(controls);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    connect(m_runButton, &QPushButton::clicked, this, &ComplianceArea::runChecklist);
    connect(m_runner, &AutomaticChecksRunner::finished, this, &ComplianceArea::checksFinished);
    connect(m_runView, &ComplianceRunView::saveRequested, this, &ComplianceArea::saveRun);
    connect(m_runView, &ComplianceRunView::edited, this, &ComplianceArea::showCheckCounts);
    connect(m_history, &ComplianceHistoryView::openRequested, this, &ComplianceArea::openRun);
    connect(m_findings, &ComplianceFindingsView::changed, this, [this] {
        refresh();
        Q_EMIT changed();
    });
    refresh();
}

void ComplianceArea::setProbe(std::shared_ptr<const compliance::SystemProbe> probe)
{
    m_runner->setProbe(std::move(probe));
}

void ComplianceArea::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

bool ComplianceArea::isChecking() const
{
    return m_runner->isRunning();
}

QString ComplianceArea::remindersText() const
{
    return m_reminders->text();
}

std::optional<QJsonObject> ComplianceArea::runDraft() const
{
    if (!m_runView->isEditing() || m_runStack->currentWidget() != m_runView)
        return std::nullopt;
    return compliance::toJson(m_runView->run(), false);
}

void ComplianceArea::restoreRunDraft(const QJsonObject& draft)
{
    auto run = compliance::complianceRunFromJson(draft);
    if (!run) {
        showError(m_error, tr("The unfinished run could not be restored: %1").arg(run.message()));
        return;
    }
    m_runView->edit(run.value());
    m_runStack->setCurrentWidget(m_runView);
    m_tabs->setCurrentIndex(RunTab);
    m_status->setText(tr("Your unfinished run was kept while Hearth was locked; sign it again before saving."));
}

void ComplianceArea::refresh()
{
    const QDate today = m_vault.clock().today();
    const auto reminders = ComplianceRecords(m_vault).reminders(today);
    if (reminders) {
        m_reminders->setText(compliance_text::reminderLines(reminders.value(), today).join(u'\n'));
        const bool attention = compliance_text::remindersNeedAttention(reminders.value(), today);
        m_reminders->setStyleSheet(attention ? QStringLiteral("color: #b00020;") : QString());
        showError(m_error, {});
    } else {
        m_reminders->clear();
        showError(m_error, reminders.message());
    }
    m_findings->reload();
    m_history->reload();
}

void ComplianceArea::runChecklist()
{
    if (m_runner->isRunning())
        return;
    if (m_runView->isEditing() && m_runStack->currentWidget() == m_runView) {
        QPointer<ComplianceArea> alive(this);
        const auto answer = askQuestion(this, tr("Run the checklist"),
                                        tr("Start a new run? The answers of the run not yet saved are lost."),
                                        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (!answer || !alive || *answer != QMessageBox::Yes)
            return;
    }
    const auto checklist = compliance::Checklist::builtIn();
    if (!checklist) {
        showError(m_error, checklist.message());
        return;
    }
    m_pendingKind = static_cast<AuditKind>(m_kind->currentData().toInt());
    m_pendingStart = m_vault.clock().now();
    compliance::HearthFacts facts;
    facts.dataDir = m_vault.location().dataDir;
    facts.autoLockMinutes = m_vault.settings().autoLockMinutes();
    // The registered server's address, for hearth-server-tls (empty until the workstation is registered).
    if (const auto registration = SyncState(m_vault).registration(); registration && registration.value())
        facts.syncServerUrl = registration.value()->serverUrl;
    showError(m_error, {});
    offerReport(std::nullopt);
    setChecking(true);
    m_runner->start(checklist.value(), facts, m_pendingStart);
}

void ComplianceArea::checksFinished(const QList<compliance::ItemResult>& results)
{
    setChecking(false);
    const auto checklist = compliance::Checklist::builtIn();
    if (!checklist) {
        showError(m_error, checklist.message());
        return;
    }
    const compliance::ComplianceRun run = compliance::startRun(
        checklist.value(), results, m_pendingKind, m_pendingStart, compliance::WorkstationIdentity::current());
    m_runView->edit(run);
    m_runStack->setCurrentWidget(m_runView);
    m_tabs->setCurrentIndex(RunTab);
    showCheckCounts();
    if (!run.unanswered().isEmpty())
        m_runView->selectItem(run.unanswered().constFirst().itemId);
}

void ComplianceArea::showCheckCounts()
{
    if (!m_runView->isEditing())
        return;
    compliance::ComplianceRun counted;
    counted.items = m_runView->model()->items();
    m_status->setText(tr("Checks done: %1 pass, %2 fail, %3 not applicable, %4 to answer.")
                          .arg(counted.count(compliance::Verdict::Pass))
                          .arg(counted.count(compliance::Verdict::Fail))
                          .arg(counted.count(compliance::Verdict::NotApplicable))
                          .arg(counted.count(compliance::Verdict::Unknown)));
}

void ComplianceArea::offerReport(const std::optional<compliance::ComplianceRun>& run)
{
    if (!run) {
        m_runReport->setReport(std::nullopt);
        m_runReport->hide();
        return;
    }
    auto report = complianceReportOf(m_vault, *run);
    if (!report) {
        showError(m_error, report.message());
        offerReport(std::nullopt);
        return;
    }
    m_runReport->setReport(std::move(report).value());
    m_runReport->show();
}

void ComplianceArea::saveRun()
{
    auto saved = ComplianceRecords(m_vault).saveRun(m_runView->run());
    if (!saved) {
        m_runView->showSaveError(saved.message());
        return;
    }
    const compliance::ComplianceRun run = std::move(saved).value();
    QStringList lines;
    const auto open = ComplianceRecords(m_vault).findings(true);
    if (open) {
        for (const compliance::Finding& finding : open.value()) {
            if (finding.runUuid == run.uuid)
                lines << tr("• %1 — due %2").arg(finding.wording, displayDate(finding.dueOn));
        }
    }
    QString text = tr("%1 saved: %2 pass, %3 fail.")
                       .arg(compliance::auditKindName(run.kind))
                       .arg(run.count(compliance::Verdict::Pass))
                       .arg(run.count(compliance::Verdict::Fail));
    if (lines.isEmpty())
        text += u'\n' + tr("No findings: every item passed.");
    else
        text += u'\n'
            + (lines.size() == 1 ? tr("1 finding opened; fix it by its due date and resolve it under Findings:")
                                 : tr("%1 findings opened; fix each by its due date and resolve it under Findings:")
                                       .arg(lines.size()))
            + u'\n' + lines.join(u'\n');
    m_runIntro->setText(text);
    m_runStack->setCurrentWidget(m_runDone);
    m_status->clear();
    refresh();
    offerReport(run);
    Q_EMIT changed();
}

void ComplianceArea::openRun(const QString& runUuid)
{
    auto run = ComplianceRecords(m_vault).run(runUuid);
    if (!run) {
        showError(m_error, run.message());
        return;
    }
    auto* dialog = new ComplianceRunDialog(m_vault, run.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ComplianceRunDialog::changed, this, [this] {
        refresh();
        Q_EMIT changed();
    });
    dialog->open();
}

void ComplianceArea::setChecking(bool checking)
{
    m_runButton->setEnabled(!checking);
    m_kind->setEnabled(!checking);
    m_busy->setVisible(checking);
    m_status->setText(checking ? tr("Looking at this workstation…") : QString());
}

} // namespace hearth::ui
