#pragma once

#include "core/compliance/ComplianceRun.h"

#include <QAbstractTableModel>

namespace hearth::ui {

/// @brief The items of one run as a table: wording, severity, result and answer. The result is a word
/// (PASS, FAIL, UNKNOWN) on a coloured cell, so it reads without colour too.
class ComplianceItemModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ItemColumn,
        SeverityColumn,
        ResultColumn,
        AnswerColumn,
        ColumnCount
    };

    explicit ComplianceItemModel(QObject* parent = nullptr);

    void setItems(const QList<compliance::ItemOutcome>& items);
    const QList<compliance::ItemOutcome>& items() const { return m_items; }
    /// Replaces the outcome in @p row (an answer or a note changed).
    void setItem(int row, const compliance::ItemOutcome& outcome);
    /// The row of @p itemId, or -1.
    int rowOf(const QString& itemId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<compliance::ItemOutcome> m_items;
};

} // namespace hearth::ui
