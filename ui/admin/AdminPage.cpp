#include "ui/admin/AdminPage.h"

#include "ui/widgets/PasswordFeedback.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace hearth::ui {

AdminPage::AdminPage(QWidget* parent)
    : QWizardPage(parent)
    , m_login(new QLineEdit)
    , m_name(new QLineEdit)
    , m_password(new QLineEdit)
    , m_confirm(new QLineEdit)
    , m_feedback(new PasswordFeedback)
{
    setTitle(tr("First administrator"));
    setSubTitle(tr("This account is an Enterprise Manager: it can add the other users."));
    m_login->setObjectName(QStringLiteral("adminLogin"));
    m_name->setObjectName(QStringLiteral("adminName"));
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_confirm->setObjectName(QStringLiteral("adminConfirm"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);

    auto* rules = new QLabel(PasswordPolicy().describe());
    rules->setObjectName(QStringLiteral("passwordRules"));
    rules->setWordWrap(true);
    rules->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("&User ID:"), m_login);
    form->addRow(tr("&Display name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Con&firm password:"), m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto* rulesBox = new QGroupBox(tr("Password rules"));
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(rules);
    layout->addWidget(rulesBox);
    layout->addWidget(m_feedback);
    layout->addStretch();

    registerField(QStringLiteral("adminLogin*"), m_login);
    registerField(QStringLiteral("adminName"), m_name);
    registerField(QStringLiteral("adminPassword*"), m_password);
    for (QLineEdit* edit : {m_login, m_password, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &AdminPage::recheck);
}

bool AdminPage::isComplete() const
{
    return !m_login->text().trimmed().isEmpty() && m_feedback->acceptable();
}

void AdminPage::recheck()
{
    m_feedback->evaluate(m_password->text(), m_login->text().trimmed(), m_confirm->text());
    Q_EMIT completeChanged();
}

} // namespace hearth::ui
