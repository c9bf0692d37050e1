// Shared helpers for the core tests: a store in a fresh temporary folder, readable failure output,
// and byte snapshots of a data folder.
#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/KeySlots.h"
#include "core/crypto/RecoveryKey.h"
#include "core/store/Database.h"
#include "core/store/KeyFile.h"
#include "core/vault/Vault.h"
#include "tests/support/QtStringMakers.h"
#include "tests/support/TempDir.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>

#include <catch2/catch_test_macros.hpp>

#include <memory>
#include <string>

namespace Catch {
template<>
struct StringMaker<hearth::ErrorCode>
{
    static std::string convert(hearth::ErrorCode code)
    {
        using hearth::ErrorCode;
        switch (code) {
        case ErrorCode::WrongPassword:
            return "WrongPassword";
        case ErrorCode::UnknownUser:
            return "UnknownUser";
        case ErrorCode::AccountLocked:
            return "AccountLocked";
        case ErrorCode::AccountInactive:
            return "AccountInactive";
        case ErrorCode::PasswordRejected:
            return "PasswordRejected";
        case ErrorCode::PasswordChangeRequired:
            return "PasswordChangeRequired";
        case ErrorCode::StoreMissing:
            return "StoreMissing";
        case ErrorCode::StoreExists:
            return "StoreExists";
        case ErrorCode::StoreCorrupt:
            return "StoreCorrupt";
        case ErrorCode::KeySlotMissing:
            return "KeySlotMissing";
        case ErrorCode::KeySlotCorrupt:
            return "KeySlotCorrupt";
        case ErrorCode::DiskFull:
            return "DiskFull";
        case ErrorCode::ReadOnly:
            return "ReadOnly";
        case ErrorCode::Io:
            return "Io";
        case ErrorCode::PermissionDenied:
            return "PermissionDenied";
        case ErrorCode::NotFound:
            return "NotFound";
        case ErrorCode::InvalidInput:
            return "InvalidInput";
        case ErrorCode::Locked:
            return "Locked";
        case ErrorCode::Internal:
            return "Internal";
        }
        return "?";
    }
};
template<>
struct StringMaker<hearth::Vault::State>
{
    static std::string convert(hearth::Vault::State state)
    {
        switch (state) {
        case hearth::Vault::State::NoStore:
            return "NoStore";
        case hearth::Vault::State::Locked:
            return "Locked";
        case hearth::Vault::State::Unlocked:
            return "Unlocked";
        case hearth::Vault::State::Unavailable:
            return "Unavailable";
        }
        return "?";
    }
};
} // namespace Catch

/// REQUIRE that a Result/Status succeeded, showing its message when it did not.
#define REQUIRE_OK(expr)                                                                                               \
    do {                                                                                                               \
        const auto& hearthResult_ = (expr);                                                                            \
        INFO((hearthResult_.ok() ? std::string() : hearthResult_.message().toStdString()));                            \
        REQUIRE(hearthResult_.ok());                                                                                   \
    } while (false)

namespace hearth::test {

inline const QString kAdminLogin = QStringLiteral("ana.admin");
inline const QString kAdminPassword = QStringLiteral("Tangerine-47x!");
inline const QString kOtherPassword = QStringLiteral("Quokka-River-29");
inline const QString kThirdPassword = QStringLiteral("Marmot#Sky-83");

/// A Vault over a fresh temporary data folder, with a manual clock and fast key derivation.
struct TestStore
{
    TempDir dir;
    ManualClock clock;
    RecoveryKey recovery = RecoveryKey::generate();
    std::unique_ptr<Vault> vault;

    TestStore() { vault = makeVault(); }

    std::unique_ptr<Vault> makeVault() const
    {
        return std::make_unique<Vault>(StoreLocation {dir.path()}, clock, KdfParams::fastForTests());
    }
    /// Creates the store and leaves the administrator signed in.
    void create()
    {
        REQUIRE_OK(vault->createStore(AgencyProfile {QStringLiteral("Harbor House"), QStringLiteral("CA-504")},
                                      kAdminLogin, QStringLiteral("Ana Admin"), kAdminPassword, recovery));
        REQUIRE(vault->state() == Vault::State::Unlocked);
    }
    /// Signs the current user out and signs @p login in.
    void switchTo(const QString& login, const QString& password)
    {
        vault->signOut();
        REQUIRE_OK(vault->signIn(login, password));
    }
    QString keyFile() const { return StoreLocation {dir.path()}.keyFilePath(); }
    KeyFile keys() const
    {
        auto loaded = KeyFile::load(keyFile());
        REQUIRE_OK(loaded);
        return std::move(loaded).value();
    }
    QString databasePath() const { return StoreLocation {dir.path()}.databasePath(keys().databaseFile); }
    /// The current data key, read the way an administrator holding the recovery key could.
    SecretBytes dataKey() const
    {
        auto key = keyslots::openRecoverySlot(keys().recovery, recovery);
        REQUIRE_OK(key);
        return std::move(key).value();
    }
};

/// File name -> contents of every file directly in @p dir.
inline QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> files;
    const QDir d(dir);
    for (const QString& name : d.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        QFile f(d.filePath(name));
        REQUIRE(f.open(QIODevice::ReadOnly));
        files.insert(name, f.readAll());
    }
    return files;
}

inline QStringList fileNames(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

inline void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(data) == data.size());
}

/// Copies the store files (hearth.keys, hearth-*.db) of the fixture folder tests/data/@p name into @p target.
inline void copyFixture(const QString& name, const QString& target)
{
    const QDir source(fixturePath(name));
    REQUIRE(source.exists());
    const QStringList files = source.entryList({QStringLiteral("hearth*")}, QDir::Files);
    REQUIRE_FALSE(files.isEmpty());
    for (const QString& file : files) {
        const QString dest = QDir(target).filePath(file);
        QFile::remove(dest);
        REQUIRE(QFile::copy(source.filePath(file), dest));
        REQUIRE(QFile::setPermissions(dest, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }
}

/// A new, empty database file under @p key (migration tests build old schemas in it by hand).
inline std::unique_ptr<Database> createDatabase(const QString& path, const SecretBytes& key)
{
    auto db = Database::open(path, key, Database::OpenMode::CreateNew);
    REQUIRE_OK(db);
    return std::move(db).value();
}

/// Runs @p sql, failing the test with the statement when it does not succeed.
inline void execOk(Database& db, const QString& sql)
{
    INFO(sql.toStdString());
    REQUIRE_OK(db.exec(sql));
}

} // namespace hearth::test
