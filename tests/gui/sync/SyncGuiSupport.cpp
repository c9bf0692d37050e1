#include "tests/gui/sync/SyncGuiSupport.h"

#include "core/services/ConsentRecords.h"
#include "ui/sync/SyncPage.h"
#include "ui/sync/SyncSession.h"
#include "ui/sync/SyncStatusButton.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

namespace hearth::test {

SyncServer::SyncServer()
    : process(std::make_unique<ServerProcess>(dir.filePath(QStringLiteral("server.db"))))
{
    REQUIRE(process->admin(
                {QStringLiteral("agency"), QStringLiteral("add"), QStringLiteral("HH"), QStringLiteral("Harbor House")})
            == 0);
    REQUIRE(process->admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--agency"),
                            QStringLiteral("HH"), kServerLogin},
                           kServerPassword.toUtf8() + '\n')
            == 0);
    QString why;
    if (!process->start(&why))
        FAIL("hearth-server did not start: " << why.toStdString());
}

QUrl SyncServer::url() const
{
    QUrl url = process->url({});
    url.setPath({});
    return url;
}

QStringList SyncServer::deviceIds() const
{
    QString out;
    REQUIRE(process->admin({QStringLiteral("device"), QStringLiteral("list")}, {}, &out) == 0);
    QStringList ids;
    for (const QString& line : out.split(u'\n', Qt::SkipEmptyParts))
        ids << line.section(u'\t', 0, 0);
    return ids;
}

SyncGuiFixture::SyncGuiFixture()
{
    // The interval lives in QSettings: keep the tests' values out of the user's configuration.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    createStore();
    window = std::make_unique<ui::MainWindow>(vault);
    window->show();
}

SyncGuiFixture::~SyncGuiFixture()
{
    window.reset();
}

ui::Workspace& SyncGuiFixture::workspace() const
{
    REQUIRE(window->workspace() != nullptr);
    return *window->workspace();
}

QString SyncGuiFixture::client(const QString& first, const QString& last, SharingChoice choice)
{
    ClientProfile c;
    c.firstName = first;
    c.lastName = last;
    c.nameDataQuality = 1;
    c.dob = QDate(1980, 3, 14);
    c.dobDataQuality = 1;
    ReleaseOfInformation r;
    r.choice = choice;
    r.signedOn = clock.today();
    r.language = QStringLiteral("en");
    auto created = ConsentRecords(vault).createClient(c, r);
    INFO((created ? QString() : created.message()).toStdString());
    REQUIRE(created.ok());
    return created->uuid;
}

void SyncGuiFixture::registerThroughUi(const QUrl& url, const QString& password)
{
    workspace().showSync();
    ui::SyncPage* page = workspace().syncPage();
    REQUIRE(page != nullptr);
    child<QLineEdit>(*page, "syncServerUrl")->setText(url.toString());
    child<QLineEdit>(*page, "syncLogin")->setText(kServerLogin);
    child<QLineEdit>(*page, "syncPassword")->setText(password);
    child<QLineEdit>(*page, "syncDeviceName")->setText(QStringLiteral("Front desk"));
    ui::SyncSession* session = window->syncSession();
    REQUIRE(session != nullptr);
    QSignalSpy registered(session, &ui::SyncSession::registered);
    QSignalSpy failed(session, &ui::SyncSession::registrationFailed);
    QTest::mouseClick(child<QPushButton>(*page, "syncRegisterButton"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !registered.isEmpty() || !failed.isEmpty(); }, 30000));
}

ui::SyncStatusButton& SyncGuiFixture::statusButton() const
{
    return *window->syncStatus();
}

QString SyncGuiFixture::statusText() const
{
    return window->syncStatus()->text();
}

bool SyncGuiFixture::waitForStatus(const std::function<bool(const QString&)>& done, int timeoutMs) const
{
    return QTest::qWaitFor([&] { return done(statusText()); }, timeoutMs);
}

OtherWorkstation::OtherWorkstation(const QUrl& url)
{
    store.createStore();
    sync::SyncSettings settings;
    settings.retry = false;
    engine.setSettings(settings);
    QSignalSpy registered(&engine, &sync::SyncEngine::registered);
    engine.registerDevice(url, kServerLogin, kServerPassword, u"Back office"_qs);
    REQUIRE(registered.wait(30000));
}

void OtherWorkstation::sync()
{
    QSignalSpy done(&engine, &sync::SyncEngine::finished);
    REQUIRE(engine.syncNow());
    if (done.isEmpty())
        REQUIRE(done.wait(60000));
    INFO(done.front().at(1).toString().toStdString());
    REQUIRE(done.front().at(0).toBool());
}

} // namespace hearth::test
