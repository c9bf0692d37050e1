// The password part of the settings page: HUD's baseline is the floor of every field.
#include "core/auth/PasswordPolicy.h"
#include "core/vault/AgencySettings.h"
#include "tests/gui/GuiTestSupport.h"
#include "ui/admin/SettingsPage.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("gui: the password settings cannot go below HUD's baseline")
{
    GuiFixture f;
    f.createStore();
    // A weaker policy than the baseline, as an older version could have stored it.
    PasswordPolicyConfig weak;
    weak.minLength = 4;
    weak.maxLength = 6;
    weak.minDigits = 0;
    REQUIRE(f.vault.settings().setPasswordPolicy(weak).ok());
    CHECK(f.vault.settings().passwordPolicy().config().minLength == 8);

    ui::SettingsPage page(f.vault);
    page.show();
    auto* minLength = child<QSpinBox>(page, "passwordMinLength");
    auto* maxLength = child<QSpinBox>(page, "passwordMaxLength");
    auto* minDigits = child<QSpinBox>(page, "passwordMinDigits");
    CHECK(minLength->minimum() == 8);
    CHECK(minLength->value() == 8);
    CHECK(maxLength->maximum() == 64);
    CHECK(minDigits->minimum() == 1);
    CHECK(minDigits->value() == 1);
    CHECK(child<QLabel>(page, "passwordBaseline")->text().contains(QStringLiteral("dictionary")));

    // Neither the arrow keys nor typing get below the floor.
    minLength->setFocus();
    QTest::keyClick(minLength, Qt::Key_Down);
    CHECK(minLength->value() == 8);
    minLength->selectAll();
    QTest::keyClicks(minLength, QStringLiteral("4"));
    QTest::keyClick(minLength, Qt::Key_Return);
    CHECK(minLength->value() >= 8);
    minDigits->setValue(0);
    CHECK(minDigits->value() == 1);
    maxLength->setValue(65);
    CHECK(maxLength->value() == 64);

    // The maximum follows the minimum; an agency may keep a maximum below 64.
    minLength->setValue(12);
    CHECK(maxLength->minimum() == 12);
    maxLength->setValue(10);
    CHECK(maxLength->value() == 12);
    maxLength->setValue(20);
    minDigits->setValue(2);
    child<QPushButton>(page, "saveSettings")->click();
    CHECK_FALSE(child<QLabel>(page, "settingsError")->isVisibleTo(&page));
    const PasswordPolicyConfig saved = f.vault.settings().passwordPolicy().config();
    CHECK(saved.minLength == 12);
    CHECK(saved.maxLength == 20);
    CHECK(saved.minDigits == 2);
}
