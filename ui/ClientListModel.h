#pragma once

#include "intake/ClientProfile.h"

#include <QAbstractTableModel>

#include <vector>

namespace hearth::ui {

/// @brief Client rows for the Clients page: last name, first name, last updated.
class ClientListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        LastName,
        FirstName,
        Updated,
        ColumnCount
    };

    explicit ClientListModel(QObject* parent = nullptr);

    void setClients(std::vector<ClientProfile> clients);
    void clear();
    /// The record's UUID, or empty for an invalid row.
    QString uuidAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ClientProfile> m_clients;
};

} // namespace hearth::ui
