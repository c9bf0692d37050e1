#pragma once

// Value types of the audit log: the actions, an entry, a filter, a verification, an anchor.
#include <QDateTime>
#include <QString>

namespace hearth {

/// @brief What the audit log records. Stored as stable strings ("sign-in.failure").
namespace audit {
inline constexpr auto SignInSuccess = "sign-in.success";
inline constexpr auto SignInFailure = "sign-in.failure";
inline constexpr auto SignInLockedOut = "sign-in.locked-out";
inline constexpr auto SignOut = "sign-out";
inline constexpr auto Lock = "session.lock";
inline constexpr auto Unlock = "session.unlock";
inline constexpr auto UserCreate = "user.create";
inline constexpr auto UserRoleChange = "user.role-change";
inline constexpr auto UserActivate = "user.activate";
inline constexpr auto UserDeactivate = "user.deactivate";
inline constexpr auto UserRemove = "user.remove";
inline constexpr auto PasswordChange = "user.password-change";
inline constexpr auto PasswordReset = "user.password-reset";
inline constexpr auto RecoveryUsed = "recovery-key.used";
inline constexpr auto KeyRotate = "data-key.rotate";
inline constexpr auto StoreCreate = "store.create";
inline constexpr auto SettingsChange = "settings.change";
inline constexpr auto RecordCreate = "record.create";
inline constexpr auto RecordView = "record.view";
inline constexpr auto RecordEdit = "record.edit";
inline constexpr auto RecordDelete = "record.delete";
inline constexpr auto SsnReveal = "record.ssn-reveal";
inline constexpr auto Enroll = "enrollment.enter";
inline constexpr auto HouseholdHeadChange = "enrollment.head-change";
inline constexpr auto Exit = "enrollment.exit";
inline constexpr auto Reopen = "enrollment.reopen";
inline constexpr auto ClearExitData = "enrollment.clear-exit-data";
inline constexpr auto CheckIn = "service.check-in";
inline constexpr auto ConsentRecord = "consent.record";
inline constexpr auto ConsentRevoke = "consent.revoke";
inline constexpr auto ConsentAttachmentView = "consent.attachment-view";
inline constexpr auto ConcurrentAlert = "consent.concurrent-alert";
inline constexpr auto AlertAcknowledge = "consent.alert-acknowledge";
inline constexpr auto ComplianceRun = "compliance.run";
inline constexpr auto ComplianceResolve = "compliance.resolve";
inline constexpr auto ComplianceSentToLead = "compliance.sent-to-lead";
inline constexpr auto ComplianceReportExport = "compliance.report-export";
inline constexpr auto Export = "export";
inline constexpr auto Print = "print";
inline constexpr auto SyncUpload = "sync.upload";
inline constexpr auto SyncRegister = "sync.register";
inline constexpr auto SyncRestriction = "sync.restriction";
inline constexpr auto SyncRefusedMarker = "sync.refused-marker";
inline constexpr auto SyncDownload = "sync.download";
inline constexpr auto SyncHeldBack = "sync.held-back";
inline constexpr auto SyncHeldBackDiscarded = "sync.held-back-discarded";
inline constexpr auto SyncConflictResolve = "sync.conflict-resolve";
inline constexpr auto Disclosure = "disclosure";
inline constexpr auto SyncLeaseUnlock = "sync.lease-unlock";
inline constexpr auto AuditAnchorMismatch = "audit.anchor-mismatch";
} // namespace audit

/// @brief One audit entry. `detail` never carries client data: record references are UUIDs.
struct AuditEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString userLogin;
    QString action;
    QString recordType;
    QString recordUuid;
    QString detail;
};

/// @brief The client an entry's record is, or belongs to (an enrollment, service or release of theirs), as
/// this workstation holds them: for the Audit log page to name, never stored in the log (AuditReader::clientsOf).
struct AuditRecordClient
{
    QString clientUuid;
    QString firstName;
    QString lastName;
    QString caseNumber;
};

struct AuditFilter
{
    QString userLogin;
    QString action; ///< exact action, or a prefix ending in '.' ("user.")
    QString recordUuid;
    QDateTime from; ///< inclusive; invalid = unbounded
    QDateTime to; ///< exclusive; invalid = unbounded
    int limit = 5000;
};

struct AuditVerification
{
    bool intact = true;
    qint64 entriesChecked = 0;
    qint64 firstBrokenSeq = 0; ///< 0 when intact
    QString problem;
};

/// @brief A point of the chain: an entry's sequence number and its hash (hex). The server keeps the last
/// one each workstation sent, so a chain rewritten here no longer extends what it saw.
struct AuditAnchor
{
    qint64 seq = 0;
    QString hash;
};

} // namespace hearth
