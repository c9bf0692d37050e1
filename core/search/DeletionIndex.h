#pragma once

#include <QHash>
#include <QStringView>

#include <vector>

namespace hearth::search {

/// @brief Finds stored words one typo away from a typed word without scanning them all.
///
/// Each word is filed under itself and under every form with one letter left out ("maria" under
/// "aria", "mria", "maia", ...). Two words one insertion, deletion, substitution or swap of
/// neighbours apart always share a form, so a lookup reads a handful of short lists. Forms are
/// kept as 64-bit hashes; callers confirm candidates with osaDistance().
class DeletionIndex
{
public:
    /// Files word @p id. Words shorter than minimumLength() are not filed.
    void add(QStringView word, quint32 id);

    /// Calls @p visit(id) for every filed word that may be one typo away from @p word (an id can
    /// come more than once).
    template<typename Visit>
    void forEachCandidate(QStringView word, Visit&& visit) const
    {
        if (word.size() < minimumLength())
            return;
        for (qsizetype skip = -1; skip < word.size(); ++skip) {
            for (quint32 link = first(key(word, skip)); link != kEnd; link = m_links[link].next)
                visit(m_links[link].id);
        }
    }

    /// Shorter words have too many one-typo neighbours ("le", "li", "ly") for a typo to mean much.
    static constexpr qsizetype minimumLength() { return 3; }

private:
    struct Link
    {
        quint32 id;
        quint32 next;
    };
    static constexpr quint32 kEnd = 0xffffffffU;

    static quint64 key(QStringView word, qsizetype skip);
    quint32 first(quint64 key) const;

    QHash<quint64, quint32> m_heads; ///< form -> first link + 1 (0: none)
    std::vector<Link> m_links;
};

} // namespace hearth::search
