#pragma once

#include <QString>
#include <QStringView>

namespace hearth::search {

/// A rough sound of a folded name token, tuned for US English and Spanish spellings: "Stephen" and
/// "Steven", "Catherine" and "Kathryn", "Baldez" and "Valdez", "Mohamed" and "Muhammad" share a key.
/// Expects foldName() output; returns an empty key when fewer than three sounds are left.
QString phoneticKey(QStringView token);

} // namespace hearth::search
