// The offline lease with a manual clock: staff are refused once a registered workstation has gone too
// long without reaching its server, an administrator gets in with client records closed and can unlock,
// a server contact renews it, and setting the clock back does not stretch it.
#include "core/auth/PasswordPolicy.h"
#include "core/common/DisplayDates.h"
#include "core/services/AuditReader.h"
#include "core/services/ClientRecords.h"
#include "core/services/ComplianceRecords.h"
#include "core/services/UserAdministration.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/AgencySettings.h"
#include "tests/compliance/RunTestSupport.h"
#include "tests/core/IntakeTestSupport.h"

#include <QCoreApplication>
#include <QSignalSpy>

using namespace hearth;
using namespace hearth::test;

namespace {
const QString kStaff = u"bo.staff"_qs;
constexpr qint64 kDay = 24 * 3600;

/// Agency Staff bo.staff with the permanent password kThirdPassword; passwords never expire here (the
/// tests move the clock by months). Leaves the administrator signed in.
void addStaff(TestStore& s)
{
    PasswordPolicyConfig policy;
    policy.expiryDays = 0;
    REQUIRE_OK(s.vault->settings().setPasswordPolicy(policy));
    REQUIRE_OK(UserAdministration(*s.vault).addUser(kStaff, {}, Role::AgencyStaff, kOtherPassword));
    s.switchTo(kStaff, kOtherPassword);
    REQUIRE_OK(s.vault->changePassword(kOtherPassword, kThirdPassword));
    s.switchTo(kAdminLogin, kAdminPassword);
}

/// A registered workstation (lease 30 days, last contact at the clock's start) with a staff user.
struct LeaseStore : IntakeStore
{
    QString maria;

    LeaseStore()
    {
        maria = client(u"Maria"_qs, u"Lease"_qs);
        addStaff(*this);
        SyncRegistration r;
        r.serverUrl = u"https://hmis.example.org"_qs;
        r.deviceId = u"device-1"_qs;
        r.token = u"token"_qs;
        r.tokenExpiresAt = clock.now().addDays(30);
        r.agency = u"HH"_qs;
        r.leaseDays = 30;
        r.registeredAt = clock.now();
        REQUIRE_OK(SyncState(*vault).saveRegistration(r));
        REQUIRE_OK(SyncState(*vault).recordServerContact(30));
    }

    SyncLease lease() const
    {
        auto l = SyncState(*vault).lease();
        REQUIRE_OK(l);
        return *l;
    }
    void days(int n) { clock.advanceSeconds(n * kDay); }
};

const QString kRanOut = u"This workstation has not reached the agency server since %1; its offline lease of "
                        "30 days has run out."_qs.arg(displayDate(QDate(2026, 1, 5)));
} // namespace

TEST_CASE("an unregistered workstation has no lease", "[lease]")
{
    IntakeStore s;
    const QString c = s.client(u"Una"_qs, u"Registered"_qs);
    addStaff(s);
    CHECK_FALSE(SyncState(*s.vault).lease().value().applies);
    s.clock.advanceSeconds(400 * kDay);
    s.switchTo(kStaff, kThirdPassword);
    REQUIRE_OK(ClientRecords(*s.vault).open(c));
    CHECK(s.vault->clientAccessBlock().isEmpty());
}

TEST_CASE("staff are refused once the lease runs out; an administrator gets in with client records closed", "[lease]")
{
    LeaseStore s;
    const SyncLease fresh = s.lease();
    CHECK(fresh.applies);
    CHECK(fresh.leaseDays == 30);
    CHECK(fresh.expiresAt == s.clock.now().addDays(30));
    CHECK_FALSE(fresh.expired);

    s.days(29);
    s.switchTo(kStaff, kThirdPassword);
    REQUIRE_OK(ClientRecords(*s.vault).open(s.maria));

    s.vault->signOut();
    s.days(2);
    const Status refused = s.vault->signIn(kStaff, kThirdPassword);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.code() == ErrorCode::PermissionDenied);
    CHECK(refused.message() == kRanOut + u" An administrator must sign in to unlock it."_qs);
    CHECK(s.vault->state() == Vault::State::Locked);
    CHECK_FALSE(s.vault->user().has_value());

    QSignalSpy changed(s.vault.get(), &Vault::clientAccessBlockChanged);
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
    CHECK(changed.size() == 1);
    CHECK(s.vault->clientAccessBlock().startsWith(kRanOut));
    CHECK(s.lease().expired);
    const auto open = ClientRecords(*s.vault).open(s.maria);
    REQUIRE_FALSE(open.ok());
    CHECK(open.code() == ErrorCode::PermissionDenied);
    CHECK(open.message().startsWith(kRanOut));
    // Administration that is not client data still works.
    REQUIRE_OK(s.vault->settings().setAutoLockMinutes(10));

    // The staff member's refusal is in the audit log (no client data in it).
    AuditFilter filter;
    filter.action = QString::fromLatin1(audit::SignInFailure);
    auto failures = AuditReader(*s.vault).query(filter);
    REQUIRE_OK(failures);
    REQUIRE(failures->size() == 1);
    CHECK(failures->front().userLogin == kStaff);
    CHECK(failures->front().detail == u"offline lease ran out");
}

TEST_CASE("an administrator unlocks an expired lease for another lease period, audited", "[lease]")
{
    LeaseStore s;
    CHECK(SyncState(*s.vault).unlockLease().code() == ErrorCode::InvalidInput); // nothing to unlock yet
    s.days(31);
    s.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE_FALSE(s.vault->clientAccessBlock().isEmpty());

    s.switchTo(kAdminLogin, kAdminPassword);
    QSignalSpy changed(s.vault.get(), &Vault::clientAccessBlockChanged);
    REQUIRE_OK(SyncState(*s.vault).unlockLease());
    CHECK(changed.size() == 1);
    CHECK(s.vault->clientAccessBlock().isEmpty());
    REQUIRE_OK(ClientRecords(*s.vault).open(s.maria));
    CHECK(s.lease().expiresAt == s.clock.now().addDays(30));
    CHECK(s.lease().lastContactAt == QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC)); // unlocking is no contact

    AuditFilter filter;
    filter.action = QString::fromLatin1(audit::SyncLeaseUnlock);
    auto unlocks = AuditReader(*s.vault).query(filter);
    REQUIRE_OK(unlocks);
    REQUIRE(unlocks->size() == 1);
    CHECK(unlocks->front().userLogin == kAdminLogin);

    s.switchTo(kStaff, kThirdPassword);
    REQUIRE_OK(ClientRecords(*s.vault).open(s.maria));
    CHECK(SyncState(*s.vault).unlockLease().code() == ErrorCode::PermissionDenied); // staff may not unlock

    // The unlock lasts one lease period, like a contact.
    s.vault->signOut();
    s.days(31);
    CHECK_FALSE(s.vault->signIn(kStaff, kThirdPassword).ok());
}

TEST_CASE("a server contact renews the lease and lifts the block", "[lease]")
{
    LeaseStore s;
    s.days(40);
    s.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE_FALSE(s.vault->clientAccessBlock().isEmpty());
    QSignalSpy changed(s.vault.get(), &Vault::clientAccessBlockChanged);
    REQUIRE_OK(SyncState(*s.vault).recordServerContact(14));
    CHECK(changed.size() == 1);
    CHECK(s.vault->clientAccessBlock().isEmpty());
    REQUIRE_OK(ClientRecords(*s.vault).open(s.maria));
    CHECK(s.lease().leaseDays == 14); // the server's figure
    CHECK(s.lease().lastContactAt == s.clock.now());
    s.days(15);
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK(s.lease().expired);
}

TEST_CASE("a lease running out mid-session closes client records at the next check", "[lease]")
{
    LeaseStore s;
    s.switchTo(kStaff, kThirdPassword);
    QSignalSpy changed(s.vault.get(), &Vault::clientAccessBlockChanged);
    REQUIRE_OK(ClientRecords(*s.vault).open(s.maria));
    s.days(31);
    const auto open = ClientRecords(*s.vault).open(s.maria);
    REQUIRE_FALSE(open.ok());
    CHECK(open.code() == ErrorCode::PermissionDenied);
    CHECK(s.vault->clientAccessBlock().startsWith(kRanOut));
    // Announced after the refused call returns, not inside it.
    CHECK(changed.isEmpty());
    QCoreApplication::processEvents();
    CHECK(changed.size() == 1);
}

TEST_CASE("setting the clock back does not stretch the lease", "[lease]")
{
    LeaseStore s;
    s.days(20);
    s.switchTo(kStaff, kThirdPassword); // Hearth sees the clock at day 20: 10 days left
    s.vault->signOut();

    s.clock.set(s.clock.now().addDays(-365));
    REQUIRE_OK(s.vault->signIn(kStaff, kThirdPassword));
    CHECK(s.lease().expiresAt == s.clock.now().addDays(10));
    s.vault->signOut();
    s.days(11);
    CHECK_FALSE(s.vault->signIn(kStaff, kThirdPassword).ok());
}

TEST_CASE("a contact recorded in the future counts as now", "[lease]")
{
    LeaseStore s;
    s.clock.advanceSeconds(200 * kDay);
    REQUIRE_OK(SyncState(*s.vault).recordServerContact(30)); // clock a long way ahead at the contact
    s.clock.advanceSeconds(-200 * kDay);
    s.switchTo(kStaff, kThirdPassword);
    CHECK(s.lease().expiresAt <= s.clock.now().addDays(30));
    s.vault->signOut();
    s.days(31);
    CHECK_FALSE(s.vault->signIn(kStaff, kThirdPassword).ok());
}

TEST_CASE("a running sync may read client data under an expired lease; screens stay closed", "[lease]")
{
    LeaseStore s;
    s.days(31);
    s.switchTo(kAdminLogin, kAdminPassword);
    bool syncing = false;
    s.vault->setSyncRunningCheck([&] { return syncing; });
    CHECK_FALSE(ClientRecords(*s.vault).open(s.maria).ok());
    syncing = true;
    REQUIRE_OK(ClientRecords(*s.vault).open(s.maria));
    CHECK_FALSE(s.vault->clientAccessBlock().isEmpty());
    syncing = false;
    CHECK_FALSE(ClientRecords(*s.vault).open(s.maria).ok());
    s.vault->setSyncRunningCheck({});
}

TEST_CASE("the compliance block still pauses a sync under an expired lease; both sentences show", "[lease]")
{
    LeaseStore s;
    ComplianceRecords compliance(*s.vault);
    REQUIRE_OK(compliance.saveRun(
        compliance::test::answeredRun(compliance::AuditKind::SelfAudit, {u"firewall-active"_qs}, s.clock.now())));
    compliance::ComplianceSettings settings;
    settings.blockClientsOnCriticalFailure = true;
    REQUIRE_OK(compliance.setSettings(settings));
    const QString complianceBlock = s.vault->clientAccessBlock();
    REQUIRE_FALSE(complianceBlock.isEmpty());

    s.days(31);
    s.switchTo(kAdminLogin, kAdminPassword);
    CHECK(s.vault->clientAccessBlock()
          == complianceBlock + u' ' + kRanOut
              + u" Client records stay closed until it "
                "syncs with the server or an administrator unlocks it on the Sync page."_qs);
    s.vault->setSyncRunningCheck([] { return true; });
    const auto open = ClientRecords(*s.vault).open(s.maria);
    REQUIRE_FALSE(open.ok());
    CHECK(open.code() == ErrorCode::PermissionDenied);
    CHECK(SyncState(*s.vault).pendingCount().code() == ErrorCode::PermissionDenied);
    s.vault->setSyncRunningCheck({});
}

TEST_CASE("unlocking a locked session checks the lease too", "[lease]")
{
    LeaseStore s;
    s.switchTo(kStaff, kThirdPassword);
    s.vault->lock();
    s.days(31);
    const Status refused = s.vault->unlock(kThirdPassword);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().endsWith(u"An administrator must sign in to unlock it."_qs));
    CHECK(s.vault->state() == Vault::State::Locked);
    CHECK(s.vault->lockedUserLogin() == kStaff);
    // An administrator takes over the workstation.
    s.vault->signOut();
    REQUIRE_OK(s.vault->signIn(kAdminLogin, kAdminPassword));
    CHECK_FALSE(s.vault->clientAccessBlock().isEmpty());
}
