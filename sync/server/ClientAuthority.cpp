#include "sync/server/ClientAuthority.h"

#include "sync/server/Accounts.h"

namespace hearth::server {

bool ClientAuthority::ownedBy(const Caller& caller) const
{
    if (!ownerAgency.isEmpty())
        return ownerAgency == caller.agencyCode;
    const QStringList names = caller.agencyNames();
    return scope && std::any_of(names.cbegin(), names.cend(), [this](const QString& name) {
               return sync::sameAgency(scope->enteringAgency, name);
           });
}

bool ClientAuthority::visibleTo(const Caller& caller) const
{
    return ownedBy(caller) || (scope && scope->visibleTo(caller.agencyNames()));
}

bool ClientAuthority::namesVisibleTo(const Caller& caller) const
{
    return ownedBy(caller) || (scope && scope->namesVisibleTo(caller.agencyNames()));
}

bool entered(const Caller& caller, const QString& recordAgency, const ClientAuthority* client)
{
    if (!recordAgency.isEmpty())
        return recordAgency == caller.agencyCode;
    return client == nullptr || client->ownedBy(caller);
}

} // namespace hearth::server
