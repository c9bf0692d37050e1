// The encrypted store under a read-only folder and a full disk, migrations that keep data, and saves that
// survive a killed process.
#include "core/services/ClientRecords.h"
#include "core/store/ChangeLog.h"
#include "core/store/ClientRepository.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/store/Store.h"
#include "tests/core/CoreTestSupport.h"
#include "tests/core/RawSqlite.h"
#include "tests/core/StoreTestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>

#include <catch2/catch_test_macros.hpp>

#include <csignal>
#include <cstring>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace hearth;
using namespace hearth::test;

namespace {

/// Makes a folder read-only for the test's lifetime. chmod does not stop root, so as root the folder
/// is bind-mounted read-only over itself instead (needs CAP_SYS_ADMIN).
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(const QString& path)
        : m_path(path)
        , m_native(QFile::encodeName(path))
    {
        if (geteuid() != 0) {
            for (const QString& name : fileNames(path))
                QFile::setPermissions(QDir(path).filePath(name), QFileDevice::ReadOwner);
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            m_chmodded = true;
        } else if (::mount(m_native.constData(), m_native.constData(), nullptr, MS_BIND, nullptr) != 0) {
            m_reason = QStringLiteral("running as root and cannot bind-mount (%1)")
                           .arg(QString::fromLocal8Bit(strerror(errno)));
            return;
        } else {
            m_mounted = true;
            if (::mount(nullptr, m_native.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0) {
                m_reason = QStringLiteral("running as root and cannot remount read-only (%1)")
                               .arg(QString::fromLocal8Bit(strerror(errno)));
                return;
            }
        }
        QFile probe(QDir(path).filePath(u"write-probe"_qs));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            m_reason = QStringLiteral("the folder stayed writable");
        }
    }
    ~ReadOnlyFolder()
    {
        if (m_mounted)
            ::umount2(m_native.constData(), MNT_DETACH);
        if (m_chmodded) {
            QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            for (const QString& name : fileNames(m_path))
                QFile::setPermissions(QDir(m_path).filePath(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;

    /// Empty when the folder really is read-only.
    const QString& whyNot() const { return m_reason; }

private:
    QString m_path;
    QByteArray m_native;
    QString m_reason;
    bool m_mounted = false;
    bool m_chmodded = false;
};

} // namespace

TEST_CASE("a read-only data folder is reported, and nothing is changed", "[store][fail-closed]")
{
    TestStore store;
    store.create();
    REQUIRE_OK(ClientRecords(*store.vault).create(u"Read"_qs, u"Only"_qs));
    store.vault->signOut();
    const auto before = snapshot(store.dir.path());

    ReadOnlyFolder readOnly(store.dir.path());
    if (!readOnly.whyNot().isEmpty())
        SKIP("cannot make the data folder read-only here: " << readOnly.whyNot().toStdString());

    auto vault = store.makeVault();
    REQUIRE(vault->probe() == Vault::State::Locked);
    const Status st = vault->signIn(kAdminLogin, kAdminPassword);
    REQUIRE_FALSE(st.ok());
    CHECK(st.code() == ErrorCode::ReadOnly);
    CHECK(st.message().contains(u"cannot write"_qs));
    CHECK(vault->state() == Vault::State::Locked);
    vault.reset();
    CHECK(snapshot(store.dir.path()) == before);
}

TEST_CASE("SQLite's disk-full result is reported as a full disk", "[store][disk-full]")
{
    const Error e = Database::errorFor(SQLITE_FULL, QStringLiteral("saving the client"));
    CHECK(e.code == ErrorCode::DiskFull);
    CHECK(e.message.contains(u"disk is full"_qs));
    CHECK(e.message.contains(u"saving the client"_qs));
    // Extended result codes carry the same primary code.
    CHECK(Database::errorFor(SQLITE_IOERR_WRITE, u"saving"_qs).code == ErrorCode::Io);
    CHECK(Database::errorFor(SQLITE_READONLY_DBMOVED, u"saving"_qs).code == ErrorCode::ReadOnly);
    CHECK(Database::errorFor(SQLITE_CORRUPT_INDEX, u"saving"_qs).code == ErrorCode::StoreCorrupt);
}

namespace {
/// A small tmpfs over @p path for the test's lifetime (root with CAP_SYS_ADMIN only).
class SmallDisk
{
public:
    SmallDisk(const QString& path, const char* size)
        : m_native(QFile::encodeName(path))
    {
        const QByteArray options = QByteArray("size=") + size;
        if (::mount("tmpfs", m_native.constData(), "tmpfs", 0, options.constData()) == 0)
            m_mounted = true;
        else
            m_reason = QString::fromLocal8Bit(strerror(errno));
    }
    ~SmallDisk()
    {
        if (m_mounted)
            ::umount2(m_native.constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool mounted() const { return m_mounted; }
    const QString& reason() const { return m_reason; }

private:
    QByteArray m_native;
    QString m_reason;
    bool m_mounted = false;
};
} // namespace

TEST_CASE("a save that hits a full disk fails cleanly and loses nothing", "[store][disk-full]")
{
    TempDir outer;
    const QString dataDir = outer.file(u"disk"_qs);
    REQUIRE(QDir().mkpath(dataDir));
    SmallDisk disk(dataDir, "2m");
    if (!disk.mounted())
        SKIP("cannot mount a small tmpfs here (" << disk.reason().toStdString() << ")");

    const ManualClock clock;
    const RecoveryKey recovery = RecoveryKey::generate();
    auto vault = vaultFor(dataDir, clock);
    REQUIRE_OK(vault->createStore({u"Harbor House"_qs, u"CA-504"_qs}, kAdminLogin, {}, kAdminPassword, recovery));
    ClientRecords clients(*vault);
    REQUIRE_OK(clients.create(u"Before"_qs, u"Full"_qs));

    // Fill the disk.
    QFile filler(dataDir + u"/filler"_qs);
    REQUIRE(filler.open(QIODevice::WriteOnly));
    const QByteArray chunk(4096, 'x');
    while (filler.write(chunk) == chunk.size() && filler.flush()) { }
    filler.close();

    QSet<QString> saved {u"Before"_qs};
    std::optional<Error> failure;
    for (int n = 0; n < 2000 && !failure; ++n) {
        const QString name = QStringLiteral("after-%1").arg(n);
        auto c = clients.create(name, u"Full"_qs);
        if (c)
            saved.insert(name);
        else
            failure = c.error();
    }
    REQUIRE(failure.has_value());
    CHECK(failure->code == ErrorCode::DiskFull);
    CHECK(failure->message.contains(u"disk is full"_qs));
    CHECK(vault->state() == Vault::State::Unlocked);

    // Free space: everything saved before the failure is there, the failed save is not, and work goes on.
    REQUIRE(QFile::remove(dataDir + u"/filler"_qs));
    const QStringList names = clientFirstNames(*vault);
    CHECK(QSet<QString>(names.begin(), names.end()) == saved);
    REQUIRE_OK(clients.create(u"After"_qs, u"Space"_qs));
    vault->signOut();
    REQUIRE_OK(vault->signIn(kAdminLogin, kAdminPassword)); // integrity check on open
    CHECK(clientFirstNames(*vault).size() == saved.size() + 1);
    vault.reset();
}

TEST_CASE("upgrading a version 1 database keeps its data and adds the later tables", "[store][migrations]")
{
    TempDir dir;
    const QString path = dir.file(u"hearth-1.db"_qs);
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    {
        auto db = createDatabase(path, key);
        REQUIRE_OK(migrate(*db, 1));
        REQUIRE(db->userVersion() == 1);
        CHECK_FALSE(db->exec(u"SELECT count(*) FROM clients"_qs).ok()); // not there yet
        execOk(*db, u"INSERT INTO meta (key, value) VALUES ('store_id', 'v1-store')"_qs);
        execOk(*db,
               u"INSERT INTO users (uuid, login, display_name, role, password_changed_at, public_key, "
               "created_at, updated_at, updated_by) VALUES ('u-1', 'old.timer', 'Old Timer', 5, "
               "'2025-01-01T00:00:00.000Z', x'0102', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', "
               "'old.timer')"_qs);
        execOk(*db,
               u"INSERT INTO audit_log (seq, at, user_login, action, prev_hash, hash) VALUES "
               "(1, '2025-01-01T00:00:00.000Z', 'old.timer', 'store.create', x'00', x'01'), "
               "(2, '2025-01-02T00:00:00.000Z', 'old.timer', 'sign-in.success', x'01', x'02')"_qs);
        execOk(*db,
               u"INSERT INTO change_log (entity, entity_uuid, operation, changed_at, changed_by, fields) "
               "VALUES ('client', 'c-1', 'insert', '2025-01-02T00:00:00.000Z', 'old.timer', '{\"a\":1}')"_qs);
        execOk(*db,
               u"INSERT INTO change_cursors (consumer, last_seq, updated_at) VALUES "
               "('sync', 1, '2025-01-02T00:00:00.000Z')"_qs);

        REQUIRE_OK(migrate(*db));
        CHECK(db->userVersion() == latestSchemaVersion());
        CHECK(db->userVersion() >= 3);
        auto users = db->scalar(u"SELECT display_name FROM users WHERE login = 'OLD.TIMER'"_qs);
        REQUIRE_OK(users);
        CHECK(users->toString() == u"Old Timer"_qs);
        CHECK(db->scalar(u"SELECT count(*) FROM audit_log"_qs).value().toInt() == 2);
        CHECK(db->scalar(u"SELECT group_concat(action, ',') FROM audit_log ORDER BY seq"_qs).value().toString()
              == u"store.create,sign-in.success"_qs);
        execOk(*db,
               u"INSERT INTO clients (uuid, first_name, created_at, updated_at, updated_by) VALUES "
               "('c-1', 'Vee', 't', 't', 'old.timer')"_qs);
        execOk(*db, u"INSERT INTO drafts (user_uuid, form, content, saved_at) VALUES ('u-1', 'intake', '{}', 't')"_qs);
        // Migrating again is a no-op.
        REQUIRE_OK(migrate(*db));
        CHECK(db->userVersion() >= 3);
    }
    // The upgraded file opens as a store, and the repositories read the old rows.
    auto store = Store::open(path, key);
    REQUIRE_OK(store);
    ChangeLog changes(**store);
    auto rows = changes.readAfter(0, 10);
    REQUIRE_OK(rows);
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().entityUuid == u"c-1"_qs);
    CHECK(rows->front().fields.value(u"a").toInt() == 1);
    CHECK(changes.cursor(u"sync"_qs).value() == 1);
    CHECK(ClientRepository(**store).find(u"c-1"_qs).value().has_value());
}

TEST_CASE("a database written by a newer Hearth is refused and left unchanged", "[store][migrations]")
{
    TempDir dir;
    const QString path = dir.file(u"hearth-1.db"_qs);
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    {
        auto db = createDatabase(path, key);
        REQUIRE_OK(migrate(*db));
        REQUIRE_OK(db->setUserVersion(99));
    }
    const auto before = snapshot(dir.path());

    auto store = Store::open(path, key);
    REQUIRE_FALSE(store.ok());
    CHECK(store.code() == ErrorCode::StoreCorrupt);
    CHECK(store.message().contains(u"newer version"_qs));
    CHECK(snapshot(dir.path()) == before);

    auto db = Database::open(path, key, Database::OpenMode::ExistingOnly);
    REQUIRE_OK(db);
    CHECK_FALSE(migrate(**db).ok());
    CHECK((*db)->userVersion() == 99);
    CHECK((*db)->scalar(u"SELECT count(*) FROM clients"_qs).ok());
}

TEST_CASE("a migration step that fails rolls back completely", "[store][migrations]")
{
    TempDir dir;
    const SecretBytes key = SecretBytes::random(crypto::kDataKeyBytes);
    auto db = createDatabase(dir.file(u"hearth-1.db"_qs), key);
    REQUIRE_OK(migrate(*db, 1));
    // Version 2 creates `clients` and then `drafts`; a `drafts` table already there fails the step
    // after `clients` was created.
    execOk(*db, u"CREATE TABLE drafts (x)"_qs);
    execOk(*db, u"INSERT INTO meta (key, value) VALUES ('store_id', 'keep-me')"_qs);

    REQUIRE_FALSE(migrate(*db).ok());
    CHECK(db->userVersion() == 1);
    CHECK(db->scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'clients'"_qs).value().toInt() == 0);
    CHECK(db->scalar(u"SELECT value FROM meta WHERE key = 'store_id'"_qs).value().toByteArray() == "keep-me");
    // The database is usable, not stuck inside a transaction.
    REQUIRE_OK(db->begin());
    REQUIRE_OK(db->commit());
}

TEST_CASE("every acknowledged save survives kill -9", "[store][durability]")
{
    TestStore store;
    store.clock.set(QDateTime::currentDateTimeUtc()); // the writer runs on the real clock
    store.create();
    store.vault->signOut();

    QProcess writer;
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(QStringLiteral(HEARTH_STORE_WRITER), {store.dir.path(), kAdminLogin, kAdminPassword});
    REQUIRE(writer.waitForStarted(5000));

    qint64 lastAck = -1;
    QByteArray pending;
    const auto readAcks = [&] {
        pending += writer.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.startsWith("ack "))
                lastAck = line.mid(4).toLongLong();
        }
    };
    QElapsedTimer timer;
    timer.start();
    while (lastAck < 20 && timer.elapsed() < 20'000 && writer.state() == QProcess::Running) {
        writer.waitForReadyRead(200);
        readAcks();
    }
    INFO("writer stderr: " << writer.readAllStandardError().toStdString());
    REQUIRE(lastAck >= 20);
    REQUIRE(::kill(static_cast<pid_t>(writer.processId()), SIGKILL) == 0);
    REQUIRE(writer.waitForFinished(5000));
    readAcks(); // acknowledgements still in the pipe count too
    CHECK(writer.exitStatus() == QProcess::CrashExit);

    // Reopen: sign-in runs the integrity check; then every acknowledged client must be there.
    auto vault = store.makeVault();
    REQUIRE(vault->probe() == Vault::State::Locked);
    REQUIRE_OK(vault->signIn(kAdminLogin, kAdminPassword));
    auto list = ClientRecords(*vault).list(100'000);
    REQUIRE_OK(list);
    QSet<QString> names;
    for (const ClientProfile& c : *list)
        names.insert(c.firstName);
    for (qint64 n = 0; n <= lastAck; ++n) {
        INFO("client-" << n);
        CHECK(names.contains(QStringLiteral("client-%1").arg(n)));
    }
    // At most the one save in flight when the kill landed may exist without its acknowledgement.
    CHECK(names.size() <= lastAck + 2);
}
