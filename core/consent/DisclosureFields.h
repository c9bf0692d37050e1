#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace hearth::disclosure_fields {

/// The name fields a restricted client shows only to the entering agency.
const QSet<QString>& nameFields();
/// 3.08, health status (R7–R10), health insurance (4.04) and HOPWA's ADAP and Ryan White (W3) columns.
const QSet<QString>& healthColumns();
/// 4.11 domestic violence columns.
const QSet<QString>& domesticViolenceColumns();
const QSet<QString>& identifyingColumns();
const QSet<QString>& freeTextColumns();

/// Removes every key in @p keys from @p json and from every object nested in it; true when one was there.
bool removeKeys(QJsonObject& json, const QSet<QString>& keys);
/// Removes the assessments of HUD file @p file (in "Assessments"); true when there was one.
bool removeAssessments(QJsonObject& json, const QString& file);
/// A client profile without identifying or free-text fields, its data quality set to
/// "Client prefers not to answer" (what HUD expects of an anonymous entry).
QJsonObject deidentifiedProfile(QJsonObject profile);

} // namespace hearth::disclosure_fields
