#include "sync/server/ScopeCache.h"

#include "sync/protocol/ConsentReference.h"
#include "sync/server/ServerDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hearth::server {

Expected<std::optional<ClientAuthority>> ScopeCache::of(const QString& clientUuid)
{
    if (auto it = m_cache.constFind(clientUuid); it != m_cache.cend())
        return *it;
    auto read = m_db.exec(u"SELECT reference, owner_agency FROM client_consent WHERE client_uuid = ?"_qs, {clientUuid});
    if (auto* failed = failureOf(read))
        return *failed;
    std::optional<ClientAuthority> authority;
    if (QSqlQuery& row = (*std::get<QSqlQuery*>(read)); row.next()) {
        authority.emplace();
        authority->ownerAgency = row.value(1).toString();
        const QJsonObject json = QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object();
        auto validated = sync::validateConsentReference({{u"Consent"_qs, json}});
        if (auto* good = std::get_if<sync::ConsentReference>(&validated))
            authority->scope = *good;
    }
    m_cache.insert(clientUuid, authority);
    return authority;
}

Expected<bool> ScopeCache::visible(const QString& clientUuid, const Caller& caller)
{
    auto read = of(clientUuid);
    if (auto* failed = failureOf(read))
        return *failed;
    const auto& authority = std::get<std::optional<ClientAuthority>>(read);
    return authority && authority->visibleTo(caller);
}

} // namespace hearth::server
