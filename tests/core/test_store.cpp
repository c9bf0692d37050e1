// The encrypted store: nothing readable on disk, a wrong password, and damage reported and never
// "repaired" by replacing the agency's data. Full disks, migrations and durability: test_store_disk.cpp.
#include "core/services/ClientRecords.h"
#include "core/store/Store.h"
#include "tests/core/CoreTestSupport.h"
#include "tests/core/RawSqlite.h"
#include "tests/core/StoreTestSupport.h"

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

const QString kFixtureLogin = QStringLiteral("admin");
const QString kFixturePassword = QStringLiteral("Fixture-pass-42");

RecoveryKey fixtureRecoveryKey()
{
    auto key = RecoveryKey::parse(QString::fromLatin1(readFile(fixturePath(u"fixture-store/RECOVERY-KEY.txt"_qs))));
    REQUIRE_OK(key);
    return std::move(key).value();
}

/// Signs in to a copied fixture that must not open, and checks that nothing in the folder changed.
Error expectRefusedUnchanged(const QString& dir, Vault::State expectedState)
{
    const auto before = snapshot(dir);
    const ManualClock clock;
    auto vault = vaultFor(dir, clock);
    CHECK(vault->probe() == expectedState);
    const Status st = vault->signIn(kFixtureLogin, kFixturePassword);
    REQUIRE_FALSE(st.ok());
    CHECK(vault->state() != Vault::State::Unlocked);
    CHECK_FALSE(vault->user().has_value());
    vault.reset();
    // Fail closed: no new database, no repaired or rewritten file.
    CHECK(fileNames(dir) == before.keys());
    CHECK(snapshot(dir) == before);
    return st.error();
}

} // namespace

TEST_CASE("the database file is unreadable without the data key", "[store][encryption]")
{
    TestStore store;
    store.create();
    store.vault->signOut();
    const QString db = store.databasePath();

    const QByteArray header = readFile(db).left(16);
    CHECK(header != QByteArray("SQLite format 3\0", 16));

    RawSqlite raw(db);
    REQUIRE(raw.openCode() == SQLITE_OK);
    int rc = SQLITE_OK;
    raw.integer("SELECT count(*) FROM sqlite_master", &rc);
    CHECK(rc == SQLITE_NOTADB);

    // And a wrong key is no better than none.
    const SecretBytes wrongKey = SecretBytes::random(crypto::kDataKeyBytes);
    RawSqlite wrong(db, &wrongKey);
    wrong.integer("SELECT count(*) FROM sqlite_master", &rc);
    CHECK(rc == SQLITE_NOTADB);

    // The right key does open it: the failures above are about the key, not a broken file.
    const SecretBytes key = store.dataKey();
    RawSqlite right(db, &key);
    CHECK(right.integer("SELECT count(*) FROM clients", &rc) == 0);
    CHECK(rc == SQLITE_OK);
}

TEST_CASE("a client's name never reaches the data folder in plaintext", "[store][encryption]")
{
    TestStore store;
    store.create();
    const QString first = QStringLiteral("Zebulonia");
    const QString last = QStringLiteral("Quixworth");
    const QString canary = first + u' ' + last;
    auto created = ClientRecords(*store.vault).create(first, last);
    REQUIRE_OK(created);
    REQUIRE_OK(ClientRecords(*store.vault).open(created->uuid)); // read back: the row exists

    const auto assertNoCanary = [&](const char* when) {
        INFO(when);
        for (const QString& needle : {first, last, canary}) {
            const QByteArray utf16(reinterpret_cast<const char*>(needle.utf16()), needle.size() * 2);
            CHECK_FALSE(anyFileContains(store.dir.path(), needle.toUtf8()));
            CHECK_FALSE(anyFileContains(store.dir.path(), utf16));
            CHECK_FALSE(anyFileContains(store.dir.path(), needle.toLower().toUtf8()));
        }
    };
    // The commit sits in the write-ahead log until a checkpoint: that file must be encrypted too.
    const QString wal = store.databasePath() + u"-wal"_qs;
    REQUIRE(QFileInfo(wal).size() > 0);
    assertNoCanary("while the write is only in the WAL");

    store.vault->lock();
    REQUIRE(store.vault->state() == Vault::State::Locked);
    assertNoCanary("after locking");

    // The canary check itself works: the same bytes are found once they are on disk in the clear.
    writeFile(store.dir.file(u"plain.txt"_qs), canary.toUtf8());
    CHECK(anyFileContains(store.dir.path(), canary.toUtf8()));
}

TEST_CASE("a wrong password is refused and the store stays as it was", "[store][sign-in]")
{
    TestStore store;
    store.create();
    store.vault->signOut();
    const auto before = snapshot(store.dir.path());
    const QString dbName = store.keys().databaseFile;

    for (int attempt = 0; attempt < 3; ++attempt) {
        const Status st = store.vault->signIn(kAdminLogin, QStringLiteral("Wrong-guess-11"));
        REQUIRE_FALSE(st.ok());
        CHECK(st.code() == ErrorCode::WrongPassword);
        CHECK(st.message().contains(u"password"_qs, Qt::CaseInsensitive));
        CHECK(st.message().contains(u"not correct"_qs));
        CHECK(store.vault->state() == Vault::State::Locked);
        CHECK_FALSE(store.vault->user().has_value());
    }
    // Only the key file (which counts failed attempts) was rewritten; no database file appeared or changed.
    CHECK(fileNames(store.dir.path()) == before.keys());
    const auto after = snapshot(store.dir.path());
    CHECK(after.value(dbName) == before.value(dbName));
    CHECK(store.keys().users.front().failedAttempts == 3);

    REQUIRE_OK(store.vault->signIn(kAdminLogin, kAdminPassword));
}

TEST_CASE("the committed fixture store opens with its password and its recovery key", "[store][fixtures]")
{
    TempDir dir;
    copyFixture(u"fixture-store"_qs, dir.path());
    const ManualClock clock;
    auto vault = vaultFor(dir.path(), clock);
    REQUIRE(vault->probe() == Vault::State::Locked);
    REQUIRE_OK(vault->signIn(kFixtureLogin, kFixturePassword));
    CHECK(clientFirstNames(*vault) == QStringList {u"Ada"_qs, u"Brook"_qs, u"Cy"_qs});
    vault->signOut();

    auto keys = KeyFile::load(StoreLocation {dir.path()}.keyFilePath());
    REQUIRE_OK(keys);
    CHECK(keyslots::openRecoverySlot(keys->recovery, fixtureRecoveryKey()).ok());
}

TEST_CASE("a truncated database is reported as damaged and left untouched", "[store][fixtures][fail-closed]")
{
    for (const QString& fixture : {u"truncated-store"_qs, u"truncated-unaligned-store"_qs}) {
        INFO(fixture.toStdString());
        TempDir dir;
        copyFixture(fixture, dir.path());
        const Error e = expectRefusedUnchanged(dir.path(), Vault::State::Locked);
        CHECK(e.code == ErrorCode::StoreCorrupt);
        CHECK(e.message.contains(u"damaged"_qs));
        CHECK(e.message.contains(u"backup"_qs));
    }
}

TEST_CASE("a tampered database page is reported as damaged and left untouched", "[store][fixtures][fail-closed]")
{
    TempDir dir;
    copyFixture(u"tampered-store"_qs, dir.path());
    const Error e = expectRefusedUnchanged(dir.path(), Vault::State::Locked);
    CHECK(e.code == ErrorCode::StoreCorrupt);
    CHECK(e.message.contains(u"altered"_qs));

    // The recovery key meets the same damage: it cannot be used to open a tampered file either.
    const ManualClock clock;
    auto vault = vaultFor(dir.path(), clock);
    const Status recovered = vault->recoverAccount(fixtureRecoveryKey(), kFixtureLogin, kOtherPassword);
    CHECK(recovered.code() == ErrorCode::StoreCorrupt);
}

TEST_CASE("an unreadable key file makes the store unavailable and is left untouched", "[store][fixtures][fail-closed]")
{
    TempDir dir;
    copyFixture(u"fixture-store"_qs, dir.path());
    const QString keyPath = StoreLocation {dir.path()}.keyFilePath();
    QFile::remove(keyPath);
    REQUIRE(QFile::copy(fixturePath(u"corrupt-keys/broken-json.keys"_qs), keyPath));

    const ManualClock clock;
    auto vault = vaultFor(dir.path(), clock);
    REQUIRE(vault->probe() == Vault::State::Unavailable);
    CHECK(vault->unavailableReason().code == ErrorCode::KeySlotCorrupt);
    CHECK(vault->unavailableReason().message.contains(u"hearth.keys"_qs));
    vault.reset();

    const Error e = expectRefusedUnchanged(dir.path(), Vault::State::Unavailable);
    CHECK(e.code == ErrorCode::KeySlotCorrupt);

    // Neither set-up nor recovery replaces the damaged file.
    const auto before = snapshot(dir.path());
    vault = vaultFor(dir.path(), clock);
    CHECK_FALSE(
        vault
            ->createStore({u"New Agency"_qs, u"CA-500"_qs}, u"newadmin"_qs, {}, kOtherPassword, RecoveryKey::generate())
            .ok());
    CHECK(vault->recoverAccount(fixtureRecoveryKey(), kFixtureLogin, kOtherPassword).code()
          == ErrorCode::KeySlotCorrupt);
    CHECK(snapshot(dir.path()) == before);
}

TEST_CASE("a damaged sealed data key refuses sign-in but the recovery key still works",
          "[store][fixtures][fail-closed]")
{
    TempDir dir;
    copyFixture(u"fixture-store"_qs, dir.path());
    const QString keyPath = StoreLocation {dir.path()}.keyFilePath();
    QFile::remove(keyPath);
    REQUIRE(QFile::copy(fixturePath(u"corrupt-keys/flipped-sealed-key.keys"_qs), keyPath));
    REQUIRE(QFile::setPermissions(keyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    const Error e = expectRefusedUnchanged(dir.path(), Vault::State::Locked);
    CHECK(e.code == ErrorCode::KeySlotCorrupt);
    CHECK(e.message.contains(u"damaged"_qs));

    const ManualClock clock;
    auto vault = vaultFor(dir.path(), clock);
    REQUIRE_OK(vault->recoverAccount(fixtureRecoveryKey(), kFixtureLogin, kOtherPassword));
    REQUIRE_OK(vault->signIn(kFixtureLogin, kOtherPassword));
    CHECK(clientFirstNames(*vault).size() == 3);
}

TEST_CASE("a damaged wrapped secret key refuses sign-in without touching the database",
          "[store][fixtures][fail-closed]")
{
    TempDir dir;
    copyFixture(u"fixture-store"_qs, dir.path());
    const QString keyPath = StoreLocation {dir.path()}.keyFilePath();
    const QByteArray dbBefore = readFile(dir.file(u"hearth-1.db"_qs));
    QFile::remove(keyPath);
    REQUIRE(QFile::copy(fixturePath(u"corrupt-keys/flipped-wrapped-key.keys"_qs), keyPath));
    REQUIRE(QFile::setPermissions(keyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    const ManualClock clock;
    auto vault = vaultFor(dir.path(), clock);
    REQUIRE(vault->probe() == Vault::State::Locked);
    // The authenticated cipher cannot tell a damaged wrapped key from a wrong password; what matters
    // is that nothing opens and the failed attempt is counted like any other.
    const Status st = vault->signIn(kFixtureLogin, kFixturePassword);
    CHECK(st.code() == ErrorCode::WrongPassword);
    CHECK(vault->state() == Vault::State::Locked);
    CHECK(fileNames(dir.path()) == QStringList {u"hearth-1.db"_qs, u"hearth.keys"_qs});
    CHECK(readFile(dir.file(u"hearth-1.db"_qs)) == dbBefore);

    REQUIRE_OK(vault->recoverAccount(fixtureRecoveryKey(), kFixtureLogin, kOtherPassword));
    REQUIRE_OK(vault->signIn(kFixtureLogin, kOtherPassword));
}

TEST_CASE("a missing database is reported and never re-created", "[store][fixtures][fail-closed]")
{
    TempDir dir;
    copyFixture(u"fixture-store"_qs, dir.path());
    REQUIRE(QFile::remove(dir.file(u"hearth-1.db"_qs)));

    const ManualClock clock;
    auto vault = vaultFor(dir.path(), clock);
    REQUIRE(vault->probe() == Vault::State::Unavailable);
    CHECK(vault->unavailableReason().code == ErrorCode::StoreMissing);
    CHECK(vault->unavailableReason().message.contains(u"backup"_qs));
    vault.reset();

    const Error e = expectRefusedUnchanged(dir.path(), Vault::State::Unavailable);
    CHECK(e.code == ErrorCode::StoreMissing);

    vault = vaultFor(dir.path(), clock);
    CHECK(
        vault
            ->createStore({u"New Agency"_qs, u"CA-500"_qs}, u"newadmin"_qs, {}, kOtherPassword, RecoveryKey::generate())
            .code()
        == ErrorCode::StoreExists);
    CHECK(vault->recoverAccount(fixtureRecoveryKey(), kFixtureLogin, kOtherPassword).code() == ErrorCode::StoreMissing);
    CHECK(fileNames(dir.path()) == QStringList {u"hearth.keys"_qs});
}
