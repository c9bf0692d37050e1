#include "tests/gui/GuiTestSupport.h"

#include "ui/MainWindow.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/signin/SignInWidget.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMap>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPushButton>
#include <QRadioButton>
#include <QTabBar>
#include <QTest>
#include <QTimer>

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

QStringList duplicateMnemonics(const QWidget& window)
{
    QMap<QString, QStringList> owners; // "Alt+F" -> the texts that claim it
    const auto claim = [&owners](const QString& text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            owners[key.toString()] << text;
    };
    for (const QLabel* label : window.findChildren<QLabel*>()) {
        if (label->isVisible() && label->buddy())
            claim(label->text());
    }
    for (const QAbstractButton* button : window.findChildren<QAbstractButton*>()) {
        if (button->isVisible())
            claim(button->text());
    }
    for (const QGroupBox* box : window.findChildren<QGroupBox*>()) {
        if (box->isVisible())
            claim(box->title());
    }
    for (const QTabBar* tabs : window.findChildren<QTabBar*>()) {
        for (int i = 0; tabs->isVisible() && i < tabs->count(); ++i) {
            if (tabs->isTabVisible(i))
                claim(tabs->tabText(i));
        }
    }
    if (const auto* main = qobject_cast<const QMainWindow*>(&window)) {
        for (const QAction* menu : main->menuBar()->actions()) {
            if (menu->isVisible())
                claim(menu->text());
        }
    }
    QStringList clashes;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            clashes << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(" | "));
    }
    return clashes;
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

void stayActive(QWidget& window)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(1, 1), window.mapToGlobal(QPointF(1, 1)), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &move); // the application's event filters see it synchronously
}

std::shared_ptr<bool> onNextModal(std::function<void(QWidget& dialog)> work)
{
    auto ran = std::make_shared<bool>(false);
    // Polls until the dialog's exec() has made it the active modal widget.
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, ran, work = std::move(work)] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->stop();
        timer->deleteLater();
        *ran = true;
        work(*modal);
    });
    timer->start();
    return ran;
}

std::shared_ptr<bool> giveConsentOnNextModal(SharingChoice choice, std::function<void(ui::ConsentDialog& dialog)> fill)
{
    auto accepted = std::make_shared<bool>(false);
    onNextModal([accepted, choice, fill = std::move(fill)](QWidget& modal) {
        auto* dialog = qobject_cast<ui::ConsentDialog*>(&modal);
        CHECK(dialog != nullptr);
        if (!dialog)
            return;
        dialog->setChoice(choice);
        if (fill)
            fill(*dialog);
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("consentOk"));
        INFO(dialog->problems().join(u'\n').toStdString());
        CHECK((ok && ok->isEnabled()));
        if (ok)
            ok->click();
        *accepted = dialog->result() == QDialog::Accepted;
    });
    return accepted;
}

} // namespace hearth::test
