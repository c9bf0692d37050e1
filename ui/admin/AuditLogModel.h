#pragma once

#include "core/types/AuditEntry.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace hearth::ui {

/// @brief Audit entries for the Audit log page; times shown in local time. A record that is, or belongs to,
/// a client held here reads as the client's name and case number; any other record as a short id (the
/// whole id is its tooltip).
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

    /// @p clients: AuditReader::clientsOf(@p entries).
    void setEntries(std::vector<AuditEntry> entries, QHash<QString, AuditRecordClient> clients = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString recordText(const AuditEntry& entry) const;

    std::vector<AuditEntry> m_entries;
    QHash<QString, AuditRecordClient> m_clients;
};

} // namespace hearth::ui
