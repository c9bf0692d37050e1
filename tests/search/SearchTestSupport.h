#pragma once

#include "core/search/DuplicateIndex.h"
#include "tests/support/SyntheticClients.h"

#include <QDate>
#include <QString>

#include <string>
#include <vector>

namespace hearth::test {

/// A client for the behaviour tests; names as people write them, with accents and hyphens.
inline SearchPerson client(const char* id, const char* first, const char* last, QDate dob = {}, const char* ssn = "",
                           const char* middle = "", const char* alias = "")
{
    SearchPerson p;
    p.id = QString::fromUtf8(id);
    p.firstName = QString::fromUtf8(first);
    p.middleName = QString::fromUtf8(middle);
    p.lastName = QString::fromUtf8(last);
    p.alias = QString::fromUtf8(alias);
    if (dob.isValid())
        p.dob = dob;
    p.ssn = QString::fromUtf8(ssn);
    return p;
}

inline SearchQuery query(const char* first, const char* last, QDate dob = {}, const char* ssnLast4 = "")
{
    SearchQuery q;
    q.firstName = QString::fromUtf8(first);
    q.lastName = QString::fromUtf8(last);
    if (dob.isValid())
        q.dob = dob;
    q.ssnLast4 = QString::fromUtf8(ssnLast4);
    return q;
}

/// An index of 5,000 synthetic clients, so a right answer has to beat plenty of wrong ones.
inline DuplicateIndex populatedIndex()
{
    DuplicateIndex index;
    SyntheticClients generator(1001);
    for (const SearchPerson& p : generator.people(5000))
        index.upsert(p);
    return index;
}

/// Position of @p id in @p results, or -1.
inline int rankOf(const std::vector<SearchMatch>& results, const QString& id)
{
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i].id == id)
            return int(i);
    }
    return -1;
}

inline std::string joined(const QStringList& lines)
{
    return lines.join(QStringLiteral(" | ")).toStdString();
}

} // namespace hearth::test
