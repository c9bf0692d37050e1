#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QString>

namespace hearth {

class Vault;
struct Project;

/// @brief The Chicago DFSS rule: alert when more No Sharing clients are enrolled at once in one shelter
/// than the agency allows (ConsentSettings::concurrentNoSharingLimit).
///
/// The checks run inside the transaction of the write that can pass the limit (an enrollment, a reopening,
/// a release that makes an enrolled client No Sharing), so the alert commits or rolls back with it.
class NoSharingAlerts
{
public:
    explicit NoSharingAlerts(Vault& vault)
        : m_vault(vault)
    {
    }

    /// Inside the caller's write(): raises an alert (with its audit entry) when @p projectUuid is a shelter
    /// and more No Sharing clients than allowed are enrolled in it today, unless one is still unacknowledged.
    Status checkProject(const QString& projectUuid);
    /// Inside the caller's write(): checkProject() for every project the client is enrolled in today.
    Status checkClient(const QString& clientUuid);
    /// Clients enrolled in @p projectUuid on @p day whose consent, as it stands today, is No Sharing.
    Result<int> count(const QString& projectUuid, const QDate& day) const;

    /// Emergency shelters (HUD 2.02.6: 0 entry/exit, 1 night-by-night) are what the rule covers.
    static bool isShelter(const Project& project);

private:
    Vault& m_vault;
};

} // namespace hearth
