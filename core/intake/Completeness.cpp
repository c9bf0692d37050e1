#include "core/intake/Completeness.h"

#include "core/hud/HudCodes.h"
#include "core/intake/DataQuality.h"
#include "core/intake/MissingData.h"

#include <QCoreApplication>

namespace hearth {

namespace {

struct CompletenessText
{
    Q_DECLARE_TR_FUNCTIONS(Completeness)
};

bool realAnswer(int code)
{
    return !isMissingDataCode(code);
}

} // namespace

QList<Completeness::Element> Completeness::missing() const
{
    QList<Element> out;
    for (const Element& e : elements) {
        if (!e.answered)
            out.append(e);
    }
    return out;
}

Completeness completenessOf(const ClientProfile& client, QDate today, const QList<Enrollment>& enrollments)
{
    Completeness result;
    const auto add = [&](const QString& id, const QString& title, bool answered) {
        result.elements.append({id, title, answered});
        ++result.total;
        if (answered)
            ++result.answered;
    };
    const bool hasName = !client.firstName.trimmed().isEmpty() || !client.lastName.trimmed().isEmpty();
    add(QStringLiteral("3.01"), CompletenessText::tr("Name"), hasName && realAnswer(client.nameDataQuality));
    add(QStringLiteral("3.02"), CompletenessText::tr("Social Security Number"),
        !client.ssn.isEmpty() && realAnswer(client.ssnDataQuality));
    add(QStringLiteral("3.03"), CompletenessText::tr("Date of birth"),
        client.dob.has_value() && realAnswer(client.dobDataQuality));
    add(QStringLiteral("3.04"), CompletenessText::tr("Race and ethnicity"), !client.raceEthnicity.isEmpty());
    add(QStringLiteral("4.21"), CompletenessText::tr("Sex"), client.sex && realAnswer(*client.sex));
    if (quality::isAdultOrUnknown(client, today))
        add(QStringLiteral("3.07"), CompletenessText::tr("Veteran status"), realAnswer(client.veteranStatus));

    for (const Enrollment& e : enrollments) {
        add(QStringLiteral("3.08"), CompletenessText::tr("Disabling condition"), realAnswer(e.disablingCondition));
        add(QStringLiteral("3.15"), CompletenessText::tr("Relationship to head of household"),
            realAnswer(e.relationshipToHoH));
        add(QStringLiteral("3.16"), CompletenessText::tr("Client location"), !e.enrollmentCoC.isEmpty());
        const QDate at = e.entryDate.isValid() ? e.entryDate : today;
        if (e.isHead() || quality::isAdultOrUnknown(client, at)) {
            const auto situation = e.entryValues.code(QStringLiteral("LivingSituation"));
            add(QStringLiteral("3.917"), CompletenessText::tr("Prior living situation"),
                situation && realAnswer(*situation));
        }
        if (e.exitDate) {
            const bool answered = e.destination && realAnswer(*e.destination)
                && *e.destination != hud::LivingSituation::NoExitInterview;
            add(QStringLiteral("3.12"), CompletenessText::tr("Destination"), answered);
        }
    }
    return result;
}

} // namespace hearth
