#include "ui/intake/ElementRows.h"

#include "ui/intake/ElementForm.h"

#include <algorithm>

namespace hearth::ui {

namespace {
const QString kEnrollmentFile = QStringLiteral("Enrollment");
const QString kMoveInDate = QStringLiteral("MoveInDate");
const QString kDateOfEngagement = QStringLiteral("DateOfEngagement");

bool isAssessmentFile(const QString& file)
{
    return file == u"IncomeBenefits" || file == u"HealthAndDV" || file == u"Disabilities"
        || file == u"CurrentLivingSituation";
}

/// Rows of one file are told apart by the element's fixed values (DisabilityType).
bool sameRow(const Assessment& row, const ElementForm& form)
{
    if (row.file != form.element().file)
        return false;
    const auto& fixed = form.element().fixedValues;
    for (auto it = fixed.cbegin(); it != fixed.cend(); ++it) {
        if (row.values.code(it.key()) != it.value())
            return false;
    }
    return true;
}

void merge(HudValues& into, const HudValues& from)
{
    for (const QString& column : from.columns())
        into.set(column, from.value(column));
}
} // namespace

QList<Assessment> assessmentRows(const QList<ElementForm*>& forms, int stage, const QDate& informationDate)
{
    QList<Assessment> rows;
    for (const ElementForm* form : forms) {
        if (!isAssessmentFile(form->element().file))
            continue;
        // An untouched form is not a row: saving it would count the element as collected.
        const HudValues values = form->values();
        if (values.columns().size() <= form->element().fixedValues.size())
            continue;
        auto row = std::find_if(rows.begin(), rows.end(), [&](const Assessment& a) { return sameRow(a, *form); });
        if (row == rows.end()) {
            rows.append(Assessment {form->element().file, stage, informationDate, {}});
            row = rows.end() - 1;
        }
        merge(row->values, values);
    }
    return rows;
}

void applyEnrollmentAnswers(const QList<ElementForm*>& forms, Enrollment& enrollment)
{
    for (const ElementForm* form : forms) {
        if (form->element().file != kEnrollmentFile)
            continue;
        HudValues values = form->values();
        if (values.has(kMoveInDate) || form->control(kMoveInDate))
            enrollment.moveInDate = values.date(kMoveInDate);
        if (values.has(kDateOfEngagement) || form->control(kDateOfEngagement))
            enrollment.dateOfEngagement = values.date(kDateOfEngagement);
        values.remove(kMoveInDate);
        values.remove(kDateOfEngagement);
        merge(enrollment.entryValues, values);
    }
}

QStringList unreadableFields(const QList<ElementForm*>& forms)
{
    QStringList out;
    for (const ElementForm* form : forms) {
        for (const QString& label : form->unreadableFields())
            out << QStringLiteral("%1: %2").arg(form->element().title, label);
    }
    return out;
}

} // namespace hearth::ui
