#pragma once

#include "core/consent/Consent.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief Asks why a client revokes, and says what revoking does before it is done.
class RevokeConsentDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p clientName: as the user sees it.
    explicit RevokeConsentDialog(const QString& clientName, QWidget* parent = nullptr);

    QString note() const;

private:
    QPlainTextEdit* m_note;
    QPushButton* m_revoke;
};

/// @brief The signature and scanned form of one release, as stored. Images show here; a PDF form is
/// named, and users who may export can save a copy (audited) through an explicit action.
class ConsentAttachmentsDialog : public QDialog
{
    Q_OBJECT
public:
    ConsentAttachmentsDialog(Vault& vault, const ReleaseOfInformation& release, ConsentAttachments attachments,
                             QWidget* parent = nullptr);

public Q_SLOTS:
    /// Asks where, records the export in the audit log, then writes the scanned form there.
    void saveFormCopy();

private:
    Vault& m_vault;
    ReleaseOfInformation m_release;
    ConsentAttachments m_attachments;
    QLabel* m_message;
};

} // namespace hearth::ui
