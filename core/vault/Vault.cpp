#include "core/vault/Vault.h"

#include "core/common/Plural.h"
#include "core/crypto/KeySlots.h"
#include "core/services/ComplianceRecords.h"
#include "core/store/KeyValueRepositories.h"
#include "core/store/OwnerOnly.h"
#include "core/store/Store.h"
#include "core/store/UserRepository.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/Drafts.h"
#include "core/vault/KeyRing.h"
#include "core/vault/LeaseGuard.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"
#include "core/vault/SearchIndex.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcVault, "hearth.vault")

namespace hearth {

namespace {
QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Database files a rotation may leave behind: hearth-<n>.db plus its -wal and -shm.
QStringList databaseFiles(const QString& dir)
{
    return QDir(dir).entryList(
        {QStringLiteral("hearth-*.db"), QStringLiteral("hearth-*.db-wal"), QStringLiteral("hearth-*.db-shm")},
        QDir::Files);
}
} // namespace

Vault::Vault(StoreLocation location, const Clock& clock, KdfParams kdf, QObject* parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_clock(clock)
    , m_keys(std::make_unique<KeyRing>(m_location, clock, kdf))
    , m_open(std::make_unique<OpenStore>(clock, m_user))
    , m_settings(std::make_unique<AgencySettings>(*this, *m_open, *m_keys))
    , m_drafts(std::make_unique<Drafts>(*m_open))
    , m_searchIndex(std::make_unique<SearchIndex>(*m_open))
    , m_lease(new LeaseGuard(*m_open, clock, this))
{
    connect(m_lease, &LeaseGuard::blockChanged, this, &Vault::clientAccessBlockChanged);
}

Vault::~Vault()
{
    closeStore();
}

void Vault::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

Vault::State Vault::probe()
{
    if (m_open->isOpen())
        return m_state;
    const bool hasKeys = QFile::exists(m_location.keyFilePath());
    const QStringList dbFiles = databaseFiles(m_location.dataDir);
    if (!hasKeys && dbFiles.isEmpty()) {
        setState(State::NoStore);
        return m_state;
    }
    // A folder made by an older version, or restored from a copy, may be open to others: owner-only from
    // now on (the database files are narrowed when they are opened).
    if (!owner_only::narrowFolder(m_location.dataDir) || !owner_only::narrowFile(m_location.keyFilePath()))
        qCWarning(lcVault) << "the data folder or key file could not be made private to its owner";
    auto keys = KeyFile::load(m_location.keyFilePath());
    if (!keys) {
        m_unavailable = keys.error();
        setState(State::Unavailable);
        return m_state;
    }
    if (!QFile::exists(m_location.databasePath(keys->databaseFile))) {
        m_unavailable = makeError(ErrorCode::StoreMissing,
                                  tr("The Hearth database file is missing from %1. Hearth will not create an empty "
                                     "one in its place; restore the data folder from a backup.")
                                      .arg(QDir::toNativeSeparators(m_location.dataDir)));
        setState(State::Unavailable);
        return m_state;
    }
    // A rotation interrupted before its commit point leaves a newer, unreferenced copy: remove it.
    for (const QString& file : dbFiles) {
        if (!file.startsWith(keys->databaseFile))
            QFile::remove(m_location.databasePath(file));
    }
    m_storeId = keys->storeId;
    setState(State::Locked);
    return m_state;
}

Status Vault::createStore(const AgencyProfile& agency, const QString& adminLogin, const QString& adminName,
                          const QString& adminPassword, const RecoveryKey& recoveryKey)
{
    if (probe() != State::NoStore)
        return makeError(ErrorCode::StoreExists, tr("This data folder already holds a Hearth store."));
    auto valid = AgencyProfile::validated(agency.name, agency.cocCode);
    if (!valid)
        return valid.error();
    const QString login = adminLogin.trimmed();
    if (login.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Choose a user ID for the administrator."));
    const PasswordPolicy policy;
    if (const auto violations = policy.check(adminPassword, login); !violations.isEmpty())
        return makeError(ErrorCode::PasswordRejected, PasswordPolicy::explain(violations));
    if (!owner_only::makeFolder(m_location.dataDir))
        return makeError(
            ErrorCode::ReadOnly,
            tr("Hearth cannot create its data folder %1.").arg(QDir::toNativeSeparators(m_location.dataDir)));

    KeyFile keys;
    keys.storeId = newUuid();
    keys.databaseFile = QStringLiteral("hearth-1.db");
    SecretBytes dataKey = SecretBytes::random(crypto::kDataKeyBytes);
    const QString adminId = newUuid();
    const SecretBytes password = SecretBytes::fromUtf8(adminPassword);
    auto slot = keyslots::makeUserSlot(keys.storeId, adminId, login, password, dataKey, m_keys->kdf());
    if (!slot)
        return slot.error();
    keys.users.push_back(slot.value());
    keys.recovery = keyslots::makeRecoverySlot(recoveryKey, dataKey);

    const QString dbPath = m_location.databasePath(keys.databaseFile);
    auto store = Store::create(dbPath, dataKey);
    if (!store)
        return store.error();
    m_open->open(std::move(store.value()));
    m_keys->hold(std::move(dataKey));
    const QDateTime now = m_clock.now();
    UserRecord admin {adminId,
                      login,
                      adminName.simplified().isEmpty() ? login : adminName.simplified(),
                      Role::EnterpriseManager,
                      true,
                      false,
                      false,
                      now,
                      slot->publicKey,
                      now,
                      now,
                      login};
    m_user = SessionUser {adminId, login, admin.displayName, Role::EnterpriseManager, false, false};
    Status st = m_open->write([&]() -> Status {
        Store& s = m_open->store();
        for (const auto& [key, value] : {std::pair {QStringLiteral("store_id"), keys.storeId.toUtf8()},
                                         std::pair {QStringLiteral("agency_name"), valid->name.toUtf8()},
                                         std::pair {QStringLiteral("coc_code"), valid->cocCode.toUtf8()},
                                         std::pair {QStringLiteral("recovery_public_key"), keys.recovery.publicKey}}) {
            if (auto r = MetaRepository(s).set(key, value); !r)
                return r;
        }
        if (auto r = UserRepository(s).insert(admin); !r)
            return r;
        if (auto r = m_open->appendAudit(QString::fromLatin1(audit::StoreCreate), {}, {}, valid->cocCode); !r)
            return r;
        return m_open->appendAudit(QString::fromLatin1(audit::SignInSuccess));
    });
    // The key file is written last: until it exists the folder does not count as a store.
    if (st)
        st = m_keys->save(keys);
    if (!st) {
        closeStore();
        m_user.reset();
        for (const QString& f : databaseFiles(m_location.dataDir))
            QFile::remove(m_location.databasePath(f));
        return st;
    }
    m_storeId = keys.storeId;
    setState(State::Unlocked);
    Q_EMIT userChanged();
    return {};
}

Status Vault::signIn(const QString& login, const QString& password)
{
    return authenticate(login.trimmed(), password, false);
}

Status Vault::unlock(const QString& password)
{
    if (m_state != State::Locked || m_lockedLogin.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("There is no locked session to unlock."));
    return authenticate(m_lockedLogin, password, true);
}

Status Vault::authenticate(const QString& login, const QString& password, bool isUnlock)
{
    if (m_state == State::Unlocked)
        return makeError(ErrorCode::InvalidInput, tr("Someone is already signed in."));
    if (probe() != State::Locked)
        return m_state == State::NoStore ? makeError(ErrorCode::StoreMissing, tr("There is no Hearth store yet."))
                                         : m_unavailable;
    auto keys = m_keys->load();
    if (!keys)
        return keys.error();
    const QDateTime now = m_clock.now();
    const SecretBytes secret = SecretBytes::fromUtf8(password);
    UserKeySlot* slot = keys->findLogin(login);
    if (!slot) {
        // Same cost as a real attempt, so timing does not reveal which user IDs exist.
        UserKeySlot decoy;
        decoy.userId = QStringLiteral("decoy");
        decoy.salt = crypto::randomBytes(crypto::kSaltBytes);
        decoy.kdf = m_keys->kdf();
        (void)crypto::deriveKey(secret, decoy.salt, decoy.kdf);
        return m_keys->recordFailure(
            *keys, nullptr, makeError(ErrorCode::WrongPassword, tr("The user ID or password is not correct.")));
    }
    if (slot->lockedUntil.isValid() && slot->lockedUntil > now) {
        // The same cost as a real attempt: timing tells nobody whether the account is locked.
        (void)crypto::deriveKey(secret, slot->salt, slot->kdf);
        const qint64 minutes = std::max<qint64>(1, (now.secsTo(slot->lockedUntil) + 59) / 60);
        KeyRing::notePending(*keys, {now, slot->login, QString::fromLatin1(audit::SignInLockedOut), {}});
        (void)m_keys->save(*keys);
        return makeError(ErrorCode::AccountLocked,
                         plural(minutes, tr("Too many failed attempts. This account can sign in again in 1 minute."),
                                tr("Too many failed attempts. This account can sign in again in %1 minutes.")));
    }
    auto dataKey = keyslots::openUserSlot(keys->storeId, *slot, secret);
    if (!dataKey) {
        if (dataKey.code() != ErrorCode::WrongPassword)
            return dataKey.error();
        return m_keys->recordFailure(*keys, slot, dataKey.error());
    }
    if (auto st = openWithKey(*keys, *dataKey); !st)
        return st;

    UserRepository users(m_open->store());
    auto record = users.findById(slot->userId);
    Error refusal;
    if (!record)
        refusal = record.error();
    else if (!record->has_value() || (*record)->removed)
        refusal = makeError(ErrorCode::UnknownUser, tr("The user ID or password is not correct."));
    else if (!(*record)->active)
        refusal = makeError(ErrorCode::AccountInactive,
                            tr("This account is inactive. Ask your agency administrator to reactivate it."));
    if (!refusal.message.isEmpty()) {
        closeStore();
        return refusal;
    }
    UserRecord user = **record;
    m_keys->hold(std::move(dataKey.value()));
    m_user = SessionUser {user.uuid,
                          user.login,
                          user.displayName,
                          user.role,
                          user.mustChangePassword,
                          passwordExpiredFor(user.passwordChangedAt)};
    if (auto st = m_lease->admit(m_user->role); !st) {
        closeStore();
        m_user.reset();
        return st;
    }
    slot->failedAttempts = 0;
    slot->lockedUntil = {};
    Status st = m_open->write([&]() -> Status {
        if (auto r = KeyRing::flushPending(*keys, m_open->store()); !r)
            return r;
        // A password change that crashed between the key file and the database is healed here:
        // the slot this password opened is the user's own.
        if (user.publicKey != slot->publicKey) {
            user.publicKey = slot->publicKey;
            if (auto r = users.update(user); !r)
                return r;
        }
        return m_open->appendAudit(QString::fromLatin1(isUnlock ? audit::Unlock : audit::SignInSuccess));
    });
    if (st)
        st = m_keys->save(*keys);
    if (!st) {
        closeStore();
        m_user.reset();
        return st;
    }
    m_lockedLogin.clear();
    setClientAccessBlock(ComplianceRecords(*this).clientAccessBlock());
    setState(State::Unlocked);
    m_lease->announce();
    Q_EMIT userChanged();
    return {};
}

Status Vault::openWithKey(const KeyFile& keys, const SecretBytes& dataKey)
{
    auto store = Store::open(m_location.databasePath(keys.databaseFile), dataKey);
    if (!store)
        return store.error();
    auto storeId = MetaRepository(**store).get(QStringLiteral("store_id"));
    if (!storeId || QString::fromUtf8(*storeId) != keys.storeId)
        return makeError(ErrorCode::KeySlotCorrupt,
                         tr("The key file and the database in the data folder do not belong together."));
    m_open->open(std::move(store.value()));
    return {};
}

void Vault::lock()
{
    if (m_state != State::Unlocked)
        return;
    Q_EMIT aboutToLock();
    (void)m_open->appendAudit(QString::fromLatin1(audit::Lock));
    m_lockedLogin = m_user ? m_user->login : QString();
    m_user.reset();
    closeStore();
    setState(State::Locked);
    Q_EMIT userChanged();
}

void Vault::signOut()
{
    if (m_state == State::Unlocked) {
        Q_EMIT aboutToLock();
        (void)m_open->appendAudit(QString::fromLatin1(audit::SignOut));
        closeStore();
    }
    m_user.reset();
    m_lockedLogin.clear();
    setState(State::Locked);
    probe();
    Q_EMIT userChanged();
}

void Vault::closeStore()
{
    m_clientAccessBlock.clear();
    m_lease->clear();
    m_searchIndex->drop();
    m_open->close();
    m_keys->forget();
}

bool Vault::passwordExpiredFor(const QDateTime& changedAt) const
{
    return m_settings->passwordPolicy().isExpired(changedAt, m_clock.now());
}

bool Vault::can(Permission permission) const
{
    return require(permission).ok();
}

Status Vault::require(Permission permission) const
{
    if (m_state != State::Unlocked || !m_user)
        return lockedError();
    if (m_user->mustChangePassword || m_user->passwordExpired)
        return makeError(ErrorCode::PasswordChangeRequired, tr("Change your password before continuing."));
    if (!roleAllows(m_user->role, permission))
        return makeError(ErrorCode::PermissionDenied,
                         tr("Your access level (%1) does not allow this.").arg(roleName(m_user->role)));
    if (touchesClientData(permission) && (!m_clientAccessBlock.isEmpty() || m_lease->blocks()))
        return makeError(ErrorCode::PermissionDenied, clientAccessBlock());
    return {};
}

QString Vault::clientAccessBlock() const
{
    if (!m_lease->expired())
        return m_clientAccessBlock;
    const QString& lease = m_lease->blockSentence();
    return m_clientAccessBlock.isEmpty() ? lease : m_clientAccessBlock + u' ' + lease;
}

void Vault::setClientAccessBlock(const QString& sentence)
{
    if (sentence == m_clientAccessBlock)
        return;
    m_clientAccessBlock = sentence;
    Q_EMIT clientAccessBlockChanged();
}

void Vault::setSyncRunningCheck(std::function<bool()> running)
{
    m_lease->setSyncRunningCheck(std::move(running));
}

QString Vault::cipherVersion() const
{
    return m_open->isOpen() ? m_open->store().cipherVersion() : sqlcipherVersion();
}

Status Vault::requireSignedIn() const
{
    if (m_state != State::Unlocked || !m_user)
        return lockedError();
    return {};
}

} // namespace hearth
