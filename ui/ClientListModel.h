#pragma once

#include "intake/ClientProfile.h"
#include "session/ClientSearch.h"

#include <QAbstractTableModel>
#include <QDate>

#include <vector>

namespace hearth::ui {

/// @brief Client rows of the Clients page: every client, or the matches of a search with the
/// reasons each matched. The SSN is always shown masked.
class ClientListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
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
    QDate m_today;
};

} // namespace hearth::ui
