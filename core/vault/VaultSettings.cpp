// Vault: the agency's settings (auto-lock, sign-in lock-out), its profile, and the drafts kept over a lock.
#include "core/store/KeyValueRepositories.h"
#include "core/store/Store.h"
#include "core/vault/IdleTimer.h"
#include "core/vault/Vault.h"

#include <algorithm>

namespace hearth {

namespace {
const QString kSessionKey = QStringLiteral("session");

Error notUnlocked()
{
    return makeError(ErrorCode::Locked, QObject::tr("Hearth is locked. Sign in first."));
}
} // namespace

Result<AgencyProfile> Vault::agency() const
{
    if (!m_store)
        return notUnlocked();
    auto name = MetaRepository(*m_store).get(QStringLiteral("agency_name"));
    auto coc = MetaRepository(*m_store).get(QStringLiteral("coc_code"));
    if (!name)
        return name.error();
    if (!coc)
        return coc.error();
    return AgencyProfile {QString::fromUtf8(*name), QString::fromUtf8(*coc)};
}

int Vault::autoLockMinutes() const
{
    if (!m_store)
        return IdleTimer::kDefaultMinutes;
    auto json = SettingsRepository(*m_store).get(kSessionKey);
    const int minutes
        = json ? json->value(u"autoLockMinutes").toInt(IdleTimer::kDefaultMinutes) : IdleTimer::kDefaultMinutes;
    return std::max(IdleTimer::kMinimumMinutes, minutes);
}

Status Vault::setAutoLockMinutes(int minutes)
{
    if (auto st = require(Permission::EditAgencySettings); !st)
        return st;
    if (minutes < IdleTimer::kMinimumMinutes)
        return makeError(ErrorCode::InvalidInput, tr("Auto-lock needs at least one minute."));
    return write([&]() -> Status {
        const QJsonObject value {{u"autoLockMinutes"_qs, minutes}};
        if (auto r = SettingsRepository(*m_store).set(kSessionKey, value, m_clock.now(), m_user->login); !r)
            return r;
        return appendAudit(QString::fromLatin1(audit::SettingsChange), {}, {},
                           QStringLiteral("auto-lock %1 min").arg(minutes));
    });
}

SignInPolicy Vault::signInPolicy() const
{
    auto keys = loadKeys();
    return keys ? keys->signIn : SignInPolicy();
}

Status Vault::setSignInPolicy(const SignInPolicy& policy)
{
    if (auto st = require(Permission::EditAgencySettings); !st)
        return st;
    if (policy.maxFailedAttempts < 1 || policy.lockoutMinutes < 1)
        return makeError(ErrorCode::InvalidInput, tr("Allow at least one attempt and a wait of at least one minute."));
    auto keys = loadKeys();
    if (!keys)
        return keys.error();
    keys->signIn = policy;
    if (auto st = saveKeys(*keys); !st)
        return st;
    return recordAudit(QString::fromLatin1(audit::SettingsChange), {}, {},
                       QStringLiteral("sign-in lock-out after %1 attempts for %2 min")
                           .arg(policy.maxFailedAttempts)
                           .arg(policy.lockoutMinutes));
}

Status Vault::saveDraft(const QString& form, const QJsonObject& content)
{
    if (!m_store || !m_user)
        return notUnlocked();
    return DraftRepository(*m_store).save(m_user->uuid, form, content, m_clock.now());
}

Result<QMap<QString, QJsonObject>> Vault::takeDrafts()
{
    if (!m_store || !m_user)
        return notUnlocked();
    DraftRepository drafts(*m_store);
    auto loaded = drafts.load(m_user->uuid);
    if (!loaded)
        return loaded;
    Status st = write([&]() -> Status {
        for (auto it = loaded->cbegin(); it != loaded->cend(); ++it)
            if (auto r = drafts.remove(m_user->uuid, it.key()); !r)
                return r;
        return {};
    });
    if (!st)
        return st.error();
    return loaded;
}

QString Vault::cipherVersion() const
{
    return m_store ? m_store->cipherVersion() : sqlcipherVersion();
}

} // namespace hearth
