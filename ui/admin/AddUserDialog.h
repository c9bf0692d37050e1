#pragma once

#include "core/auth/Roles.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace hearth::ui {

/// @brief Collects a new account: user ID, name, an access level the actor may grant, a temporary password.
class AddUserDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddUserDialog(Role actor, QWidget* parent = nullptr);

    QString login() const;
    QString displayName() const;
    Role role() const;
    QString temporaryPassword() const;
    void setError(const QString& message);

private:
    QLineEdit* m_login;
    QLineEdit* m_name;
    QComboBox* m_role;
    QLineEdit* m_password;
    QLabel* m_error;
};

} // namespace hearth::ui
