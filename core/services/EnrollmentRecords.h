#pragma once

#include "core/common/Result.h"
#include "core/intake/Enrollment.h"

#include <optional>
#include <vector>

namespace hearth {

class Vault;
class Store;
struct Project;

/// @brief What one household member's exit records (3.11, 3.12 and the exit elements).
struct ExitRequest
{
    QString enrollmentUuid;
    QDate exitDate;
    std::optional<int> destination;
    HudValues exitValues;
    QList<Assessment> exitAssessments; ///< DataCollectionStage 3 rows
};

/// @brief A change of head of household made with an exit (the exit dialog's "Change head…").
struct HeadChange
{
    QString newHeadUuid;
    int formerHeadRelationship = 99; ///< 3.15.1, anything but Self
};

/// @brief Enrollments, households, exits and reopening, with the rules that keep them consistent:
/// exactly one head per household, no overlapping stays in one project, no exit before entry.
class EnrollmentRecords
{
public:
    explicit EnrollmentRecords(Vault& vault)
        : m_vault(vault)
    {
    }

    /// Enrolls a household (or one person) into @p projectUuid in one transaction. Each member names
    /// its client, relationship (exactly one Self) and entry date; ids and the household id are assigned.
    Result<std::vector<Enrollment>> enrollHousehold(const QString& projectUuid, std::vector<Enrollment> members);
    /// Adds a member to an existing household enrollment (a child born, a partner joining).
    Result<Enrollment> addToHousehold(const QString& householdId, Enrollment member);
    /// Saves entry data and assessments. Household, exit and client fields are not changed here.
    Status update(const Enrollment& enrollment);
    /// Makes @p newHeadUuid the head; the current head takes @p formerHeadRelationship. An implausible
    /// relationship (the former head as the "Child" of a younger new head) is refused.
    Status changeHead(const QString& householdId, const QString& newHeadUuid, int formerHeadRelationship);
    /// Exits one or more members at once. The head can leave only with everyone else, or after a new head is
    /// chosen: @p headChange makes it in the same transaction, so a refused or cancelled exit changes nobody.
    Status exit(const std::vector<ExitRequest>& exits, const std::optional<HeadChange>& headChange = std::nullopt);
    /// Reopens an exited enrollment: clears the exit date and keeps the exit data, unless
    /// @p clearExitData (a separate permission) also removes destination and exit elements.
    Status reopen(const QString& enrollmentUuid, bool clearExitData = false);

    Result<Enrollment> find(const QString& uuid) const;
    Result<std::vector<Enrollment>> forClient(const QString& clientUuid) const;
    Result<std::vector<Enrollment>> household(const QString& householdId) const;
    /// Who is enrolled in a project on @p day (the check-in list).
    Result<std::vector<Enrollment>> activeInProject(const QString& projectUuid, const QDate& day) const;

private:
    /// changeHead()'s work inside a write transaction.
    Status applyHeadChange(Store& store, const QString& householdId, const HeadChange& change, const QDateTime& now);
    /// Gives a new member its ids and stamps, checks it, and writes it with its change and audit entries.
    Status insertMember(Store& store, Enrollment& member, const Project& project, const QString& householdId,
                        const QDateTime& now);

    Vault& m_vault;
};

} // namespace hearth
