#pragma once

#include "sync/protocol/ConsentReference.h"

#include <QString>

#include <optional>

namespace hearth::server {

struct Caller;

/// @brief Who may see and who may change one client's records, decided from what the server stored
/// (docs/security.md, "Who owns what on the server"), never from what a push claims.
///
/// The owner is the agency whose device first brought the client to the server: its releases decide
/// who sees the client, and only it changes them, the profile, or deletes the client. A database from
/// before schema 4 has no owner for old clients; then the stored release's entering agency stands in.
struct ClientAuthority
{
    QString ownerAgency; ///< agency code; empty for a client stored before schema 4
    std::optional<sync::ConsentReference> scope; ///< the newest stored release, when it validates

    bool ownedBy(const Caller& caller) const;
    /// The owner always; others as the stored release allows.
    bool visibleTo(const Caller& caller) const;
    /// A restricted client's name: the owner and the agencies the release names.
    bool namesVisibleTo(const Caller& caller) const;
};

/// True when @p recordAgency (records.agency_code, the agency that entered the record) is @p caller's.
/// A record stored before schema 4 has none: then the client's owner stands in (@p client, when known),
/// and agency data without a client stays open to every agency, as it was.
bool entered(const Caller& caller, const QString& recordAgency, const ClientAuthority* client);

} // namespace hearth::server
