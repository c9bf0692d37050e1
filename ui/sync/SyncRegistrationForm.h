#pragma once

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hearth::ui {

class SyncSession;

/// @brief Registers this workstation with the agency's server (administrators: EditAgencySettings):
/// the server's address, a server login and password, a name for the workstation and an optional
/// certificate pin. The same form signs in again after the server's token expired.
class SyncRegistrationForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit SyncRegistrationForm(SyncSession& session, QWidget* parent = nullptr);

private:
    void submit();
    void onRegistered();
    void onFailed(const QString& message);
    void showState();
    void setBusy(bool busy);

    SyncSession& m_session;
    QLineEdit* m_url;
    QLineEdit* m_login;
    QLineEdit* m_password;
    QLineEdit* m_deviceName;
    QLineEdit* m_pin;
    QPushButton* m_submit;
    QLabel* m_done;
    QLabel* m_error;
    bool m_busy = false;
};

} // namespace hearth::ui
