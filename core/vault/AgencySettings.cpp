// The agency's settings (auto-lock, sign-in lock-out, password policy) and its profile. The password
// policy is never below HUD's baseline (PasswordPolicy.h).
#include "core/vault/AgencySettings.h"

#include "core/store/KeyValueRepositories.h"
#include "core/store/Store.h"
#include "core/vault/IdleTimer.h"
#include "core/vault/KeyRing.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>

namespace hearth {

namespace {
const QString kSessionKey = QStringLiteral("session");
const QString kPolicyKey = QStringLiteral("password_policy");

} // namespace

Result<AgencyProfile> AgencyProfile::validated(const QString& name, const QString& cocCode)
{
    const QString trimmedName = name.simplified();
    if (trimmedName.isEmpty())
        return makeError(ErrorCode::InvalidInput, QObject::tr("Enter the agency's name."));
    const QString code = cocCode.trimmed().toUpper();
    static const QRegularExpression pattern(QStringLiteral("^[A-Z]{2}-[0-9]{3}$"));
    if (!pattern.match(code).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("A HUD CoC code is two letters, a dash and three digits, like CA-504."));
    return AgencyProfile {trimmedName, code};
}

AgencySettings::AgencySettings(const Vault& vault, OpenStore& store, KeyRing& keys)
    : m_vault(vault)
    , m_store(store)
    , m_keys(keys)
{
}

Result<AgencyProfile> AgencySettings::agency() const
{
    if (!m_store.isOpen())
        return lockedError();
    auto name = MetaRepository(m_store.store()).get(QStringLiteral("agency_name"));
    auto coc = MetaRepository(m_store.store()).get(QStringLiteral("coc_code"));
    if (!name)
        return name.error();
    if (!coc)
        return coc.error();
    return AgencyProfile {QString::fromUtf8(*name), QString::fromUtf8(*coc)};
}

PasswordPolicy AgencySettings::passwordPolicy() const
{
    if (!m_store.isOpen())
        return PasswordPolicy();
    auto json = SettingsRepository(m_store.store()).get(kPolicyKey);
    return PasswordPolicy(json ? PasswordPolicyConfig::fromJson(*json) : PasswordPolicyConfig());
}

Status AgencySettings::setPasswordPolicy(const PasswordPolicyConfig& config)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    return m_store.write([&]() -> Status {
        // Stored as it applies: never below HUD's baseline.
        const QJsonObject json = config.clamped().toJson();
        if (auto r
            = SettingsRepository(m_store.store()).set(kPolicyKey, json, m_vault.clock().now(), m_vault.user()->login);
            !r)
            return r;
        return m_store.appendAudit(QString::fromLatin1(audit::SettingsChange), {}, {},
                                   QStringLiteral("password policy"));
    });
}

int AgencySettings::autoLockMinutes() const
{
    if (!m_store.isOpen())
        return IdleTimer::kDefaultMinutes;
    auto json = SettingsRepository(m_store.store()).get(kSessionKey);
    const int minutes
        = json ? json->value(u"autoLockMinutes").toInt(IdleTimer::kDefaultMinutes) : IdleTimer::kDefaultMinutes;
    return std::max(IdleTimer::kMinimumMinutes, minutes);
}

Status AgencySettings::setAutoLockMinutes(int minutes)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    if (minutes < IdleTimer::kMinimumMinutes)
        return makeError(ErrorCode::InvalidInput, QObject::tr("Auto-lock needs at least one minute."));
    return m_store.write([&]() -> Status {
        const QJsonObject value {{u"autoLockMinutes"_qs, minutes}};
        if (auto r
            = SettingsRepository(m_store.store()).set(kSessionKey, value, m_vault.clock().now(), m_vault.user()->login);
            !r)
            return r;
        return m_store.appendAudit(QString::fromLatin1(audit::SettingsChange), {}, {},
                                   QStringLiteral("auto-lock %1 min").arg(minutes));
    });
}

SignInPolicy AgencySettings::signInPolicy() const
{
    auto keys = m_keys.load();
    return keys ? keys->signIn : SignInPolicy();
}

Status AgencySettings::setSignInPolicy(const SignInPolicy& policy)
{
    if (auto st = m_vault.require(Permission::EditAgencySettings); !st)
        return st;
    if (policy.maxFailedAttempts < 1 || policy.lockoutMinutes < 1)
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("Allow at least one attempt and a wait of at least one minute."));
    auto keys = m_keys.load();
    if (!keys)
        return keys.error();
    keys->signIn = policy;
    if (auto st = m_keys.save(*keys); !st)
        return st;
    return m_store.recordAudit(QString::fromLatin1(audit::SettingsChange), {}, {},
                               QStringLiteral("sign-in lock-out after %1 attempts for %2 min")
                                   .arg(policy.maxFailedAttempts)
                                   .arg(policy.lockoutMinutes));
}

} // namespace hearth
