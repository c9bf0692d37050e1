#include "core/intake/MissingData.h"

#include "core/hud/HudCodes.h"

#include <QCoreApplication>

namespace hearth {

bool isMissingDataCode(int code)
{
    return code == hud::ClientDoesntKnow || code == hud::ClientPrefersNotToAnswer || code == hud::DataNotCollected;
}

std::optional<QualityFinding> missingDataWarning(const QString& element, const QString& field, const QString& title,
                                                 int code)
{
    QString message;
    switch (code) {
    case hud::ClientDoesntKnow:
        message = QCoreApplication::translate("MissingData",
                                              "%1 %2: the client doesn't know. HUD reports count this as missing "
                                              "data; ask again when you can.");
        break;
    case hud::ClientPrefersNotToAnswer:
        message = QCoreApplication::translate("MissingData",
                                              "%1 %2: the client prefers not to answer. HUD reports count this as "
                                              "missing data; explaining why it is asked may help.");
        break;
    case hud::DataNotCollected:
        message = QCoreApplication::translate("MissingData",
                                              "%1 %2: not collected. HUD reports count this as missing data; "
                                              "ask the client when you can.");
        break;
    default:
        return std::nullopt;
    }
    return warningFinding(element, field, message.arg(element, title));
}

} // namespace hearth
