#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace hearth::search {

/// @brief A name reduced to what the duplicate search compares: lower case, no accents, no punctuation.
///
/// "García-López" and "garcia lopez" both give tokens {garcia, lopez} and joined "garcialopez";
/// "De la Cruz Jr." gives tokens {cruz} and joined "delacruz".
struct NormalizedName
{
    QStringList tokens; ///< the meaningful words, in order
    QString joined; ///< all words run together, so "Garcialopez" still finds "Garcia Lopez"

    bool isEmpty() const { return tokens.isEmpty(); }
};

/// Case-folds and strips accents: "Nguyễn" -> "nguyen", "Đặng" -> "dang", "Øster" -> "oster".
QString foldName(QStringView text);

/// Splits a typed or stored name into comparable tokens (see NormalizedName). Particles such as
/// "de", "la", "van" and suffixes such as "Jr" are left out of the tokens.
NormalizedName normalizeName(QStringView text);

} // namespace hearth::search
