#include "core/search/DeletionIndex.h"

namespace hearth::search {

// FNV-1a over the UTF-16 code units of @p word, leaving out position @p skip (none when -1).
quint64 DeletionIndex::key(QStringView word, qsizetype skip)
{
    quint64 hash = 14695981039346656037ULL;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (i == skip)
            continue;
        hash ^= word[i].unicode();
        hash *= 1099511628211ULL;
    }
    // The length of the form goes in too, so forms of different lengths never collide.
    return hash ^ (quint64(word.size() - (skip >= 0 ? 1 : 0)) << 56);
}

quint32 DeletionIndex::first(quint64 formKey) const
{
    const quint32 head = m_heads.value(formKey, 0);
    return head == 0 ? kEnd : head - 1;
}

void DeletionIndex::add(QStringView word, quint32 id)
{
    if (word.size() < minimumLength())
        return;
    for (qsizetype skip = -1; skip < word.size(); ++skip) {
        // "anna" without either n is the same form; file it once.
        if (skip > 0 && word[skip] == word[skip - 1])
            continue;
        quint32& head = m_heads[key(word, skip)];
        m_links.push_back({id, head == 0 ? kEnd : head - 1});
        head = quint32(m_links.size());
    }
}

} // namespace hearth::search
