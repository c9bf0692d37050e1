#include "ui/signin/SignInWidget.h"

#include "core/vault/Vault.h"
#include "ui/signin/RecoveryDialog.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

SignInWidget::SignInWidget(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_login(new QLineEdit)
    , m_password(new QLineEdit)
    , m_signIn(new QPushButton(tr("&Sign in")))
    , m_error(makeErrorLabel(QStringLiteral("signInError")))
{
    auto* title = new QLabel(tr("Sign in to Hearth"));
    title->setFont(scaledFont(1.6, true));
    m_login->setObjectName(QStringLiteral("signInLogin"));
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    auto* forgot = new QPushButton(tr("&Forgot password? Use the recovery key…"));
    forgot->setObjectName(QStringLiteral("forgotPassword"));
    forgot->setFlat(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&User ID:"), m_login);
    form->addRow(tr("&Password:"), m_password);

    auto* panel = new QWidget;
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(title);
    panelLayout->addLayout(form);
    panelLayout->addWidget(m_error);
    panelLayout->addWidget(m_signIn, 0, Qt::AlignRight);
    panelLayout->addWidget(forgot, 0, Qt::AlignLeft);

    placeCentredPanel(this, panel);

    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_signIn);
    setTabOrder(m_signIn, forgot);

    // Outside a dialog the default button does not react to Enter by itself.
    connect(m_login, &QLineEdit::returnPressed, this, &SignInWidget::attempt);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInWidget::attempt);
    connect(m_signIn, &QPushButton::clicked, this, &SignInWidget::attempt);
    connect(forgot, &QPushButton::clicked, this, &SignInWidget::openRecovery);
}

void SignInWidget::reset()
{
    m_login->clear();
    m_password->clear();
    showError(m_error, {});
    m_login->setFocus();
}

void SignInWidget::setError(const QString& message)
{
    showError(m_error, message);
}

void SignInWidget::attempt()
{
    if (m_login->text().trimmed().isEmpty()) {
        showError(m_error, tr("Enter your user ID."));
        m_login->setFocus();
        return;
    }
    const Status status = m_vault.signIn(m_login->text(), m_password->text());
    m_password->clear();
    if (!status) {
        showError(m_error, status.message());
        m_password->setFocus();
        return;
    }
    showError(m_error, {});
}

void SignInWidget::openRecovery()
{
    RecoveryDialog dialog(m_vault, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_login->setText(dialog.login());
        showError(m_error, {});
        m_password->setFocus();
    }
}

} // namespace hearth::ui
