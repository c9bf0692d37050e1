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

/// @brief The findings of every run: open ones first with their due date ("Overdue" in red words
/// when past it), then resolved ones with who resolved them and how. Resolve… asks for a note.
class ComplianceFindingsView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        ItemColumn,
        SeverityColumn,
        OpenedColumn,
        DueColumn,
        StatusColumn,
        ResolutionColumn,
        ColumnCount
    };

    explicit ComplianceFindingsView(Vault& vault, QWidget* parent = nullptr);

    const std::vector<compliance::Finding>& findings() const { return m_findings; }
    /// Selects the row of the finding for @p itemId (the newest open one first).
    bool selectItem(const QString& itemId);

public Q_SLOTS:
    void reload();
    /// Asks for the note and resolves the selected open finding.
    void resolveSelected();

Q_SIGNALS:
    /// A finding was resolved.
    void changed();

private:
    void updateButtons();

    Vault& m_vault;
    std::vector<compliance::Finding> m_findings;
    QLabel* m_summary;
    QTableWidget* m_table;
    QPushButton* m_resolve;
    QLabel* m_error;
};

} // namespace hearth::ui
