#include "ui/signin/ChangePasswordDialog.h"

#include "core/vault/AgencySettings.h"
#include "core/vault/Vault.h"
#include "ui/widgets/PasswordFeedback.h"
#include "ui/widgets/UiHelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

ChangePasswordDialog::ChangePasswordDialog(Vault& vault, bool forced, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_current(new QLineEdit)
    , m_new(new QLineEdit)
    , m_confirm(new QLineEdit)
    , m_feedback(new PasswordFeedback)
    , m_error(makeErrorLabel(QStringLiteral("changePasswordError")))
{
    setWindowTitle(tr("Change password"));
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    for (QLineEdit* edit : {m_current, m_new, m_confirm})
        edit->setEchoMode(QLineEdit::Password);
    m_feedback->setPolicy(vault.settings().passwordPolicy());

    auto* layout = new QVBoxLayout(this);
    if (forced) {
        const bool expired = vault.user() && vault.user()->passwordExpired;
        auto* why = new QLabel(expired ? tr("Your password has expired. Choose a new one to continue.")
                                       : tr("You signed in with a temporary password. Choose your own to continue."));
        why->setWordWrap(true);
        layout->addWidget(why);
    }
    auto* rules = new QLabel(m_feedback->policy().describe());
    rules->setWordWrap(true);
    rules->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Current password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("Con&firm new password:"), m_confirm);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("C&hange password"));
    m_ok->setObjectName(QStringLiteral("changePasswordButton"));
    m_ok->setEnabled(false);
    // Forced: rejecting the dialog signs the user out (the caller does that), so say so on the button.
    if (forced)
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Sign &out"));

    layout->addLayout(form);
    layout->addWidget(rules);
    layout->addWidget(m_feedback);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);
    for (QLineEdit* edit : {m_current, m_new, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &ChangePasswordDialog::recheck);
}

void ChangePasswordDialog::recheck()
{
    const QString login = m_vault.user() ? m_vault.user()->login : QString();
    m_feedback->evaluate(m_new->text(), login, m_confirm->text());
    m_ok->setEnabled(m_feedback->acceptable() && !m_current->text().isEmpty());
}

void ChangePasswordDialog::accept()
{
    const Status status = m_vault.changePassword(m_current->text(), m_new->text());
    if (!status) {
        showError(m_error, status.message());
        m_current->setFocus();
        return;
    }
    for (QLineEdit* edit : {m_current, m_new, m_confirm})
        edit->clear();
    QDialog::accept();
}

} // namespace hearth::ui
