#pragma once

#include "core/compliance/ComplianceRun.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QHBoxLayout;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ComplianceReportExport;
class ComplianceRunView;

/// @brief A saved run, read-only, with its report (PDF, JSON, print) and "Mark as sent to the HMIS
/// Lead" for the yearly copy.
class ComplianceRunDialog : public QDialog
{
    Q_OBJECT
public:
    ComplianceRunDialog(Vault& vault, const compliance::ComplianceRun& run, QWidget* parent = nullptr);

    ComplianceRunView* view() const { return m_view; }
    ComplianceReportExport* reportExport() const { return m_export; }

public Q_SLOTS:
    void markSent();

Q_SIGNALS:
    /// The run was marked as sent to the HMIS Lead.
    void changed();

private:
    void showSent();
    /// The report of this run with the earlier runs and findings beside it, for the export buttons.
    void loadReport();

    Vault& m_vault;
    compliance::ComplianceRun m_run;
    ComplianceRunView* m_view;
    ComplianceReportExport* m_export;
    QLabel* m_sent;
    QPushButton* m_markSent;
    QLabel* m_error;
};

} // namespace hearth::ui
