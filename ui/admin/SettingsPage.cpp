#include "ui/admin/SettingsPage.h"

#include "core/vault/AgencySettings.h"
#include "core/vault/IdleTimer.h"
#include "core/vault/Vault.h"
#include "ui/compliance/ComplianceSettingsPanel.h"
#include "ui/consent/ConsentSettingsPanel.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
QSpinBox* makeSpin(int minimum, int maximum, const QString& suffix = {})
{
    auto* spin = new QSpinBox;
    spin->setRange(minimum, maximum);
    spin->setSuffix(suffix);
    return spin;
}
} // namespace

SettingsPage::SettingsPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_autoLock(makeSpin(IdleTimer::kMinimumMinutes, 240, tr(" min")))
    // HUD's baseline is the floor of every range: settings cannot go below it.
    , m_minLength(makeSpin(PasswordPolicyConfig::kBaselineMinLength, PasswordPolicyConfig::kLongestPassphrase))
    , m_maxLength(makeSpin(PasswordPolicyConfig::kBaselineMinLength, PasswordPolicyConfig::kLongestPassphrase))
    , m_minDigits(makeSpin(PasswordPolicyConfig::kBaselineMinDigits, PasswordPolicyConfig::kLongestPassphrase - 1))
    , m_hmisName(new QLineEdit)
    , m_vendorName(new QLineEdit)
    , m_expiryDays(makeSpin(0, 3650, tr(" days")))
    , m_attempts(makeSpin(1, 100))
    , m_lockoutMinutes(makeSpin(1, 1440, tr(" min")))
    , m_consent(new ConsentSettingsPanel(vault))
    , m_compliance(new ComplianceSettingsPanel(vault))
    , m_status(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("settingsError")))
{
    m_autoLock->setObjectName(QStringLiteral("autoLockMinutes"));
    m_expiryDays->setSpecialValueText(tr("Never"));
    m_minLength->setObjectName(QStringLiteral("passwordMinLength"));
    m_maxLength->setObjectName(QStringLiteral("passwordMaxLength"));
    m_minDigits->setObjectName(QStringLiteral("passwordMinDigits"));
    // The maximum never goes below the minimum, and the digits always leave room for a letter.
    connect(m_minLength, &QSpinBox::valueChanged, m_maxLength, &QSpinBox::setMinimum);
    connect(m_maxLength, &QSpinBox::valueChanged, m_minDigits,
            [this](int maximum) { m_minDigits->setMaximum(maximum - 1); });

    auto* session = new QGroupBox(tr("Session"));
    auto* sessionForm = new QFormLayout(session);
    sessionForm->addRow(tr("&Lock after idle for:"), m_autoLock);

    auto* policy = new QGroupBox(tr("Password policy"));
    auto* policyForm = new QFormLayout(policy);
    policyForm->addRow(tr("Mi&nimum length:"), m_minLength);
    policyForm->addRow(tr("Ma&ximum length:"), m_maxLength);
    policyForm->addRow(tr("Minimum di&gits:"), m_minDigits);
    policyForm->addRow(tr("&HMIS name (not allowed in passwords):"), m_hmisName);
    policyForm->addRow(tr("&Vendor name (not allowed in passwords):"), m_vendorName);
    policyForm->addRow(tr("Passwords &expire after:"), m_expiryDays);
    auto* baseline = new QLabel(tr("Always required, whatever is set here (HUD's baseline): at least %1 characters "
                                   "with a letter and a digit, not the user name, not a dictionary word.")
                                    .arg(PasswordPolicyConfig::kBaselineMinLength));
    baseline->setObjectName(QStringLiteral("passwordBaseline"));
    baseline->setWordWrap(true);
    policyForm->addRow(baseline);

    auto* signIn = new QGroupBox(tr("Sign-in lock-out"));
    auto* signInForm = new QFormLayout(signIn);
    signInForm->addRow(tr("Lock an account after &failed attempts:"), m_attempts);
    signInForm->addRow(tr("&Keep it locked for:"), m_lockoutMinutes);

    for (QFormLayout* form : {sessionForm, policyForm, signInForm})
        form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);

    auto* saveButton = new QPushButton(tr("&Save settings"));
    saveButton->setObjectName(QStringLiteral("saveSettings"));
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    saveButton->setDefault(true);
    auto* revertButton = new QPushButton(tr("Re&vert"));
    auto* rotateButton = new QPushButton(tr("R&otate data key…"));
    rotateButton->setObjectName(QStringLiteral("rotateDataKey"));
    rotateButton->setVisible(vault.can(Permission::RotateDataKey));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(saveButton);
    buttons->addWidget(revertButton);
    buttons->addWidget(m_status, 1);
    buttons->addStretch(); // holds the rotate button on the right while the status line is hidden
    buttons->addWidget(rotateButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(session);
    layout->addWidget(policy);
    layout->addWidget(signIn);
    layout->addWidget(m_consent);
    layout->addWidget(m_compliance);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    connect(revertButton, &QPushButton::clicked, this, &SettingsPage::load);
    connect(rotateButton, &QPushButton::clicked, this, &SettingsPage::rotateKey);
    load();
}

void SettingsPage::load()
{
    m_autoLock->setValue(m_vault.settings().autoLockMinutes());
    const PasswordPolicyConfig config = m_vault.settings().passwordPolicy().config();
    m_minLength->setValue(config.minLength);
    m_maxLength->setValue(config.maxLength);
    m_minDigits->setValue(config.minDigits);
    m_hmisName->setText(config.hmisName);
    m_vendorName->setText(config.vendorName);
    m_expiryDays->setValue(config.expiryDays);
    const SignInPolicy signIn = m_vault.settings().signInPolicy();
    m_attempts->setValue(signIn.maxFailedAttempts);
    m_lockoutMinutes->setValue(signIn.lockoutMinutes);
    m_consent->load();
    m_compliance->load();
    showStatus(m_status, {}, Tone::Neutral);
    showError(m_error, {});
}

void SettingsPage::save()
{
    PasswordPolicyConfig config;
    config.minLength = m_minLength->value();
    config.maxLength = m_maxLength->value();
    config.minDigits = m_minDigits->value();
    config.hmisName = m_hmisName->text().trimmed();
    config.vendorName = m_vendorName->text().trimmed();
    config.expiryDays = m_expiryDays->value();
    for (const Status& status :
         {m_vault.settings().setAutoLockMinutes(m_autoLock->value()), m_vault.settings().setPasswordPolicy(config),
          m_vault.settings().setSignInPolicy({m_attempts->value(), m_lockoutMinutes->value()}), m_consent->save(),
          m_compliance->save()}) {
        if (!status) {
            showStatus(m_status, {}, Tone::Neutral);
            showError(m_error, status.message());
            return;
        }
    }
    showError(m_error, {});
    showStatus(m_status, tr("Settings saved."), Tone::Good);
    Q_EMIT settingsSaved();
}

void SettingsPage::rotateKey()
{
    QPointer<SettingsPage> alive(this);
    const auto answer = askQuestion(
        this, tr("Rotate data key"),
        tr("Re-encrypt the whole store under a new data key? Every user keeps their password. This can take a "
           "while on a large store; do not switch the computer off."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (!answer || !alive || *answer != QMessageBox::Yes)
        return;
    const Status status = m_vault.rotateDataKey();
    if (!status) {
        showError(m_error, status.message());
        return;
    }
    showError(m_error, {});
    showStatus(m_status, tr("The data key was rotated."), Tone::Good);
}

} // namespace hearth::ui
