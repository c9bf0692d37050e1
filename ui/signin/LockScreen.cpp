#include "ui/signin/LockScreen.h"

#include "core/vault/Vault.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

LockScreen::LockScreen(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_user(new QLabel)
    , m_password(new QLineEdit)
    , m_error(makeErrorLabel(QStringLiteral("unlockError")))
{
    auto* title = new QLabel(tr("Hearth is locked"));
    title->setObjectName(QStringLiteral("lockTitle"));
    title->setFont(scaledFont(1.8, true));
    m_user->setObjectName(QStringLiteral("lockedUser"));
    m_user->setTextFormat(Qt::PlainText);
    m_password->setObjectName(QStringLiteral("unlockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    auto* unlockButton = new QPushButton(tr("&Unlock"));
    unlockButton->setObjectName(QStringLiteral("unlockButton"));
    unlockButton->setDefault(true);
    auto* switchUser = new QPushButton(tr("Sign in as &someone else"));
    switchUser->setObjectName(QStringLiteral("switchUserButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(switchUser);
    buttons->addStretch();
    buttons->addWidget(unlockButton);

    auto* panel = new QWidget;
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(title);
    panelLayout->addWidget(m_user);
    panelLayout->addLayout(form);
    panelLayout->addWidget(m_error);
    panelLayout->addLayout(buttons);

    placeCentredPanel(this, panel);

    setTabOrder(m_password, unlockButton);
    setTabOrder(unlockButton, switchUser);

    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(unlockButton, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(switchUser, &QPushButton::clicked, &m_vault, &Vault::signOut);
}

void LockScreen::reset(const QString& notice)
{
    m_user->setText(tr("Locked by %1").arg(m_vault.lockedUserLogin()));
    m_password->clear();
    showError(m_error, notice);
    m_password->setFocus();
}

void LockScreen::unlock()
{
    const Status status = m_vault.unlock(m_password->text());
    m_password->clear();
    if (!status) {
        showError(m_error, status.message());
        m_password->setFocus();
        return;
    }
    showError(m_error, {});
}

} // namespace hearth::ui
