#pragma once

#include "core/intake/ClientProfile.h"
#include "core/services/ClientSearch.h"
#include "ui/consent/ConsentBadges.h"

#include <QAbstractTableModel>
#include <QDate>

#include <vector>

namespace hearth::ui {

/// @brief Client rows of the Clients page: every client, or the matches of a search with the
/// reasons each matched, each with its consent badge. The SSN is always shown masked.
class ClientListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Consent,
        DateOfBirth,
        Ssn,
        CaseNumber,
        WhyMatched,
        ColumnCount
    };

    explicit ClientListModel(QObject* parent = nullptr);

    /// The day ages are computed for.
    void setToday(QDate today) { m_today = today; }
    void setClients(std::vector<ClientProfile> clients);
    void setMatches(std::vector<ClientMatch> matches);
    void clear();
    /// The consent of the rows' clients (ConsentRecords::statuses; a client absent has none recorded)
    /// and how many days before an expiry the warning shows.
    void setConsent(const QHash<QString, ConsentStatus>& statuses, int warningDays);
    /// The consent badges of row @p row.
    QList<ConsentBadge> badgesAt(int row) const;
    /// The record's UUID, or empty for an invalid row.
    QString uuidAt(int row) const;
    /// The reasons of row @p row, or an empty list when the rows are not search results.
    QStringList reasonsAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        ClientProfile client;
        QStringList reasons;
    };
    std::vector<Row> m_rows;
    QHash<QString, ConsentStatus> m_consent;
    int m_warningDays = 30;
    QDate m_today;
};

} // namespace hearth::ui
