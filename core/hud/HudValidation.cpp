#include "core/hud/HudValidation.h"

#include "core/hud/HudCodes.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace hearth {

namespace {

struct HudValidationText
{
    Q_DECLARE_TR_FUNCTIONS(HudValidation)
};

// Services.TypeProvided: the list named by RecordType (HMIS CSV spec, Services.csv notes).
const QHash<int, QString>& serviceListsByRecordType()
{
    static const QHash<int, QString> lists {
        {141, QStringLiteral("P1.2")}, {142, QStringLiteral("R14.2")}, {143, QStringLiteral("W1.2")},
        {144, QStringLiteral("V2.2")}, {151, QStringLiteral("W2.2")},  {152, QStringLiteral("V3.3")},
        {161, QStringLiteral("P2.2")}, {200, QStringLiteral("4.14")},  {210, QStringLiteral("V8.2")},
        {300, QStringLiteral("C2.2")},
    };
    return lists;
}

bool isAllowed(const QList<HudOption>& options, const QString& code)
{
    return std::any_of(options.cbegin(), options.cend(), [&](const HudOption& o) { return o.code == code; });
}

QString describeCode(const QString& listId, const QString& code)
{
    const QString label = HudCatalog::instance().label(listId, code);
    return label.isEmpty() ? code : QStringLiteral("\u201c%1\u201d (%2)").arg(label, code);
}

void checkCoded(const HudColumn& column, const HudValues& row, const QString& title, QList<HudProblem>& problems)
{
    QString code;
    if (column.isString()) {
        code = row.text(column.name);
    } else if (const auto number = row.code(column.name)) {
        code = QString::number(*number);
    } else {
        problems.append(
            {column.name, HudValidationText::tr("%1: the answer must be one of the HUD responses.").arg(title)});
        return;
    }
    const QString listId = listIdFor(column, row);
    const HudCatalog& catalog = HudCatalog::instance();
    const QList<HudOption> allowed = listId.isEmpty() ? catalog.allowedCodes(column.file, column.name)
                                                      : catalog.allowedCodes(column.file, column.name, listId);
    if (isAllowed(allowed, code))
        return;
    // In the list but excluded for this column (3.12.1 field_exclusions) reads differently from unknown.
    for (const QString& id : column.listIds) {
        if (!catalog.label(id, code).isEmpty() && (listId.isEmpty() || id == listId)) {
            problems.append(
                {column.name,
                 HudValidationText::tr("%1: %2 is not an allowed answer here.").arg(title, describeCode(id, code))});
            return;
        }
    }
    problems.append({column.name, HudValidationText::tr("%1: %2 is not a HUD response.").arg(title, code)});
}

void checkTyped(const HudColumn& column, const HudValues& row, const QString& title, QList<HudProblem>& problems)
{
    const QVariant value = row.value(column.name);
    if (column.isString()) {
        if (value.typeId() != QMetaType::QString) {
            problems.append({column.name, HudValidationText::tr("%1: the answer must be text.").arg(title)});
        } else if (column.maxLength > 0 && row.text(column.name).size() > column.maxLength) {
            problems.append({column.name,
                             HudValidationText::tr("%1: at most %2 characters (%3 entered).")
                                 .arg(title)
                                 .arg(column.maxLength)
                                 .arg(row.text(column.name).size())});
        }
    } else if (column.type == u'I') {
        if (!row.code(column.name))
            problems.append({column.name, HudValidationText::tr("%1: the answer must be a whole number.").arg(title)});
    } else if (column.type == u'D' || column.type == u'T') {
        if (!row.date(column.name))
            problems.append({column.name, HudValidationText::tr("%1: the answer must be a date.").arg(title)});
    } else if (column.type.startsWith(u'M')) {
        const auto amount = row.money(column.name);
        if (!amount)
            problems.append(
                {column.name, HudValidationText::tr("%1: the answer must be an amount of money.").arg(title)});
        else if (column.type == QLatin1String("M+") && *amount < 0)
            problems.append({column.name, HudValidationText::tr("%1: the amount cannot be negative.").arg(title)});
    }
}

} // namespace

QString listIdFor(const HudColumn& column, const HudValues& row)
{
    if (column.listIds.size() <= 1)
        return column.listIds.value(0);
    if (column.file == u"Disabilities" && column.name == u"DisabilityResponse") {
        const auto type = row.code(QStringLiteral("DisabilityType"));
        if (!type)
            return {};
        return *type == hud::DisabilityType::SubstanceUse ? QString(hud::list::SubstanceUseResponse)
                                                          : QString(hud::list::NoYesReasons);
    }
    if (column.file == u"Services" && column.name == u"TypeProvided") {
        const auto recordType = row.code(QStringLiteral("RecordType"));
        return recordType ? serviceListsByRecordType().value(*recordType) : QString();
    }
    if (column.file == u"Services" && column.name == u"SubTypeProvided") {
        // Only SSVF services (RecordType 144) of type 3, 4 or 5 have subtypes: V2.A, V2.B, V2.C.
        const auto type = row.code(QStringLiteral("TypeProvided"));
        const QString letters = QStringLiteral("ABC");
        if (type && *type >= 3 && *type <= 5)
            return QStringLiteral("V2.") + letters.at(*type - 3);
        return {};
    }
    return {};
}

QString humanizeColumnName(const QString& name)
{
    // Split before a capital that follows a small letter ("LengthOf|Stay") or that ends an acronym
    // ("LOS|Under"); digits count as capitals. Ordinary words are lower-cased, acronyms kept.
    const auto isCap = [&](qsizetype i) {
        return name.at(i).isUpper() || name.at(i).isDigit();
    };
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const bool boundary = i > 0 && isCap(i)
            && (name.at(i - 1).isLower() || (isCap(i - 1) && i + 1 < name.size() && name.at(i + 1).isLower()));
        if (boundary) {
            words.append(word);
            word.clear();
        }
        word += name.at(i);
    }
    words.append(word);
    for (qsizetype w = 1; w < words.size(); ++w) {
        const QString& current = words.at(w);
        const bool acronym = current.size() > 1 && current.at(1).isUpper();
        if (!acronym)
            words[w] = current.toLower();
    }
    return words.join(u' ');
}

QString hudColumnTitle(const HudColumn& column)
{
    const QString name = humanizeColumnName(column.name);
    return column.element.isEmpty() ? name : column.element + u' ' + name;
}

QList<HudProblem> validateHudValues(const QString& file, const HudValues& values)
{
    QList<HudProblem> problems;
    const HudCatalog& catalog = HudCatalog::instance();
    for (const QString& name : values.columns()) {
        const auto column = catalog.column(file, name);
        if (!column) {
            problems.append(
                {name, HudValidationText::tr("%1 is not a column of the HUD %2 file.").arg(name, hudFileName(file))});
            continue;
        }
        const QString title = hudColumnTitle(*column);
        if (column->isCoded())
            checkCoded(*column, values, title, problems);
        else
            checkTyped(*column, values, title, problems);
    }
    return problems;
}

} // namespace hearth
