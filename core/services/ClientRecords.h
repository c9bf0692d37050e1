#pragma once

#include "core/common/Result.h"
#include "core/intake/ClientProfile.h"
#include "core/types/ChangeRecord.h"

#include <vector>

namespace hearth {

class Vault;

/// @brief Client profiles with their permission checks, change-log entries and audit trail in one transaction.
class ClientRecords
{
public:
    explicit ClientRecords(Vault& vault)
        : m_vault(vault)
    {
    }

    /// Creates a client: assigns the id and the case number, then applies the anonymous profile if
    /// @p profile names one (an approximate age, or the age of the DOB typed, becomes 1 January of the
    /// birth year where the profile allows). Impossible data is refused; warnings are the caller's to show.
    Result<ClientProfile> create(ClientProfile profile, std::optional<int> approximateAge = std::nullopt);
    /// Shorthand for a client known only by name (full name reported).
    Result<ClientProfile> create(const QString& firstName, const QString& lastName);
    Status update(const ClientProfile& client);
    Status remove(const QString& uuid);
    /// Opens one record for viewing; the view is audited.
    Result<ClientProfile> open(const QString& uuid);
    Result<std::vector<ClientProfile>> list(int limit = 1000) const;
    /// The whole SSN, for users allowed to see it; every reveal is audited.
    Result<QString> revealSsn(const QString& uuid);
    /// For users without RevealSsn, every SSN the services hand out is reduced to its last four
    /// ("XXXXX1234"); an update that sends that form back keeps the stored number.
    static QString withheldSsn(const QString& ssn);
    /// The SSN reduced by withheldSsn(), marked so when that changed it (ClientProfile::ssnWithheld).
    static void withhold(ClientProfile& client);
    /// Changes to the client and to everything recorded for them, newest first.
    Result<std::vector<ChangeRecord>> history(const QString& uuid) const;

private:
    friend class ConsentRecords; // creates a client and its first release in one transaction

    /// A client that passed create()'s checks and has its id and stamps, ready to insert.
    struct NewClient
    {
        ClientProfile profile;
        std::optional<int> approximateAge;
        QDate today;
    };
    /// create()'s checks, before anything is written: permission, tidying, impossible data, id and stamps.
    Result<NewClient> prepareNew(ClientProfile profile, std::optional<int> approximateAge) const;
    /// create()'s writes inside the caller's transaction: case number, anonymous profile, row, change log.
    /// The caller updates the search index after the commit.
    Status insertNew(NewClient& client);

    Vault& m_vault;
};

} // namespace hearth
