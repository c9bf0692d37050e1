#pragma once

#include "core/common/Result.h"
#include "core/store/AuditLog.h"

#include <optional>

namespace hearth {

class Vault;

/// @brief The audit chain anchored off the machine (docs/security.md, "Audit log"): each sync tells the
/// server the newest entry and its hash; the server keeps the last one. At sign-in the workstation asks
/// for it back and checks that its chain still holds that entry, so a log rewritten here (hashes and all)
/// shows. Any signed-in user: no client data.
class AuditAnchors
{
public:
    explicit AuditAnchors(Vault& vault)
        : m_vault(vault)
    {
    }

    /// The newest entry of the local chain, to send.
    Result<AuditAnchor> head() const;
    /// Compares the chain with what the server saw last. Nothing when it still holds that entry; otherwise
    /// the problem in words, which is kept for good (problem()) and audited once. While it is kept no anchor
    /// goes to the server, so later syncs cannot make a rewritten chain look extended.
    Result<std::optional<QString>> check(const AuditAnchor& serverSaw);
    /// The last anchor the server confirmed; the Audit log page verifies against it on demand.
    Result<std::optional<AuditAnchor>> lastConfirmed() const;
    Status keepConfirmed(const AuditAnchor& anchor);
    /// Why the chain no longer extends what the server saw, as found at the last check (empty: it does).
    Result<QString> problem() const;

private:
    Vault& m_vault;
};

/// The problem in words when @p log does not hold @p serverSaw (nothing when it does).
Result<std::optional<QString>> anchorProblem(const AuditLog& log, const AuditAnchor& serverSaw);

} // namespace hearth
