#include "core/hud/HudCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace hearth {

namespace {

const QString kResourceDir = QStringLiteral(":/hearth/hud/");

// Lists whose HUD order follows meaning rather than code (HUD FY2026 Data Standards). The catalog
// test checks that each is a permutation of the file's codes, so they cannot drift.
const QHash<QString, QList<int>>& hudOrderOverrides()
{
    static const QHash<QString, QList<int>> overrides {
        {QStringLiteral("3.917.2"), {10, 11, 2, 3, 4, 5, 8, 9, 99}},
        {QStringLiteral("3.12.1"), {116, 101, 118, // homeless situations
                                    215, 206, 207, 225, 204, 205, // institutional situations
                                    302, 329, 314, 332, 312, 313, 327, 336, 335, // temporary situations
                                    422, 423, 426, 410, 435, 421, 411, // permanent situations
                                    30,  17,  24,  37,  8,   9,   99}}, // other
    };
    return overrides;
}

// Sort key: numeric codes first in numeric order, then non-numeric codes, then 8/9/99.
bool displaysBefore(const HudOption& a, const HudOption& b)
{
    const auto rank = [](const HudOption& o) {
        return o.isMissingDataReason() ? 2 : (o.number() ? 0 : 1);
    };
    if (rank(a) != rank(b))
        return rank(a) < rank(b);
    if (a.number() && b.number())
        return *a.number() < *b.number();
    return a.code < b.code;
}

QByteArray readResource(const QString& name, QString* error)
{
    QFile file(kResourceDir + name);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("The embedded HUD file %1 is missing.").arg(name);
        return {};
    }
    return file.readAll();
}

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

// "DE 3.917.2 A, 3.917.2 B | ..." -> "3.917.2"
QString elementFromNotes(const QString& notes)
{
    static const QRegularExpression re(QStringLiteral("^DE ([^ ,|]+)"));
    const auto match = re.match(notes);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

QString hudFileName(const QString& file)
{
    return file.endsWith(QLatin1String(".csv")) ? file.chopped(4) : file;
}

std::optional<int> HudOption::number() const
{
    bool ok = false;
    const int value = code.toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

// 99 always means "not collected"; 8 and 9 only where they carry the standard labels (in
// ProjectType, 8 is Safe Haven).
bool HudOption::isMissingDataReason() const
{
    if (code == QLatin1String("99"))
        return true;
    if (code == QLatin1String("8"))
        return label == QLatin1String("Client doesn't know");
    if (code == QLatin1String("9"))
        return label == QLatin1String("Client prefers not to answer");
    return false;
}

const HudCatalog& HudCatalog::instance()
{
    static const HudCatalog catalog; // initialised once, thread-safe (C++11 magic statics)
    return catalog;
}

QByteArray HudCatalog::embeddedFile(const QString& name)
{
    QString ignored;
    return readResource(name, &ignored);
}

HudCatalog::HudCatalog()
{
    const QByteArray lists = readResource(QStringLiteral("hud-lists.json"), &m_error);
    const QByteArray columns = readResource(QStringLiteral("hmis-csv-columns.csv"), &m_error);
    if (!m_error.isEmpty())
        return;
    loadLists(lists);
    loadColumns(columns);
}

void HudCatalog::loadLists(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        m_error = QStringLiteral("hud-lists.json is not valid JSON: %1").arg(parseError.errorString());
        return;
    }
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        HudList list;
        list.id = it.key();
        list.name = entry.value(u"name").toString();
        list.notes = entry.value(u"notes").toString();
        const QJsonObject values = entry.value(u"values").toObject();
        for (auto v = values.begin(); v != values.end(); ++v)
            list.options.append(HudOption {v.key(), v.value().toString()});
        const auto override = hudOrderOverrides().constFind(list.id);
        if (override != hudOrderOverrides().constEnd()) {
            const QList<int>& order = override.value();
            std::stable_sort(list.options.begin(), list.options.end(), [&](const HudOption& a, const HudOption& b) {
                const auto pos = [&](const HudOption& o) {
                    const qsizetype i = order.indexOf(o.number().value_or(-1));
                    return i < 0 ? order.size() : i; // codes missing from the override go last
                };
                return pos(a) < pos(b);
            });
        } else {
            std::stable_sort(list.options.begin(), list.options.end(), displaysBefore);
        }
        for (const QJsonValue& used : entry.value(u"used_by").toArray())
            list.usedBy.append(used.toString());
        const QJsonObject exclusions = entry.value(u"field_exclusions").toObject();
        for (auto e = exclusions.begin(); e != exclusions.end(); ++e) {
            QList<int> codes;
            for (const QJsonValue& code : e.value().toArray())
                codes.append(code.toInt());
            list.fieldExclusions.insert(e.key(), codes);
        }
        m_lists.insert(list.id, list);
        m_listOrder.append(list.id);
    }
}

void HudCatalog::loadColumns(const QByteArray& csv)
{
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv));
    const QStringList expectedHeader {
        QStringLiteral("file"),       QStringLiteral("position"), QStringLiteral("column"),   QStringLiteral("type"),
        QStringLiteral("max_length"), QStringLiteral("nullable"), QStringLiteral("hud_list"), QStringLiteral("notes")};
    if (rows.isEmpty() || rows.first() != expectedHeader) {
        m_error = QStringLiteral("hmis-csv-columns.csv does not start with the expected header.");
        return;
    }
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        if (row.size() != expectedHeader.size()) {
            m_error = QStringLiteral("hmis-csv-columns.csv row %1 has %2 fields.").arg(i + 1).arg(row.size());
            return;
        }
        HudColumn column;
        column.file = hudFileName(row.at(0));
        column.position = row.at(1).toInt();
        column.name = row.at(2);
        column.type = row.at(3);
        column.maxLength = row.at(4).toInt();
        column.nullable = row.at(5) == QLatin1String("Y");
        if (!row.at(6).isEmpty())
            column.listIds = row.at(6).split(u';');
        column.notes = row.at(7);
        column.element = elementFromNotes(column.notes);
        if (!m_columns.contains(column.file))
            m_files.append(column.file);
        m_columns[column.file].append(column);
    }
    for (auto& fileColumns : m_columns)
        std::sort(fileColumns.begin(), fileColumns.end(),
                  [](const HudColumn& a, const HudColumn& b) { return a.position < b.position; });
}

std::optional<HudList> HudCatalog::list(const QString& listId) const
{
    const auto it = m_lists.constFind(listId);
    return it == m_lists.constEnd() ? std::nullopt : std::optional<HudList>(it.value());
}

QString HudCatalog::label(const QString& listId, int code) const
{
    return label(listId, QString::number(code));
}

QString HudCatalog::label(const QString& listId, const QString& code) const
{
    const auto it = m_lists.constFind(listId);
    if (it == m_lists.constEnd())
        return {};
    for (const HudOption& option : it->options) {
        if (option.code == code)
            return option.label;
    }
    return {};
}

std::optional<HudColumn> HudCatalog::column(const QString& file, const QString& column) const
{
    for (const HudColumn& c : m_columns.value(hudFileName(file))) {
        if (c.name == column)
            return c;
    }
    return std::nullopt;
}

QList<HudColumn> HudCatalog::columns(const QString& file) const
{
    return m_columns.value(hudFileName(file));
}

QStringList HudCatalog::files() const
{
    return m_files;
}

QList<HudOption> HudCatalog::allowedCodes(const QString& file, const QString& column) const
{
    const auto c = this->column(file, column);
    if (!c)
        return {};
    QList<HudOption> options;
    for (const QString& listId : c->listIds) {
        for (const HudOption& option : allowedCodes(file, column, listId)) {
            const bool seen = std::any_of(options.cbegin(), options.cend(),
                                          [&](const HudOption& o) { return o.code == option.code; });
            if (!seen)
                options.append(option);
        }
    }
    return options;
}

QList<HudOption> HudCatalog::allowedCodes(const QString& file, const QString& column, const QString& listId) const
{
    const auto c = this->column(file, column);
    const auto it = m_lists.constFind(listId);
    if (!c || !c->listIds.contains(listId) || it == m_lists.constEnd())
        return {};
    const QList<int> excluded = it->fieldExclusions.value(c->file + QLatin1Char('.') + c->name);
    QList<HudOption> options;
    for (const HudOption& option : it->options) {
        if (!option.number() || !excluded.contains(*option.number()))
            options.append(option);
    }
    return options;
}

} // namespace hearth
