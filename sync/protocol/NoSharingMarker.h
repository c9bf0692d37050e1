#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace hearth::sync {

/// @brief The second, independent check that nothing kept for a No Sharing client leaves a workstation.
///
/// Returns why @p fields carries a no-sharing marker, or nothing: at any depth (objects and arrays)
/// a key named "NoSharing" or "LocalOnly" (any case), or an object with a "ReleaseID" whose "Choice"
/// is 4 (No Sharing) — a No Sharing release record and a consent reference to one. The reason names
/// the path of the marker, never a value.
std::optional<QString> findNoSharingMarker(const QJsonObject& fields);

} // namespace hearth::sync
