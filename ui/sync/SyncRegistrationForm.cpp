#include "ui/sync/SyncRegistrationForm.h"

#include "sync/client/SyncEngine.h"
#include "ui/sync/SyncSession.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
QLineEdit* makeEdit(const char* name, const QString& placeholder = {})
{
    auto* edit = new QLineEdit;
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    return edit;
}
} // namespace

SyncRegistrationForm::SyncRegistrationForm(SyncSession& session, QWidget* parent)
    : QGroupBox(parent)
    , m_session(session)
    , m_url(makeEdit("syncServerUrl", tr("https://hmis.example.org")))
    , m_login(makeEdit("syncLogin"))
    , m_password(makeEdit("syncPassword"))
    , m_deviceName(makeEdit("syncDeviceName"))
    , m_pin(makeEdit("syncPin", tr("Optional: given by whoever runs the server")))
    , m_submit(new QPushButton)
    , m_done(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("syncRegistrationError")))
{
    setObjectName(QStringLiteral("syncRegistration"));
    m_password->setEchoMode(QLineEdit::Password);
    m_deviceName->setText(QSysInfo::machineHostName());
    m_submit->setObjectName(QStringLiteral("syncRegisterButton"));
    m_done->setObjectName(QStringLiteral("syncRegistrationDone"));
    m_done->setWordWrap(true);
    m_done->setTextFormat(Qt::PlainText);

    auto* intro = new QLabel(tr("Your HMIS Lead gives you the server's address and a server account for your "
                                "agency. Records go to the server only for clients who agreed to share them."));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Server &address:"), m_url);
    form->addRow(tr("Server &user name:"), m_login);
    form->addRow(tr("Server pass&word:"), m_password);
    form->addRow(tr("&Name of this workstation:"), m_deviceName);
    form->addRow(tr("Certificate &pin:"), m_pin);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_done);
    layout->addWidget(m_submit, 0, Qt::AlignLeft);

    connect(m_submit, &QPushButton::clicked, this, &SyncRegistrationForm::submit);
    for (QLineEdit* edit : {m_url, m_login, m_password, m_deviceName, m_pin})
        connect(edit, &QLineEdit::returnPressed, this, &SyncRegistrationForm::submit);
    connect(&session, &SyncSession::registered, this, &SyncRegistrationForm::onRegistered);
    connect(&session, &SyncSession::registrationFailed, this, &SyncRegistrationForm::onFailed);
    connect(&session, &SyncSession::changed, this, &SyncRegistrationForm::showState);
    const SyncSnapshot& s = session.snapshot();
    if (s.registered)
        m_url->setText(s.serverUrl);
    showState();
}

void SyncRegistrationForm::showState()
{
    const SyncSnapshot& s = m_session.snapshot();
    if (!s.registered)
        setTitle(tr("Connect this workstation to the agency server"));
    else if (s.needsSignIn)
        setTitle(tr("Sign in to the server again"));
    else
        setTitle(tr("Register again or with another server"));
    m_submit->setText(s.registered ? tr("&Sign in to the server") : tr("&Register this workstation"));
}

void SyncRegistrationForm::submit()
{
    if (m_busy)
        return;
    m_done->clear();
    const QString address = m_url->text().trimmed();
    const QUrl url(address, QUrl::StrictMode);
    if (address.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        showError(m_error, tr("Enter the server's address as your HMIS Lead gave it, e.g. https://hmis.example.org."));
        m_url->setFocus();
        return;
    }
    if (m_login->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(m_error, tr("Enter the user name and password of your agency's account on the server."));
        (m_login->text().trimmed().isEmpty() ? m_login : m_password)->setFocus();
        return;
    }
    if (m_deviceName->text().trimmed().isEmpty()) {
        showError(m_error,
                  tr("Give this workstation a name the server's administrator will recognise, e.g. "
                     "\"Front desk\"."));
        m_deviceName->setFocus();
        return;
    }
    showError(m_error, {});
    setBusy(true);
    m_session.engine().registerDevice(url, m_login->text().trimmed(), m_password->text(),
                                      m_deviceName->text().trimmed(), m_pin->text().trimmed());
}

void SyncRegistrationForm::onRegistered()
{
    setBusy(false);
    m_password->clear();
    const SyncSnapshot& s = m_session.snapshot();
    showStatus(m_done, tr("This workstation is registered with %1 (agency %2).").arg(s.serverUrl, s.agency),
               Tone::Good);
}

void SyncRegistrationForm::onFailed(const QString& message)
{
    setBusy(false);
    showError(m_error, message);
}

void SyncRegistrationForm::setBusy(bool busy)
{
    m_busy = busy;
    m_submit->setEnabled(!busy);
    if (busy)
        showStatus(m_done, tr("Contacting the server…"), Tone::Neutral);
    else
        m_done->clear();
}

} // namespace hearth::ui
