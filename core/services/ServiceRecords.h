#pragma once

#include "core/common/Result.h"
#include "core/intake/ServiceRecord.h"

#include <QStringList>

#include <vector>

namespace hearth {

class Vault;

/// @brief Services given during enrollments: the one-click bed-night check-in and other service records.
class ServiceRecords
{
public:
    explicit ServiceRecords(Vault& vault)
        : m_vault(vault)
    {
    }

    /// Records a 4.14 bed night for each enrollment on @p night, in one transaction. Refused when the
    /// project does not track bed nights, the person is not enrolled that night, or is already checked in.
    Result<std::vector<ServiceRecord>> checkIn(const QStringList& enrollmentUuids, const QDate& night);
    /// Records another kind of service (case management, referral, ...).
    Result<ServiceRecord> add(ServiceRecord service);
    Status remove(const QString& uuid);
    Result<std::vector<ServiceRecord>> forEnrollment(const QString& enrollmentUuid) const;
    Result<bool> checkedIn(const QString& enrollmentUuid, const QDate& night) const;

private:
    Vault& m_vault;
};

} // namespace hearth
