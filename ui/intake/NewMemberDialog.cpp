#include "ui/intake/NewMemberDialog.h"

#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/intake/DateOfBirth.h"
#include "ui/intake/ClientPickerDialog.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

NewMemberDialog::NewMemberDialog(NewClientIntake& intake, QDate today, QWidget* parent)
    : QDialog(parent)
    , m_intake(intake)
    , m_today(today)
    , m_first(new QLineEdit)
    , m_last(new QLineEdit)
    , m_dob(new HudDateEdit)
    , m_duplicatesMessage(new QLabel)
    , m_duplicateList(new QListWidget)
    , m_useExisting(new QPushButton(tr("&Use this person")))
    , m_error(makeErrorLabel(QStringLiteral("newMemberError")))
{
    setWindowTitle(tr("New household member"));
    m_first->setObjectName(QStringLiteral("newMemberFirst"));
    m_last->setObjectName(QStringLiteral("newMemberLast"));
    m_dob->setObjectName(QStringLiteral("newMemberDob"));
    m_duplicateList->setObjectName(QStringLiteral("newMemberDuplicates"));
    m_useExisting->setObjectName(QStringLiteral("useExistingMember"));
    m_duplicatesMessage->setWordWrap(true);

    auto* intro = new QLabel(tr("Their release is recorded. The rest of their profile can be completed on their "
                                "client page after enrolling."));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&First name:"), m_first);
    form->addRow(tr("&Last name:"), m_last);
    form->addRow(tr("&Date of birth:"), m_dob);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Ok);
    m_save->setText(tr("&Add to household"));
    m_save->setObjectName(QStringLiteral("saveNewMember"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_duplicatesMessage);
    layout->addWidget(m_duplicateList);
    layout->addWidget(m_useExisting);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    for (QWidget* w : {static_cast<QWidget*>(m_duplicatesMessage), static_cast<QWidget*>(m_duplicateList),
                       static_cast<QWidget*>(m_useExisting)})
        w->setVisible(false);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewMemberDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_useExisting, &QPushButton::clicked, this, &NewMemberDialog::useExisting);
    m_first->setFocus();
}

ClientProfile NewMemberDialog::profile() const
{
    ClientProfile p;
    p.firstName = m_first->text().trimmed();
    p.lastName = m_last->text().trimmed();
    p.nameDataQuality
        = p.firstName.isEmpty() || p.lastName.isEmpty() ? hud::DataQuality::Partial : hud::DataQuality::Full;
    p.dob = m_dob->date();
    p.dobDataQuality = dob::dataQualityFor(p.dob, false);
    return p;
}

void NewMemberDialog::accept()
{
    if (!m_dob->hasValidText()) {
        showError(m_error, tr("The date of birth is not a date; type it as MM/DD/YYYY."));
        return;
    }
    const ClientProfile p = profile();
    if (p.firstName.isEmpty() && p.lastName.isEmpty()) {
        showError(m_error, tr("Enter at least a first or a last name."));
        m_first->setFocus();
        return;
    }
    // Shown once: a second Add means a person looked at the matches and adds the client anyway.
    const auto duplicates
        = m_duplicates.empty() ? NewClientIntake::Duplicates::Check : NewClientIntake::Duplicates::Reviewed;
    auto saved = m_intake.save(p, duplicates);
    if (!saved) {
        showError(m_error, saved.message());
        return;
    }
    if (saved->created) {
        m_member = saved->created;
        QDialog::accept();
        return;
    }
    m_duplicates = saved->possibleDuplicates;
    m_duplicateList->clear();
    for (const ClientMatch& match : m_duplicates) {
        const ClientProfile& c = match.client;
        m_duplicateList->addItem(c.dob ? tr("%1, born %2").arg(clientName(c), displayDate(*c.dob)) : clientName(c));
    }
    m_duplicateList->setCurrentRow(0);
    m_duplicatesMessage->setText(tr("Someone already here may be this person. Use them, or press Add to household "
                                    "again to add a new client."));
    for (QWidget* w : {static_cast<QWidget*>(m_duplicatesMessage), static_cast<QWidget*>(m_duplicateList),
                       static_cast<QWidget*>(m_useExisting)})
        w->setVisible(true);
    showError(m_error, {});
    m_duplicateList->setFocus();
}

void NewMemberDialog::useExisting()
{
    const int row = m_duplicateList->currentRow();
    if (row < 0 || row >= int(m_duplicates.size()))
        return;
    const ClientProfile existing = m_duplicates[size_t(row)].client;
    if (const Status recorded = m_intake.recordForExisting(existing.uuid); !recorded) {
        showError(m_error, recorded.message());
        return;
    }
    m_member = existing;
    QDialog::accept();
}

} // namespace hearth::ui
