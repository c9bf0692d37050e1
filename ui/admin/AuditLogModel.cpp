#include "ui/admin/AuditLogModel.h"

#include <QLocale>
#include <QStringList>

namespace hearth::ui {

AuditLogModel::AuditLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AuditLogModel::setEntries(std::vector<AuditEntry> entries, QHash<QString, AuditRecordClient> clients)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_clients = std::move(clients);
    endResetModel();
}

QString AuditLogModel::recordText(const AuditEntry& entry) const
{
    const auto client = m_clients.constFind(entry.recordUuid);
    if (client == m_clients.cend()) {
        // Not a client held here: enough of the id to tell records apart and to find it again.
        constexpr int kShortId = 8;
        return entry.recordUuid.size() > kShortId ? entry.recordUuid.left(kShortId) + u'\u2026' : entry.recordUuid;
    }
    const QString name = QStringList {client->firstName, client->lastName}.join(u' ').simplified();
    if (name.isEmpty())
        return tr("Case %1").arg(client->caseNumber);
    return tr("%1 \u2014 case %2").arg(name, client->caseNumber);
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry& entry = m_entries.at(static_cast<std::size_t>(index.row()));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QLocale().toString(entry.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case User:
            return entry.userLogin;
        case Action:
            return entry.action;
        case RecordType:
            return entry.recordType;
        case Record:
            return recordText(entry);
        case Detail:
            return entry.detail;
        default:
            return {};
        }
    }
    if (role == Qt::UserRole && index.column() == Time)
        return entry.at;
    if ((role == Qt::ToolTipRole || role == Qt::UserRole) && index.column() == Record && !entry.recordUuid.isEmpty())
        return entry.recordUuid;
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Action:
        return tr("Action");
    case RecordType:
        return tr("Record type");
    case Record:
        return tr("Record");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace hearth::ui
