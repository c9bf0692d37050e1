#pragma once

#include "core/compliance/Checklist.h"
#include "core/compliance/ComplianceRun.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace hearth::ui {

class AttestationEditor;
class ComplianceItemModel;
class SignaturePad;

/// @brief One run of the checklist: every item with its result; the selected item in full with the
/// officer's answer and note; notes on the whole run; the officer's signature; Save, disabled with the
/// reasons shown until the run can be completed. Also shows a saved run read-only.
///
/// An answer moves on to the next item still to answer, except a No: the focus goes to its note (the
/// finding's explanation), and Return there moves on.
class ComplianceRunView : public QWidget
{
    Q_OBJECT
public:
    explicit ComplianceRunView(QWidget* parent = nullptr);

    /// A fresh run for the officer to complete.
    void edit(const compliance::ComplianceRun& run);
    /// A saved run: nothing to change, the signature as it was saved.
    void showSaved(const compliance::ComplianceRun& run);

    /// The run with the officer's answers, notes and signature so far.
    compliance::ComplianceRun run() const;
    bool isEditing() const { return m_editing; }
    /// Why Save is disabled (ComplianceRun::completionProblems), empty when it is not.
    QStringList problems() const;
    ComplianceItemModel* model() const { return m_model; }
    /// Selects the item @p itemId so its details and answer show.
    void selectItem(const QString& itemId);
    /// Shows a refusal from saving under the Save button.
    void showSaveError(const QString& message);

Q_SIGNALS:
    /// Save was clicked on a complete run.
    void saveRequested();
    /// The officer changed an answer or a note: the counts may have changed.
    void edited();

private:
    void showRun(const compliance::ComplianceRun& run, bool editing);
    void showSelected();
    void itemEdited(compliance::Answer answer, const QString& note);
    /// After an answer: on to the next item still to answer; a No first takes its note.
    void itemAnswered(compliance::Answer answer);
    /// Return in the note: on to the next item still to answer once this one is answered.
    void noteFinished();
    /// Selects the first item after the current one (wrapping round) that still needs an answer, with the
    /// focus on its answer; stays put when none is left.
    void selectNextUnanswered();
    void updateProblems();

    compliance::ComplianceRun m_run; ///< everything but the items (model), notes and signature (widgets)
    std::optional<compliance::Checklist> m_checklist; ///< for each item's "why"
    bool m_editing = false;
    QLabel* m_heading;
    QLabel* m_counts;
    ComplianceItemModel* m_model;
    QTableView* m_table;
    AttestationEditor* m_editor;
    QPlainTextEdit* m_notes;
    SignaturePad* m_signature;
    QPushButton* m_clearSignature;
    QLabel* m_savedSignature;
    QLabel* m_problems;
    QPushButton* m_save;
};

} // namespace hearth::ui
