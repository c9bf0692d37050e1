#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief Shown while a session is locked: only the user's login, a password field and a way out.
class LockScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LockScreen(Vault& vault, QWidget* parent = nullptr);

    /// Shows the locked user's login and clears the form; @p notice explains anything that went wrong while locking.
    void reset(const QString& notice = {});

private:
    void unlock();

    Vault& m_vault;
    QLabel* m_user;
    QLineEdit* m_password;
    QLabel* m_error;
};

} // namespace hearth::ui
