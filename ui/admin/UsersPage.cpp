#include "ui/admin/UsersPage.h"

#include "core/crypto/SecretBytes.h"
#include "core/services/UserAdministration.h"
#include "core/vault/Vault.h"
#include "ui/admin/AddUserDialog.h"
#include "ui/admin/UserListModel.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hearth::ui {

UsersPage::UsersPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_model(new UserListModel(this))
    , m_table(new QTableView)
    , m_roleButton(new QPushButton(tr("Change &access level…")))
    , m_activeButton(new QPushButton(tr("&Deactivate")))
    , m_resetButton(new QPushButton(tr("&Reset password…")))
    , m_removeButton(new QPushButton(tr("Re&move…")))
    , m_error(makeErrorLabel(QStringLiteral("usersError")))
{
    setUpRecordTable(m_table, m_model, QStringLiteral("userTable"));

    auto* addButton = new QPushButton(tr("Add &user…"));
    addButton->setObjectName(QStringLiteral("addUserButton"));
    m_activeButton->setObjectName(QStringLiteral("activeUserButton"));
    m_removeButton->setObjectName(QStringLiteral("removeUserButton"));
    m_resetButton->setVisible(m_vault.can(Permission::ResetPasswords));
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {addButton, m_roleButton, m_activeButton, m_resetButton, m_removeButton})
        buttons->addWidget(button);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(addButton, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_roleButton, &QPushButton::clicked, this, &UsersPage::changeRole);
    connect(m_activeButton, &QPushButton::clicked, this, &UsersPage::toggleActive);
    connect(m_resetButton, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(m_removeButton, &QPushButton::clicked, this, &UsersPage::removeUser);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPage::updateButtons);

    reload();
}

void UsersPage::reload()
{
    auto users = UserAdministration(m_vault).list();
    if (!users) {
        m_model->setUsers({});
        report(users.message());
        return;
    }
    m_model->setUsers(std::move(users.value()));
}

const UserRecord* UsersPage::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->userAt(rows.constFirst().row());
}

void UsersPage::updateButtons()
{
    const UserRecord* user = selectedUser();
    const bool manageable = user && m_vault.user() && canManageRole(m_vault.user()->role, user->role);
    for (QPushButton* button : {m_roleButton, m_activeButton, m_resetButton, m_removeButton})
        button->setEnabled(manageable);
    m_activeButton->setText(user && !user->active ? tr("Reac&tivate") : tr("&Deactivate"));
}

void UsersPage::report(const QString& error)
{
    showError(m_error, error);
}

void UsersPage::addUser()
{
    if (!m_vault.user())
        return;
    // On the heap and guarded: a lock during exec() deletes this page, and with it the dialog.
    QPointer<AddUserDialog> dialog = new AddUserDialog(m_vault.user()->role, this);
    // Keep the dialog open with the core's message until it succeeds or the user cancels.
    while (dialog && dialog->exec() == QDialog::Accepted) {
        if (!dialog)
            return;
        auto added = UserAdministration(m_vault).addUser(dialog->login(), dialog->displayName(), dialog->role(),
                                                         dialog->temporaryPassword());
        if (added) {
            report({});
            reload();
            break;
        }
        dialog->setError(added.message());
    }
    delete dialog;
}

void UsersPage::changeRole()
{
    const UserRecord* user = selectedUser();
    if (!user || !m_vault.user())
        return;
    const QString uuid = user->uuid;
    QStringList names;
    QList<Role> roles;
    for (Role role : allRoles()) {
        if (canManageRole(m_vault.user()->role, role)) {
            names << roleName(role);
            roles << role;
        }
    }
    QPointer<UsersPage> alive(this);
    bool ok = false;
    const QString choice
        = QInputDialog::getItem(this, tr("Change access level"), tr("New access level for %1:").arg(user->login), names,
                                qMax(0, roles.indexOf(user->role)), false, &ok);
    if (!alive || !ok)
        return;
    const Status status = UserAdministration(m_vault).setRole(uuid, roles.value(names.indexOf(choice)));
    report(status ? QString() : status.message());
    reload();
}

void UsersPage::toggleActive()
{
    const UserRecord* user = selectedUser();
    if (!user)
        return;
    const QString uuid = user->uuid;
    const QString login = user->login;
    if (user->active) {
        const Status status = UserAdministration(m_vault).deactivate(uuid);
        report(status ? QString() : status.message());
        reload();
        if (status)
            offerKeyRotation(login);
        return;
    }
    // Deactivating destroyed the old password's key slot: coming back takes a temporary password.
    auto typed = askPassword(this, tr("Reactivate"),
                             tr("Temporary password for %1 (they must change it at sign-in):").arg(login));
    if (!typed || typed->isEmpty())
        return;
    QString password = std::move(*typed);
    const Status status = UserAdministration(m_vault).reactivate(uuid, password);
    wipe(password);
    report(status ? QString() : status.message());
    reload();
}

void UsersPage::offerKeyRotation(const QString& login)
{
    if (!m_vault.can(Permission::RotateDataKey))
        return;
    QPointer<UsersPage> alive(this);
    const auto answer = askQuestion(
        this, tr("Change the data key?"),
        tr("%1 can no longer sign in here. A copy of the data folder made while they could is still readable "
           "with their old password. Change the data key now so that no such copy opens with it? Every other "
           "password keeps working.")
            .arg(login),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (!answer || !alive || *answer != QMessageBox::Yes)
        return;
    const Status status = m_vault.rotateDataKey();
    report(status ? QString() : status.message());
}

void UsersPage::resetPassword()
{
    const UserRecord* user = selectedUser();
    if (!user)
        return;
    const QString uuid = user->uuid;
    const QString login = user->login;
    auto typed = askPassword(this, tr("Reset password"),
                             tr("Temporary password for %1 (they must change it at sign-in):").arg(login));
    if (!typed || typed->isEmpty())
        return;
    QString password = std::move(*typed);
    const Status status = UserAdministration(m_vault).resetPassword(uuid, password);
    wipe(password);
    report(status ? QString() : status.message());
    reload();
}

void UsersPage::removeUser()
{
    const UserRecord* user = selectedUser();
    if (!user)
        return;
    const QString uuid = user->uuid;
    const QString login = user->login;
    QPointer<UsersPage> alive(this);
    const auto answer
        = askQuestion(this, tr("Remove user"),
                      tr("Remove %1? They will no longer be able to sign in. The audit trail keeps their past actions.")
                          .arg(user->login),
                      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (!answer || !alive || *answer != QMessageBox::Yes)
        return;
    const Status status = UserAdministration(m_vault).removeUser(uuid);
    report(status ? QString() : status.message());
    reload();
    if (status)
        offerKeyRotation(login);
}

} // namespace hearth::ui
