#include "ui/compliance/ComplianceRunDialog.h"

#include "core/common/DisplayDates.h"
#include "core/services/ComplianceRecords.h"
#include "core/vault/Vault.h"
#include "ui/compliance/ComplianceReportExport.h"
#include "ui/compliance/ComplianceRunView.h"
#include "ui/widgets/UiHelpers.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ComplianceRunDialog::ComplianceRunDialog(Vault& vault, const compliance::ComplianceRun& run, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_run(run)
    , m_view(new ComplianceRunView)
    , m_export(new ComplianceReportExport(vault))
    , m_sent(new QLabel)
    , m_markSent(new QPushButton(tr("&Mark as sent to the HMIS Lead")))
    , m_error(makeErrorLabel(QStringLiteral("complianceRunDialogError")))
{
    setObjectName(QStringLiteral("complianceRunDialog"));
    setWindowTitle(tr("Compliance run of %1").arg(displayDate(run.completedAt.toLocalTime().date())));
    m_sent->setObjectName(QStringLiteral("complianceSentToLead"));
    m_markSent->setObjectName(QStringLiteral("markSentToLeadButton"));
    m_markSent->setToolTip(tr("You sent this run's report to the HMIS Lead: the yearly copy is done."));
    m_markSent->setEnabled(vault.can(Permission::AuditWorkstation));
    m_view->showSaved(run);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_export);
    actions->addWidget(m_sent, 1);
    actions->addWidget(m_markSent);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(close);

    connect(m_markSent, &QPushButton::clicked, this, &ComplianceRunDialog::markSent);
    // A copy made: the next step is sending it, then saying so here.
    connect(m_export, &ComplianceReportExport::exported, this, [this] {
        if (!m_run.sentToLeadAt)
            m_sent->setText(tr("Report ready. Once you have sent it to the HMIS Lead, mark it sent."));
    });
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    loadReport();
    showSent();
    resize(1000, 700);
}

void ComplianceRunDialog::markSent()
{
    const Status marked = ComplianceRecords(m_vault).markSentToLead(m_run.uuid);
    if (!marked) {
        showError(m_error, marked.message());
        return;
    }
    showError(m_error, {});
    if (auto reread = ComplianceRecords(m_vault).run(m_run.uuid))
        m_run = std::move(reread).value();
    else
        m_run.sentToLeadAt = m_vault.clock().now();
    loadReport();
    showSent();
    Q_EMIT changed();
}

void ComplianceRunDialog::loadReport()
{
    auto report = complianceReportOf(m_vault, m_run);
    if (!report) {
        showError(m_error, report.message());
        m_export->setReport(std::nullopt);
        return;
    }
    m_export->setReport(std::move(report).value());
}

void ComplianceRunDialog::showSent()
{
    m_sent->setText(m_run.sentToLeadAt
                        ? tr("Sent to the HMIS Lead on %1.").arg(displayDate(m_run.sentToLeadAt->toLocalTime().date()))
                        : tr("Not yet sent to the HMIS Lead. Save or print the report, send it, then mark it sent."));
    m_markSent->setVisible(!m_run.sentToLeadAt);
}

} // namespace hearth::ui
