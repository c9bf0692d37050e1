#include "core/intake/ProgramElements.h"

#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "core/hud/HudValidation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hearth {

namespace {

QList<int> intList(const QJsonValue& value)
{
    QList<int> out;
    for (const QJsonValue& v : value.toArray())
        out.append(v.toInt());
    return out;
}

std::optional<int> stageCode(const QString& name)
{
    static const QHash<QString, int> stages {{QStringLiteral("entry"), hud::Stage::Entry},
                                             {QStringLiteral("update"), hud::Stage::Update},
                                             {QStringLiteral("exit"), hud::Stage::Exit},
                                             {QStringLiteral("annual"), hud::Stage::Annual}};
    const auto it = stages.constFind(name);
    return it == stages.constEnd() ? std::nullopt : std::optional<int>(it.value());
}

std::optional<CollectedFor> collectedFor(const QString& name)
{
    static const QHash<QString, CollectedFor> values {{QStringLiteral("everyone"), CollectedFor::Everyone},
                                                      {QStringLiteral("adultsAndHead"), CollectedFor::AdultsAndHead},
                                                      {QStringLiteral("head"), CollectedFor::Head},
                                                      {QStringLiteral("adults"), CollectedFor::Adults}};
    const auto it = values.constFind(name);
    return it == values.constEnd() ? std::nullopt : std::optional<CollectedFor>(it.value());
}

} // namespace

bool ProgramElement::appliesTo(const Project& project) const
{
    if (!projectTypes.isEmpty() && !projectTypes.contains(project.projectType))
        return false;
    if (fundingSources.isEmpty())
        return true;
    return std::any_of(project.fundingSources.cbegin(), project.fundingSources.cend(),
                       [&](int funder) { return fundingSources.contains(funder); });
}

bool ProgramElement::collectedAbout(bool isHead, bool isAdult) const
{
    switch (collectedFor) {
    case CollectedFor::Everyone:
        return true;
    case CollectedFor::AdultsAndHead:
        return isHead || isAdult;
    case CollectedFor::Head:
        return isHead;
    case CollectedFor::Adults:
        return isAdult;
    }
    return true;
}

const ProgramElements& ProgramElements::instance()
{
    static const ProgramElements elements; // thread-safe initialisation
    return elements;
}

ProgramElements::ProgramElements()
{
    QFile file(QStringLiteral(":/hearth/hud/intake-forms.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("The embedded intake-forms.json is missing.");
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        m_error = QStringLiteral("intake-forms.json is not valid JSON: %1").arg(parseError.errorString());
        return;
    }
    const HudCatalog& catalog = HudCatalog::instance();
    for (const QJsonValue& value : doc.object().value(u"elements").toArray()) {
        const QJsonObject e = value.toObject();
        ProgramElement element;
        element.id = e.value(u"id").toString();
        element.title = e.value(u"title").toString();
        element.help = e.value(u"help").toString();
        element.file = e.value(u"file").toString();
        const QJsonObject fixed = e.value(u"fixedValues").toObject();
        for (auto it = fixed.begin(); it != fixed.end(); ++it)
            element.fixedValues.insert(it.key(), it.value().toInt());
        if (e.value(u"projectTypes").isArray())
            element.projectTypes = intList(e.value(u"projectTypes"));
        element.fundingSources = intList(e.value(u"fundingSources"));
        for (const QJsonValue& stage : e.value(u"stages").toArray()) {
            const auto code = stageCode(stage.toString());
            if (!code)
                m_error = QStringLiteral("intake-forms.json: %1 has an unknown stage.").arg(element.id);
            else
                element.stages.append(*code);
        }
        const auto who = collectedFor(e.value(u"collectedFor").toString());
        if (!who)
            m_error = QStringLiteral("intake-forms.json: %1 has an unknown collectedFor.").arg(element.id);
        element.collectedFor = who.value_or(CollectedFor::Everyone);
        for (const QJsonValue& f : e.value(u"fields").toArray()) {
            const QJsonObject o = f.toObject();
            FormField field;
            field.column = o.value(u"column").toString();
            field.label = o.value(u"label").toString();
            field.help = o.value(u"help").toString();
            field.projectTypes = intList(o.value(u"projectTypes"));
            for (const QJsonValue& c : o.value(u"shownWhen").toArray())
                field.shownWhen.append(
                    {c.toObject().value(u"column").toString(), intList(c.toObject().value(u"anyOf"))});
            // The list comes from the catalog; a fixed value (DisabilityType) picks it where it depends.
            if (const auto column = catalog.column(element.file, field.column)) {
                HudValues fixedRow;
                for (auto it = element.fixedValues.cbegin(); it != element.fixedValues.cend(); ++it)
                    fixedRow.setCode(it.key(), it.value());
                field.listId = listIdFor(*column, fixedRow);
            }
            element.fields.append(field);
        }
        m_elements.append(element);
    }
}

std::optional<ProgramElement> ProgramElements::find(const QString& id) const
{
    for (const ProgramElement& element : m_elements) {
        if (element.id == id)
            return element;
    }
    return std::nullopt;
}

QList<ProgramElement> ProgramElements::required(const Project& project, int stage, bool isHead, bool isAdult) const
{
    QList<ProgramElement> out;
    for (const ProgramElement& element : m_elements) {
        if (element.appliesTo(project) && element.collectedAt(stage) && element.collectedAbout(isHead, isAdult))
            out.append(element);
    }
    return out;
}

bool ProgramElements::isShown(const FormField& field, const HudValues& row, int projectType)
{
    if (!field.projectTypes.isEmpty() && !field.projectTypes.contains(projectType))
        return false;
    if (field.shownWhen.isEmpty())
        return true;
    return std::any_of(field.shownWhen.cbegin(), field.shownWhen.cend(), [&](const FieldCondition& condition) {
        const auto code = row.code(condition.column);
        return code && condition.anyOf.contains(*code);
    });
}

QList<FormField> ProgramElements::shownFields(const ProgramElement& element, const HudValues& row, int projectType)
{
    // Fields only depend on fields above them, so one pass in form order settles every chain.
    HudValues visibleRow = row;
    QList<FormField> shown;
    for (const FormField& field : element.fields) {
        if (isShown(field, visibleRow, projectType))
            shown.append(field);
        else
            visibleRow.remove(field.column);
    }
    return shown;
}

HudValues ProgramElements::withoutHiddenAnswers(const ProgramElement& element, const HudValues& row, int projectType)
{
    const QList<FormField> shown = shownFields(element, row, projectType);
    HudValues out = row;
    for (const FormField& field : element.fields) {
        const bool visible
            = std::any_of(shown.cbegin(), shown.cend(), [&](const FormField& s) { return s.column == field.column; });
        if (!visible)
            out.remove(field.column);
    }
    return out;
}

} // namespace hearth
