#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace hearth::sync {

struct ConsentReference;

/// @brief The fields a consent reference no longer lets the server keep, by the release's categories.
/// The same columns core's consent policy strips before a record leaves a workstation (disclosure_fields);
/// test_sync_protocol checks the two lists agree.
struct WithdrawnFields
{
    QSet<QString> fields; ///< removed wherever they occur, nested objects and arrays included
    bool disabilities = false; ///< the Disabilities assessments (4.05–4.10) go too

    bool isEmpty() const { return fields.isEmpty() && !disabilities; }
};

/// What @p reference does not allow: identifying and free-text fields without the identifying
/// category (Anonymous), health columns and Disabilities assessments without health, 4.11 without DV.
WithdrawnFields withdrawnBy(const ConsentReference& reference);

/// Removes @p withdrawn from @p json (a record's fields, or one field's value wrapped in an object);
/// true when something was there.
bool removeWithdrawn(QJsonObject& json, const WithdrawnFields& withdrawn);

namespace consent_fields {
const QSet<QString>& identifying();
const QSet<QString>& freeText();
const QSet<QString>& health();
const QSet<QString>& domesticViolence();
} // namespace consent_fields

} // namespace hearth::sync
