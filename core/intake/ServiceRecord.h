#pragma once

#include "core/hud/HudValues.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace hearth {

/// @brief A service given during an enrollment: a 4.14 bed night (RecordType 200), another HUD
/// service record type (list 1.4), or a local service the agency tracks (RecordType 0).
struct ServiceRecord
{
    QString uuid;
    QString enrollmentUuid;
    QString clientUuid;
    QDate dateProvided;
    int recordType = 200; ///< list 1.4, or 0 for a local service
    int typeProvided = 200; ///< list named by the record type (4.14 for bed nights), local code otherwise
    QString notes;
    HudValues values; ///< further Services.csv columns (OtherTypeProvided, FAAmount, ...)
    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;

    bool isBedNight() const { return recordType == 200; }

    friend bool operator==(const ServiceRecord&, const ServiceRecord&) = default;
};

} // namespace hearth
