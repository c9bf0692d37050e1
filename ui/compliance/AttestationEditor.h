#pragma once

#include "core/compliance/ComplianceRun.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace hearth::ui {

/// @brief One checklist item in full: why it matters, the policy section, what the check saw
/// (selectable, monospace) and its verdict sentence; for attestations and items Hearth could not
/// check, the officer's answer (Yes / No / Not applicable). Every item takes a note.
class AttestationEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AttestationEditor(QWidget* parent = nullptr);

    /// Shows @p item; @p why comes from the checklist. Read-only runs pass @p editable false.
    void setItem(const compliance::ItemOutcome& item, const QString& why, bool editable);
    void clear();
    /// Shows the standing of @p item again after its answer changed (the rest stays as typed).
    void showVerdict(const compliance::ItemOutcome& item);

    compliance::Answer answer() const;
    QString note() const;
    /// Puts the keyboard focus on the answer buttons (the one chosen, or Yes) / on the note.
    void focusAnswer();
    void focusNote();

Q_SIGNALS:
    /// The officer changed the answer or the note of the item shown.
    void edited(hearth::compliance::Answer answer, const QString& note);
    /// The officer clicked an answer (after edited()).
    void answered(hearth::compliance::Answer answer);
    /// The officer pressed Return in the note.
    void noteFinished();

private:
    void emitEdited();

    QLabel* m_wording;
    QLabel* m_why;
    QLabel* m_policy;
    QLabel* m_verdict;
    QPlainTextEdit* m_evidence;
    QLabel* m_answerLabel;
    QWidget* m_answerRow;
    QButtonGroup* m_answers;
    QRadioButton* m_yes;
    QRadioButton* m_no;
    QRadioButton* m_notApplicable;
    QLineEdit* m_note;
    bool m_loading = false;
};

} // namespace hearth::ui
