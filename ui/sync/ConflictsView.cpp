#include "ui/sync/ConflictsView.h"

#include "ui/sync/SyncText.h"
#include "ui/widgets/UiHelpers.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
enum Column
{
    ClientColumn,
    RecordColumn,
    FieldColumn,
    ServerColumn,
    DeviceColumn,
    ColumnCount
};

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}
} // namespace

ConflictsView::ConflictsView(Vault& vault, QWidget* parent)
    : QGroupBox(tr("Conflicts"), parent)
    , m_service(vault)
    , m_summary(new QLabel)
    , m_detail(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_keepServer(new QPushButton(tr("Keep the &server's")))
    , m_keepDevice(new QPushButton(tr("Keep this &workstation's")))
    , m_newValue(new QLineEdit)
    , m_useNew(new QPushButton(tr("&Enter a new value")))
    , m_error(makeErrorLabel(QStringLiteral("conflictError")))
{
    setObjectName(QStringLiteral("conflictsView"));
    m_summary->setObjectName(QStringLiteral("conflictSummary"));
    m_detail->setObjectName(QStringLiteral("conflictDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_keepServer->setObjectName(QStringLiteral("keepServerButton"));
    m_keepDevice->setObjectName(QStringLiteral("keepDeviceButton"));
    m_newValue->setObjectName(QStringLiteral("conflictNewValue"));
    m_useNew->setObjectName(QStringLiteral("useNewValueButton"));
    m_newValue->setPlaceholderText(tr("A new value, e.g. a corrected date as MM/DD/YYYY"));

    m_table->setHorizontalHeaderLabels(
        {tr("Client"), tr("Record"), tr("Field"), tr("On the server"), tr("Sent in a sync")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* actions = new QWidget;
    actions->setObjectName(QStringLiteral("conflictActions"));
    m_actions = actions;
    auto* actionRow = new QHBoxLayout(actions);
    actionRow->setContentsMargins({});
    actionRow->addWidget(m_keepServer);
    actionRow->addWidget(m_keepDevice);
    actionRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    actionRow->addWidget(m_newValue, 1);
    actionRow->addWidget(m_useNew);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);
    layout->addWidget(actions);
    layout->addWidget(m_error);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConflictsView::updateButtons);
    connect(m_keepServer, &QPushButton::clicked, this, [this] { resolve(ConflictChoice::KeepServer); });
    connect(m_keepDevice, &QPushButton::clicked, this, [this] { resolve(ConflictChoice::KeepDevice); });
    connect(m_useNew, &QPushButton::clicked, this, [this] { resolve(ConflictChoice::NewValue); });
    connect(m_newValue, &QLineEdit::returnPressed, this, [this] { resolve(ConflictChoice::NewValue); });
    connect(m_newValue, &QLineEdit::textChanged, this, &ConflictsView::updateButtons);
    reload();
}

void ConflictsView::reload()
{
    const int keepRow = m_table->currentRow();
    m_table->setRowCount(0);
    m_conflicts.clear();
    auto open = m_service.open();
    if (!open) {
        m_summary->setText(open.message());
        updateButtons();
        return;
    }
    m_conflicts = std::move(open.value());
    m_table->setRowCount(int(m_conflicts.size()));
    for (int row = 0; row < int(m_conflicts.size()); ++row) {
        const SyncConflict& c = m_conflicts[size_t(row)];
        m_table->setItem(row, ClientColumn,
                         cell(c.clientLabel.isEmpty() ? tr("(a client not held on this workstation)") : c.clientLabel));
        m_table->setItem(row, RecordColumn, cell(SyncText::entityInWords(c.entity)));
        m_table->setItem(row, FieldColumn, cell(SyncText::fieldInWords(c.field)));
        m_table->setItem(row, ServerColumn, cell(SyncText::valueInWords(c.entity, c.field, c.serverValue)));
        m_table->setItem(row, DeviceColumn, cell(SyncText::valueInWords(c.entity, c.field, c.deviceValue)));
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(m_conflicts.empty()
                           // True before the first sync too: it claims no merge that has not happened.
                           ? tr("No conflicts to settle. One appears here when a sync finds a field changed both "
                                "here and at another workstation.")
                           : SyncText::counted(qint64(m_conflicts.size()),
                                               tr("1 field changed here and at another workstation since both last "
                                                  "synced. The server kept its value; choose what stays."),
                                               tr("%1 fields changed here and at another workstation since both "
                                                  "last synced. The server kept its values; choose what stays.")));
    // Nothing to settle: the summary alone, so the page stays short.
    m_table->setVisible(!m_conflicts.empty());
    m_detail->setVisible(!m_conflicts.empty());
    m_actions->setVisible(!m_conflicts.empty());
    if (!m_conflicts.empty())
        m_table->selectRow(std::clamp(keepRow, 0, int(m_conflicts.size()) - 1));
    updateButtons();
}

void ConflictsView::updateButtons()
{
    const bool selected = m_table->currentRow() >= 0 && m_table->currentRow() < int(m_conflicts.size())
        && !m_table->selectedItems().isEmpty();
    m_keepServer->setEnabled(selected);
    m_keepDevice->setEnabled(selected);
    m_newValue->setEnabled(selected);
    m_useNew->setEnabled(selected && !m_newValue->text().trimmed().isEmpty());
    if (!selected) {
        m_detail->clear();
        return;
    }
    const SyncConflict& c = m_conflicts[size_t(m_table->currentRow())];
    m_detail->setText(tr("On the server: %1\nSent in a sync: %2")
                          .arg(SyncText::sideInWords(c.serverSide), SyncText::sideInWords(c.deviceSide)));
    m_keepDevice->setText(c.deviceSide.thisWorkstation || c.deviceSide.workstation.isEmpty()
                              ? tr("Keep this &workstation's")
                              : tr("Keep the sent &value (%1)").arg(c.deviceSide.workstation));
}

void ConflictsView::resolve(ConflictChoice choice)
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_conflicts.size()))
        return;
    const SyncConflict& conflict = m_conflicts[size_t(row)];
    if (choice == ConflictChoice::NewValue && m_newValue->text().trimmed().isEmpty())
        return;
    const QJsonValue value
        = choice == ConflictChoice::NewValue ? typedValue(m_newValue->text(), conflict) : QJsonValue();
    if (const Status done = m_service.resolve(conflict.conflictId, choice, value); !done) {
        showError(m_error, done.message());
        return;
    }
    showError(m_error, {});
    m_newValue->clear();
    reload();
    // The next conflict is selected: the keys stay in the list, never in a field further down the page.
    if (!m_conflicts.empty())
        m_table->setFocus(Qt::OtherFocusReason);
    Q_EMIT resolved();
}

QJsonValue ConflictsView::typedValue(const QString& text, const SyncConflict& conflict)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QJsonValue::Null;
    const QJsonValue reference = conflict.serverValue.isNull() || conflict.serverValue.isUndefined()
        ? conflict.deviceValue
        : conflict.serverValue;
    if (reference.isDouble()) {
        bool ok = false;
        const double number = trimmed.toDouble(&ok);
        if (ok)
            return number;
    }
    if (reference.isBool()) {
        if (trimmed.compare(tr("Yes"), Qt::CaseInsensitive) == 0)
            return true;
        if (trimmed.compare(tr("No"), Qt::CaseInsensitive) == 0)
            return false;
    }
    // Dates are shown as MM/DD/YYYY; the record keeps them as ISO dates.
    const QDate typed = QDate::fromString(trimmed, QStringLiteral("M/d/yyyy"));
    if (typed.isValid())
        return typed.toString(Qt::ISODate);
    return trimmed;
}

} // namespace hearth::ui
