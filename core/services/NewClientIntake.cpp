#include "core/services/NewClientIntake.h"

#include "core/services/ConsentRecords.h"

#include <QObject>

namespace hearth {

void NewClientIntake::collectRelease(ReleaseOfInformation release, ConsentAttachments attachments)
{
    m_release = std::move(release);
    m_attachments = std::move(attachments);
}

void NewClientIntake::forgetRelease()
{
    m_release.reset();
    m_attachments = {};
}

bool NewClientIntake::releaseIsAnonymous() const
{
    return m_release && m_release->choice == SharingChoice::Anonymous;
}

Status NewClientIntake::requireRelease() const
{
    if (!m_release)
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("Record the client's consent first: nothing is kept before it."));
    return {};
}

Result<NewClientOutcome> NewClientIntake::save(const ClientProfile& profile, Duplicates duplicates)
{
    if (const Status st = requireRelease(); !st)
        return st.error();
    NewClientOutcome outcome;
    if (duplicates == Duplicates::Check) {
        auto found = ClientSearch(m_vault).likelyDuplicates(profile);
        if (!found)
            return found.error();
        if (!found->empty()) {
            outcome.possibleDuplicates = std::move(found.value());
            return outcome;
        }
    }
    auto created = ConsentRecords(m_vault).createClient(profile, *m_release, m_attachments);
    if (!created)
        return created.error();
    forgetRelease();
    outcome.created = std::move(created.value());
    return outcome;
}

Result<ClientProfile> NewClientIntake::saveAnonymous(const QString& profileId, std::optional<int> approximateAge)
{
    if (const Status st = requireRelease(); !st)
        return st.error();
    ClientProfile profile;
    profile.anonymousProfile = profileId;
    auto created = ConsentRecords(m_vault).createClient(profile, *m_release, m_attachments, approximateAge);
    if (created)
        forgetRelease();
    return created;
}

Status NewClientIntake::recordForExisting(const QString& clientUuid)
{
    if (const Status st = requireRelease(); !st)
        return st;
    ReleaseOfInformation release = *m_release;
    release.clientUuid = clientUuid;
    const auto recorded = ConsentRecords(m_vault).record(release, m_attachments);
    // Forgotten either way: the client's page is where a release is recorded again.
    forgetRelease();
    if (!recorded)
        return recorded.error();
    return {};
}

} // namespace hearth
