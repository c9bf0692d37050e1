#pragma once

#include "core/common/Result.h"
#include "core/consent/ConsentPolicy.h"
#include "core/types/ChangeRecord.h"

#include <vector>

namespace hearth {

class Vault;

/// @brief The only way records leave this machine: loads each record's client consent from the store
/// and asks ConsentPolicy. Sync, exports and printouts all go through here.
class ConsentGate
{
public:
    explicit ConsentGate(Vault& vault)
        : m_vault(vault)
    {
    }

    /// The policy's answer for each change (client, enrollment, service or release rows; a delete of a
    /// client-data row is withheld unless the client shares), in the same order. Entities the policy does
    /// not know are withheld. Refused when the session is locked.
    Result<std::vector<Disclosure>> review(const std::vector<ChangeRecord>& changes, const Audience& audience) const;
    /// The policy's answer for records already in OutgoingRecord form (consent status loaded per client).
    Result<std::vector<Disclosure>> review(const std::vector<OutgoingRecord>& records, const Audience& audience) const;

private:
    Vault& m_vault;
};

} // namespace hearth
