#include "ui/consent/ConsentPanelDialogs.h"

#include "core/common/DisplayDates.h"
#include "core/services/AuditedFile.h"
#include "core/types/AuditEntry.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {

/// A label showing @p png, or @p missing when it is empty or not an image.
QLabel* imageLabel(const QByteArray& data, const QString& objectName, const QString& missing)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    QPixmap pixmap;
    if (!data.isEmpty() && pixmap.loadFromData(data)) {
        label->setPixmap(pixmap);
    } else {
        label->setTextFormat(Qt::PlainText);
        label->setText(missing);
    }
    return label;
}

} // namespace

RevokeConsentDialog::RevokeConsentDialog(const QString& clientName, QWidget* parent)
    : QDialog(parent)
    , m_note(new QPlainTextEdit)
{
    setWindowTitle(tr("Revoke consent"));
    auto* what = new QLabel(tr("Revoking stops all future sharing of %1's records now and asks the central server to "
                               "restrict what it holds. Everything stays recorded on this workstation. To share again "
                               "later, the client signs a new release.")
                                .arg(clientName));
    what->setObjectName(QStringLiteral("revokeExplanation"));
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);
    m_note->setObjectName(QStringLiteral("revocationNote"));
    m_note->setPlaceholderText(tr("How the client revoked (in person, in writing, by phone) and when."));
    m_note->setTabChangesFocus(true);
    auto* noteLabel = new QLabel(tr("&Note (required):"));
    noteLabel->setBuddy(m_note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_revoke = buttons->addButton(tr("&Revoke consent"), QDialogButtonBox::AcceptRole);
    m_revoke->setObjectName(QStringLiteral("confirmRevokeButton"));
    m_revoke->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A revocation is a legal record: it says how the client asked for it.
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] { m_revoke->setEnabled(!note().isEmpty()); });
    m_note->setFocus();
}

QString RevokeConsentDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

ConsentAttachmentsDialog::ConsentAttachmentsDialog(Vault& vault, const ReleaseOfInformation& release,
                                                   ConsentAttachments attachments, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_release(release)
    , m_attachments(std::move(attachments))
    , m_message(makeErrorLabel(QStringLiteral("attachmentsMessage")))
{
    setWindowTitle(tr("Release signed %1").arg(displayDate(release.signedOn)));
    auto* layout = new QVBoxLayout(this);

    auto* signature = new QGroupBox(tr("Signature"));
    auto* signatureLayout = new QVBoxLayout(signature);
    signatureLayout->addWidget(imageLabel(m_attachments.signaturePng, QStringLiteral("signatureImage"),
                                          tr("No signature was drawn for this release.")));
    layout->addWidget(signature);

    auto* form = new QGroupBox(tr("Scanned form"));
    auto* formLayout = new QVBoxLayout(form);
    const bool isImage = m_attachments.scannedFormType.startsWith(QStringLiteral("image/"));
    if (m_attachments.scannedForm.isEmpty()) {
        formLayout->addWidget(new QLabel(tr("No scanned form was attached to this release.")));
    } else if (isImage) {
        auto* scroll = new QScrollArea;
        scroll->setWidget(imageLabel(m_attachments.scannedForm, QStringLiteral("scannedFormImage"),
                                     tr("The scanned form %1 cannot be shown.").arg(m_attachments.scannedFormName)));
        formLayout->addWidget(scroll);
    } else {
        auto* name = new QLabel(tr("%1 (%2, %n KB), kept encrypted on this workstation.", nullptr,
                                   int((m_attachments.scannedForm.size() + 1023) / 1024))
                                    .arg(m_attachments.scannedFormName, m_attachments.scannedFormType));
        name->setObjectName(QStringLiteral("scannedFormName"));
        name->setTextFormat(Qt::PlainText);
        name->setWordWrap(true);
        formLayout->addWidget(name);
    }
    // Saving a copy puts the client's signed form outside the encrypted store: only for those who may
    // export, only as an explicit action that says so, and audited before anything is written.
    if (!m_attachments.scannedForm.isEmpty() && !isImage && m_vault.can(Permission::ExportData)) {
        auto* warning = new QLabel(tr("Save copy writes an unencrypted copy of the signed consent form, with the "
                                      "client's name and signature, to a file you choose. The copy is recorded in "
                                      "the audit log; delete it when you no longer need it."));
        warning->setWordWrap(true);
        auto* save = new QPushButton(tr("&Save copy…"));
        save->setObjectName(QStringLiteral("saveFormCopyButton"));
        connect(save, &QPushButton::clicked, this, &ConsentAttachmentsDialog::saveFormCopy);
        formLayout->addWidget(warning);
        formLayout->addWidget(save, 0, Qt::AlignLeft);
    }
    layout->addWidget(form, 1);
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ConsentAttachmentsDialog::saveFormCopy()
{
    QPointer<ConsentAttachmentsDialog> alive(this);
    const QString caption = tr("Save a copy of the consent form");
    const std::optional<QString> chosen = askSaveFileName(this, caption, m_attachments.scannedFormName);
    if (!chosen || !alive || chosen->isEmpty())
        return; // cancelled, or locked meanwhile: this dialog is gone
    const QString path = *chosen;
    const std::optional<bool> go
        = confirmCopy(this, caption,
                      tr("The file %1 will contain an unencrypted copy of the client's signed consent form (%2), with "
                         "their name and signature. Delete it when you no longer need it. It is recorded in the "
                         "audit log as an export.")
                          .arg(QDir::toNativeSeparators(path), m_attachments.scannedFormName),
                      tr("&Save the file"));
    if (!go || !alive || !*go)
        return;
    const Status saved = writeAuditedFile(
        path,
        [this](QIODevice& device) {
            device.write(m_attachments.scannedForm);
            return Status();
        },
        [this] {
            return m_vault.openStore().recordAudit(QString::fromLatin1(audit::Export),
                                                   QStringLiteral("consent_release"), m_release.uuid,
                                                   QStringLiteral("scanned consent form copy"));
        },
        tr("The copy could not be written"));
    if (!saved) {
        showError(m_message, saved.message());
        return;
    }
    showError(m_message, {});
}

} // namespace hearth::ui
