#include "ui/intake/MemberEntryForm.h"

#include "core/hud/HudCodes.h"
#include "core/intake/DataQuality.h"
#include "core/intake/ProgramElements.h"
#include "ui/intake/ElementForm.h"
#include "ui/intake/ElementRows.h"
#include "ui/widgets/HudCodeCombo.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace hearth::ui {

MemberEntryForm::MemberEntryForm(const ClientProfile& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_relationship(new HudCodeCombo)
    , m_location(new QLineEdit)
    , m_disabling(new HudCodeCombo)
    , m_elementsLayout(new QVBoxLayout)
    , m_noElements(new QLabel(tr("This project collects no other data about this person at project start.")))
{
    m_relationship->setObjectName(QStringLiteral("relationship"));
    m_location->setObjectName(QStringLiteral("clientLocation"));
    m_disabling->setObjectName(QStringLiteral("disablingCondition"));
    m_relationship->setList(hud::list::RelationshipToHoH);
    m_disabling->setList(hud::list::NoYesReasons);
    m_relationship->setToolTip(tr("3.15 This person's relationship to the head of household. Exactly one "
                                  "member is \u201cSelf (head of household)\u201d."));
    m_location->setToolTip(tr("3.16 Client location: the CoC code of where the client is staying, like CA-504."));
    m_location->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,2}-?[0-9]{0,3}")), m_location));
    m_location->setMaximumWidth(m_location->fontMetrics().horizontalAdvance(QStringLiteral("MMM-0000")) + 24);
    m_disabling->setToolTip(tr("3.08 Disabling condition: Yes when the client has a disability of long duration "
                               "that substantially impairs independent living (including HIV/AIDS and substance "
                               "use disorders)."));
    for (QWidget* w :
         {static_cast<QWidget*>(m_relationship), static_cast<QWidget*>(m_location), static_cast<QWidget*>(m_disabling)})
        w->setWhatsThis(w->toolTip());

    auto* form = new QFormLayout;
    form->addRow(tr("&Relationship to head:"), m_relationship);
    form->addRow(tr("Client &location (CoC):"), m_location);
    form->addRow(tr("&Disabling condition:"), m_disabling);
    m_noElements->setWordWrap(true);
    m_elementsLayout->addWidget(m_noElements);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(m_elementsLayout);
    layout->addStretch();

    connect(m_relationship, &HudCodeCombo::codeChanged, this, [this] {
        // Head or not changes which elements are asked.
        if (isHead() != m_wasHead)
            rebuildElements();
        Q_EMIT changed();
    });
    connect(m_location, &QLineEdit::textEdited, this, [this](const QString& text) {
        const int cursor = m_location->cursorPosition();
        m_location->setText(text.toUpper());
        m_location->setCursorPosition(cursor);
    });
    connect(m_location, &QLineEdit::textChanged, this, &MemberEntryForm::changed);
    connect(m_disabling, &HudCodeCombo::codeChanged, this, &MemberEntryForm::changed);
}

std::optional<int> MemberEntryForm::relationship() const
{
    return m_relationship->code();
}

void MemberEntryForm::setRelationship(std::optional<int> code)
{
    m_relationship->setCode(code);
}

bool MemberEntryForm::isHead() const
{
    return m_relationship->code() == hud::Relationship::Self;
}

void MemberEntryForm::setProject(const Project& project, const QDate& entryDate, const QDate& today)
{
    const QString location = m_location->text().trimmed();
    if (location.isEmpty() || location == m_project.cocCode)
        m_location->setText(project.cocCode);
    m_project = project;
    m_entryDate = entryDate;
    m_today = today;
    rebuildElements();
}

void MemberEntryForm::rebuildElements()
{
    m_wasHead = isHead();
    if (m_project.uuid.isEmpty())
        return;
    const bool adult = quality::isAdultOrUnknown(m_client, m_entryDate.isValid() ? m_entryDate : m_today);
    QList<ProgramElement> wanted;
    for (const ProgramElement& e :
         ProgramElements::instance().required(m_project, hud::Stage::Entry, isHead(), adult)) {
        // V1 belongs to the client record (profile screen); nothing of Exit.csv is asked at entry.
        if (e.file != u"Client" && e.file != u"Exit")
            wanted.append(e);
    }
    QStringList wantedIds;
    for (const ProgramElement& e : wanted)
        wantedIds << e.id;
    QStringList currentIds;
    for (const ElementForm* f : std::as_const(m_forms))
        currentIds << f->element().id;
    if (wantedIds == currentIds && m_builtType == m_project.projectType)
        return; // same questions: keep the widgets, and the focus

    for (ElementForm* f : std::as_const(m_forms)) {
        m_kept.insert(f->element().id, f->values());
        delete f;
    }
    m_forms.clear();
    QWidget* previous = m_disabling;
    for (const ProgramElement& e : wanted) {
        auto* form = new ElementForm(e, m_project.projectType);
        form->setValues(m_kept.value(e.id));
        m_elementsLayout->addWidget(form);
        connect(form, &ElementForm::changed, this, &MemberEntryForm::changed);
        m_forms.append(form);
        // Tab goes down the page: each form's controls follow the previous form's.
        for (const FormField& field : e.fields) {
            if (QWidget* control = form->control(field.column)) {
                setTabOrder(previous, control);
                previous = control;
            }
        }
    }
    m_builtType = m_project.projectType;
    m_noElements->setVisible(m_forms.isEmpty());
}

Enrollment MemberEntryForm::enrollment(const QString& projectUuid, const QDate& entryDate) const
{
    Enrollment e;
    e.clientUuid = m_client.uuid;
    e.projectUuid = projectUuid;
    e.relationshipToHoH = m_relationship->code().value_or(hud::DataNotCollected);
    e.entryDate = entryDate;
    e.enrollmentCoC = m_location->text().trimmed().toUpper();
    e.disablingCondition = m_disabling->code().value_or(hud::DataNotCollected);
    applyEnrollmentAnswers(m_forms, e);
    e.assessments = assessmentRows(m_forms, hud::Stage::Entry, entryDate);
    return e;
}

QStringList MemberEntryForm::problems() const
{
    return unreadableFields(m_forms);
}

} // namespace hearth::ui
