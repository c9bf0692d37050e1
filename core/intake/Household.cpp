#include "core/intake/Household.h"

#include "core/common/Plural.h"
#include "core/hud/HudCodes.h"
#include "core/intake/DateOfBirth.h"

#include <QCoreApplication>

#include <algorithm>

namespace hearth::household {

namespace {

const QString kHouseholdElement = QStringLiteral("3.15");
const QString kHouseholdField = QStringLiteral("relationshipToHoH");

struct HouseholdText
{
    Q_DECLARE_TR_FUNCTIONS(Household)
};

} // namespace

QualityFindings check(const QList<Member>& members, QDate today)
{
    QualityFindings findings;
    if (members.isEmpty())
        return findings;
    const Enrollment& first = members.first().enrollment;
    const bool mixed = std::any_of(members.cbegin(), members.cend(), [&](const Member& m) {
        return m.enrollment.householdId != first.householdId || m.enrollment.projectUuid != first.projectUuid;
    });
    if (mixed)
        findings.append(
            refusedFinding(QStringLiteral("5.09"), QStringLiteral("householdId"),
                           HouseholdText::tr("These enrollments belong to different households or projects.")));

    QList<const Member*> heads;
    bool anyActive = false;
    for (const Member& m : members) {
        if (m.enrollment.isHead())
            heads.append(&m);
        anyActive = anyActive || m.enrollment.isActive();
    }
    if (heads.isEmpty()) {
        findings.append(refusedFinding(kHouseholdElement, kHouseholdField,
                                       HouseholdText::tr("The household has no head of household. Choose one member as "
                                                         "\u201cSelf (head of household)\u201d.")));
        return findings;
    }
    if (heads.size() > 1) {
        findings.append(
            refusedFinding(kHouseholdElement, kHouseholdField,
                           HouseholdText::tr("The household has %1 heads of household; exactly one member can be the "
                                             "head.")
                               .arg(heads.size())));
        return findings;
    }
    const Member& head = *heads.first();
    if (anyActive && !head.enrollment.isActive())
        findings.append(
            refusedFinding(kHouseholdElement, kHouseholdField,
                           HouseholdText::tr("The head of household has exited while other members are still enrolled. "
                                             "Choose a new head of household among them.")));
    if (head.dob && dob::ageOn(*head.dob, head.enrollment.entryDate.isValid() ? head.enrollment.entryDate : today) < 18)
        findings.append(
            warningFinding(kHouseholdElement, kHouseholdField,
                           HouseholdText::tr("The head of household is under 18. Check the date of birth, and that the "
                                             "project serves unaccompanied or parenting youth.")));
    for (const Member& m : members) {
        if (&m != &head && m.enrollment.entryDate.isValid() && head.enrollment.entryDate.isValid()
            && m.enrollment.entryDate < head.enrollment.entryDate)
            findings.append(
                warningFinding(QStringLiteral("3.10"), QStringLiteral("entryDate"),
                               HouseholdText::tr("A household member's project start date is before the head of "
                                                 "household's. The head's start date should come first.")));
    }
    return findings;
}

Result<QList<Enrollment>> changeHead(QList<Enrollment> members, const QString& newHeadUuid, int formerHeadRelationship)
{
    const bool validFormer
        = (formerHeadRelationship >= hud::Relationship::Child && formerHeadRelationship <= hud::Relationship::Unrelated)
        || formerHeadRelationship == hud::DataNotCollected;
    if (!validFormer)
        return makeError(ErrorCode::InvalidInput,
                         HouseholdText::tr("Choose how the former head of household is related to the new head."));
    const auto newHead
        = std::find_if(members.begin(), members.end(), [&](const Enrollment& e) { return e.uuid == newHeadUuid; });
    if (newHead == members.end())
        return makeError(ErrorCode::InvalidInput,
                         HouseholdText::tr("The new head of household is not a member of this household."));
    if (!newHead->isActive())
        return makeError(
            ErrorCode::InvalidInput,
            HouseholdText::tr("The new head of household has exited; choose a member who is still enrolled."));
    for (Enrollment& e : members) {
        if (e.uuid == newHeadUuid)
            e.relationshipToHoH = hud::Relationship::Self;
        else if (e.isHead())
            e.relationshipToHoH = formerHeadRelationship;
    }
    return members;
}

Status canExit(const QList<Enrollment>& members, const QStringList& exitingUuids)
{
    const bool headLeaves = std::any_of(members.cbegin(), members.cend(), [&](const Enrollment& e) {
        return e.isHead() && exitingUuids.contains(e.uuid);
    });
    if (!headLeaves)
        return {};
    const auto staying = std::count_if(members.cbegin(), members.cend(), [&](const Enrollment& e) {
        return e.isActive() && !exitingUuids.contains(e.uuid);
    });
    if (staying > 0)
        return makeError(ErrorCode::InvalidInput,
                         plural(staying,
                                QCoreApplication::translate("Household",
                                                            "Choose a new head of household before the "
                                                            "head exits: 1 other member stays enrolled."),
                                QCoreApplication::translate("Household",
                                                            "Choose a new head of household before the "
                                                            "head exits: %1 other members stay enrolled.")));
    return {};
}

Status plausibleHeadChange(const Member& newHead, const Member& formerHead, int formerHeadRelationship)
{
    if (formerHeadRelationship != hud::Relationship::Child || !newHead.dob || !formerHead.dob
        || *formerHead.dob >= *newHead.dob)
        return {};
    return makeError(ErrorCode::InvalidInput,
                     HouseholdText::tr("The former head is older than the new head and cannot be recorded as their "
                                       "child. Choose another relationship, or another head."));
}

QString headNeedsConfirmation(const QList<Member>& members, const QString& newHeadUuid, QDate today)
{
    const auto head = std::find_if(members.cbegin(), members.cend(),
                                   [&](const Member& m) { return m.enrollment.uuid == newHeadUuid; });
    if (head == members.cend() || !head->dob || dob::ageOn(*head->dob, today) >= 18)
        return {};
    const bool adultStays = std::any_of(members.cbegin(), members.cend(), [&](const Member& m) {
        return m.enrollment.uuid != newHeadUuid && m.enrollment.isActive() && m.dob && dob::ageOn(*m.dob, today) >= 18;
    });
    if (!adultStays)
        return {};
    return HouseholdText::tr("The new head is %1 years old and an adult of the household stays enrolled. Make a "
                             "child the head of household?")
        .arg(dob::ageOn(*head->dob, today));
}

std::optional<int> suggestedRelationship(const std::optional<QDate>& headDob, const std::optional<QDate>& memberDob,
                                         QDate today)
{
    if (!memberDob || dob::ageOn(*memberDob, today) < 0 || dob::ageOn(*memberDob, today) >= 18)
        return std::nullopt;
    if (headDob && dob::ageOn(*headDob, today) < 18)
        return std::nullopt;
    return hud::Relationship::Child;
}

} // namespace hearth::household
