#pragma once

#include "core/types/AuditEntry.h"

#include <QAbstractTableModel>

#include <vector>

namespace hearth::ui {

/// @brief Audit entries for the Audit log page; times shown in local time.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        User,
        Action,
        RecordType,
        Record,
        Detail,
        ColumnCount
    };

    explicit AuditLogModel(QObject* parent = nullptr);

    void setEntries(std::vector<AuditEntry> entries);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<AuditEntry> m_entries;
};

} // namespace hearth::ui
