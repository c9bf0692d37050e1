#include "ui/consent/ConsentSettingsPanel.h"

#include "core/services/ConsentRecords.h"
#include "core/vault/Vault.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hearth::ui {

ConsentSettingsPanel::ConsentSettingsPanel(Vault& vault, QWidget* parent)
    : QGroupBox(tr("Consent"), parent)
    , m_vault(vault)
    , m_expiryMonths(new QSpinBox)
    , m_warningDays(new QSpinBox)
    , m_noSharingLimit(new QSpinBox)
    , m_agencies(new QListWidget)
    , m_newAgency(new QLineEdit)
    , m_addButton(new QPushButton(tr("A&dd agency")))
    , m_removeButton(new QPushButton(tr("Remo&ve agency")))
{
    setObjectName(QStringLiteral("consentSettings"));
    m_expiryMonths->setObjectName(QStringLiteral("consentExpiryMonths"));
    m_warningDays->setObjectName(QStringLiteral("consentWarningDays"));
    m_noSharingLimit->setObjectName(QStringLiteral("consentNoSharingLimit"));
    m_agencies->setObjectName(QStringLiteral("consentPartnerAgencies"));
    m_newAgency->setObjectName(QStringLiteral("consentNewAgency"));
    m_addButton->setObjectName(QStringLiteral("consentAddAgency"));
    m_removeButton->setObjectName(QStringLiteral("consentRemoveAgency"));
    m_expiryMonths->setRange(1, 120);
    m_expiryMonths->setSuffix(tr(" months"));
    m_expiryMonths->setToolTip(
        tr("A new release expires this long after it is signed (two years in the Privacy Plan)."));
    m_warningDays->setRange(0, 365);
    m_warningDays->setSuffix(tr(" days"));
    m_warningDays->setToolTip(tr("Client pages and the sign-in notice warn this many days before a release expires."));
    m_noSharingLimit->setRange(0, 100);
    m_noSharingLimit->setToolTip(tr("Alert when more No Sharing clients than this are enrolled at once in one shelter "
                                    "(DFSS: more than one or two)."));
    m_newAgency->setPlaceholderText(tr("Partner agency name"));
    m_agencies->setMaximumHeight(m_agencies->sizeHintForRow(0) > 0 ? m_agencies->sizeHintForRow(0) * 8 : 160);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newAgency, 1);
    addRow->addWidget(m_addButton);
    addRow->addWidget(m_removeButton);
    auto* agencies = new QVBoxLayout;
    agencies->addWidget(m_agencies);
    agencies->addLayout(addRow);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Releases e&xpire after:"), m_expiryMonths);
    form->addRow(tr("&Warn before expiry:"), m_warningDays);
    form->addRow(tr("No Sharing clients in one shelter &before an alert:"), m_noSharingLimit);
    // A row whose field is a layout gets a label without a buddy: name the list so Alt+P reaches it.
    auto* agenciesLabel = new QLabel(tr("&Partner agencies (offered for Limited Sharing):"), this);
    agenciesLabel->setBuddy(m_agencies);
    form->addRow(agenciesLabel, agencies);

    connect(m_addButton, &QPushButton::clicked, this, &ConsentSettingsPanel::addAgency);
    connect(m_newAgency, &QLineEdit::returnPressed, this, &ConsentSettingsPanel::addAgency);
    connect(m_removeButton, &QPushButton::clicked, this, &ConsentSettingsPanel::removeAgency);
    connect(m_newAgency, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_addButton->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_agencies, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeButton->setEnabled(row >= 0); });
    load();
}

ConsentSettings ConsentSettingsPanel::settings() const
{
    ConsentSettings s;
    s.expiryMonths = m_expiryMonths->value();
    s.warningDays = m_warningDays->value();
    s.concurrentNoSharingLimit = m_noSharingLimit->value();
    for (int i = 0; i < m_agencies->count(); ++i)
        s.partnerAgencies << m_agencies->item(i)->text();
    return s;
}

void ConsentSettingsPanel::load()
{
    const ConsentSettings s = ConsentRecords(m_vault).settings();
    m_expiryMonths->setValue(s.expiryMonths);
    m_warningDays->setValue(s.warningDays);
    m_noSharingLimit->setValue(s.concurrentNoSharingLimit);
    m_agencies->clear();
    m_agencies->addItems(s.partnerAgencies);
    m_newAgency->clear();
    m_addButton->setEnabled(false);
    m_removeButton->setEnabled(false);
}

Status ConsentSettingsPanel::save()
{
    return ConsentRecords(m_vault).setSettings(settings());
}

void ConsentSettingsPanel::addAgency()
{
    const QString name = m_newAgency->text().simplified();
    if (name.isEmpty())
        return;
    // One entry per agency, whatever the capitals: Limited Sharing names them exactly.
    const QList<QListWidgetItem*> same = m_agencies->findItems(name, Qt::MatchFixedString);
    if (same.isEmpty())
        m_agencies->addItem(name);
    m_agencies->setCurrentRow(
        m_agencies->row(same.isEmpty() ? m_agencies->item(m_agencies->count() - 1) : same.constFirst()));
    m_newAgency->clear();
}

void ConsentSettingsPanel::removeAgency()
{
    delete m_agencies->takeItem(m_agencies->currentRow());
}

} // namespace hearth::ui
