#pragma once

#include "core/consent/ConsentPolicy.h"
#include "core/intake/ClientProfile.h"
#include "tests/gui/GuiTestSupport.h"

class QPushButton;

namespace hearth::ui {
class ConsentDialog;
class HudDateEdit;
class SignaturePad;
} // namespace hearth::ui

namespace hearth::test {

inline const QStringList kPartnerAgencies {QStringLiteral("North County Shelter"), QStringLiteral("Legal Aid Society"),
                                           QStringLiteral("Harbor Health Clinic")};

/// The child named @p name, or nullptr after a failed CHECK: for code that runs inside a dialog's
/// event loop (onNextModal), where REQUIRE's exception must not unwind through Qt.
template<typename T>
T* checkedChild(const QObject& root, const char* name)
{
    T* found = root.findChild<T*>(QString::fromLatin1(name));
    CHECK(found != nullptr);
    return found;
}

/// The store of a GuiFixture with the partner agencies above in the consent settings.
void setPartnerAgencies(Vault& vault);
/// A client saved with a first release of @p choice, signed today (the fixture's 5 Jan 2026).
ClientProfile clientWithRelease(Vault& vault, const QString& first, const QString& last, SharingChoice choice);
/// A stroke drawn across the pad with the mouse, as a client would sign.
void drawSignature(ui::SignaturePad& pad);
/// Replaces the text of a date field as the user would type it.
void typeDate(ui::HudDateEdit& edit, const QString& text);
QPushButton* okButton(const ui::ConsentDialog& dialog);
/// The client's releases, newest first.
std::vector<ReleaseOfInformation> releasesOf(Vault& vault, const QString& clientUuid);
ConsentStatus consentOf(Vault& vault, const QString& clientUuid);

} // namespace hearth::test
