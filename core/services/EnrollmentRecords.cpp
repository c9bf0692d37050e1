#include "core/services/EnrollmentRecords.h"

#include "core/intake/DataQuality.h"
#include "core/intake/Household.h"
#include "core/intake/IntakeJson.h"
#include "core/services/NoSharingAlerts.h"
#include "core/services/RecordSupport.h"
#include "core/services/Refusals.h"
#include "core/store/ClientRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/Store.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QSet>

namespace hearth {

using records::loadEnrollment;
using records::loadProject;
using records::refuse;

namespace {
const QString kEnrollmentEntity = QStringLiteral("enrollment");
constexpr int kSelf = 1;

/// HUD 3.10: one client cannot be in the same project twice at once.
Status refuseOverlap(Store& s, const Enrollment& candidate)
{
    auto existing = EnrollmentRepository(s).forClientInProject(candidate.clientUuid, candidate.projectUuid);
    if (!existing)
        return existing.error();
    const auto overlap
        = quality::findOverlappingEnrollment(candidate, QList<Enrollment>(existing->begin(), existing->end()));
    if (overlap)
        return refuse(overlap->message);
    return {};
}

Status refuseEntryDate(const Enrollment& e, const Project& project, const QDate& today)
{
    if (!e.entryDate.isValid())
        return refuse(QObject::tr("Enter the project start date."));
    if (e.entryDate > today)
        return refuse(QObject::tr("The project start date cannot be in the future."));
    if (e.entryDate < project.operatingStart)
        return refuse(QObject::tr("The project start date is before the project began operating (%1).")
                          .arg(displayDate(project.operatingStart)));
    if (project.operatingEnd && e.entryDate > *project.operatingEnd)
        return refuse(QObject::tr("The project stopped operating on %1.").arg(displayDate(*project.operatingEnd)));
    return {};
}

Result<ClientProfile> loadClient(Store& s, const QString& clientUuid)
{
    auto client = ClientRepository(s).find(clientUuid);
    if (!client)
        return client.error();
    if (!client->has_value())
        return makeError(ErrorCode::NotFound, QObject::tr("That client record no longer exists."));
    return **client;
}

/// The data-quality plan's impossible entry data (start before birth, move-in before start, ...).
Status refuseImpossibleEntry(Store& s, const Enrollment& e, const Project& project, const QDate& today)
{
    auto client = loadClient(s, e.clientUuid);
    if (!client)
        return client.error();
    return refusalOf(quality::checkEnrollment(e, project, *client, today));
}

int activeHeads(const std::vector<Enrollment>& household)
{
    return int(std::count_if(household.begin(), household.end(),
                             [](const Enrollment& e) { return e.isActive() && e.isHead(); }));
}
} // namespace

Status EnrollmentRecords::insertMember(Store& s, Enrollment& m, const Project& project, const QString& householdId,
                                       const QDateTime& now)
{
    m.uuid = records::newId();
    m.projectUuid = project.uuid;
    m.householdId = householdId;
    m.exitDate.reset();
    if (m.enrollmentCoC.isEmpty())
        m.enrollmentCoC = project.cocCode;
    m.createdAt = m.updatedAt = now;
    m.updatedBy = m_vault.user()->login;
    const QDate today = now.toLocalTime().date();
    if (auto r = refuseEntryDate(m, project, today); !r)
        return r;
    if (auto r = refuseImpossibleEntry(s, m, project, today); !r)
        return r;
    if (auto r = refuseOverlap(s, m); !r)
        return r;
    if (auto r = EnrollmentRepository(s).insert(m); !r)
        return r;
    return m_vault.openStore().recordChange(kEnrollmentEntity, m.uuid, QStringLiteral("insert"), intake_json::toJson(m),
                                            audit::Enroll);
}

Result<std::vector<Enrollment>> EnrollmentRecords::enrollHousehold(const QString& projectUuid,
                                                                   std::vector<Enrollment> members)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    if (members.empty())
        return refuse(QObject::tr("Choose at least one person to enroll."));
    const auto heads = std::count_if(members.begin(), members.end(), [](const Enrollment& e) { return e.isHead(); });
    if (heads != 1)
        return refuse(heads == 0
                          ? QObject::tr("Choose who is the head of household (relationship \"Self\").")
                          : QObject::tr("A household has exactly one head of household; %1 were chosen.").arg(heads));
    QSet<QString> seen;
    for (const Enrollment& m : members) {
        if (seen.contains(m.clientUuid))
            return refuse(QObject::tr("The same person appears twice in this household."));
        seen.insert(m.clientUuid);
    }
    const QDateTime now = m_vault.clock().now();
    const QString householdId = records::newId();
    Status st = m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        auto project = loadProject(s, projectUuid);
        if (!project)
            return project.error();
        for (Enrollment& m : members) {
            if (auto r = insertMember(s, m, *project, householdId, now); !r)
                return r;
        }
        return NoSharingAlerts(m_vault).checkProject(projectUuid);
    });
    if (!st)
        return st.error();
    return members;
}

Result<Enrollment> EnrollmentRecords::addToHousehold(const QString& householdId, Enrollment m)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    const QDateTime now = m_vault.clock().now();
    Status st = m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        auto household = EnrollmentRepository(s).forHousehold(householdId);
        if (!household)
            return household.error();
        if (household->empty())
            return makeError(ErrorCode::NotFound, QObject::tr("That household enrollment no longer exists."));
        for (const Enrollment& e : *household) {
            if (e.clientUuid == m.clientUuid && e.isActive())
                return refuse(QObject::tr("This person is already enrolled in this household."));
        }
        if (m.isHead() && activeHeads(*household) > 0)
            return refuse(QObject::tr("This household already has a head of household. Change the head "
                                      "first, or choose this person's relationship to the head."));
        auto project = loadProject(s, household->front().projectUuid);
        if (!project)
            return project.error();
        if (auto r = insertMember(s, m, *project, householdId, now); !r)
            return r;
        return NoSharingAlerts(m_vault).checkProject(project->uuid);
    });
    if (!st)
        return st.error();
    return m;
}

Status EnrollmentRecords::update(const Enrollment& input)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        auto stored = loadEnrollment(s, input.uuid);
        if (!stored)
            return stored.error();
        Enrollment e = input;
        // Identity, household and exit are changed only through their own operations.
        e.clientUuid = stored->clientUuid;
        e.projectUuid = stored->projectUuid;
        e.householdId = stored->householdId;
        e.exitDate = stored->exitDate;
        e.createdAt = stored->createdAt;
        e.updatedAt = now;
        e.updatedBy = m_vault.user()->login;
        if (e.isHead() != stored->isHead())
            return refuse(QObject::tr("Use \"Change head of household\" to choose a different head."));
        auto project = loadProject(s, e.projectUuid);
        if (!project)
            return project.error();
        if (auto r = refuseEntryDate(e, *project, now.toLocalTime().date()); !r)
            return r;
        if (auto r = refuseImpossibleEntry(s, e, *project, now.toLocalTime().date()); !r)
            return r;
        if (e.exitDate && *e.exitDate < e.entryDate)
            return refuse(QObject::tr("The project start date cannot be after the exit date (%1).")
                              .arg(displayDate(*e.exitDate)));
        if (auto r = refuseOverlap(s, e); !r)
            return r;
        if (auto r = EnrollmentRepository(s).update(e); !r)
            return r;
        return m_vault.openStore().recordChange(kEnrollmentEntity, e.uuid, QStringLiteral("update"),
                                                intake_json::toJson(e), audit::RecordEdit);
    });
}

Status EnrollmentRecords::changeHead(const QString& householdId, const QString& newHeadUuid, int formerHeadRelationship)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        return applyHeadChange(m_vault.openStore().store(), householdId, {newHeadUuid, formerHeadRelationship}, now);
    });
}

Status EnrollmentRecords::applyHeadChange(Store& s, const QString& householdId, const HeadChange& change,
                                          const QDateTime& now)
{
    if (change.formerHeadRelationship == kSelf)
        return refuse(QObject::tr("Choose the former head's relationship to the new head."));
    EnrollmentRepository repo(s);
    auto household = repo.forHousehold(householdId);
    if (!household)
        return household.error();
    auto target = std::find_if(household->begin(), household->end(),
                               [&](const Enrollment& e) { return e.uuid == change.newHeadUuid; });
    if (target == household->end())
        return makeError(ErrorCode::NotFound, QObject::tr("That person is not in this household."));
    if (!target->isActive())
        return refuse(QObject::tr("An exited member cannot become the head of household. Reopen their "
                                  "enrollment first."));
    if (target->isHead())
        return {};
    const auto former = std::find_if(household->begin(), household->end(),
                                     [](const Enrollment& e) { return e.isActive() && e.isHead(); });
    if (former != household->end()) {
        const auto memberOf = [&s](const Enrollment& e) -> Result<household::Member> {
            auto client = ClientRepository(s).find(e.clientUuid);
            if (!client)
                return client.error();
            return household::Member {e, *client ? (*client)->dob : std::nullopt};
        };
        auto newHead = memberOf(*target);
        auto formerHead = memberOf(*former);
        if (!newHead || !formerHead)
            return !newHead ? newHead.error() : formerHead.error();
        if (auto st = household::plausibleHeadChange(*newHead, *formerHead, change.formerHeadRelationship); !st)
            return st;
    }
    for (Enrollment& e : *household) {
        const bool wasHead = e.isActive() && e.isHead();
        const bool becomesHead = e.uuid == change.newHeadUuid;
        if (!wasHead && !becomesHead)
            continue;
        e.relationshipToHoH = becomesHead ? kSelf : change.formerHeadRelationship;
        e.updatedAt = now;
        e.updatedBy = m_vault.user()->login;
        if (auto r = repo.update(e); !r)
            return r;
        if (auto r = m_vault.openStore().recordChange(kEnrollmentEntity, e.uuid, QStringLiteral("update"),
                                                      intake_json::toJson(e), audit::HouseholdHeadChange);
            !r)
            return r;
    }
    return {};
}

Status EnrollmentRecords::exit(const std::vector<ExitRequest>& exits, const std::optional<HeadChange>& headChange)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    if (exits.empty())
        return refuse(QObject::tr("Choose who is leaving."));
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        EnrollmentRepository repo(s);
        if (headChange) {
            auto first = loadEnrollment(s, exits.front().enrollmentUuid);
            if (!first)
                return first.error();
            if (auto st = applyHeadChange(s, first->householdId, *headChange, now); !st)
                return st;
        }
        QSet<QString> leaving;
        for (const ExitRequest& x : exits)
            leaving.insert(x.enrollmentUuid);
        for (const ExitRequest& x : exits) {
            auto loaded = loadEnrollment(s, x.enrollmentUuid);
            if (!loaded)
                return loaded.error();
            Enrollment e = *loaded;
            if (!e.isActive())
                return refuse(QObject::tr("This enrollment was already exited on %1.").arg(displayDate(*e.exitDate)));
            if (!x.exitDate.isValid())
                return refuse(QObject::tr("Enter the project exit date."));
            if (x.exitDate < e.entryDate)
                return refuse(QObject::tr("The exit date (%1) is before the project start date (%2).")
                                  .arg(displayDate(x.exitDate), displayDate(e.entryDate)));
            if (x.exitDate > now.toLocalTime().date())
                return refuse(QObject::tr("The exit date cannot be in the future."));
            if (e.isHead()) {
                auto household = repo.forHousehold(e.householdId);
                if (!household)
                    return household.error();
                if (auto r = household::canExit(QList<Enrollment>(household->begin(), household->end()),
                                                QStringList(leaving.begin(), leaving.end()));
                    !r)
                    return r;
            }
            e.exitDate = x.exitDate;
            e.destination = x.destination;
            e.exitValues = x.exitValues;
            e.assessments.erase(std::remove_if(e.assessments.begin(), e.assessments.end(),
                                               [](const Assessment& a) { return a.dataCollectionStage == 3; }),
                                e.assessments.end());
            for (Assessment a : x.exitAssessments) {
                a.dataCollectionStage = 3;
                e.assessments.append(a);
            }
            e.updatedAt = now;
            e.updatedBy = m_vault.user()->login;
            if (auto r = repo.update(e); !r)
                return r;
            if (auto r = m_vault.openStore().recordChange(kEnrollmentEntity, e.uuid, QStringLiteral("update"),
                                                          intake_json::toJson(e), audit::Exit);
                !r)
                return r;
        }
        return {};
    });
}

Status EnrollmentRecords::reopen(const QString& enrollmentUuid, bool clearExitData)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st;
    if (clearExitData) {
        if (auto st = m_vault.require(Permission::ClearExitData); !st)
            return st;
    }
    const QDateTime now = m_vault.clock().now();
    return m_vault.openStore().write([&]() -> Status {
        Store& s = m_vault.openStore().store();
        EnrollmentRepository repo(s);
        auto loaded = loadEnrollment(s, enrollmentUuid);
        if (!loaded)
            return loaded.error();
        Enrollment e = *loaded;
        if (e.isActive())
            return refuse(QObject::tr("This enrollment is already open."));
        if (e.isHead()) {
            auto household = repo.forHousehold(e.householdId);
            if (!household)
                return household.error();
            if (activeHeads(*household) > 0)
                return refuse(QObject::tr("This household has a new head of household. Reopening this "
                                          "enrollment would give it two; change the other head first."));
        }
        e.exitDate.reset();
        if (auto r = refuseOverlap(s, e); !r)
            return r;
        if (clearExitData) {
            e.destination.reset();
            e.exitValues = {};
            e.assessments.erase(std::remove_if(e.assessments.begin(), e.assessments.end(),
                                               [](const Assessment& a) { return a.dataCollectionStage == 3; }),
                                e.assessments.end());
        }
        e.updatedAt = now;
        e.updatedBy = m_vault.user()->login;
        if (auto r = repo.update(e); !r)
            return r;
        if (auto r = m_vault.openStore().recordChange(kEnrollmentEntity, e.uuid, QStringLiteral("update"),
                                                      intake_json::toJson(e),
                                                      clearExitData ? audit::ClearExitData : audit::Reopen);
            !r)
            return r;
        return NoSharingAlerts(m_vault).checkProject(e.projectUuid);
    });
}

Result<Enrollment> EnrollmentRecords::find(const QString& uuid) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return loadEnrollment(m_vault.openStore().store(), uuid);
}

Result<std::vector<Enrollment>> EnrollmentRecords::forClient(const QString& clientUuid) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return EnrollmentRepository(m_vault.openStore().store()).forClient(clientUuid);
}

Result<std::vector<Enrollment>> EnrollmentRecords::household(const QString& householdId) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return EnrollmentRepository(m_vault.openStore().store()).forHousehold(householdId);
}

Result<std::vector<Enrollment>> EnrollmentRecords::activeInProject(const QString& projectUuid, const QDate& day) const
{
    if (auto st = m_vault.require(Permission::ViewClientProfile); !st)
        return st.error();
    return EnrollmentRepository(m_vault.openStore().store()).activeInProject(projectUuid, day);
}

} // namespace hearth
