#pragma once

#include "core/auth/Roles.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/RecoveryKey.h"
#include "core/store/StoreLocation.h"
#include "core/types/AgencyProfile.h"
#include "core/types/AuditEntry.h"
#include "core/types/SessionUser.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace hearth {

class AgencySettings;
struct KeyFile;
class Drafts;
class KeyRing;
class LeaseGuard;
class OpenStore;
class SearchIndex;

/// @brief The agency store behind its key slots: set-up, sign-in, lock, password and key management.
///
/// Vault is the session's state machine and its permission check. The parts of an open session are
/// objects of their own, reached through accessors: the key file and data key (keyRing()), the open
/// database (openStore()), the agency's settings (settings()), drafts, the search index and the
/// offline lease. Services take a Vault and check require() before they use a part.
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
    /// Locked unless someone is signed in. Enough for what is no client data (the lease, the audit anchor):
    /// those stay open whatever blocks client records.
    Status requireSignedIn() const;
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
    void setSyncRunningCheck(std::function<bool()> running);
    /// The compliance part of clientAccessBlock(); ComplianceRecords works it out after every change.
    void setClientAccessBlock(const QString& sentence);

    Status changePassword(const QString& currentPassword, const QString& newPassword);

    /// Re-encrypts the database under a new random data key and re-seals every slot, then swaps atomically.
    Status rotateDataKey();

    // --- The parts of a session -------------------------------------------------------------------
    KeyRing& keyRing() { return *m_keys; }
    OpenStore& openStore() { return *m_open; }
    const OpenStore& openStore() const { return *m_open; }
    AgencySettings& settings() { return *m_settings; }
    const AgencySettings& settings() const { return *m_settings; }
    Drafts& drafts() { return *m_drafts; }
    SearchIndex& searchIndex() { return *m_searchIndex; }
    LeaseGuard& lease() { return *m_lease; }

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
    Status openWithKey(const KeyFile& keys, const SecretBytes& dataKey);
    Status authenticate(const QString& login, const QString& password, bool isUnlock);
    void closeStore();
    void setState(State state);
    bool passwordExpiredFor(const QDateTime& changedAt) const;

    StoreLocation m_location;
    const Clock& m_clock;
    State m_state = State::NoStore;
    Error m_unavailable;
    std::optional<SessionUser> m_user;
    QString m_lockedLogin;
    QString m_storeId;
    QString m_clientAccessBlock; ///< ComplianceRecords::clientAccessBlock(), cached for require()
    std::unique_ptr<KeyRing> m_keys;
    std::unique_ptr<OpenStore> m_open;
    std::unique_ptr<AgencySettings> m_settings;
    std::unique_ptr<Drafts> m_drafts;
    std::unique_ptr<SearchIndex> m_searchIndex;
    LeaseGuard* m_lease; ///< a child QObject: its delayed announcement needs a receiver
};

} // namespace hearth
