#pragma once

#include "core/hud/HudCatalog.h"
#include "core/hud/HudValues.h"

#include <QList>
#include <QString>

namespace hearth {

/// @brief Something wrong with one answer, in words staff can act on.
struct HudProblem
{
    QString column; ///< the CSV column, for the UI to put the message next to
    QString message; ///< names the element: "3.917.2 Length of stay: 7 is not a HUD response."

    friend bool operator==(const HudProblem&, const HudProblem&) = default;
};

/// @brief Checks @p values as a row of the HMIS CSV @p file ("Enrollment" or "Enrollment.csv"):
/// unknown columns, codes outside the column's list (honouring 3.12.1's per-field exclusions and
/// lists chosen by another column, e.g. 4.10.2 for substance use), text longer than the column,
/// negative amounts in M+ columns and answers of the wrong type. Empty when everything is valid.
QList<HudProblem> validateHudValues(const QString& file, const HudValues& values);

/// The list a coded column uses in this row: the only one, or the one another column selects
/// (Disabilities.DisabilityResponse by DisabilityType, Services.TypeProvided by RecordType, ...).
/// Empty when the choosing column is not answered yet.
QString listIdFor(const HudColumn& column, const HudValues& row);

/// "3.917.2 Length of stay": the element number and a readable form of the column name.
QString hudColumnTitle(const HudColumn& column);
/// "LOSUnderThreshold" -> "LOS under threshold", "DomesticViolenceSurvivor" -> "Domestic violence survivor".
QString humanizeColumnName(const QString& name);

} // namespace hearth
