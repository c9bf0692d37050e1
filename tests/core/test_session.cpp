// The signed-in session: auto-lock timing, drafts kept across a lock, and the password rules that
// stop work until the password is changed.
#include "core/services/ClientRecords.h"
#include "core/services/UserAdministration.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/Drafts.h"
#include "core/vault/IdleTimer.h"
#include "tests/core/CoreTestSupport.h"

#include <QJsonObject>

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("the idle timer expires after exactly the configured time without activity", "[session][idle]")
{
    ManualClock clock;
    IdleTimer timer(clock, 15);
    CHECK(timer.timeoutMinutes() == 15);
    CHECK_FALSE(timer.expired());

    clock.advanceSeconds(14 * 60 + 59);
    CHECK_FALSE(timer.expired());
    CHECK(timer.remainingMs() == 1000);
    clock.advanceSeconds(1);
    CHECK(timer.expired());
    CHECK(timer.remainingMs() == 0);

    // Activity starts the count again.
    timer.noteActivity();
    CHECK_FALSE(timer.expired());
    clock.advanceSeconds(10 * 60);
    timer.noteActivity();
    clock.advanceSeconds(14 * 60 + 59);
    CHECK_FALSE(timer.expired());
    clock.advanceSeconds(1);
    CHECK(timer.expired());

    // A shorter setting applies at once.
    timer.noteActivity();
    clock.advanceSeconds(5 * 60);
    CHECK_FALSE(timer.expired());
    timer.setTimeoutMinutes(5);
    CHECK(timer.expired());
}

TEST_CASE("the idle timer never locks sooner than one minute", "[session][idle]")
{
    ManualClock clock;
    IdleTimer timer(clock, 0);
    CHECK(timer.timeoutMinutes() == 1);
    timer.setTimeoutMinutes(-5);
    CHECK(timer.timeoutMinutes() == 1);
    clock.advanceSeconds(59);
    CHECK_FALSE(timer.expired());
    clock.advanceSeconds(1);
    CHECK(timer.expired());
}

TEST_CASE("the auto-lock setting is stored for the agency and has a floor of one minute", "[session][idle]")
{
    TestStore s;
    s.create();
    CHECK(s.vault->settings().autoLockMinutes() == IdleTimer::kDefaultMinutes);
    CHECK(s.vault->settings().setAutoLockMinutes(0).code() == ErrorCode::InvalidInput);
    REQUIRE_OK(s.vault->settings().setAutoLockMinutes(5));
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK(s.vault->settings().autoLockMinutes() == 5);
}

TEST_CASE("a draft survives a lock and is handed back once, to its author only", "[session][drafts]")
{
    TestStore s;
    s.create();
    REQUIRE_OK(UserAdministration(*s.vault).addUser(u"bo.staff"_qs, {}, Role::AgencyStaff, kOtherPassword));
    const QJsonObject intake {{u"firstName"_qs, u"Half"_qs}, {u"note"_qs, u"typed before lunch"_qs}};
    REQUIRE_OK(s.vault->drafts().save(u"intake"_qs, intake));

    s.vault->lock();
    REQUIRE(s.vault->state() == Vault::State::Locked);
    CHECK(s.vault->lockedUserLogin() == kAdminLogin);
    CHECK(s.vault->drafts().take().code() == ErrorCode::Locked);
    CHECK(s.vault->unlock(u"Wrong-guess-11"_qs).code() == ErrorCode::WrongPassword);
    CHECK(s.vault->state() == Vault::State::Locked);
    REQUIRE_OK(s.vault->unlock(kAdminPassword));
    CHECK(s.vault->user()->login == kAdminLogin);

    auto drafts = s.vault->drafts().take();
    REQUIRE_OK(drafts);
    REQUIRE(drafts->size() == 1);
    CHECK(drafts->value(u"intake"_qs) == intake);
    auto again = s.vault->drafts().take();
    REQUIRE_OK(again);
    CHECK(again->isEmpty());

    // Another user never sees someone else's draft.
    REQUIRE_OK(s.vault->drafts().save(u"intake"_qs, intake));
    s.switchTo(u"bo.staff"_qs, kOtherPassword);
    auto bos = s.vault->drafts().take();
    REQUIRE_OK(bos);
    CHECK(bos->isEmpty());
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK(s.vault->drafts().take().value().size() == 1);
}

TEST_CASE("draft content never reaches the data folder in plaintext", "[session][drafts][encryption]")
{
    TestStore s;
    s.create();
    const QString canary = u"Orchidaceous Vantablack"_qs;
    REQUIRE_OK(s.vault->drafts().save(u"intake"_qs, QJsonObject {{u"lastName"_qs, canary}}));
    const auto check = [&](const char* when) {
        INFO(when);
        CHECK_FALSE(anyFileContains(s.dir.path(), canary.toUtf8()));
        CHECK_FALSE(anyFileContains(s.dir.path(),
                                    QByteArray(reinterpret_cast<const char*>(canary.utf16()), canary.size() * 2)));
        CHECK_FALSE(anyFileContains(s.dir.path(), "Orchidaceous"));
    };
    check("unlocked, in the WAL");
    s.vault->lock();
    check("locked");
    REQUIRE_OK(s.vault->unlock(kAdminPassword));
    CHECK(s.vault->drafts().take().value().value(u"intake"_qs).value(u"lastName").toString() == canary);
}

TEST_CASE("a session with a temporary password can do nothing until it is changed", "[session][password]")
{
    TestStore s;
    s.create();
    const UserRecord bo
        = UserAdministration(*s.vault).addUser(u"bo.staff"_qs, {}, Role::ProgramManager, kOtherPassword).value();
    s.switchTo(u"bo.staff"_qs, kOtherPassword);
    REQUIRE(s.vault->state() == Vault::State::Unlocked);
    for (const Permission p : {Permission::ViewClientProfile, Permission::EditClients, Permission::ExportData}) {
        CHECK(s.vault->require(p).code() == ErrorCode::PasswordChangeRequired);
        CHECK_FALSE(s.vault->can(p));
    }
    CHECK(ClientRecords(*s.vault).list().code() == ErrorCode::PasswordChangeRequired);

    // Still required after locking and unlocking.
    s.vault->lock();
    REQUIRE_OK(s.vault->unlock(kOtherPassword));
    CHECK(s.vault->require(Permission::ViewClientProfile).code() == ErrorCode::PasswordChangeRequired);

    REQUIRE_OK(s.vault->changePassword(kOtherPassword, kThirdPassword));
    CHECK(s.vault->require(Permission::ExportData).ok());
    CHECK(ClientRecords(*s.vault).list().ok());
    // The role's limits still apply.
    CHECK(s.vault->require(Permission::ManageUsers).code() == ErrorCode::PermissionDenied);

    // An administrator's reset puts the user back under the rule.
    s.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE_OK(UserAdministration(*s.vault).resetPassword(bo.uuid, u"Pelican-Dune-55"_qs));
    s.switchTo(u"bo.staff"_qs, u"Pelican-Dune-55"_qs);
    CHECK(s.vault->require(Permission::ViewClientProfile).code() == ErrorCode::PasswordChangeRequired);
}

TEST_CASE("a password older than the policy's expiry must be changed at sign-in", "[session][password]")
{
    TestStore s;
    s.create();
    const QDateTime changedAt = s.clock.now();

    s.clock.set(changedAt.addDays(89));
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK_FALSE(s.vault->user()->passwordExpired);
    CHECK(s.vault->require(Permission::ViewClientProfile).ok());

    s.clock.set(changedAt.addDays(91));
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK(s.vault->user()->passwordExpired);
    CHECK_FALSE(s.vault->user()->mustChangePassword);
    CHECK(s.vault->require(Permission::ViewClientProfile).code() == ErrorCode::PasswordChangeRequired);

    REQUIRE_OK(s.vault->changePassword(kAdminPassword, kOtherPassword));
    CHECK_FALSE(s.vault->user()->passwordExpired);
    CHECK(s.vault->require(Permission::ViewClientProfile).ok());
    // The new password counts from today.
    s.clock.set(changedAt.addDays(91 + 89));
    s.switchTo(kAdminLogin, kOtherPassword);
    CHECK_FALSE(s.vault->user()->passwordExpired);

    // An agency that switches expiry off is never asked.
    PasswordPolicyConfig noExpiry;
    noExpiry.expiryDays = 0;
    REQUIRE_OK(s.vault->settings().setPasswordPolicy(noExpiry));
    s.clock.set(changedAt.addDays(3650));
    s.switchTo(kAdminLogin, kOtherPassword);
    CHECK_FALSE(s.vault->user()->passwordExpired);
}
