#pragma once

#include "core/compliance/ComplianceRun.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief Completed runs, newest first: when, which kind, who signed, how many items passed, failed
/// or stayed unknown, and whether the copy went to the HMIS Lead. Opening one shows it.
class ComplianceHistoryView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        CompletedColumn,
        KindColumn,
        OfficerColumn,
        PassColumn,
        FailColumn,
        UnknownColumn,
        NotApplicableColumn,
        SentColumn,
        ColumnCount
    };

    explicit ComplianceHistoryView(Vault& vault, QWidget* parent = nullptr);

    const std::vector<compliance::ComplianceRun>& runs() const { return m_runs; }

public Q_SLOTS:
    void reload();
    void openSelected();

Q_SIGNALS:
    void openRequested(const QString& runUuid);

private:
    Vault& m_vault;
    std::vector<compliance::ComplianceRun> m_runs;
    QTableWidget* m_table;
    QPushButton* m_open;
    QLabel* m_error;
};

} // namespace hearth::ui
