#include "ui/intake/ReopenDialog.h"

#include "core/services/EnrollmentRecords.h"
#include "core/vault/Vault.h"
#include "ui/widgets/UiHelpers.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ReopenDialog::ReopenDialog(Vault& vault, const QString& enrollmentUuid, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_uuid(enrollmentUuid)
    , m_error(makeErrorLabel(QStringLiteral("reopenError")))
{
    setWindowTitle(tr("Reopen enrollment"));
    auto* explanation = new QLabel(tr("This clears the exit date; the exit data stays. Record the exit again "
                                      "when the client leaves."));
    explanation->setObjectName(QStringLiteral("reopenExplanation"));
    explanation->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Reopen"));
    ok->setObjectName(QStringLiteral("reopenButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    // Not even shown to users who may not clear exit data: the core would refuse it anyway.
    if (vault.can(Permission::ClearExitData)) {
        m_clear = new QCheckBox(tr("&Clear all exit data (destination and exit assessments)"));
        m_clear->setObjectName(QStringLiteral("clearExitData"));
        m_clear->setToolTip(tr("Use only when the exit was recorded by mistake: the destination, the other "
                               "exit answers and the income, benefits and disability answers taken at exit are "
                               "removed."));
        layout->addWidget(m_clear);
    }
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReopenDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    ok->setDefault(true);
    ok->setFocus();
}

bool ReopenDialog::confirmClearing()
{
    // On the heap and guarded: an auto-lock during exec() deletes this dialog and the box with it.
    QPointer<QMessageBox> box = new QMessageBox(
        QMessageBox::Warning, tr("Clear all exit data"),
        tr("This removes the exit destination (3.12), the other exit answers and every assessment recorded at "
           "exit (income, benefits, health insurance, disabilities). They cannot be brought back.\n\n"
           "Reopen and clear all exit data?"),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("clearExitDataConfirm"));
    QPushButton* clear = box->addButton(tr("Clear exit data"), QMessageBox::DestructiveRole);
    clear->setObjectName(QStringLiteral("confirmClearButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->exec();
    const bool confirmed = box && box->clickedButton() == clear;
    delete box;
    return confirmed;
}

void ReopenDialog::accept()
{
    const bool clear = m_clear && m_clear->isChecked();
    QPointer<ReopenDialog> alive(this);
    if (clear && (!confirmClearing() || !alive))
        return;
    const Status status = EnrollmentRecords(m_vault).reopen(m_uuid, clear);
    if (!status) {
        showError(m_error, status.message());
        return;
    }
    QDialog::accept();
}

} // namespace hearth::ui
