#pragma once

#include "core/consent/Consent.h"
#include "core/consent/ConsentRules.h"

#include <QJsonObject>

namespace hearth {

/// @brief A release of information as JSON: the `data` column of `consents` and the change log's fields.
///
/// Never carries the signature or the scanned form (they stay in `consent_attachments`, on this machine).
namespace consent_json {

QJsonObject toJson(const ReleaseOfInformation& release);
ReleaseOfInformation releaseFromJson(const QJsonObject& json);

/// The agency's consent settings as kept in the settings table (key "consent"); missing or impossible
/// values read as the defaults.
QJsonObject toJson(const ConsentSettings& settings);
ConsentSettings settingsFromJson(const QJsonObject& json);

/// "hmis" or "ces", as stored.
QString kindName(ReleaseKind kind);

} // namespace consent_json
} // namespace hearth
