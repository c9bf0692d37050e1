#pragma once

#include "core/auth/PasswordPolicy.h"
#include "core/auth/Roles.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/RecoveryKey.h"
#include "core/store/KeyFile.h"
#include "core/store/StoreLocation.h"
#include "core/types/AuditEntry.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace hearth {

class Store;
class DuplicateIndex;
struct ClientProfile;
struct SyncLease;

struct AgencyProfile
{
    QString name;
    QString cocCode; ///< HUD CoC code: two letters, a dash, three digits ("CA-504")

    /// Uppercases the CoC code; error names the field that is wrong.
    static Result<AgencyProfile> validated(const QString& name, const QString& cocCode);
};

/// @brief The signed-in user as the rest of the application sees them.
struct SessionUser
{
    QString uuid;
    QString login;
    QString displayName;
    Role role = Role::AgencyStaff;
    bool mustChangePassword = false; ///< temporary password set by an administrator
    bool passwordExpired = false;
};

/// @brief The agency store behind its key slots: set-up, sign-in, lock, password and key management.
///
/// Holds the data key only while unlocked. Every other core service reaches the database through
/// a Vault, which is how permission checks and audit entries cannot be skipped.
class Vault : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        NoStore, ///< nothing in the data folder: run set-up
        Locked, ///< a store exists; sign in to open it
        Unlocked, ///< open, with a signed-in user
        Unavailable, ///< the folder holds something Hearth will not touch (see unavailableReason())
    };
    Q_ENUM(State)

    /// Sign-in events kept in the key file until the next sign-in writes them to the audit log: the oldest
    /// go beyond this, so guessing at a locked workstation cannot grow the file without limit.
    static constexpr std::size_t kMaxPendingSignInEvents = 1000;

    Vault(StoreLocation location, const Clock& clock, KdfParams kdf = KdfParams::production(),
          QObject* parent = nullptr);
    ~Vault() override;

    /// Looks at the data folder and settles the state. Never creates or changes anything there,
    /// except removing database files left over from an interrupted key rotation.
    State probe();
    State state() const { return m_state; }
    const Error& unavailableReason() const { return m_unavailable; }
    const StoreLocation& location() const { return m_location; }
    const Clock& clock() const { return m_clock; }

    // --- Set-up ---------------------------------------------------------------------------------
    /// Creates the store with its first administrator (an Enterprise Manager) and the recovery slot,
    /// then signs that administrator in.
    Status createStore(const AgencyProfile& agency, const QString& adminLogin, const QString& adminName,
                       const QString& adminPassword, const RecoveryKey& recoveryKey);

    // --- Sign-in and locking --------------------------------------------------------------------
    Status signIn(const QString& login, const QString& password);
    /// Unlocks a locked session for the same user.
    Status unlock(const QString& password);
    /// Gives a Enterprise Manager account a new password using the agency recovery key.
    Status recoverAccount(const RecoveryKey& recoveryKey, const QString& login, const QString& newPassword);
    /// Saves drafts (aboutToLock), closes the database and wipes the data key. The user stays named on the lock screen.
    void lock();
    void signOut();

    const std::optional<SessionUser>& user() const { return m_user; }
    /// The login of the user a locked session belongs to (empty when nobody was signed in).
    QString lockedUserLogin() const { return m_lockedLogin; }
    bool can(Permission permission) const;
    /// PermissionDenied unless unlocked and the user's role allows @p permission (and no password change is due).
    /// Client-data permissions are also refused while clientAccessBlock() is set.
    Status require(Permission permission) const;
    /// Why client records are closed on this workstation now (the agency's compliance policy and an open
    /// critical finding; an offline lease that ran out), or empty. Worked out at sign-in, after every
    /// compliance change and lease renewal, and when require() finds the lease has just run out.
    QString clientAccessBlock() const;

    /// The sync engine says whether a sync is running. While one runs, an expired offline lease does not
    /// close client-data permissions (a sync is how the lease renews); the compliance block still does.
    void setSyncRunningCheck(std::function<bool()> running) { m_syncRunning = std::move(running); }

    Status changePassword(const QString& currentPassword, const QString& newPassword);

    // --- Agency configuration -------------------------------------------------------------------
    Result<AgencyProfile> agency() const;
    PasswordPolicy passwordPolicy() const;
    Status setPasswordPolicy(const PasswordPolicyConfig& config);
    int autoLockMinutes() const;
    Status setAutoLockMinutes(int minutes);
    SignInPolicy signInPolicy() const;
    Status setSignInPolicy(const SignInPolicy& policy);

    /// Re-encrypts the database under a new random data key and re-seals every slot, then swaps atomically.
    Status rotateDataKey();

    // --- Drafts and audit -------------------------------------------------------------------------
    Status saveDraft(const QString& form, const QJsonObject& content);
    /// Returns and deletes this user's drafts.
    Result<QMap<QString, QJsonObject>> takeDrafts();
    /// Records an audit entry in its own transaction (views, exports, prints).
    Status recordAudit(const QString& action, const QString& recordType = {}, const QString& recordUuid = {},
                       const QString& detail = {});

    QString cipherVersion() const;

    // --- Remote wipe ------------------------------------------------------------------------------
    /// The server revoked this workstation: closes the store, destroys every key slot and the data
    /// files (wipeWorkstation), leaves a notice with @p reason, settles in NoStore and emits wiped().
    Status wipeAfterRevocation(const QString& reason);
    /// The reason an earlier wipe left in the data folder, shown once at the next start (none after).
    std::optional<QString> pendingWipeReason() const;
    /// The user has read the wipe message: the next start need not say it again.
    void acknowledgeWipe();

Q_SIGNALS:
    void stateChanged(hearth::Vault::State state);
    /// Emitted synchronously before locking or signing out, while the store is still open: save drafts now.
    void aboutToLock();
    void userChanged();
    /// clientAccessBlock() changed: client screens open or close.
    void clientAccessBlockChanged();
    /// The workstation erased itself (remote wipe); @p reason is the server administrator's.
    void wiped(const QString& reason);

private:
    friend class UserAdministration;
    friend class AuditReader;
    friend class AuditAnchors;
    friend class ClientRecords;
    friend class ProjectRecords;
    friend class EnrollmentRecords;
    friend class ServiceRecords;
    friend class ClientSearch;
    friend class ConsentRecords;
    friend class ConsentGate;
    friend class ConsentReports;
    friend class NoSharingAlerts;
    friend class ComplianceRecords;
    friend class SyncState;
    friend class SyncInbox;
    friend class SyncConflicts;

    Store* store() const { return m_store.get(); }
    /// Runs @p work in a transaction; audit entries it appends commit or roll back with it.
    Status write(const std::function<Status()>& work);
    Status appendAudit(const QString& action, const QString& recordType = {}, const QString& recordUuid = {},
                       const QString& detail = {});
    /// Appends the change-log entry and the audit entry of one record write (inside write()).
    Status recordChange(const QString& entity, const QString& uuid, const QString& operation, const QJsonObject& fields,
                        const char* auditAction, const QString& detail = {});
    /// The in-memory duplicate index, built from the store on first use and dropped at lock.
    Result<DuplicateIndex*> searchIndex();
    /// Keeps a built index in step with a committed client write (a no-op before the first search).
    void indexClient(const ClientProfile& client);
    void unindexClient(const QString& uuid);
    Result<KeyFile> loadKeys() const;
    Status saveKeys(const KeyFile& keys) const;
    Status openWithKey(const KeyFile& keys, const SecretBytes& dataKey);
    Status authenticate(const QString& login, const QString& password, bool isUnlock);
    static void notePending(KeyFile& keys, PendingAuditEvent event);
    Error recordFailure(KeyFile& keys, const QString& login, UserKeySlot* slot, const Error& error);
    Status flushPendingAudit(KeyFile& keys);
    void closeStore();
    void setState(State state);
    bool passwordExpiredFor(const QDateTime& changedAt) const;
    void setClientAccessBlock(const QString& sentence);
    /// Settles and saves the offline lease (a clock set back, a first contact) and caches its expiry;
    /// @p announce: emit clientAccessBlockChanged() when the lease block came or went.
    Result<SyncLease> refreshLease(bool announce = true);
    /// At sign-in and unlock (store open, m_user set): refuses users without EditAgencySettings when the
    /// lease has run out (audited); administrators get in with client records closed.
    Status admitUnderLease();
    /// The cached lease has run out; announces the block the first time it sees that.
    bool leaseExpired() const;
    /// The lease closes client-data permissions now: it has run out and no sync is running.
    bool leaseBlocks() const;
    /// Emits clientAccessBlockChanged() when the lease block came or went since it was last announced.
    void announceLease();

    StoreLocation m_location;
    const Clock& m_clock;
    KdfParams m_kdf;
    State m_state = State::NoStore;
    Error m_unavailable;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<DuplicateIndex> m_searchIndex; ///< client names in memory only, while unlocked
    SecretBytes m_dataKey; ///< only while unlocked: needed to seal the key to new users' slots
    std::optional<SessionUser> m_user;
    QString m_lockedLogin;
    QString m_storeId;
    QString m_clientAccessBlock; ///< ComplianceRecords::clientAccessBlock(), cached for require()
    QDateTime m_leaseExpiresAt; ///< invalid while no offline lease applies
    QString m_leaseBlock; ///< what clientAccessBlock() says once m_leaseExpiresAt has passed
    mutable bool m_leaseBlockAnnounced = false; ///< clientAccessBlockChanged() went out for the lease
    std::function<bool()> m_syncRunning;
};

} // namespace hearth
