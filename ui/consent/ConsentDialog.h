#pragma once

#include "core/consent/Consent.h"
#include "core/consent/ConsentPolicy.h"

#include <QDialog>

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ConsentExplanationView;
class ScannedFormPicker;
class SignaturePad;

/// @brief Records one Release of Information: the plain-language explanation of each choice (English
/// or Spanish) beside four choices, the Limited Sharing categories and partner agencies, restricted
/// name, signed date, expiry, the signature pad and an optional scanned form, and, after No Sharing or a
/// revocation, the explicit past-records choice. Shows ConsentRules' refusals before OK is enabled.
///
/// Two uses: before a new client's profile exists (newClient(): the caller passes release() and
/// attachments() to ConsentRecords::createClient), or for an existing client (existingClient(): the
/// dialog saves through ConsentRecords::record on accept).
class ConsentDialog : public QDialog
{
    Q_OBJECT
public:
    /// Consent first, for a client not yet saved. Does not write anything.
    static ConsentDialog* newClient(Vault& vault, QWidget* parent = nullptr);
    /// A new release (change of choice, renewal, or @p kind CoordinatedEntry) for a saved client.
    static ConsentDialog* existingClient(Vault& vault, const QString& clientUuid, ReleaseKind kind = ReleaseKind::Hmis,
                                         QWidget* parent = nullptr);

    /// The release as filled in (uuid and recording fields are the service's to fill).
    ReleaseOfInformation release() const;
    ConsentAttachments attachments() const;
    /// The release as saved (existingClient() after accept()).
    const ReleaseOfInformation& saved() const { return m_saved; }

    /// Selects @p choice, as if clicked (the Anonymous client button starts with Anonymous).
    void setChoice(SharingChoice choice);
    /// Why OK is disabled: ConsentRules' sentences and the dialog's own; empty when it may be recorded.
    QStringList problems() const;
    SignaturePad* signaturePad() const;
    ConsentExplanationView* explanationView() const;
    ScannedFormPicker* scannedFormPicker() const;

public Q_SLOTS:
    void accept() override;

private:
    ConsentDialog(Vault& vault, const QString& clientUuid, ReleaseKind kind, QWidget* parent);
    /// The expiry follows the signed date until it is changed by hand.
    void followSignedDate();
    /// Enables what the choice allows, updates the explanation, the problems and OK.
    void refresh();
    class Form;
    Form* m_form = nullptr; ///< the widgets and their state (ConsentDialog.cpp)
    Vault& m_vault;
    QString m_clientUuid;
    ReleaseKind m_kind;
    ReleaseOfInformation m_saved;
};

} // namespace hearth::ui
