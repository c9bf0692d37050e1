#include "ui/compliance/ComplianceItemModel.h"

#include "ui/compliance/ComplianceText.h"

#include <QBrush>

namespace hearth::ui {

using namespace compliance_text;

ComplianceItemModel::ComplianceItemModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ComplianceItemModel::setItems(const QList<compliance::ItemOutcome>& items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

void ComplianceItemModel::setItem(int row, const compliance::ItemOutcome& outcome)
{
    if (row < 0 || row >= m_items.size())
        return;
    m_items[row] = outcome;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ComplianceItemModel::rowOf(const QString& itemId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).itemId == itemId)
            return row;
    }
    return -1;
}

int ComplianceItemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ComplianceItemModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComplianceItemModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const compliance::ItemOutcome& item = m_items.at(index.row());
    const compliance::Verdict verdict = item.effective();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ItemColumn:
            return item.wording;
        case SeverityColumn:
            return severityText(item.severity);
        case ResultColumn:
            return verdictText(verdict);
        case AnswerColumn:
            if (item.needsAnswer())
                return tr("Answer needed");
            return answerText(item.answer);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ItemColumn)
        return item.wording;
    if (role == Qt::BackgroundRole && index.column() == ResultColumn)
        return QBrush(verdictBackground(verdict));
    if (role == Qt::ForegroundRole && index.column() == ResultColumn && verdict == compliance::Verdict::Fail)
        return QBrush(alertColour());
    if (role == Qt::ForegroundRole && index.column() == AnswerColumn && item.needsAnswer())
        return QBrush(alertColour());
    return {};
}

QVariant ComplianceItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case SeverityColumn:
        return tr("Severity");
    case ResultColumn:
        return tr("Result");
    case AnswerColumn:
        return tr("Answer");
    default:
        return {};
    }
}

} // namespace hearth::ui
