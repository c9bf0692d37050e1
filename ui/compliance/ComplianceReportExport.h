#pragma once

#include "core/common/Result.h"
#include "core/reports/ComplianceReport.h"

#include <QWidget>

#include <functional>
#include <optional>

class QIODevice;
class QLabel;
class QPagedPaintDevice;
class QPrinter;
class QPushButton;
class QTextDocument;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// The report of the saved @p run with the earlier runs and the findings ComplianceRecords holds beside it.
Result<compliance::ComplianceReport> complianceReportOf(Vault& vault, const compliance::ComplianceRun& run);

/// Lays @p report out in @p document: the HTML plus the officer's signature as the image resource the
/// HTML names (compliance::kSignatureResource). The preview, the PDF and the printer all use this.
void loadComplianceReport(QTextDocument& document, const compliance::ComplianceReport& report);

/// @brief "Save PDF…", "Save JSON…" and "Print…" for a compliance report, with a line saying what happened.
///
/// Each copy is an explicit action by a user with Permission::AuditWorkstation, recorded in the audit log
/// as `compliance.report-export` (the run's uuid and the format; never evidence text). Files are written
/// atomically (QSaveFile): a failed save leaves no partial file and says why. Before a copy is written or
/// printed, a confirmation says what it will contain; the dialogs survive an auto-lock (GuardedDialogs.h).
class ComplianceReportExport : public QWidget
{
    Q_OBJECT
public:
    explicit ComplianceReportExport(Vault& vault, QWidget* parent = nullptr);

    /// The report the buttons act on; the buttons are disabled without one.
    void setReport(std::optional<compliance::ComplianceReport> report);
    const std::optional<compliance::ComplianceReport>& report() const { return m_report; }

    /// Save or print the report at @p path / on @p printer (the buttons call these after their dialogs).
    /// Refused unless the report's run is completed and signed.
    Status savePdfTo(const QString& path);
    Status saveJsonTo(const QString& path);
    Status printTo(QPrinter& printer);

Q_SIGNALS:
    /// A copy was saved or printed (by a button or the functions above): @p format is "pdf", "json",
    /// "print" or "print-to-file". The page may then offer to mark the run as sent to the HMIS Lead.
    void exported(const QString& format);

private:
    Status writeAtomically(const QString& path, const QString& format, const std::function<void(QIODevice&)>& write);
    Status audit(const QString& format);
    QString suggestedPath(const QString& suffix) const;
    /// The confirmation's text: what @p copy ("The printout", "The file …") will contain.
    QString copyContents(const QString& copy) const;
    /// The file dialog, then the confirmation naming the file and its contents, then @p save.
    void saveThrough(const QString& suffix, const QString& caption, const QString& filter,
                     Status (ComplianceReportExport::*save)(const QString&));
    void showOutcome(const Status& status, const QString& done);
    void savePdf();
    void saveJson();
    void print();

    Vault& m_vault;
    QPushButton* m_savePdf;
    QPushButton* m_saveJson;
    QPushButton* m_print;
    QLabel* m_outcome;
    QLabel* m_error;
    std::optional<compliance::ComplianceReport> m_report;
};

} // namespace hearth::ui
