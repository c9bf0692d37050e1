#include "ui/intake/ServiceDialog.h"

#include "core/services/ServiceRecords.h"
#include "core/vault/Vault.h"
#include "ui/intake/LocalServices.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ServiceDialog::ServiceDialog(Vault& vault, const Enrollment& enrollment, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_enrollment(enrollment)
    , m_date(new HudDateEdit)
    , m_type(new QComboBox)
    , m_notes(new QPlainTextEdit)
    , m_error(makeErrorLabel(QStringLiteral("serviceError")))
{
    setWindowTitle(tr("Add service"));
    m_date->setObjectName(QStringLiteral("serviceDate"));
    m_type->setObjectName(QStringLiteral("serviceType"));
    m_notes->setObjectName(QStringLiteral("serviceNotes"));

    const QDate today = vault.clock().today();
    m_date->setReferenceDate(today);
    m_date->setDate(today);
    m_date->setToolTip(tr("The day the service was given. Type t for today."));
    m_type->addItem(tr("—"));
    for (const LocalService& service : localServices())
        m_type->addItem(service.label, service.code);
    m_type->setToolTip(tr("What was given. Bed nights are recorded with the check-in list, not here."));
    m_notes->setTabChangesFocus(true); // Tab leaves the notes instead of typing a tab
    m_notes->setPlaceholderText(tr("Optional. Do not write diagnoses or other sensitive details here."));
    m_notes->setMaximumHeight(m_notes->fontMetrics().lineSpacing() * 5);

    auto* form = new QFormLayout;
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Service:"), m_type);
    form->addRow(tr("&Notes:"), m_notes);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Add service"));
    ok->setObjectName(QStringLiteral("addServiceButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServiceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_date, m_type);
    setTabOrder(m_type, m_notes);
    m_type->setFocus();
}

void ServiceDialog::accept()
{
    if (!m_date->date()) {
        showError(m_error,
                  m_date->isEmpty() ? tr("Enter the date the service was given.")
                                    : tr("The date is not a date; type it as MM/DD/YYYY."));
        m_date->setFocus();
        return;
    }
    if (!m_type->currentData().isValid()) {
        showError(m_error, tr("Choose the service."));
        m_type->setFocus();
        return;
    }
    ServiceRecord record;
    record.enrollmentUuid = m_enrollment.uuid;
    record.clientUuid = m_enrollment.clientUuid;
    record.dateProvided = *m_date->date();
    record.recordType = kLocalServiceRecordType;
    record.typeProvided = m_type->currentData().toInt();
    record.notes = m_notes->toPlainText().trimmed();
    auto added = ServiceRecords(m_vault).add(record);
    if (!added) {
        showError(m_error, added.message());
        return;
    }
    m_saved = added.value();
    QDialog::accept();
}

} // namespace hearth::ui
