#pragma once

#include "sync/protocol/Messages.h"
#include "sync/server/Failure.h"

#include <optional>

namespace hearth::server {

struct Caller;
struct ClientConsentState;
struct StoredRecord;

/// @brief Who may change what, decided from what the server stored (docs/security.md, "Who owns what on
/// the server"). Every check names the record or the rule in its message, never a value.
namespace write_rights {

/// True when no agency owns the client yet: the caller that brings it becomes its owner.
bool unowned(const ClientConsentState& consent);

/// Why @p caller may not make @p change, or nothing when it may. @p stored is the record as the server
/// holds it (nullptr: new); @p consent the client's, for client data (nullptr: agency data).
///  - A client's profile: only its owner changes or deletes it.
///  - Any other record: only the agency that entered it changes or deletes it.
std::optional<Failure> refusal(const Caller& caller, const sync::Change& change, const StoredRecord* stored,
                               const ClientConsentState* consent);

/// Why the consent reference @p change carries may not stand, or nothing when it may. The owner records
/// and changes releases; any other agency carries one the server already holds, unchanged.
std::optional<Failure> consentRefusal(const Caller& caller, const sync::Change& change,
                                      const ClientConsentState& consent);

/// Why @p change may not carry who the person is under the release the server holds for the client now,
/// or nothing when it may (the release the change carries was checked already; this is the stored one).
std::optional<Failure> identifyingRefusal(const sync::Change& change, const ClientConsentState& consent);

} // namespace write_rights

} // namespace hearth::server
