// Hearth desktop client: command line, store location, first-run set-up, then the main window.
#include "core/crypto/Crypto.h"
#include "core/vault/Vault.h"
#include "ui/MainWindow.h"
#include "ui/signin/SetupWizard.h"
#include "ui/sync/WipeMessage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

int main(int argc, char** argv)
{
    // Starts with main(), the closest Qt can get to process start; the benchmark compares runs.
    QElapsedTimer sinceStart;
    sinceStart.start();
#ifdef Q_OS_UNIX
    // Whatever Hearth creates is its user's alone: the data folder and its files (which core also makes
    // 0700/0600 itself, SQLite's own -wal/-shm/-journal included), and the reports a user saves.
    ::umask(077);
#endif
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Hearth"));
    QApplication::setOrganizationName(QStringLiteral("Hearth"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    if (!hearth::crypto::initialize()) {
        QMessageBox::critical(nullptr, QObject::tr("Hearth"),
                              QObject::tr("Hearth could not start its encryption library and will close."));
        return 1;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Encrypted client records for homeless-services agencies."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QObject::tr("Keep the agency store in <dir> (overrides HEARTH_DATA_DIR)."),
                                     QObject::tr("dir"));
    QCommandLineOption exitWhenReady(QStringLiteral("exit-when-ready"),
                                     QObject::tr("Print start-up time once the first window is shown, then quit."));
    exitWhenReady.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(dataDir);
    parser.addOption(exitWhenReady);
    parser.process(app);

    const hearth::SystemClock clock;
    hearth::Vault vault(hearth::StoreLocation::resolve(parser.value(dataDir)), clock);
    const hearth::Vault::State state = vault.probe();
    if (state == hearth::Vault::State::Unavailable) {
        // Never set up a new store over something Hearth does not recognise.
        QMessageBox::critical(nullptr, QObject::tr("Hearth"), vault.unavailableReason().message);
        return 1;
    }

    hearth::ui::MainWindow window(vault);
    std::unique_ptr<hearth::ui::SetupWizard> wizard;
    // First run, and again after a remote wipe: set-up in place of the window until a store exists.
    const auto startSetup = [&wizard, &window, &app, &vault] {
        wizard = std::make_unique<hearth::ui::SetupWizard>(vault);
        // Hiding the wizard must not count as the last window closing.
        QApplication::setQuitOnLastWindowClosed(false);
        QObject::connect(wizard.get(), &QDialog::accepted, &window, [&window] {
            window.show();
            QApplication::setQuitOnLastWindowClosed(true);
        });
        QObject::connect(wizard.get(), &QDialog::rejected, &app, &QCoreApplication::quit, Qt::QueuedConnection);
        return wizard.get();
    };
    QObject::connect(&window, &hearth::ui::MainWindow::setupRequested, &window, [&window, &startSetup] {
        window.hide();
        startSetup()->show();
    });
    QWidget* first = &window;
    if (state == hearth::Vault::State::NoStore)
        first = startSetup();
    first->show();
    // A workstation erased by its server says why once, at the next start.
    hearth::ui::openPendingWipeNotice(first, vault);

    if (parser.isSet(exitWhenReady)) {
        QTimer::singleShot(0, &app, [&sinceStart] {
            std::printf("ready-ms %lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QApplication::exec();
}
