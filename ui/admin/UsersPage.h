#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace hearth {
class Vault;
struct UserRecord;
} // namespace hearth

namespace hearth::ui {

class UserListModel;

/// @brief Account administration: add, change access level, (de)activate, reset password, remove.
class UsersPage : public QWidget
{
    Q_OBJECT
public:
    explicit UsersPage(Vault& vault, QWidget* parent = nullptr);
    UserListModel* model() const { return m_model; }

public Q_SLOTS:
    void reload();

private:
    const UserRecord* selectedUser() const;
    void updateButtons();
    void addUser();
    void changeRole();
    void toggleActive();
    /// After someone lost access: offers to change the data key, for whoever may (RotateDataKey).
    void offerKeyRotation(const QString& login);
    void resetPassword();
    void removeUser();
    void report(const QString& error);

    Vault& m_vault;
    UserListModel* m_model;
    QTableView* m_table;
    QPushButton* m_roleButton;
    QPushButton* m_activeButton;
    QPushButton* m_resetButton;
    QPushButton* m_removeButton;
    QLabel* m_error;
};

} // namespace hearth::ui
