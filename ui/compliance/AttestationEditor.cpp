#include "ui/compliance/AttestationEditor.h"

#include "ui/compliance/ComplianceText.h"
#include "ui/widgets/UiHelpers.h"

#include <QButtonGroup>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hearth::ui {

using compliance::Answer;

namespace {
QLabel* wrappedLabel(const char* name)
{
    auto* label = new QLabel;
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

AttestationEditor::AttestationEditor(QWidget* parent)
    : QWidget(parent)
    , m_wording(wrappedLabel("complianceItemWording"))
    , m_why(wrappedLabel("complianceItemWhy"))
    , m_policy(wrappedLabel("complianceItemPolicy"))
    , m_verdict(wrappedLabel("complianceItemDetail"))
    , m_evidence(new QPlainTextEdit)
    , m_answerLabel(new QLabel(tr("Answer:")))
    , m_answerRow(new QWidget)
    , m_answers(new QButtonGroup(this))
    , m_yes(new QRadioButton(tr("&Yes")))
    , m_no(new QRadioButton(tr("N&o")))
    , m_notApplicable(new QRadioButton(tr("Not a&pplicable")))
    , m_note(new QLineEdit)
{
    setObjectName(QStringLiteral("attestationEditor"));
    m_wording->setFont(scaledFont(1.1, true));
    m_evidence->setObjectName(QStringLiteral("complianceEvidence"));
    m_evidence->setReadOnly(true);
    m_evidence->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_evidence->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_evidence->setAccessibleName(tr("Evidence"));
    m_yes->setObjectName(QStringLiteral("answerYes"));
    m_no->setObjectName(QStringLiteral("answerNo"));
    m_notApplicable->setObjectName(QStringLiteral("answerNotApplicable"));
    m_yes->setToolTip(tr("The workstation meets this item."));
    m_no->setToolTip(tr("It does not: saving the run opens a finding to fix."));
    m_notApplicable->setToolTip(tr("The item does not apply here (for example, no printer). Never a finding."));
    m_answers->addButton(m_yes, int(Answer::Yes));
    m_answers->addButton(m_no, int(Answer::No));
    m_answers->addButton(m_notApplicable, int(Answer::NotApplicable));
    m_note->setObjectName(QStringLiteral("complianceItemNote"));
    m_note->setPlaceholderText(tr("What you saw or did (printed with the report; no client information)"));

    auto* answerLayout = new QHBoxLayout(m_answerRow);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(m_yes);
    answerLayout->addWidget(m_no);
    answerLayout->addWidget(m_notApplicable);
    answerLayout->addStretch();

    auto* form = new QFormLayout;
    form->addRow(tr("Why:"), m_why);
    form->addRow(tr("Policy:"), m_policy);
    form->addRow(tr("Result:"), m_verdict);
    form->addRow(m_answerLabel, m_answerRow);
    auto* noteLabel = new QLabel(tr("&Note:"));
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);

    auto* evidenceLabel = new QLabel(tr("Evidence (what Hearth saw):"));
    evidenceLabel->setBuddy(m_evidence);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_wording);
    layout->addLayout(form);
    layout->addWidget(evidenceLabel);
    layout->addWidget(m_evidence, 1);

    connect(m_answers, &QButtonGroup::idClicked, this, [this] {
        if (m_loading)
            return;
        emitEdited();
        Q_EMIT answered(answer());
    });
    connect(m_note, &QLineEdit::textEdited, this, &AttestationEditor::emitEdited);
    connect(m_note, &QLineEdit::returnPressed, this, &AttestationEditor::noteFinished);
    clear();
}

void AttestationEditor::setItem(const compliance::ItemOutcome& item, const QString& why, bool editable)
{
    m_loading = true;
    setEnabled(true);
    m_wording->setText(item.wording);
    m_why->setText(why);
    m_policy->setText(item.policySection);
    showVerdict(item);
    m_evidence->setPlainText(item.automatic ? item.automatic->evidence : tr("(an attestation: no automatic check)"));
    const bool answerable = !item.automatic || item.automatic->verdict == compliance::Verdict::Unknown;
    m_answerLabel->setVisible(answerable);
    m_answerRow->setVisible(answerable);
    m_answers->setExclusive(false);
    for (QAbstractButton* button : m_answers->buttons())
        button->setChecked(m_answers->id(button) == int(item.answer));
    m_answers->setExclusive(true);
    m_answerRow->setEnabled(editable);
    m_note->setText(item.note);
    m_note->setReadOnly(!editable);
    m_loading = false;
}

void AttestationEditor::showVerdict(const compliance::ItemOutcome& item)
{
    const QString verdict = compliance_text::verdictText(item.effective());
    if (item.automatic)
        m_verdict->setText(verdict + QStringLiteral(" — ") + item.automatic->detail);
    else
        m_verdict->setText(verdict + QStringLiteral(" — ")
                           + tr("An attestation: Hearth cannot see this, the security officer answers it."));
}

void AttestationEditor::clear()
{
    m_loading = true;
    m_wording->setText(tr("Select an item to see why it matters and what Hearth saw."));
    for (QLabel* label : {m_why, m_policy, m_verdict})
        label->clear();
    m_evidence->clear();
    m_note->clear();
    m_answerLabel->hide();
    m_answerRow->hide();
    m_note->setReadOnly(true);
    m_loading = false;
}

Answer AttestationEditor::answer() const
{
    const int id = m_answers->checkedId();
    return id < 0 ? Answer::Unanswered : static_cast<Answer>(id);
}

QString AttestationEditor::note() const
{
    return m_note->text().trimmed();
}

void AttestationEditor::focusAnswer()
{
    if (!m_answerRow->isVisible() || !m_answerRow->isEnabled())
        return;
    QAbstractButton* chosen = m_answers->checkedButton();
    (chosen ? chosen : m_yes)->setFocus(Qt::OtherFocusReason);
}

void AttestationEditor::focusNote()
{
    m_note->setFocus(Qt::OtherFocusReason);
}

void AttestationEditor::emitEdited()
{
    if (!m_loading)
        Q_EMIT edited(answer(), note());
}

} // namespace hearth::ui
