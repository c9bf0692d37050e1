#pragma once

#include "sync/server/ClientAuthority.h"
#include "sync/server/Failure.h"

#include <QHash>
#include <QString>

#include <optional>

namespace hearth::server {

class ServerDatabase;
struct Caller;

/// @brief Who may see a client: its owner and release from client_consent, cached for one request (a pull,
/// a restriction, a page of conflicts).
class ScopeCache
{
public:
    explicit ScopeCache(ServerDatabase& db)
        : m_db(db)
    {
    }

    /// The client's authority, or nothing when the server has no consent row (then nobody else sees them).
    Expected<std::optional<ClientAuthority>> of(const QString& clientUuid);
    /// True when @p caller may see the client's records (a tombstone's too: nobody else learns the id).
    Expected<bool> visible(const QString& clientUuid, const Caller& caller);

private:
    ServerDatabase& m_db;
    QHash<QString, std::optional<ClientAuthority>> m_cache;
};

} // namespace hearth::server
