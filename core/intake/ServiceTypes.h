#pragma once

#include "core/intake/ServiceRecord.h"

#include <QList>
#include <QString>

namespace hearth {

/// @brief A service the agency records that HUD has no list for (ServiceRecord RecordType 0).
struct LocalService
{
    int code; ///< stored in ServiceRecord::typeProvided; never renumber
    QString label;
};

/// RecordType of local services in ServiceRecord.
inline constexpr int kLocalServiceRecordType = 0;

/// The local services, in menu order: case management, referral, meal, shower, laundry, mail,
/// transportation, other.
QList<LocalService> localServices();
/// The label of @p code, or an empty string.
QString localServiceLabel(int code);
/// What a service was, as screens and reports name it: "Bed night", a local service's label, or the
/// HUD record type's label (list 1.4).
QString serviceTypeName(const ServiceRecord& service);

} // namespace hearth
