#pragma once

#include "core/common/Result.h"
#include "core/consent/Consent.h"
#include "core/intake/ClientProfile.h"
#include "core/services/ClientSearch.h"

#include <optional>
#include <vector>

namespace hearth {

class Vault;

/// @brief What saving a new client came to: the client saved, or the people already here who may be
/// them (nothing saved until someone looked).
struct NewClientOutcome
{
    std::optional<ClientProfile> created;
    std::vector<ClientMatch> possibleDuplicates;
};

/// @brief Adding a client in the order the policy asks: consent first, then search before create (a
/// likely duplicate is looked at before anything is saved), then the client and their release saved
/// together, or the release recorded for the person who was already here.
///
/// Holds the release collected for the client being added until it is saved or dropped. The screens
/// show each step; the order lives here.
class NewClientIntake
{
public:
    enum class Duplicates
    {
        Check, ///< look for likely duplicates first and save nothing when there are any
        Reviewed, ///< a person looked at them and chose to add the client anyway
    };

    explicit NewClientIntake(Vault& vault)
        : m_vault(vault)
    {
    }

    /// The release the client just gave. Replaces any earlier one.
    void collectRelease(ReleaseOfInformation release, ConsentAttachments attachments);
    void forgetRelease();
    const std::optional<ReleaseOfInformation>& release() const { return m_release; }
    const ConsentAttachments& attachments() const { return m_attachments; }
    /// The client chose Anonymous: they are added from the anonymous choices, not a profile.
    bool releaseIsAnonymous() const;

    /// Saves the client with the collected release, then forgets it. Refused without a release; with
    /// Duplicates::Check and a likely duplicate, saves nothing and returns the candidates.
    Result<NewClientOutcome> save(const ClientProfile& profile, Duplicates duplicates = Duplicates::Check);
    /// An anonymous client (no identity to search for) with the collected release, then forgets it.
    Result<ClientProfile> saveAnonymous(const QString& profileId, std::optional<int> approximateAge);
    /// The person was already here: the collected release is recorded for them, then forgotten.
    Status recordForExisting(const QString& clientUuid);

private:
    Status requireRelease() const;

    Vault& m_vault;
    std::optional<ReleaseOfInformation> m_release;
    ConsentAttachments m_attachments;
};

} // namespace hearth
