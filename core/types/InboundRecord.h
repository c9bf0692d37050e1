#pragma once

// A value type: no store, no service.
#include <QJsonObject>
#include <QString>

namespace hearth {

/// @brief One record as the server sent it in a pull (core's copy of the protocol's PulledChange).
struct InboundRecord
{
    qint64 serverSeq = 0;
    QString entity; ///< client, enrollment, service, consent or project
    QString uuid;
    QString operation; ///< insert, update, delete or restrict
    QJsonObject fields; ///< HUD CSV columns plus "Consent"; empty for delete and restrict
    qint64 version = 0;
};

} // namespace hearth
