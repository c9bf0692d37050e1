#include "GuiTestSupport.h"

#include "MainWindow.h"
#include "SignInWidget.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

namespace hearth::test {

GuiFixture::GuiFixture()
    : vault(StoreLocation {dir.path()}, clock, KdfParams::fastForTests())
{
}

void GuiFixture::createStore()
{
    REQUIRE(vault.probe() == Vault::State::NoStore);
    const auto agency = AgencyProfile::validated(kAgencyName, QStringLiteral("CA-504"));
    REQUIRE(agency.ok());
    const Status created
        = vault.createStore(agency.value(), kAdminLogin, kAdminName, kAdminPassword, RecoveryKey::generate());
    INFO(created.message().toStdString());
    REQUIRE(created.ok());
}

QStringList visibleTexts(const QWidget& root)
{
    QStringList texts {root.windowTitle()};
    for (const QLineEdit* edit : root.findChildren<QLineEdit*>())
        texts << edit->text();
    for (const QLabel* label : root.findChildren<QLabel*>())
        texts << label->text();
    for (const QAbstractButton* button : root.findChildren<QAbstractButton*>())
        texts << button->text();
    for (const QAbstractItemView* view : root.findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* model = view->model();
        if (!model)
            continue;
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->index(row, column).data().toString();
        }
    }
    return texts;
}

void signInThroughUi(ui::MainWindow& window, const QString& login, const QString& password)
{
    REQUIRE(window.currentScreen() == window.signInWidget());
    auto* loginEdit = child<QLineEdit>(*window.signInWidget(), "signInLogin");
    auto* passwordEdit = child<QLineEdit>(*window.signInWidget(), "signInPassword");
    loginEdit->clear();
    QTest::keyClicks(loginEdit, login);
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

void showAndActivate(QWidget& window)
{
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

} // namespace hearth::test
