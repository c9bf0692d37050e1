#include "core/search/NicknameTable.h"

#include "core/search/NameNormalizer.h"
#include "core/search/StringSimilarity.h"

#include <QFile>
#include <QtGlobal>

#include <algorithm>
#include <array>
#include <limits>

namespace hearth::search {

namespace {

NicknameTable loadBuiltIn()
{
    NicknameTable table;
    const std::array<const char*, 2> files = {":/hearth/search/nicknames.csv", ":/hearth/search/nicknames-hearth.csv"};
    for (const char* path : files) {
        QFile file(QString::fromLatin1(path));
        if (!file.open(QIODevice::ReadOnly)) {
            // Search still works without nicknames; say so loudly rather than fail.
            qCritical("NicknameTable: resource %s is missing", path);
            continue;
        }
        table.addCsv(file.readAll());
    }
    return table;
}

} // namespace

const NicknameTable& NicknameTable::builtIn()
{
    static const NicknameTable table = loadBuiltIn(); // thread-safe, loaded once
    return table;
}

void NicknameTable::addCsv(const QByteArray& csv)
{
    for (const QByteArray& rawLine : csv.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (m_groups.size() >= std::numeric_limits<quint16>::max())
            return;
        QStringList names;
        for (const QByteArray& field : line.split(',')) {
            const QString name = normalizeName(QString::fromUtf8(field)).joined;
            if (!name.isEmpty() && !names.contains(name))
                names.append(name);
        }
        if (names.size() < 2)
            continue;
        const auto group = quint16(m_groups.size());
        m_groups.push_back(names);
        for (const QString& name : std::as_const(names)) {
            std::vector<quint16>& groups = m_groupsByName[name];
            if (groups.empty()) {
                m_typos.add(name, quint32(m_names.size()));
                m_names.append(name);
            }
            groups.push_back(group); // groups arrive in ascending order
        }
    }
}

std::vector<quint16> NicknameTable::groupsOf(const QString& name) const
{
    return m_groupsByName.value(name);
}

QStringList NicknameTable::relatedNames(const QString& name) const
{
    QStringList related = namesIn(groupsOf(name));
    related.removeAll(name);
    return related;
}

std::vector<quint16> NicknameTable::groupsNear(const QString& name) const
{
    std::vector<quint16> near;
    m_typos.forEachCandidate(name, [&](quint32 index) {
        const QString& candidate = m_names[qsizetype(index)];
        if (osaDistance(name, candidate, 1) != 1)
            return;
        const auto groups = m_groupsByName.constFind(candidate);
        near.insert(near.end(), groups->begin(), groups->end());
    });
    std::sort(near.begin(), near.end());
    near.erase(std::unique(near.begin(), near.end()), near.end());
    return near;
}

QStringList NicknameTable::namesIn(const std::vector<quint16>& groups) const
{
    QStringList names;
    for (quint16 group : groups) {
        for (const QString& name : m_groups[group]) {
            if (!names.contains(name))
                names.append(name);
        }
    }
    return names;
}

bool NicknameTable::shareGroup(const std::vector<quint16>& a, const std::vector<quint16>& b)
{
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i == *j)
            return true;
        if (*i < *j)
            ++i;
        else
            ++j;
    }
    return false;
}

} // namespace hearth::search
