#include "ui/compliance/ComplianceFindingsView.h"

#include "core/common/DisplayDates.h"
#include "core/services/ComplianceRecords.h"
#include "core/vault/Vault.h"
#include "ui/compliance/ComplianceText.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hearth::ui {

using namespace compliance_text;

ComplianceFindingsView::ComplianceFindingsView(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_resolve(new QPushButton(tr("&Resolve…")))
    , m_error(makeErrorLabel(QStringLiteral("complianceFindingsError")))
{
    setObjectName(QStringLiteral("complianceFindingsView"));
    m_summary->setObjectName(QStringLiteral("complianceFindingsSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("complianceFindingsTable"));
    m_resolve->setObjectName(QStringLiteral("resolveFindingButton"));
    m_resolve->setToolTip(tr("Record what was done to fix the selected finding."));
    m_table->setHorizontalHeaderLabels(
        {tr("Item"), tr("Severity"), tr("Opened"), tr("Due"), tr("Status"), tr("Resolution")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_resolve);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    connect(m_resolve, &QPushButton::clicked, this, &ComplianceFindingsView::resolveSelected);
    connect(m_table, &QTableWidget::currentCellChanged, this, &ComplianceFindingsView::updateButtons);
    reload();
}

void ComplianceFindingsView::reload()
{
    const QDate today = m_vault.clock().today();
    m_findings.clear();
    auto found = ComplianceRecords(m_vault).findings();
    if (found) {
        m_findings = std::move(found.value());
        showError(m_error, {});
    } else {
        showError(m_error, found.message());
    }
    const auto open = std::count_if(m_findings.cbegin(), m_findings.cend(),
                                    [](const compliance::Finding& f) { return f.isOpen(); });
    const auto overdue = std::count_if(m_findings.cbegin(), m_findings.cend(),
                                       [&](const compliance::Finding& f) { return f.isOverdue(today); });
    m_summary->setText(findingCounts(int(open), int(overdue)));

    m_table->setRowCount(int(m_findings.size()));
    for (int row = 0; row < int(m_findings.size()); ++row) {
        const compliance::Finding& f = m_findings.at(size_t(row));
        const bool late = f.isOverdue(today);
        QString status;
        if (!f.isOpen())
            status = tr("Resolved on %1 by %2").arg(displayDate(f.resolvedAt->toLocalTime().date()), f.resolvedBy);
        else if (late)
            status = tr("Overdue");
        else
            status = tr("Open");
        const auto add = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            if (late)
                item->setForeground(alertColour()); // the words say it too: "Overdue"
            else if (!f.isOpen())
                item->setForeground(m_table->palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, column, item);
        };
        add(ItemColumn, f.wording);
        add(SeverityColumn, severityText(f.severity));
        add(OpenedColumn, displayDate(f.openedOn));
        add(DueColumn, displayDate(f.dueOn));
        add(StatusColumn, status);
        add(ResolutionColumn, f.resolutionNote);
    }
    m_table->resizeColumnsToContents();
    if (!m_findings.empty())
        m_table->selectRow(0);
    updateButtons();
}

bool ComplianceFindingsView::selectItem(const QString& itemId)
{
    for (int row = 0; row < int(m_findings.size()); ++row) {
        if (m_findings.at(size_t(row)).itemId == itemId) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void ComplianceFindingsView::resolveSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_findings.size()) || !m_findings.at(size_t(row)).isOpen())
        return;
    const compliance::Finding finding = m_findings.at(size_t(row));
    QPointer<ComplianceFindingsView> alive(this);
    QPointer<QInputDialog> dialog = new QInputDialog(this);
    dialog->setWindowTitle(tr("Resolve finding"));
    dialog->setLabelText(
        tr("%1\n\nWhat was done to fix it? The note is kept with the finding and printed in the report.")
            .arg(finding.wording));
    dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
    const std::optional<int> result = execGuarded(dialog);
    if (!result || !alive) // a lock destroys this page, and the dialog, while the dialog is open
        return;
    const QString note = dialog->textValue();
    delete dialog;
    if (*result != QDialog::Accepted)
        return;
    if (note.trimmed().isEmpty()) {
        showError(m_error, tr("Write what was done to fix the finding; it cannot be resolved without a note."));
        return;
    }
    const Status resolved = ComplianceRecords(m_vault).resolveFinding(finding.uuid, note.trimmed());
    if (!resolved) {
        showError(m_error, resolved.message());
        return;
    }
    reload();
    Q_EMIT changed();
}

void ComplianceFindingsView::updateButtons()
{
    const int row = m_table->currentRow();
    m_resolve->setEnabled(row >= 0 && row < int(m_findings.size()) && m_findings.at(size_t(row)).isOpen());
}

} // namespace hearth::ui
