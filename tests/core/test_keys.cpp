// Key slots in use: adding and removing users, changing passwords, the recovery key, data-key
// rotation, sign-in lock-out and who may do which of these.
#include "core/auth/PasswordPolicy.h"
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/UserAdministration.h"
#include "core/store/Database.h"
#include "core/vault/KeyRing.h"
#include "tests/core/CoreTestSupport.h"

#include <catch2/catch_test_macros.hpp>

#include <sys/resource.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace hearth;
using namespace hearth::test;

namespace {

UserRecord addUser(Vault& vault, const QString& login, Role role, const QString& password = kOtherPassword)
{
    auto user = UserAdministration(vault).addUser(login, {}, role, password);
    REQUIRE_OK(user);
    return std::move(user).value();
}

/// Signs @p login in with a temporary password and replaces it with @p newPassword.
void signInAndChange(TestStore& s, const QString& login, const QString& temporary, const QString& newPassword)
{
    s.switchTo(login, temporary);
    REQUIRE(s.vault->user()->mustChangePassword);
    REQUIRE_OK(s.vault->changePassword(temporary, newPassword));
}

std::vector<AuditEntry> auditEntries(Vault& vault, AuditFilter filter)
{
    auto entries = AuditReader(vault).query(filter);
    REQUIRE_OK(entries);
    return std::move(entries).value();
}

AuditFilter byAction(const char* action, const QString& login = {})
{
    AuditFilter f;
    f.action = QString::fromLatin1(action);
    f.userLogin = login;
    return f;
}

} // namespace

TEST_CASE("a new user signs in with the temporary password and must change it", "[keys][users]")
{
    TestStore s;
    s.create();
    const UserRecord bo = addUser(*s.vault, u"bo.staff"_qs, Role::AgencyStaff);
    CHECK(bo.mustChangePassword);
    KeyFile keys = s.keys();
    REQUIRE(keys.findUser(bo.uuid) != nullptr);

    s.switchTo(u"bo.staff"_qs, kOtherPassword);
    REQUIRE(s.vault->user()->login == u"bo.staff"_qs);
    CHECK(s.vault->user()->role == Role::AgencyStaff);
    CHECK(s.vault->user()->mustChangePassword);
    CHECK(s.vault->require(Permission::ViewClientProfile).code() == ErrorCode::PasswordChangeRequired);
    CHECK(ClientRecords(*s.vault).create(u"Not"_qs, u"Yet"_qs).code() == ErrorCode::PasswordChangeRequired);

    REQUIRE_OK(s.vault->changePassword(kOtherPassword, kThirdPassword));
    CHECK_FALSE(s.vault->user()->mustChangePassword);
    CHECK(s.vault->require(Permission::EditClients).ok());

    s.vault->signOut();
    CHECK(s.vault->signIn(u"bo.staff"_qs, kOtherPassword).code() == ErrorCode::WrongPassword);
    REQUIRE_OK(s.vault->signIn(u"bo.staff"_qs, kThirdPassword));
    CHECK_FALSE(s.vault->user()->mustChangePassword); // the change was saved, not only remembered
}

TEST_CASE("changing a password refuses the same password, a wrong current one and policy breaches", "[keys][password]")
{
    TestStore s;
    s.create();
    const QByteArray keysBefore = readFile(s.keyFile());
    const PasswordPolicyConfig defaults;

    Status st = s.vault->changePassword(kAdminPassword, kAdminPassword);
    CHECK(st.code() == ErrorCode::PasswordRejected);
    CHECK(st.message().contains(passwordRuleMessage(PasswordRule::SameAsPrevious, defaults)));

    st = s.vault->changePassword(u"Not-my-pass-77"_qs, kOtherPassword);
    CHECK(st.code() == ErrorCode::WrongPassword);
    CHECK(st.message().contains(u"current password"_qs));

    st = s.vault->changePassword(kAdminPassword, u"Sh0rt1"_qs);
    CHECK(st.code() == ErrorCode::PasswordRejected);
    CHECK(st.message().contains(passwordRuleMessage(PasswordRule::TooShort, defaults)));

    st = s.vault->changePassword(kAdminPassword, u"ana.admin-42"_qs);
    CHECK(st.code() == ErrorCode::PasswordRejected);
    CHECK(st.message().contains(passwordRuleMessage(PasswordRule::ContainsUserName, defaults)));

    st = s.vault->changePassword(kAdminPassword, u"Quokka-River"_qs);
    CHECK(st.code() == ErrorCode::PasswordRejected);
    CHECK(st.message().contains(passwordRuleMessage(PasswordRule::TooFewDigits, defaults)));

    // None of the refusals touched the key slot: the old password still opens the store.
    CHECK(readFile(s.keyFile()) == keysBefore);
    s.vault->signOut();
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
}

TEST_CASE("removing a user destroys the key slot and the password no longer opens the store", "[keys][users]")
{
    TestStore s;
    s.create();
    const UserRecord bo = addUser(*s.vault, u"bo.staff"_qs, Role::AgencyStaff);
    signInAndChange(s, u"bo.staff"_qs, kOtherPassword, kThirdPassword);
    s.switchTo(kAdminLogin, kAdminPassword);

    REQUIRE_OK(UserAdministration(*s.vault).removeUser(bo.uuid));
    KeyFile keys = s.keys();
    CHECK(keys.findUser(bo.uuid) == nullptr);
    CHECK(keys.findLogin(u"bo.staff"_qs) == nullptr);
    CHECK_FALSE(readFile(s.keyFile()).contains("bo.staff"));

    s.vault->signOut();
    const Status st = s.vault->signIn(u"bo.staff"_qs, kThirdPassword);
    CHECK(st.code() == ErrorCode::WrongPassword);
    CHECK(s.vault->state() == Vault::State::Locked);
    // The user ID is not handed out again.
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
    CHECK(UserAdministration(*s.vault).addUser(u"bo.staff"_qs, {}, Role::AgencyStaff, kOtherPassword).code()
          == ErrorCode::InvalidInput);
}

TEST_CASE("the recovery key gives an Enterprise Manager a new password", "[keys][recovery]")
{
    TestStore s;
    s.create();
    addUser(*s.vault, u"bo.staff"_qs, Role::AgencyStaff);
    s.vault->signOut();

    REQUIRE_OK(s.vault->recoverAccount(s.recovery, kAdminLogin, kOtherPassword));
    CHECK(s.vault->state() == Vault::State::Locked);
    CHECK(s.vault->signIn(kAdminLogin, kAdminPassword).code() == ErrorCode::WrongPassword);
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kOtherPassword));
    CHECK_FALSE(s.vault->user()->mustChangePassword);
    CHECK(auditEntries(*s.vault, byAction(audit::RecoveryUsed)).size() == 1);
    s.vault->signOut();

    // Another agency's key (or a mistyped but well-formed one) is refused and changes nothing.
    const QByteArray keysBefore = readFile(s.keyFile());
    const Status wrong = s.vault->recoverAccount(RecoveryKey::generate(), kAdminLogin, kThirdPassword);
    CHECK(wrong.code() == ErrorCode::WrongPassword);
    CHECK(wrong.message().contains(u"recovery key"_qs));
    CHECK(readFile(s.keyFile()) == keysBefore);

    // The recovery key is for administrators, not for any account.
    CHECK(s.vault->recoverAccount(s.recovery, u"bo.staff"_qs, kThirdPassword).code() == ErrorCode::UnknownUser);
    CHECK(s.vault->signIn(u"bo.staff"_qs, kThirdPassword).code() == ErrorCode::WrongPassword);
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kOtherPassword));
}

TEST_CASE("a recovery key reads back from its printed form and typos are caught", "[keys][recovery]")
{
    const RecoveryKey key = RecoveryKey::generate();
    const QString text = key.formatted();
    CHECK(text.split(u'-').size() == 14);

    auto parsed = RecoveryKey::parse(text);
    REQUIRE_OK(parsed);
    CHECK(parsed->secret().equals(key.secret()));
    CHECK_FALSE(parsed->secret().equals(RecoveryKey::generate().secret()));

    // Typed sloppily: lower case, spaces instead of dashes, O for 0 and l for 1.
    QString sloppy = text.toLower();
    sloppy.replace(u'-', u' ').replace(u'0', u'o').replace(u'1', u'l');
    auto relaxed = RecoveryKey::parse(sloppy);
    REQUIRE_OK(relaxed);
    CHECK(relaxed->secret().equals(key.secret()));

    const auto withCharAt = [&text](qsizetype index) {
        QString typo = text;
        typo[index] = text.at(index) == u'7' ? u'8' : u'7';
        return typo;
    };
    for (const qsizetype index : {text.size() - 1, text.size() - 4, qsizetype(0), qsizetype(20)}) {
        INFO("typo at " << index);
        auto bad = RecoveryKey::parse(withCharAt(index));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.code() == ErrorCode::InvalidInput);
        CHECK(bad.message().contains(u"typo"_qs));
    }
    auto shortKey = RecoveryKey::parse(text.left(text.size() - 5));
    CHECK(shortKey.code() == ErrorCode::InvalidInput);
    CHECK(shortKey.message().contains(u"14 groups"_qs));
    CHECK(RecoveryKey::parse(text + u"-0000"_qs).code() == ErrorCode::InvalidInput);
    CHECK(RecoveryKey::parse(QString(text).replace(5, 1, u'U')).code() == ErrorCode::InvalidInput);
}

TEST_CASE("rotating the data key re-encrypts the store and keeps every way in", "[keys][rotation]")
{
    TestStore s;
    s.create();
    addUser(*s.vault, u"bo.staff"_qs, Role::AgencyStaff);
    signInAndChange(s, u"bo.staff"_qs, kOtherPassword, kThirdPassword);
    auto rhea = ClientRecords(*s.vault).create(u"Rhea"_qs, u"Rotated"_qs);
    REQUIRE_OK(rhea);
    s.switchTo(kAdminLogin, kAdminPassword);

    const SecretBytes oldKey = s.dataKey();
    const QString oldPath = s.databasePath();
    REQUIRE(oldPath.endsWith(u"/hearth-1.db"_qs));

    REQUIRE_OK(s.vault->rotateDataKey());
    const KeyFile keys = s.keys();
    CHECK(keys.databaseFile == u"hearth-2.db"_qs);
    CHECK(keys.generation == 2);
    CHECK_FALSE(QFile::exists(oldPath));
    for (const QString& name : fileNames(s.dir.path()))
        CHECK_FALSE(name.startsWith(u"hearth-1.db"_qs));
    const SecretBytes newKey = s.dataKey();
    CHECK_FALSE(newKey.equals(oldKey));

    // The old key opens nothing any more.
    auto withOldKey = Database::open(s.databasePath(), oldKey, Database::OpenMode::ExistingOnly);
    CHECK(withOldKey.code() == ErrorCode::StoreCorrupt);
    auto withNewKey = Database::open(s.databasePath(), newKey, Database::OpenMode::ExistingOnly);
    CHECK(withNewKey.ok());
    withNewKey = Error {};

    // Every slot was re-sealed: the admin, the second user and the recovery key all still open it.
    CHECK(ClientRecords(*s.vault).open(rhea->uuid).ok()); // the running session moved over
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK(ClientRecords(*s.vault).open(rhea->uuid).value().lastName == u"Rotated"_qs);
    CHECK(auditEntries(*s.vault, byAction(audit::KeyRotate)).size() == 1);
    s.switchTo(u"bo.staff"_qs, kThirdPassword);
    CHECK(ClientRecords(*s.vault).open(rhea->uuid).ok());
    s.vault->signOut();
    REQUIRE_OK(s.vault->recoverAccount(s.recovery, kAdminLogin, u"Pelican-Dune-55"_qs));
    REQUIRE_OK(s.vault->signIn(kAdminLogin, u"Pelican-Dune-55"_qs));
    auto verified = AuditReader(*s.vault).verify();
    REQUIRE_OK(verified);
    CHECK(verified->intact);
}

TEST_CASE("database files left by an interrupted rotation are cleaned up", "[keys][rotation]")
{
    TestStore s;
    s.create();
    REQUIRE_OK(ClientRecords(*s.vault).create(u"Ivy"_qs, u"Interrupted"_qs));
    s.vault->signOut();
    const QByteArray generation1 = readFile(s.dir.file(u"hearth-1.db"_qs));

    SECTION("crash before the key file was replaced: the new copy is dropped")
    {
        writeFile(s.dir.file(u"hearth-2.db"_qs), generation1);
        writeFile(s.dir.file(u"hearth-2.db-wal"_qs), QByteArray(512, 'w'));
        auto vault = s.makeVault();
        REQUIRE(vault->probe() == Vault::State::Locked);
        CHECK(fileNames(s.dir.path()) == QStringList {u"hearth-1.db"_qs, u"hearth.keys"_qs});
        REQUIRE_OK(vault->signIn(kAdminLogin, kAdminPassword));
        CHECK(ClientRecords(*vault).list().value().size() == 1);
    }
    SECTION("crash after the key file was replaced: the old generation is dropped")
    {
        REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
        REQUIRE_OK(s.vault->rotateDataKey());
        s.vault->signOut();
        writeFile(s.dir.file(u"hearth-1.db"_qs), generation1);
        auto vault = s.makeVault();
        REQUIRE(vault->probe() == Vault::State::Locked);
        CHECK(fileNames(s.dir.path()) == QStringList {u"hearth-2.db"_qs, u"hearth.keys"_qs});
        REQUIRE_OK(vault->signIn(kAdminLogin, kAdminPassword));
        CHECK(ClientRecords(*vault).list().value().size() == 1);
    }
}

TEST_CASE("repeated wrong passwords lock the account for the configured time", "[keys][lock-out]")
{
    TestStore s;
    s.create();
    s.vault->signOut();
    const QDateTime start = s.clock.now();
    const QString wrong = u"Wrong-guess-11"_qs;

    for (int attempt = 1; attempt <= 4; ++attempt) {
        INFO("attempt " << attempt);
        CHECK(s.vault->signIn(kAdminLogin, wrong).code() == ErrorCode::WrongPassword);
        s.clock.advanceSeconds(10);
    }
    const Status fifth = s.vault->signIn(kAdminLogin, wrong);
    REQUIRE_FALSE(fifth.ok());
    CHECK(fifth.message().contains(u"15 minutes"_qs)); // told right away that the account now waits

    s.clock.advanceSeconds(10);
    Status locked = s.vault->signIn(kAdminLogin, kAdminPassword);
    CHECK(locked.code() == ErrorCode::AccountLocked);
    CHECK(locked.message().contains(u"minute"_qs));
    CHECK(s.vault->state() == Vault::State::Locked);

    s.clock.set(start.addSecs(40 + 14 * 60)); // 14 minutes after the fifth attempt
    locked = s.vault->signIn(kAdminLogin, kAdminPassword);
    CHECK(locked.code() == ErrorCode::AccountLocked);
    CHECK(locked.message().contains(u"1 minute"_qs));

    s.clock.set(start.addSecs(40 + 15 * 60));
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
    CHECK(s.keys().users.front().failedAttempts == 0);

    // Every attempt made while the store was locked is in the audit log now, at the time it happened.
    const auto failures = auditEntries(*s.vault, byAction(audit::SignInFailure, kAdminLogin));
    REQUIRE(failures.size() == 5);
    CHECK(failures.back().at == start); // newest first
    CHECK(failures.front().at == start.addSecs(40));
    const auto lockedOut = auditEntries(*s.vault, byAction(audit::SignInLockedOut, kAdminLogin));
    CHECK(lockedOut.size() == 3); // the lock itself and the two refused attempts
    CHECK(s.keys().pendingAudit.empty());
}

TEST_CASE("what each access level may do with users, passwords and keys", "[keys][permissions]")
{
    TestStore s;
    s.create();
    const UserRecord sam = addUser(*s.vault, u"sam.staff"_qs, Role::AgencyStaff);
    addUser(*s.vault, u"dee.head"_qs, Role::DepartmentHead);
    addUser(*s.vault, u"sid.site"_qs, Role::SiteManager);

    signInAndChange(s, u"sam.staff"_qs, kOtherPassword, kThirdPassword);
    CHECK(UserAdministration(*s.vault).addUser(u"new.one"_qs, {}, Role::AgencyStaff, kOtherPassword).code()
          == ErrorCode::PermissionDenied);
    CHECK(AuditReader(*s.vault).query({}).code() == ErrorCode::PermissionDenied);
    CHECK(AuditReader(*s.vault).verify().code() == ErrorCode::PermissionDenied);
    CHECK(s.vault->rotateDataKey().code() == ErrorCode::PermissionDenied);

    signInAndChange(s, u"dee.head"_qs, kOtherPassword, kThirdPassword);
    REQUIRE_OK(UserAdministration(*s.vault).addUser(u"new.staff"_qs, {}, Role::AgencyStaff, kOtherPassword));
    CHECK(UserAdministration(*s.vault).addUser(u"new.site"_qs, {}, Role::SiteManager, kOtherPassword).code()
          == ErrorCode::PermissionDenied);
    CHECK(s.keys().findLogin(u"new.site"_qs) == nullptr);
    CHECK(s.vault->rotateDataKey().code() == ErrorCode::PermissionDenied);
    CHECK(UserAdministration(*s.vault).resetPassword(sam.uuid, u"Pelican-Dune-55"_qs).code()
          == ErrorCode::PermissionDenied);

    signInAndChange(s, u"sid.site"_qs, kOtherPassword, kThirdPassword);
    CHECK(AuditReader(*s.vault).query({}).ok());
    CHECK(s.vault->rotateDataKey().code() == ErrorCode::PermissionDenied);
    CHECK(UserAdministration(*s.vault).resetPassword(sam.uuid, u"Pelican-Dune-55"_qs).code()
          == ErrorCode::PermissionDenied);
    CHECK(s.keys().generation == 1);

    // The Enterprise Manager may do both.
    s.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE_OK(UserAdministration(*s.vault).resetPassword(sam.uuid, u"Pelican-Dune-55"_qs));
    REQUIRE_OK(s.vault->rotateDataKey());
    s.vault->signOut();
    CHECK(s.vault->signIn(u"sam.staff"_qs, kThirdPassword).code() == ErrorCode::WrongPassword);
    REQUIRE_OK(s.vault->signIn(u"sam.staff"_qs, u"Pelican-Dune-55"_qs));
    CHECK(s.vault->user()->mustChangePassword);
}

TEST_CASE("a crash cannot write the data key or decrypted pages to a core dump", "[keys][memory]")
{
    // The test main ran crypto::initialize(), as the application does before it opens a store.
    struct rlimit core = {1, 1};
    REQUIRE(getrlimit(RLIMIT_CORE, &core) == 0);
    CHECK(core.rlim_cur == 0);
    CHECK(core.rlim_max == 0);
#ifdef Q_OS_LINUX
    // Not dumpable: even a piped core_pattern that ignores the limit gets nothing.
    CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
#endif
}

TEST_CASE("deactivating a user destroys their key slot; coming back takes a temporary password", "[keys][users]")
{
    TestStore s;
    s.create();
    const UserRecord bo = addUser(*s.vault, u"bo.staff"_qs, Role::AgencyStaff);
    signInAndChange(s, u"bo.staff"_qs, kOtherPassword, kThirdPassword);
    s.switchTo(kAdminLogin, kAdminPassword);

    UserAdministration admin(*s.vault);
    REQUIRE_OK(admin.deactivate(bo.uuid));
    CHECK(s.keys().findUser(bo.uuid) == nullptr);
    CHECK_FALSE(readFile(s.keyFile()).contains("bo.staff"));
    // Not by a new password either: an inactive account is reactivated, not reset.
    CHECK(admin.resetPassword(bo.uuid, u"Temporary-Pass-41"_qs).code() == ErrorCode::InvalidInput);

    s.vault->signOut();
    CHECK(s.vault->signIn(u"bo.staff"_qs, kThirdPassword).code() == ErrorCode::WrongPassword);

    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
    CHECK(UserAdministration(*s.vault).reactivate(bo.uuid, u"short1"_qs).code() == ErrorCode::PasswordRejected);
    REQUIRE_OK(UserAdministration(*s.vault).reactivate(bo.uuid, u"Temporary-Pass-41"_qs));
    s.vault->signOut();
    CHECK(s.vault->signIn(u"bo.staff"_qs, kThirdPassword).code() == ErrorCode::WrongPassword);
    REQUIRE_OK(s.vault->signIn(u"bo.staff"_qs, u"Temporary-Pass-41"_qs));
    CHECK(s.vault->user()->mustChangePassword);
}

TEST_CASE("a locked-out attempt costs what a real one does, and the waiting sign-in events stay bounded",
          "[keys][lock-out]")
{
    TestStore s;
    s.create();
    s.vault->signOut();
    const QString wrong = u"Wrong-guess-11"_qs;
    for (int attempt = 0; attempt < 5; ++attempt)
        REQUIRE_FALSE(s.vault->signIn(kAdminLogin, wrong).ok());

    // One key derivation each: a real attempt, an unknown user ID and a locked account alike.
    for (const QString& login : {kAdminLogin, u"nobody.here"_qs}) {
        const quint64 before = crypto::keyDerivations();
        (void)s.vault->signIn(login, kAdminPassword);
        CHECK(crypto::keyDerivations() == before + 1);
    }
    CHECK(s.vault->signIn(kAdminLogin, kAdminPassword).code() == ErrorCode::AccountLocked);

    // After guessing on and on at the locked account (the list is full): the oldest waiting event goes,
    // the newest stays.
    const std::size_t cap = KeyRing::kMaxPendingSignInEvents;
    KeyFile full = s.keys();
    const QDateTime longAgo = s.clock.now().addDays(-1);
    full.pendingAudit.clear();
    while (full.pendingAudit.size() < cap)
        full.pendingAudit.push_back({longAgo, kAdminLogin, QString::fromLatin1(audit::SignInLockedOut), {}});
    full.pendingAudit.front().at = longAgo.addSecs(-1);
    REQUIRE_OK(full.save(s.keyFile()));
    s.clock.advanceSeconds(1);
    CHECK(s.vault->signIn(kAdminLogin, wrong).code() == ErrorCode::AccountLocked);
    const KeyFile keys = s.keys();
    CHECK(keys.pendingAudit.size() == cap);
    CHECK(keys.pendingAudit.front().at.toSecsSinceEpoch() == longAgo.toSecsSinceEpoch()); // the oldest went
    CHECK(keys.pendingAudit.back().at.toSecsSinceEpoch() == s.clock.now().toSecsSinceEpoch());
}
