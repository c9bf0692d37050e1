#pragma once

#include "core/compliance/ComplianceRun.h"
#include "core/compliance/SystemProbe.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class AutomaticChecksRunner;
class ComplianceFindingsView;
class ComplianceReportExport;
class ComplianceHistoryView;
class ComplianceRunView;

/// @brief The Compliance area for the agency's security officer: the reminders, running the
/// Compliance Certification Checklist on this workstation, the findings to fix and the runs saved.
/// A run just saved offers its report (Save PDF…, Save JSON…, Print…) right where the save is reported.
///
/// The automatic checks run on a worker thread through a SystemProbe (the real workstation by
/// default; tests hand in a recorded one).
class ComplianceArea : public QWidget
{
    Q_OBJECT
public:
    explicit ComplianceArea(Vault& vault, std::shared_ptr<const compliance::SystemProbe> probe = {},
                            QWidget* parent = nullptr);

    /// Where the automatic checks look (tests: a recorded workstation).
    void setProbe(std::shared_ptr<const compliance::SystemProbe> probe);

    ComplianceRunView* runView() const { return m_runView; }
    ComplianceFindingsView* findingsView() const { return m_findings; }
    ComplianceHistoryView* historyView() const { return m_history; }
    /// True while the automatic checks run.
    bool isChecking() const;
    /// The reminders as shown at the top.
    QString remindersText() const;

    /// The run being answered, kept as a draft when the session locks (without the signature: the
    /// officer signs again after unlock). Empty when no run is open.
    std::optional<QJsonObject> runDraft() const;
    /// Opens a run kept by runDraft() where the officer left it.
    void restoreRunDraft(const QJsonObject& draft);

public Q_SLOTS:
    /// Reads the reminders, findings and runs again.
    void refresh();
    /// Runs the automatic checks for a new run of the kind chosen; the run view opens when they finish.
    void runChecklist();
    /// Saves the run being edited; the findings it opened are listed with their due dates.
    void saveRun();
    void openRun(const QString& runUuid);

Q_SIGNALS:
    /// A run was saved, a finding resolved or a copy marked sent: reminders elsewhere may change.
    void changed();

protected:
    /// Reminders and overdue findings change with the date: read them again whenever the area shows.
    void showEvent(QShowEvent* event) override;

private:
    void checksFinished(const QList<compliance::ItemResult>& results);
    void setChecking(bool checking);
    /// "Checks done: …" with the counts of the run being answered, as they are now.
    void showCheckCounts();
    /// Offers the report of @p run (just saved) beside what the save says; nothing for no run.
    void offerReport(const std::optional<compliance::ComplianceRun>& run);

    Vault& m_vault;
    AutomaticChecksRunner* m_runner;
    compliance::AuditKind m_pendingKind = compliance::AuditKind::SelfAudit;
    QDateTime m_pendingStart;
    QLabel* m_reminders;
    QComboBox* m_kind;
    QPushButton* m_runButton;
    QProgressBar* m_busy;
    QLabel* m_status;
    QTabWidget* m_tabs;
    QStackedWidget* m_runStack;
    QWidget* m_runDone; ///< the intro, or what the last save did with that run's report
    QLabel* m_runIntro;
    ComplianceReportExport* m_runReport;
    ComplianceRunView* m_runView;
    ComplianceFindingsView* m_findings;
    ComplianceHistoryView* m_history;
    QLabel* m_error;
};

} // namespace hearth::ui
