#include "ui/intake/AnonymousClientDialog.h"

#include "core/intake/AnonymousProfiles.h"
#include "core/intake/DateOfBirth.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hearth::ui {

AnonymousClientDialog::AnonymousClientDialog(QWidget* parent)
    : QDialog(parent)
    , m_profile(new QComboBox)
    , m_age(new QSpinBox)
    , m_description(new QLabel)
{
    setWindowTitle(tr("Anonymous client"));
    m_profile->setObjectName(QStringLiteral("anonymousProfile"));
    m_age->setObjectName(QStringLiteral("anonymousAge"));
    m_description->setObjectName(QStringLiteral("anonymousDescription"));
    for (const AnonymousProfile& p : anonymousProfiles())
        m_profile->addItem(p.name, p.id);
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(defaultAnonymousProfileId())));
    m_profile->setToolTip(tr("How the agency records clients who do not want to be identified."));
    m_age->setRange(-1, dob::kMaximumAge);
    m_age->setSpecialValueText(tr("not given"));
    m_age->setValue(-1);
    m_age->setToolTip(tr("Optional: the age the client gives; the date of birth becomes 1 January of that year."));
    m_description->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Profile:"), m_profile);
    form->addRow(QString(), m_description);
    form->addRow(tr("Approximate &age:"), m_age);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Create anonymous client"));
    ok->setObjectName(QStringLiteral("createAnonymousButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &AnonymousClientDialog::describe);
    describe();
}

void AnonymousClientDialog::describe()
{
    const auto profile = findAnonymousProfile(profileId());
    m_description->setText(profile ? profile->description : QString());
}

QString AnonymousClientDialog::profileId() const
{
    return m_profile->currentData().toString();
}

std::optional<int> AnonymousClientDialog::approximateAge() const
{
    return m_age->value() < 0 ? std::nullopt : std::optional<int>(m_age->value());
}

} // namespace hearth::ui
