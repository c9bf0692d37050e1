#include "ui/admin/AgencyPage.h"

#include "core/vault/Vault.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace hearth::ui {

AgencyPage::AgencyPage(QWidget* parent)
    : QWizardPage(parent)
    , m_name(new QLineEdit)
    , m_coc(new QLineEdit)
    , m_error(makeErrorLabel(QStringLiteral("agencyError")))
{
    setTitle(tr("Your agency"));
    setSubTitle(tr("Hearth keeps one encrypted store per agency on this computer."));
    m_name->setObjectName(QStringLiteral("agencyName"));
    m_coc->setObjectName(QStringLiteral("cocCode"));
    m_coc->setPlaceholderText(tr("e.g. CA-504"));
    m_coc->setMaxLength(6);

    auto* form = new QFormLayout;
    form->addRow(tr("Agency &name:"), m_name);
    form->addRow(tr("HUD &CoC code:"), m_coc);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();

    registerField(QStringLiteral("agencyName*"), m_name);
    registerField(QStringLiteral("cocCode*"), m_coc);
    connect(m_name, &QLineEdit::textChanged, this, &AgencyPage::revalidate);
    connect(m_coc, &QLineEdit::textChanged, this, &AgencyPage::revalidate);
}

bool AgencyPage::isComplete() const
{
    return AgencyProfile::validated(m_name->text(), m_coc->text()).ok();
}

void AgencyPage::revalidate()
{
    // Only complain once both fields have something in them: an empty form is not an error yet.
    const auto profile = AgencyProfile::validated(m_name->text(), m_coc->text());
    const bool started = !m_name->text().isEmpty() && !m_coc->text().isEmpty();
    showError(m_error, profile.ok() || !started ? QString() : profile.message());
    Q_EMIT completeChanged();
}

} // namespace hearth::ui
