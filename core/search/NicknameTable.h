#pragma once

#include "core/search/DeletionIndex.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace hearth::search {

/// @brief Given names and their nicknames: two names are nicknames of each other when they share a
/// line of a nickname list ("william,bill,billy,will,willie").
///
/// Lines are not merged transitively: "al" shares lines with both "albert" and "alexander", yet
/// Albert and Alexander stay unrelated. Names are kept as foldName() gives them.
class NicknameTable
{
public:
    /// The lists compiled into Hearth (resources/search), loaded on first use.
    static const NicknameTable& builtIn();

    /// Reads CSV text: one group per line, names separated by commas, '#' starts a comment line.
    void addCsv(const QByteArray& csv);

    /// The numbers of the lines @p name appears on, ascending; empty when it has no nicknames.
    std::vector<quint16> groupsOf(const QString& name) const;

    /// Every name sharing a line with @p name, without @p name itself.
    QStringList relatedNames(const QString& name) const;

    /// The groups of the listed names one typo away from @p name ("dotty" for "votty"), ascending.
    std::vector<quint16> groupsNear(const QString& name) const;

    /// Every name on the given lines.
    QStringList namesIn(const std::vector<quint16>& groups) const;

    /// True when two sorted group lists share a line.
    static bool shareGroup(const std::vector<quint16>& a, const std::vector<quint16>& b);

    int groupCount() const { return int(m_groups.size()); }

private:
    std::vector<QStringList> m_groups;
    QHash<QString, std::vector<quint16>> m_groupsByName;
    QStringList m_names; ///< every listed name once, in order of first appearance
    DeletionIndex m_typos; ///< over m_names
};

} // namespace hearth::search
