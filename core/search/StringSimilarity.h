#pragma once

#include <QStringView>

namespace hearth::search {

/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1). Returns maxDistance + 1 as soon as the distance exceeds
/// maxDistance. Compares at most the first 64 characters of each string.
int osaDistance(QStringView a, QStringView b, int maxDistance);

/// Jaro-Winkler similarity in 0..1 (1 = identical), favouring a shared start of up to four letters.
double jaroWinkler(QStringView a, QStringView b);

} // namespace hearth::search
