#pragma once

#include "core/common/Result.h"
#include "core/reports/NoSharingUtilization.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPrinter;
class QPushButton;
class QTextBrowser;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief The No Sharing utilization report: choose a range (the last complete quarter by default), run it,
/// preview it, and save it as CSV or PDF or print it. Every run, save and printout goes through
/// ConsentReports, which asks the consent policy and writes the audit entry. Before a copy is written or
/// printed, a confirmation says what it will contain; the dialogs survive an auto-lock (GuardedDialogs.h).
class NoSharingReportPage : public QWidget
{
    Q_OBJECT
public:
    explicit NoSharingReportPage(Vault& vault, QWidget* parent = nullptr);

    /// Runs the report for the dates and name choice shown and previews it.
    Status run();
    /// Saves the report last run as CSV / PDF at @p path (the buttons call these after the file dialog).
    Status saveCsvTo(const QString& path);
    Status savePdfTo(const QString& path);
    /// Prints the report last run on @p printer (the button calls this after the print dialog). A printer
    /// that writes a file (printsToFile) is audited as an export and needs ExportData, like a saved PDF.
    Status printTo(QPrinter& printer);

    /// The report last run; empty before a run and after the dates or the name choice change.
    const std::optional<NoSharingUtilizationReport>& report() const { return m_report; }

private:
    void setRange(const DateRange& range);
    void forgetReport();
    void updateControls();
    void runClicked();
    /// The confirmation's text: what @p copy ("The printout", "The file …") will contain.
    QString copyContents(const QString& copy, bool file) const;
    /// The file dialog, then the confirmation naming the file and its contents, then @p save.
    bool saveThrough(const QString& suffix, const QString& caption, const QString& filter,
                     Status (NoSharingReportPage::*save)(const QString&));
    void saveCsv();
    void savePdf();
    void print();
    QString suggestedPath(const QString& suffix) const;
    void showOutcome(const Status& status, const QString& done);

    Vault& m_vault;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QCheckBox* m_includeNames;
    QTextBrowser* m_preview;
    QLabel* m_contents;
    QLabel* m_summary;
    QLabel* m_error;
    QPushButton* m_saveCsv;
    QPushButton* m_savePdf;
    QPushButton* m_print;
    std::optional<NoSharingUtilizationReport> m_report;
};

} // namespace hearth::ui
