#pragma once

#include "core/common/Result.h"
#include "core/intake/Enrollment.h"
#include "core/intake/QualityFinding.h"

#include <QDate>
#include <QList>
#include <QStringList>

#include <optional>

namespace hearth {

/// @brief Head-of-household rules (3.15): every household enrollment has exactly one head, the
/// head can be changed, and must be changed before the head leaves while others stay (Orange County
/// HMIS procedure).
namespace household {

/// One member's enrollment and the date of birth the age checks need.
struct Member
{
    Enrollment enrollment;
    std::optional<QDate> dob;
};

/// Refused: members of different households or projects, no head, more than one head, a head who
/// has exited while other members are still enrolled. Warnings: a head under 18, a member who
/// started before the head (HUD expects the head's start date first).
QualityFindings check(const QList<Member>& members, QDate today);

/// Makes @p newHeadUuid the head and gives the former head @p formerHeadRelationship (3.15.1 code
/// 2–5 or 99). Fails when the new head is not an active member of the household or the relationship
/// is not one a former head can have.
Result<QList<Enrollment>> changeHead(QList<Enrollment> members, const QString& newHeadUuid, int formerHeadRelationship);

/// Refuses an implausible head change: the former head recorded as the "Child" of a new head younger than
/// them (a 4-year-old head with his 36-year-old mother as his child). Unknown dates of birth pass.
Status plausibleHeadChange(const Member& newHead, const Member& formerHead, int formerHeadRelationship);

/// What a person should confirm before @p newHead heads the household: a minor on @p today while an
/// adult of the household stays enrolled (a youth-headed household is real, but rarely with an adult).
/// Empty when nothing needs confirming.
QString headNeedsConfirmation(const QList<Member>& members, const QString& newHeadUuid, QDate today);

/// The relationship to suggest for a member joining a household with @p head: Child for a minor on
/// @p today when the head is an adult (or of unknown age); nothing otherwise (a partner, a relative and
/// a friend look alike by age).
std::optional<int> suggestedRelationship(const std::optional<QDate>& headDob, const std::optional<QDate>& memberDob,
                                         QDate today);

/// Refuses to exit the head (among @p exitingUuids) while a member not exiting stays active: a new
/// head has to be chosen first. Exiting the whole household at once is allowed.
Status canExit(const QList<Enrollment>& members, const QStringList& exitingUuids);

} // namespace household
} // namespace hearth
