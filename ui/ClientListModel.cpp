#include "ClientListModel.h"

#include <QLocale>

namespace hearth::ui {

ClientListModel::ClientListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ClientListModel::setClients(std::vector<ClientProfile> clients)
{
    beginResetModel();
    m_clients = std::move(clients);
    endResetModel();
}

void ClientListModel::clear()
{
    setClients({});
}

QString ClientListModel::uuidAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_clients.at(static_cast<std::size_t>(row)).uuid;
}

int ClientListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clients.size());
}

int ClientListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClientProfile& client = m_clients.at(static_cast<std::size_t>(index.row()));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case LastName:
            return client.lastName;
        case FirstName:
            return client.firstName;
        case Updated:
            return QLocale().toString(client.updatedAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole)
        return client.uuid;
    return {};
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LastName:
        return tr("Last name");
    case FirstName:
        return tr("First name");
    case Updated:
        return tr("Last updated");
    default:
        return {};
    }
}

} // namespace hearth::ui
