#include "ui/admin/AddUserDialog.h"

#include "ui/widgets/UiHelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

AddUserDialog::AddUserDialog(Role actor, QWidget* parent)
    : QDialog(parent)
    , m_login(new QLineEdit)
    , m_name(new QLineEdit)
    , m_role(new QComboBox)
    , m_password(new QLineEdit)
    , m_error(makeErrorLabel(QStringLiteral("addUserError")))
{
    setWindowTitle(tr("Add user"));
    m_login->setObjectName(QStringLiteral("newUserLogin"));
    m_name->setObjectName(QStringLiteral("newUserName"));
    m_role->setObjectName(QStringLiteral("newUserRole"));
    m_password->setObjectName(QStringLiteral("newUserPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    for (Role role : allRoles()) {
        if (canManageRole(actor, role))
            m_role->addItem(roleName(role), static_cast<int>(role));
    }
    auto* hint = new QLabel(tr("The user must change the temporary password when they first sign in."));
    hint->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&User ID:"), m_login);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Access level:"), m_role);
    form->addRow(tr("&Temporary password:"), m_password);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add user"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString AddUserDialog::login() const
{
    return m_login->text().trimmed();
}

QString AddUserDialog::displayName() const
{
    return m_name->text().simplified();
}

Role AddUserDialog::role() const
{
    return static_cast<Role>(m_role->currentData().toInt());
}

QString AddUserDialog::temporaryPassword() const
{
    return m_password->text();
}

void AddUserDialog::setError(const QString& message)
{
    showError(m_error, message);
}

} // namespace hearth::ui
