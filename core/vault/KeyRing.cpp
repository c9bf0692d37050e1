#include "core/vault/KeyRing.h"

#include "core/common/Plural.h"
#include "core/crypto/KeySlots.h"
#include "core/store/AuditLog.h"
#include "core/types/AuditEntry.h"
#include "core/vault/Locked.h"

#include <QLoggingCategory>
#include <QObject>

Q_DECLARE_LOGGING_CATEGORY(lcVault)

namespace hearth {

KeyRing::KeyRing(const StoreLocation& location, const Clock& clock, KdfParams kdf)
    : m_location(location)
    , m_clock(clock)
    , m_kdf(kdf)
{
}

Result<KeyFile> KeyRing::load() const
{
    return KeyFile::load(m_location.keyFilePath());
}

Status KeyRing::save(const KeyFile& keys) const
{
    return keys.save(m_location.keyFilePath());
}

Result<UserKeySlot> KeyRing::sealUserSlot(const QString& storeId, const QString& userUuid, const QString& login,
                                          const QString& password) const
{
    if (m_dataKey.isEmpty())
        return lockedError();
    return keyslots::makeUserSlot(storeId, userUuid, login, SecretBytes::fromUtf8(password), m_dataKey, m_kdf);
}

void KeyRing::notePending(KeyFile& keys, PendingAuditEvent event)
{
    keys.pendingAudit.push_back(std::move(event));
    // Bounded, so guessing at a locked workstation cannot grow the key file without limit: the oldest go.
    if (keys.pendingAudit.size() > kMaxPendingSignInEvents)
        keys.pendingAudit.erase(keys.pendingAudit.begin(),
                                keys.pendingAudit.begin()
                                    + std::ptrdiff_t(keys.pendingAudit.size() - kMaxPendingSignInEvents));
}

Error KeyRing::recordFailure(KeyFile& keys, UserKeySlot* slot, const Error& error) const
{
    const QDateTime now = m_clock.now();
    Error result = error;
    // Only a known login is written down: an unknown one may be a password typed into the wrong field.
    const QString who = slot ? slot->login : QObject::tr("(unknown user ID)");
    notePending(keys, {now, who, QString::fromLatin1(audit::SignInFailure), {}});
    if (slot) {
        ++slot->failedAttempts;
        if (slot->failedAttempts >= keys.signIn.maxFailedAttempts) {
            slot->failedAttempts = 0;
            slot->lockedUntil = now.addSecs(qint64(keys.signIn.lockoutMinutes) * 60);
            notePending(keys,
                        {now, who, QString::fromLatin1(audit::SignInLockedOut),
                         QObject::tr("%1 failed attempts").arg(keys.signIn.maxFailedAttempts)});
            result.message += u' '
                + plural(keys.signIn.lockoutMinutes,
                         QObject::tr("After %1 failed attempts this account must wait 1 minute before trying again."),
                         QObject::tr("After %2 failed attempts this account must wait %1 minutes before trying again."))
                      .arg(keys.signIn.maxFailedAttempts);
        }
    }
    if (auto st = save(keys); !st)
        qCWarning(lcVault) << "could not record a failed sign-in";
    return result;
}

Status KeyRing::flushPending(KeyFile& keys, Store& store)
{
    AuditLog log(store);
    for (const PendingAuditEvent& e : keys.pendingAudit) {
        if (auto st = log.append({0, e.at, e.login, e.action, {}, {}, e.detail}); !st)
            return st;
    }
    keys.pendingAudit.clear();
    return {};
}

} // namespace hearth
