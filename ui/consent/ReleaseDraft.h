#pragma once

#include "core/consent/Consent.h"

#include <QJsonObject>

#include <optional>
#include <utility>

namespace hearth::ui {

/// A release collected for a client not saved yet, with its signature and scanned form, as JSON for
/// the encrypted draft that survives a lock (attachments as base64).
QJsonObject releaseDraft(const ReleaseOfInformation& release, const ConsentAttachments& attachments);
/// Back from releaseDraft(); nothing when @p draft holds no release.
std::optional<std::pair<ReleaseOfInformation, ConsentAttachments>> releaseFromDraft(const QJsonObject& draft);

} // namespace hearth::ui
