#include "ui/intake/ClientListModel.h"

#include "core/intake/DateOfBirth.h"
#include "core/intake/Ssn.h"
#include "ui/intake/ClientPickerDialog.h"

#include <QFont>

namespace hearth::ui {

ClientListModel::ClientListModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_today(QDate::currentDate())
{
}

void ClientListModel::setClients(std::vector<ClientProfile> clients)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(clients.size());
    for (ClientProfile& client : clients)
        m_rows.push_back({std::move(client), {}});
    endResetModel();
}

void ClientListModel::setMatches(std::vector<ClientMatch> matches)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(matches.size());
    for (ClientMatch& match : matches)
        m_rows.push_back({std::move(match.client), match.match.explanation()});
    endResetModel();
}

void ClientListModel::clear()
{
    setClients({});
}

void ClientListModel::setConsent(const QHash<QString, ConsentStatus>& statuses, int warningDays)
{
    m_consent = statuses;
    m_warningDays = warningDays;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Consent), index(rowCount() - 1, Consent));
}

QList<ConsentBadge> ClientListModel::badgesAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return consentBadges(m_consent, m_rows.at(static_cast<std::size_t>(row)).client.uuid, m_today, m_warningDays);
}

QString ClientListModel::uuidAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_rows.at(static_cast<std::size_t>(row)).client.uuid;
}

QStringList ClientListModel::reasonsAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_rows.at(static_cast<std::size_t>(row)).reasons;
}

int ClientListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClientListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(static_cast<std::size_t>(index.row()));
    const ClientProfile& client = row.client;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: {
            const QString name = clientName(client);
            return client.alias.isEmpty() ? name : tr("%1 (\"%2\")").arg(name, client.alias);
        }
        case DateOfBirth:
            return dob::display(client.dob, client.dobDataQuality, m_today);
        case Ssn:
            return client.ssn.isEmpty() ? QString() : ssn::mask(client.ssn);
        case CaseNumber:
            return client.caseNumber;
        case WhyMatched:
            return row.reasons.join(QStringLiteral("; "));
        case Consent:
            return badgeText(badgesAt(index.row()));
        default:
            return {};
        }
    }
    if (index.column() == Consent) {
        if (role == Qt::ToolTipRole)
            return badgeToolTip(badgesAt(index.row()));
        if (role == Qt::BackgroundRole || role == Qt::ForegroundRole) {
            const ConsentBadge::Level level = badgeLevel(badgesAt(index.row()));
            const QColor colour = role == Qt::BackgroundRole ? badgeBackground(level) : badgeForeground(level);
            return colour.isValid() ? QVariant(colour) : QVariant();
        }
        if (role == Qt::FontRole && badgeLevel(badgesAt(index.row())) == ConsentBadge::Level::Alarm) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == WhyMatched && !row.reasons.isEmpty())
        return row.reasons.join(u'\n');
    if (role == Qt::UserRole)
        return client.uuid;
    return {};
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Consent:
        return tr("Consent");
    case DateOfBirth:
        return tr("Date of birth");
    case Ssn:
        return tr("SSN");
    case CaseNumber:
        return tr("Case number");
    case WhyMatched:
        return tr("Why it matched");
    default:
        return {};
    }
}

} // namespace hearth::ui
