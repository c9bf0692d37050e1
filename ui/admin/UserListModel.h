#pragma once

#include "core/types/UserRecord.h"

#include <QAbstractTableModel>

#include <vector>

namespace hearth::ui {

/// @brief Workstation accounts for the Users page.
class UserListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Login,
        Name,
        AccessLevel,
        Active,
        MustChange,
        ColumnCount
    };

    explicit UserListModel(QObject* parent = nullptr);

    void setUsers(std::vector<UserRecord> users);
    /// nullptr for an invalid row.
    const UserRecord* userAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<UserRecord> m_users;
};

} // namespace hearth::ui
