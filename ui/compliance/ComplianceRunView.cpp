#include "ui/compliance/ComplianceRunView.h"

#include "core/common/DisplayDates.h"
#include "ui/compliance/AttestationEditor.h"
#include "ui/compliance/ComplianceItemModel.h"
#include "ui/compliance/ComplianceText.h"
#include "ui/widgets/SignaturePad.h"
#include "ui/widgets/UiHelpers.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hearth::ui {

using namespace compliance_text;

ComplianceRunView::ComplianceRunView(QWidget* parent)
    : QWidget(parent)
    , m_heading(new QLabel)
    , m_counts(new QLabel)
    , m_model(new ComplianceItemModel(this))
    , m_table(new QTableView)
    , m_editor(new AttestationEditor)
    , m_notes(new QPlainTextEdit)
    , m_signature(new SignaturePad)
    , m_clearSignature(new QPushButton(tr("C&lear signature")))
    , m_savedSignature(new QLabel)
    , m_problems(makeErrorLabel(QStringLiteral("complianceRunProblems")))
    , m_save(new QPushButton(tr("&Save the run")))
{
    setObjectName(QStringLiteral("complianceRunView"));
    if (auto checklist = compliance::Checklist::builtIn())
        m_checklist = std::move(checklist).value();
    m_heading->setObjectName(QStringLiteral("complianceRunHeading"));
    m_heading->setFont(scaledFont(1.2, true));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_counts->setObjectName(QStringLiteral("complianceRunCounts"));
    m_counts->setTextFormat(Qt::PlainText);
    setUpRecordTable(m_table, m_model, QStringLiteral("complianceItemTable"));
    // The wording gets the room; the short columns fit their words.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ComplianceItemModel::ItemColumn, QHeaderView::Stretch);
    m_notes->setObjectName(QStringLiteral("complianceRunNotes"));
    m_notes->setPlaceholderText(tr("Notes on the whole run (printed with the report; no client information)"));
    m_notes->setMaximumHeight(QFontMetrics(font()).lineSpacing() * 5);
    m_signature->setMinimumSize(SignaturePad::kImageSize / 2);
    m_signature->setMaximumHeight(SignaturePad::kImageSize.height() / 2); // leave the items the room
    m_savedSignature->setObjectName(QStringLiteral("complianceSavedSignature"));
    m_save->setObjectName(QStringLiteral("saveComplianceRun"));

    // On a small screen the item's details scroll rather than squeeze their lines together.
    auto* editorScroll = new QScrollArea;
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_table);
    splitter->addWidget(editorScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_clearSignature->setObjectName(QStringLiteral("clearComplianceSignature"));
    auto* signatureBox = new QGroupBox(tr("Security officer's signature"));
    auto* signatureLayout = new QVBoxLayout(signatureBox);
    signatureLayout->addWidget(m_signature, 1);
    signatureLayout->addWidget(m_savedSignature);
    signatureLayout->addWidget(m_clearSignature, 0, Qt::AlignRight);

    auto* notesLabel = new QLabel(tr("Notes on this &run:"));
    notesLabel->setBuddy(m_notes);
    auto* notesColumn = new QVBoxLayout;
    notesColumn->addWidget(notesLabel);
    notesColumn->addWidget(m_notes);
    notesColumn->addStretch();
    auto* notesAndSignature = new QHBoxLayout;
    notesAndSignature->addLayout(notesColumn, 1);
    notesAndSignature->addWidget(signatureBox, 1);
    // What still stops the save sits right beside the button, across the whole width.
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_problems, 1);
    saveRow->addWidget(m_save, 0, Qt::AlignBottom);
    auto* bottomPart = new QWidget;
    auto* bottom = new QVBoxLayout(bottomPart);
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addLayout(notesAndSignature);
    bottom->addLayout(saveRow);
    // The items get the room; the officer can drag the divider to give the signature more.
    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->setChildrenCollapsible(false);
    vertical->addWidget(splitter);
    vertical->addWidget(bottomPart);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 0);
    vertical->setSizes({1000, 1}); // the signature part starts at its smallest

    // Enough rows to work with; on a short screen the whole run scrolls instead of squeezing them.
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 8);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_counts);
    layout->addWidget(vertical, 1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ComplianceRunView::showSelected);
    connect(m_editor, &AttestationEditor::edited, this, &ComplianceRunView::itemEdited);
    connect(m_editor, &AttestationEditor::answered, this, &ComplianceRunView::itemAnswered);
    connect(m_editor, &AttestationEditor::noteFinished, this, &ComplianceRunView::noteFinished);
    connect(m_signature, &SignaturePad::changed, this, &ComplianceRunView::updateProblems);
    connect(m_clearSignature, &QPushButton::clicked, m_signature, &SignaturePad::clear);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (problems().isEmpty())
            Q_EMIT saveRequested();
    });
    m_savedSignature->hide();
}

void ComplianceRunView::edit(const compliance::ComplianceRun& run)
{
    showRun(run, true);
}

void ComplianceRunView::showSaved(const compliance::ComplianceRun& run)
{
    showRun(run, false);
}

void ComplianceRunView::showRun(const compliance::ComplianceRun& run, bool editing)
{
    m_run = run;
    m_editing = editing;
    const QDateTime when = (editing ? run.startedAt : run.completedAt).toLocalTime();
    QString heading = auditKindName(run.kind) + QStringLiteral(" — ") + run.workstation.hostName + QStringLiteral(" — ")
        + displayDateTime(when);
    if (!editing && !run.officerName.isEmpty())
        heading += QStringLiteral(" — ") + tr("signed by %1").arg(run.officerName);
    m_heading->setText(heading);
    m_model->setItems(run.items);
    m_notes->setPlainText(run.notes);
    m_notes->setReadOnly(!editing);
    m_signature->clear();
    m_signature->setVisible(editing);
    // Editing shows the pad; a saved run shows the signature as it was saved.
    m_clearSignature->setVisible(editing);
    QPixmap signature;
    if (!editing && signature.loadFromData(run.signaturePng, "PNG"))
        m_savedSignature->setPixmap(
            signature.scaled(SignaturePad::kImageSize / 2, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_savedSignature->clear();
    m_savedSignature->setVisible(!editing);
    m_save->setVisible(editing);
    m_editor->clear();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateProblems();
}

compliance::ComplianceRun ComplianceRunView::run() const
{
    compliance::ComplianceRun run = m_run;
    run.items = m_model->items();
    if (m_editing) {
        run.notes = m_notes->toPlainText().trimmed();
        run.signaturePng = m_signature->toPng();
    }
    return run;
}

QStringList ComplianceRunView::problems() const
{
    return m_editing ? run().completionProblems() : QStringList {};
}

void ComplianceRunView::selectItem(const QString& itemId)
{
    const int row = m_model->rowOf(itemId);
    if (row >= 0)
        m_table->selectRow(row);
}

void ComplianceRunView::showSaveError(const QString& message)
{
    showError(m_problems, message);
}

void ComplianceRunView::showSelected()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount()) {
        m_editor->clear();
        return;
    }
    const compliance::ItemOutcome& item = m_model->items().at(row);
    const compliance::ChecklistItem* entry = m_checklist ? m_checklist->item(item.itemId) : nullptr;
    m_editor->setItem(item, entry ? entry->why : QString(), m_editing);
}

void ComplianceRunView::itemEdited(compliance::Answer answer, const QString& note)
{
    const int row = m_table->currentIndex().row();
    if (!m_editing || row < 0 || row >= m_model->rowCount())
        return;
    compliance::ItemOutcome item = m_model->items().at(row);
    const bool answerable = !item.automatic || item.automatic->verdict == compliance::Verdict::Unknown;
    if (answerable)
        item.answer = answer;
    item.note = note;
    m_model->setItem(row, item);
    m_editor->showVerdict(item);
    updateProblems();
    Q_EMIT edited();
}

void ComplianceRunView::itemAnswered(compliance::Answer answer)
{
    if (!m_editing)
        return;
    if (answer == compliance::Answer::No)
        m_editor->focusNote();
    else
        selectNextUnanswered();
}

void ComplianceRunView::noteFinished()
{
    const int row = m_table->currentIndex().row();
    if (!m_editing || row < 0 || row >= m_model->rowCount())
        return;
    if (m_model->items().at(row).needsAnswer())
        m_editor->focusAnswer();
    else
        selectNextUnanswered();
}

void ComplianceRunView::selectNextUnanswered()
{
    const QList<compliance::ItemOutcome>& items = m_model->items();
    const int count = int(items.size());
    const int current = m_table->currentIndex().row();
    for (int step = 1; step <= count; ++step) {
        const int row = (current + step) % count; // from the top when nothing is selected (-1)
        if (row != current && items.at(row).needsAnswer()) {
            m_table->selectRow(row);
            m_table->scrollTo(m_model->index(row, ComplianceItemModel::ItemColumn));
            m_editor->focusAnswer();
            return;
        }
    }
}

void ComplianceRunView::updateProblems()
{
    const compliance::ComplianceRun current = run();
    m_counts->setText(tr("%1 pass, %2 fail, %3 not applicable, %4 not yet answered.")
                          .arg(current.count(compliance::Verdict::Pass))
                          .arg(current.count(compliance::Verdict::Fail))
                          .arg(current.count(compliance::Verdict::NotApplicable))
                          .arg(current.count(compliance::Verdict::Unknown)));
    const QStringList found = problems();
    showError(m_problems, found.join(u'\n'));
    m_save->setEnabled(m_editing && found.isEmpty());
}

} // namespace hearth::ui
