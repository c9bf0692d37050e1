// The auto-lock fires while a print, file or confirmation dialog of a page is open: the page and its dialog
// go, nothing is written, and the lock screen shows. A dialog on the stack was freed twice here.
#include "tests/gui/GuiTestSupport.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::MainWindow;

namespace {

void openArea(MainWindow& window, const QString& name)
{
    auto* navigation = child<QListWidget>(window, "navigation");
    const auto items = navigation->findItems(name, Qt::MatchExactly);
    REQUIRE(items.size() == 1);
    navigation->setCurrentItem(items.first());
}

/// What the idle timer does once the limit has passed: called from inside a dialog's event loop.
void idleLock(GuiFixture& f, MainWindow& window)
{
    f.clock.advanceSeconds(15 * 60);
    window.checkIdle();
}

void requireLockedCleanly(GuiFixture& f, MainWindow& window)
{
    CHECK(f.vault.state() == Vault::State::Locked);
    CHECK(window.currentScreen() == window.lockScreen());
    CHECK(window.workspace() == nullptr);
    CHECK(QApplication::activeModalWidget() == nullptr);
    CHECK(window.findChildren<QDialog*>().isEmpty());
}

} // namespace

TEST_CASE("gui: the auto-lock closes a report's print, file or confirmation dialog with the page")
{
    GuiFixture f;
    f.createStore();
    MainWindow window(f.vault);
    showAndActivate(window);
    openArea(window, QStringLiteral("Reports"));
    child<QPushButton>(window, "reportRun")->click();
    const QString csvPath = f.dir.file(QStringLiteral("report.csv"));
    QString dialogClass;

    SECTION("while the print dialog is open")
    {
        auto ran = onNextModal([&](QWidget& dialog) {
            dialogClass = QString::fromLatin1(dialog.metaObject()->className());
            idleLock(f, window);
        });
        child<QPushButton>(window, "reportPrint")->click();
        REQUIRE(*ran);
        CHECK(dialogClass == QStringLiteral("QPrintDialog"));
    }
    SECTION("while the save-file dialog is open")
    {
        auto ran = onNextModal([&](QWidget& dialog) {
            dialogClass = QString::fromLatin1(dialog.metaObject()->className());
            idleLock(f, window);
        });
        child<QPushButton>(window, "reportSaveCsv")->click();
        REQUIRE(*ran);
        CHECK(dialogClass == QStringLiteral("QFileDialog"));
    }
    SECTION("while the confirmation that says what the file holds is open")
    {
        QString contents;
        std::shared_ptr<bool> confirmed;
        auto chosen = onNextModal([&](QWidget& dialog) {
            auto* files = qobject_cast<QFileDialog*>(&dialog);
            CHECK(files != nullptr);
            if (!files)
                return;
            confirmed = onNextModal([&](QWidget& box) {
                CHECK(box.objectName() == QStringLiteral("copyConfirmation"));
                contents = qobject_cast<QMessageBox*>(&box) ? qobject_cast<QMessageBox*>(&box)->text() : QString();
                idleLock(f, window);
            });
            files->selectFile(csvPath);
            static_cast<QDialog*>(files)->accept(); // QFileDialog::accept() is protected; QDialog's is not
        });
        child<QPushButton>(window, "reportSaveCsv")->click();
        REQUIRE(*chosen);
        REQUIRE(confirmed);
        REQUIRE(*confirmed);
        CHECK(contents.contains(QStringLiteral("will contain")));
        CHECK(contents.contains(QStringLiteral("0 clients")));
        CHECK_FALSE(QFile::exists(csvPath));
    }
    requireLockedCleanly(f, window);

    // The session comes back whole: the page is rebuilt and works.
    QTest::keyClicks(child<QLineEdit>(*window.lockScreen(), "unlockPassword"), kAdminPassword);
    child<QPushButton>(*window.lockScreen(), "unlockButton")->click();
    REQUIRE(f.vault.state() == Vault::State::Unlocked);
    REQUIRE(window.workspace() != nullptr);
}

TEST_CASE("gui: the auto-lock closes a settings question with the page")
{
    GuiFixture f;
    f.createStore();
    MainWindow window(f.vault);
    showAndActivate(window);
    openArea(window, QStringLiteral("Settings"));
    QString dialogClass;
    auto ran = onNextModal([&](QWidget& dialog) {
        dialogClass = QString::fromLatin1(dialog.metaObject()->className());
        idleLock(f, window);
    });
    child<QPushButton>(window, "rotateDataKey")->click();
    REQUIRE(*ran);
    CHECK(dialogClass == QStringLiteral("QMessageBox"));
    requireLockedCleanly(f, window);
}
