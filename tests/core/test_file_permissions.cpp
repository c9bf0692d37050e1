// The data folder is 0700 and every file Hearth writes in it 0600 (docs/security.md), whatever the umask:
// at creation, after a password change, a key rotation and a remote wipe, and for a folder made wider.
#include "core/store/WorkstationWipe.h"
#include "core/vault/AgencySettings.h"
#include "tests/core/CoreTestSupport.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>

using namespace hearth;
using namespace hearth::test;

namespace {

/// The process umask for one test (a usual desktop one by default), put back afterwards.
struct Umask
{
    mode_t old;
    explicit Umask(mode_t mask = 022)
        : old(::umask(mask))
    {
    }
    ~Umask() { ::umask(old); }
};

mode_t modeOf(const QString& path)
{
    struct stat st
    {
    };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    return st.st_mode & 07777;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

/// The folder is 0700 and each file in it 0600; @p expected must all be among them.
void requireOwnerOnly(const QString& dir, const QStringList& expected)
{
    CHECK(modeOf(dir) == 0700);
    const QStringList names = filesIn(dir);
    for (const QString& name : expected) {
        INFO(name.toStdString());
        CHECK(names.contains(name));
    }
    for (const QString& name : names) {
        INFO(name.toStdString());
        CHECK(modeOf(QDir(dir).filePath(name)) == 0600);
    }
}

/// A store in a data folder that does not exist yet, below a parent that does not either.
struct FolderStore
{
    TempDir root;
    ManualClock clock;
    RecoveryKey recovery = RecoveryKey::generate();
    QString data = root.path() + QStringLiteral("/share/Hearth");
    std::unique_ptr<Vault> vault = makeVault();

    std::unique_ptr<Vault> makeVault() const
    {
        return std::make_unique<Vault>(StoreLocation {data}, clock, KdfParams::fastForTests());
    }
    void create()
    {
        REQUIRE(vault->probe() == Vault::State::NoStore);
        REQUIRE_OK(vault->createStore(AgencyProfile {QStringLiteral("Harbor House"), QStringLiteral("CA-504")},
                                      kAdminLogin, QStringLiteral("Ana Admin"), kAdminPassword, recovery));
    }
};

const QStringList kGenerationOne {QStringLiteral("hearth.keys"), QStringLiteral("hearth-1.db"),
                                  QStringLiteral("hearth-1.db-wal"), QStringLiteral("hearth-1.db-shm")};

} // namespace

TEST_CASE("the data folder is made 0700 and every file in it 0600, whatever the umask", "[store][files]")
{
    const Umask usual(022);
    FolderStore s;
    s.create();
    requireOwnerOnly(s.data, kGenerationOne);
    CHECK(modeOf(s.root.path() + QStringLiteral("/share")) == 0755); // parents are not Hearth's to narrow

    SECTION("a password change rewrites the key file 0600")
    {
        REQUIRE_OK(s.vault->changePassword(kAdminPassword, kOtherPassword));
        requireOwnerOnly(s.data, kGenerationOne);
    }
    SECTION("a key rotation writes the new database, its sidecars and the key file 0600")
    {
        REQUIRE_OK(s.vault->rotateDataKey());
        requireOwnerOnly(s.data,
                         {QStringLiteral("hearth.keys"), QStringLiteral("hearth-2.db"),
                          QStringLiteral("hearth-2.db-wal"), QStringLiteral("hearth-2.db-shm")});
        CHECK_FALSE(filesIn(s.data).contains(QStringLiteral("hearth-1.db")));
    }
    SECTION("the lock-out rule saved into the key file keeps it 0600")
    {
        REQUIRE_OK(s.vault->settings().setSignInPolicy(SignInPolicy {3, 30}));
        s.vault->signOut();
        CHECK(s.vault->signIn(kAdminLogin, QStringLiteral("Wrong-Pass-11")).code() == ErrorCode::WrongPassword);
        requireOwnerOnly(s.data, {QStringLiteral("hearth.keys"), QStringLiteral("hearth-1.db")});
    }
    SECTION("a remote wipe leaves only its notice, 0600")
    {
        s.vault->signOut();
        REQUIRE_OK(wipeWorkstation(StoreLocation {s.data}, QStringLiteral("Laptop stolen"), s.clock.now()));
        requireOwnerOnly(s.data, {QStringLiteral("hearth-wipe-notice.json")});
        CHECK(filesIn(s.data).size() == 1);
    }
}

TEST_CASE("a data folder and store open to others are narrowed when Hearth opens them", "[store][files]")
{
    const Umask usual(022);
    FolderStore s;
    s.create();
    s.vault.reset(); // closed: SQLite folds the write-ahead log back in and removes it
    // As an older version, or a copy restored by hand, would have left them.
    REQUIRE(QFile::setPermissions(s.data,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    for (const QString& name : filesIn(s.data))
        REQUIRE(QFile::setPermissions(QDir(s.data).filePath(name),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    REQUIRE(modeOf(s.data) == 0755);

    s.vault = s.makeVault();
    REQUIRE(s.vault->probe() == Vault::State::Locked);
    CHECK(modeOf(s.data) == 0700);
    CHECK(modeOf(QDir(s.data).filePath(QStringLiteral("hearth.keys"))) == 0600);

    // Opening the database makes its write-ahead log and index, which start with its old mode.
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
    requireOwnerOnly(s.data, kGenerationOne);
}

TEST_CASE("the key file is replaced whole, and no copy is left beside it", "[store][files]")
{
    FolderStore s;
    s.create();
    for (int i = 0; i < 3; ++i)
        REQUIRE_OK(s.vault->settings().setSignInPolicy(SignInPolicy {4 + i, 20}));
    const QStringList names = filesIn(s.data);
    CHECK(names.filter(QStringLiteral("hearth.keys")) == QStringList {QStringLiteral("hearth.keys")});
    CHECK(KeyFile::load(StoreLocation {s.data}.keyFilePath()).value().signIn.maxFailedAttempts == 6);
}
