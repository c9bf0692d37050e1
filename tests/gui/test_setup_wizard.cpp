#include "core/vault/AgencySettings.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/signin/SetupWizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::SetupWizard;

TEST_CASE("gui: the set-up wizard creates the store page by page")
{
    GuiFixture f;
    REQUIRE(f.vault.probe() == Vault::State::NoStore);
    SetupWizard wizard(f.vault);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    QAbstractButton* next = wizard.button(QWizard::NextButton);

    // Page 1: a malformed CoC code blocks Next and says what a code looks like.
    auto* name = child<QLineEdit>(wizard, "agencyName");
    auto* coc = child<QLineEdit>(wizard, "cocCode");
    auto* agencyError = child<QLabel>(wizard, "agencyError");
    QTest::keyClicks(name, kAgencyName);
    QTest::keyClicks(coc, QStringLiteral("CA5-04"));
    CHECK_FALSE(next->isEnabled());
    CHECK_FALSE(agencyError->isHidden());
    CHECK(agencyError->text() == AgencyProfile::validated(kAgencyName, QStringLiteral("CA5-04")).message());
    next->click();
    CHECK(wizard.currentId() == SetupWizard::AgencyPageId);

    coc->clear();
    QTest::keyClicks(coc, QStringLiteral("ca-504"));
    CHECK(next->isEnabled());
    CHECK(agencyError->isHidden());
    next->click();
    REQUIRE(wizard.currentId() == SetupWizard::AdminPageId);

    // Page 2: a rejected password names the rules it breaks.
    auto* login = child<QLineEdit>(wizard, "adminLogin");
    auto* password = child<QLineEdit>(wizard, "adminPassword");
    auto* confirm = child<QLineEdit>(wizard, "adminConfirm");
    auto* feedback = child<QLabel>(wizard, "passwordFeedback");
    CHECK_FALSE(child<QLabel>(wizard, "passwordRules")->text().isEmpty());
    QTest::keyClicks(login, kAdminLogin);
    QTest::keyClicks(child<QLineEdit>(wizard, "adminName"), kAdminName);
    QTest::keyClicks(password, QStringLiteral("ab1"));
    QTest::keyClicks(confirm, QStringLiteral("ab1"));
    const PasswordPolicyConfig defaults;
    CHECK(feedback->text().contains(passwordRuleMessage(PasswordRule::TooShort, defaults)));
    CHECK(feedback->text().contains(passwordRuleMessage(PasswordRule::TooFewDigits, defaults)));
    CHECK_FALSE(next->isEnabled());

    password->clear();
    confirm->clear();
    QTest::keyClicks(password, kAdminPassword);
    QTest::keyClicks(confirm, kAdminPassword + QLatin1Char('x'));
    CHECK(feedback->text().contains(passwordRuleMessage(PasswordRule::Mismatch, defaults)));
    CHECK_FALSE(next->isEnabled());
    QTest::keyClick(confirm, Qt::Key_Backspace);
    CHECK(next->isEnabled());
    next->click();
    REQUIRE(wizard.currentId() == SetupWizard::RecoveryPageId);

    // Page 3: the key is shown as 14 groups of 4; Finish waits for both confirmations.
    const QString shown = child<QLabel>(wizard, "recoveryKey")->text();
    const QStringList groups = shown.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    REQUIRE(groups.size() == 14);
    for (const QString& group : groups)
        CHECK(group.size() == 4);
    QAbstractButton* finish = wizard.button(QWizard::FinishButton);
    auto* stored = child<QCheckBox>(wizard, "confirmStored");
    auto* lastGroup = child<QLineEdit>(wizard, "lastGroup");
    CHECK_FALSE(finish->isEnabled());
    stored->click();
    CHECK_FALSE(finish->isEnabled());
    QString wrong = groups.constLast();
    wrong[0] = wrong.at(0) == QLatin1Char('Z') ? QLatin1Char('Y') : QLatin1Char('Z');
    QTest::keyClicks(lastGroup, wrong);
    CHECK_FALSE(finish->isEnabled());
    lastGroup->clear();
    QTest::keyClicks(lastGroup, groups.constLast().toLower());
    CHECK(finish->isEnabled());
    stored->click();
    CHECK_FALSE(finish->isEnabled());
    stored->click();
    REQUIRE(finish->isEnabled());

    // Nothing on disk before Finish.
    CHECK_FALSE(QFile::exists(f.vault.location().keyFilePath()));
    finish->click();
    CHECK(wizard.result() == QDialog::Accepted);
    CHECK(QFile::exists(f.vault.location().keyFilePath()));
    REQUIRE(f.vault.state() == Vault::State::Unlocked);
    REQUIRE(f.vault.user().has_value());
    CHECK(f.vault.user()->login == kAdminLogin);
    CHECK(f.vault.user()->displayName == kAdminName);
    CHECK(f.vault.user()->role == Role::EnterpriseManager);
    CHECK(f.vault.settings().agency()->cocCode == QStringLiteral("CA-504"));
}

TEST_CASE("gui: the set-up wizard stays on the last page when the store cannot be created")
{
    GuiFixture f;
    SetupWizard wizard(f.vault);
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    QTest::keyClicks(child<QLineEdit>(wizard, "agencyName"), kAgencyName);
    QTest::keyClicks(child<QLineEdit>(wizard, "cocCode"), QStringLiteral("CA-504"));
    wizard.next();
    QTest::keyClicks(child<QLineEdit>(wizard, "adminLogin"), kAdminLogin);
    QTest::keyClicks(child<QLineEdit>(wizard, "adminPassword"), kAdminPassword);
    QTest::keyClicks(child<QLineEdit>(wizard, "adminConfirm"), kAdminPassword);
    wizard.next();
    REQUIRE(wizard.currentId() == SetupWizard::RecoveryPageId);
    const QStringList groups = child<QLabel>(wizard, "recoveryKey")
                                   ->text()
                                   .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    child<QCheckBox>(wizard, "confirmStored")->click();
    QTest::keyClicks(child<QLineEdit>(wizard, "lastGroup"), groups.constLast());

    // Someone else set up a store in the same folder meanwhile: createStore refuses, the wizard says why.
    ManualClock otherClock;
    Vault rival(StoreLocation {f.dir.path()}, otherClock, KdfParams::fastForTests());
    REQUIRE(rival.probe() == Vault::State::NoStore);
    REQUIRE(rival
                .createStore(AgencyProfile::validated(kAgencyName, QStringLiteral("CA-504")).value(),
                             QStringLiteral("other"), {}, kAdminPassword, RecoveryKey::generate())
                .ok());
    wizard.button(QWizard::FinishButton)->click();
    CHECK(wizard.currentId() == SetupWizard::RecoveryPageId);
    CHECK(wizard.isVisible());
    auto* error = child<QLabel>(wizard, "finishError");
    CHECK_FALSE(error->isHidden());
    CHECK_FALSE(error->text().isEmpty());
}
