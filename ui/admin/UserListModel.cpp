#include "ui/admin/UserListModel.h"

namespace hearth::ui {

UserListModel::UserListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void UserListModel::setUsers(std::vector<UserRecord> users)
{
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
}

const UserRecord* UserListModel::userAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_users.at(static_cast<std::size_t>(row));
}

int UserListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int UserListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserRecord& user = m_users.at(static_cast<std::size_t>(index.row()));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Login:
            return user.login;
        case Name:
            return user.displayName;
        case AccessLevel:
            return roleName(user.role);
        case Active:
            return user.active ? tr("Yes") : tr("No");
        case MustChange:
            return user.mustChangePassword ? tr("Yes") : tr("No");
        default:
            return {};
        }
    }
    if (role == Qt::UserRole)
        return user.uuid;
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Login:
        return tr("User ID");
    case Name:
        return tr("Name");
    case AccessLevel:
        return tr("Access level");
    case Active:
        return tr("Active");
    case MustChange:
        return tr("Must change password");
    default:
        return {};
    }
}

} // namespace hearth::ui
