#include "ui/AboutDialog.h"

#include "core/vault/Vault.h"
#include "ui/widgets/UiHelpers.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <sodium.h>

namespace hearth::ui {

AboutDialog::AboutDialog(const Vault& vault, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Hearth"));
    auto* title = new QLabel(tr("Hearth"));
    title->setFont(scaledFont(1.8, true));
    auto* blurb = new QLabel(tr("An encrypted desktop client for homeless-services agencies."));
    blurb->setWordWrap(true);

    const QString cipher = vault.cipherVersion();
    auto* form = new QFormLayout;
    form->addRow(tr("Version:"), new QLabel(QCoreApplication::applicationVersion()));
    form->addRow(tr("Qt:"), new QLabel(QString::fromLatin1(qVersion())));
    form->addRow(tr("SQLCipher:"), new QLabel(cipher.isEmpty() ? tr("(available after sign-in)") : cipher));
    form->addRow(tr("libsodium:"), new QLabel(QString::fromLatin1(sodium_version_string())));
    form->addRow(tr("Licence:"), new QLabel(tr("Apache License 2.0")));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(blurb);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace hearth::ui
