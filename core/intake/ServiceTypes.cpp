#include "core/intake/ServiceTypes.h"

#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"

#include <QCoreApplication>

namespace hearth {

QList<LocalService> localServices()
{
    // Codes are stored with each record: add new services at the end, never reuse a code.
    return {
        {1, QCoreApplication::translate("LocalServices", "Case management")},
        {2, QCoreApplication::translate("LocalServices", "Referral")},
        {3, QCoreApplication::translate("LocalServices", "Meal")},
        {4, QCoreApplication::translate("LocalServices", "Shower")},
        {5, QCoreApplication::translate("LocalServices", "Laundry")},
        {6, QCoreApplication::translate("LocalServices", "Mail")},
        {7, QCoreApplication::translate("LocalServices", "Transportation")},
        {8, QCoreApplication::translate("LocalServices", "Other")},
    };
}

QString localServiceLabel(int code)
{
    for (const LocalService& service : localServices()) {
        if (service.code == code)
            return service.label;
    }
    return {};
}

QString serviceTypeName(const ServiceRecord& service)
{
    if (service.isBedNight())
        return QCoreApplication::translate("LocalServices", "Bed night");
    if (service.recordType == kLocalServiceRecordType) {
        const QString label = localServiceLabel(service.typeProvided);
        return label.isEmpty() ? QCoreApplication::translate("LocalServices", "Other") : label;
    }
    const QString label = HudCatalog::instance().label(hud::list::RecordType, service.recordType);
    return label.isEmpty() ? QCoreApplication::translate("LocalServices", "Record type %1").arg(service.recordType)
                           : label;
}

} // namespace hearth
