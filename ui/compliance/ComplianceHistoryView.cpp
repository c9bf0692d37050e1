#include "ui/compliance/ComplianceHistoryView.h"

#include "core/common/DisplayDates.h"
#include "core/services/ComplianceRecords.h"
#include "core/vault/Vault.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hearth::ui {

ComplianceHistoryView::ComplianceHistoryView(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_open(new QPushButton(tr("&Open run")))
    , m_error(makeErrorLabel(QStringLiteral("complianceHistoryError")))
{
    setObjectName(QStringLiteral("complianceHistoryView"));
    m_table->setObjectName(QStringLiteral("complianceHistoryTable"));
    m_open->setObjectName(QStringLiteral("openComplianceRunButton"));
    m_table->setHorizontalHeaderLabels({tr("Completed"), tr("Kind"), tr("Security officer"), tr("Pass"), tr("Fail"),
                                        tr("Unknown"), tr("N/A"), tr("Sent to the HMIS Lead")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_open);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    // Activation covers Enter and the double-click.
    connect(m_table, &QTableWidget::itemActivated, this, &ComplianceHistoryView::openSelected);
    connect(m_open, &QPushButton::clicked, this, &ComplianceHistoryView::openSelected);
    reload();
}

void ComplianceHistoryView::reload()
{
    m_runs.clear();
    auto found = ComplianceRecords(m_vault).runs();
    if (found) {
        m_runs = std::move(found.value());
        showError(m_error, {});
    } else {
        showError(m_error, found.message());
    }
    m_table->setRowCount(int(m_runs.size()));
    for (int row = 0; row < int(m_runs.size()); ++row) {
        const compliance::ComplianceRun& run = m_runs.at(size_t(row));
        const auto add = [&](int column, const QString& text) {
            m_table->setItem(row, column, new QTableWidgetItem(text));
        };
        add(CompletedColumn, displayDate(run.completedAt.toLocalTime().date()));
        add(KindColumn, compliance::auditKindName(run.kind));
        add(OfficerColumn, run.officerName.isEmpty() ? run.officerLogin : run.officerName);
        add(PassColumn, QString::number(run.count(compliance::Verdict::Pass)));
        add(FailColumn, QString::number(run.count(compliance::Verdict::Fail)));
        add(UnknownColumn, QString::number(run.count(compliance::Verdict::Unknown)));
        add(NotApplicableColumn, QString::number(run.count(compliance::Verdict::NotApplicable)));
        add(SentColumn,
            run.sentToLeadAt ? tr("Sent on %1").arg(displayDate(run.sentToLeadAt->toLocalTime().date()))
                             : tr("Not sent"));
    }
    m_table->resizeColumnsToContents();
    m_open->setEnabled(!m_runs.empty());
    if (!m_runs.empty())
        m_table->selectRow(0);
}

void ComplianceHistoryView::openSelected()
{
    const int row = m_table->currentRow();
    if (row >= 0 && row < int(m_runs.size()))
        Q_EMIT openRequested(m_runs.at(size_t(row)).uuid);
}

} // namespace hearth::ui
