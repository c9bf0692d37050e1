#pragma once

#include "core/consent/ConsentPolicy.h"

#include <QString>

#include <optional>

namespace hearth {

/// The consent policy's kind for a change-log entity name; nothing for entities the policy never sees
/// leave (projects).
inline std::optional<OutgoingRecord::Kind> outgoingKindOf(const QString& entity)
{
    if (entity == u"client")
        return OutgoingRecord::Kind::ClientProfile;
    if (entity == u"enrollment")
        return OutgoingRecord::Kind::Enrollment;
    if (entity == u"service")
        return OutgoingRecord::Kind::Service;
    if (entity == u"consent")
        return OutgoingRecord::Kind::Release;
    return std::nullopt;
}

} // namespace hearth
