#include "ui/signin/RecoveryDialog.h"

#include "core/crypto/RecoveryKey.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/Vault.h"
#include "ui/widgets/PasswordFeedback.h"
#include "ui/widgets/UiHelpers.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

RecoveryDialog::RecoveryDialog(Vault& vault, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_key(new QLineEdit)
    , m_login(new QLineEdit)
    , m_password(new QLineEdit)
    , m_confirm(new QLineEdit)
    , m_feedback(new PasswordFeedback)
    , m_error(makeErrorLabel(QStringLiteral("recoveryError")))
{
    setWindowTitle(tr("Recover an account"));
    auto* intro = new QLabel(tr("Enter the agency recovery key exactly as printed, the user ID of an Enterprise "
                                "Manager, and a new password for that account."));
    intro->setWordWrap(true);
    m_key->setObjectName(QStringLiteral("recoveryKeyInput"));
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_login->setObjectName(QStringLiteral("recoveryLogin"));
    m_password->setObjectName(QStringLiteral("recoveryPassword"));
    m_confirm->setObjectName(QStringLiteral("recoveryConfirm"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_feedback->setPolicy(vault.settings().passwordPolicy());

    auto* form = new QFormLayout;
    form->addRow(tr("Recovery &key:"), m_key);
    form->addRow(tr("Enterprise Manager &user ID:"), m_login);
    form->addRow(tr("&New password:"), m_password);
    form->addRow(tr("Con&firm new password:"), m_confirm);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Set new password"));
    m_ok->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_feedback);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &RecoveryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecoveryDialog::reject);
    for (QLineEdit* edit : {m_key, m_login, m_password, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &RecoveryDialog::recheck);
}

QString RecoveryDialog::login() const
{
    return m_login->text().trimmed();
}

void RecoveryDialog::recheck()
{
    m_feedback->evaluate(m_password->text(), login(), m_confirm->text());
    m_ok->setEnabled(m_feedback->acceptable() && !login().isEmpty() && !m_key->text().trimmed().isEmpty());
}

void RecoveryDialog::accept()
{
    const auto key = RecoveryKey::parse(m_key->text());
    if (!key) {
        showError(m_error, key.message());
        return;
    }
    const Status status = m_vault.recoverAccount(key.value(), login(), m_password->text());
    if (!status) {
        showError(m_error, status.message());
        return;
    }
    m_key->clear();
    m_password->clear();
    m_confirm->clear();
    QMessageBox::information(this, windowTitle(), tr("The password was changed. Sign in with the new password."));
    QDialog::accept();
}

} // namespace hearth::ui
