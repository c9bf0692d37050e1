#pragma once

#include "core/consent/Consent.h"
#include "core/vault/Vault.h"
#include "tests/support/TempDir.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"
#include "ui/signin/LockScreen.h"
#include "ui/signin/SignInWidget.h"

#include <QObject>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <memory>

class QWidget;

namespace hearth::ui {
class ConsentDialog;
class MainWindow;
} // namespace hearth::ui

namespace hearth::test {

inline const QString kAgencyName = QStringLiteral("Test Agency");
inline const QString kAdminLogin = QStringLiteral("admin");
inline const QString kAdminName = QStringLiteral("Alex Admin");
inline const QString kAdminPassword = QStringLiteral("Kx7!pq9Zw");

/// @brief A fresh data folder, a manual clock and a vault with test-speed key derivation.
struct GuiFixture
{
    TempDir dir;
    ManualClock clock;
    Vault vault;

    GuiFixture();
    /// Creates the store with the standard admin, who is then signed in.
    void createStore();
};

/// The child named @p name; fails the test when there is none.
template<typename T>
T* child(const QObject& root, const char* name)
{
    T* found = root.findChild<T*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

/// Every text a user could see in @p root: line edits, labels, buttons, item-view models, the window title.
QStringList visibleTexts(const QWidget& root);

/// Every Alt+letter that two visible controls of @p window claim: labels with a buddy, buttons, group box
/// titles, tab texts and the menu bar's titles. One line per clash: the key and the texts that share it.
QStringList duplicateMnemonics(const QWidget& window);

/// Types the credentials into the sign-in screen and presses Enter.
void signInThroughUi(ui::MainWindow& window, const QString& login, const QString& password);

/// Shows the window and waits until it is active (shortcuts need an active window).
void showAndActivate(QWidget& window);

/// Records user activity at once, without running the event loop. Call it right after moving the test
/// clock ahead: the idle check (a one-second timer) must not see the jump as idleness, and lock the
/// window under the test, before the activity lands.
void stayActive(QWidget& window);

/// Runs @p work on the next modal dialog that opens (from the event loop), for flows that exec() a
/// dialog. Failures inside are recorded with CHECK; the returned flag says whether @p work ran.
std::shared_ptr<bool> onNextModal(std::function<void(QWidget& dialog)> work);

/// Answers the next modal, a consent dialog, with @p choice: @p fill may fill in more (categories,
/// a signature), then Continue or Record is clicked. The flag says whether it ran and was accepted.
std::shared_ptr<bool> giveConsentOnNextModal(SharingChoice choice = SharingChoice::FullSharing,
                                             std::function<void(ui::ConsentDialog& dialog)> fill = {});

} // namespace hearth::test
