#include "core/syncstate/SyncInbox.h"

#include "core/consent/ConsentJson.h"
#include "core/consent/OutgoingKind.h"
#include "core/intake/IntakeJson.h"
#include "core/services/ConsentGate.h"
#include "core/store/ChangeLog.h"
#include "core/store/ClientRepository.h"
#include "core/store/ConsentRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/HeldBackRepository.h"
#include "core/store/ProjectRepository.h"
#include "core/store/ServiceRepository.h"
#include "core/store/Store.h"
#include "core/store/SyncConflictRepository.h"
#include "core/store/SyncStateRepository.h"
#include "core/store/SyncWaitingRepository.h"
#include "core/syncstate/InboxDrops.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/OpenStore.h"
#include "core/vault/SearchIndex.h"
#include "core/vault/Vault.h"

#include <QLoggingCategory>

#include <algorithm>

namespace hearth {

namespace {
Q_LOGGING_CATEGORY(lcInbox, "hearth.sync.inbox")

const QString kConsentKey = QStringLiteral("Consent");

/// Parents before children: a page applies projects, clients, releases, enrollments, then services.
int rank(const QString& entity)
{
    static const QStringList order {QStringLiteral("project"), QStringLiteral("client"), QStringLiteral("consent"),
                                    QStringLiteral("enrollment"), QStringLiteral("service")};
    const qsizetype at = order.indexOf(entity);
    return at < 0 ? int(order.size()) : int(at);
}

/// NOT NULL text columns: what the server did not send is stored as ''.
void fill(QString& s)
{
    if (s.isNull())
        s = QStringLiteral("");
}

/// Stamps the server did not send (NOT NULL columns) read as the time of the pull.
void stamp(QDateTime& createdAt, QDateTime& updatedAt, QString& updatedBy, const QDateTime& now)
{
    if (!createdAt.isValid())
        createdAt = now;
    if (!updatedAt.isValid())
        updatedAt = createdAt;
    fill(updatedBy);
}

/// The local record's JSON (the form the change log carries), or nothing when this workstation lacks it.
Result<std::optional<QJsonObject>> localJson(Store& s, const QString& entity, const QString& uuid)
{
    using Found = std::optional<QJsonObject>;
    if (entity == u"client") {
        auto found = ClientRepository(s).find(uuid);
        if (!found)
            return found.error();
        return *found ? Found(intake_json::toJson(**found)) : Found();
    }
    if (entity == u"consent") {
        auto found = ConsentRepository(s).find(uuid);
        if (!found)
            return found.error();
        return *found ? Found(consent_json::toJson(**found)) : Found();
    }
    if (entity == u"enrollment") {
        auto found = EnrollmentRepository(s).find(uuid);
        if (!found)
            return found.error();
        return *found ? Found(intake_json::toJson(**found)) : Found();
    }
    if (entity == u"service") {
        auto found = ServiceRepository(s).find(uuid);
        if (!found)
            return found.error();
        return *found ? Found(intake_json::toJson(**found)) : Found();
    }
    return Found();
}

/// True when every field the server sent (its consent reference aside) has the same value here.
bool holdsAll(const QJsonObject& local, const QJsonObject& incoming)
{
    for (auto it = incoming.constBegin(); it != incoming.constEnd(); ++it)
        if (it.key() != kConsentKey && local.value(it.key()) != it.value())
            return false;
    return true;
}

QString clientOf(const InboundRecord& r)
{
    return r.entity == u"client" ? r.uuid : r.fields.value(u"PersonalID").toString();
}

/// One page's work inside its transaction.
class PageApply
{
public:
    PageApply(Vault& vault, Store& store, qint64 pushCursor, InboxOutcome& outcome)
        : m_vault(vault)
        , m_store(store)
        , m_pushCursor(pushCursor)
        , m_outcome(outcome)
        , m_now(vault.clock().now())
    {
    }

    /// Reads once per page what each record's rules need: local edits not yet pushed, known server
    /// versions, waiting records, the local records and what this workstation would send of them (the
    /// echo test). An echo then costs no further read or write.
    Status prepare(const std::vector<InboundRecord>& records, const std::vector<InboundRecord>& waiting)
    {
        auto pending = ChangeLog(m_store).changedAfter(m_pushCursor);
        if (!pending)
            return pending.error();
        m_pending = std::move(*pending);
        auto disputed = SyncConflictRepository(m_store).all();
        if (!disputed)
            return disputed.error();
        for (const SyncConflict& c : *disputed)
            m_disputed.insert(c.entityUuid + u'/' + c.field, c.deviceValue);
        QStringList uuids;
        for (const InboundRecord& r : records)
            uuids << r.uuid;
        for (const InboundRecord& r : waiting) {
            uuids << r.uuid;
            m_waiting.insert(r.uuid);
        }
        auto known = SyncStateRepository(m_store).serverVersions(uuids);
        if (!known)
            return known.error();
        m_known = std::move(*known);

        std::vector<OutgoingRecord> outgoing;
        for (const InboundRecord& r : records) {
            const auto kind = outgoingKindOf(r.entity);
            if (!kind || (r.operation != u"insert" && r.operation != u"update"))
                continue;
            auto local = localJson(m_store, r.entity, r.uuid);
            if (!local)
                return local.error();
            m_local.insert(r.uuid, *local);
            if (!*local || holdsAll(**local, r.fields))
                continue; // nothing to apply whatever the policy would send: spare the gate (most echoes)
            OutgoingRecord o;
            o.kind = *kind;
            o.uuid = r.uuid;
            o.clientUuid = r.entity == u"client" ? r.uuid : (*local)->value(u"PersonalID").toString();
            o.fields = **local;
            o.changedAt = QDateTime::fromString((*local)->value(u"DateUpdated").toString(), Qt::ISODateWithMs);
            const QDate day = QDate::fromString(
                (*local)->value(r.entity == u"enrollment" ? u"EntryDate" : u"DateProvided").toString(), Qt::ISODate);
            if (day.isValid())
                o.occurredOn = day;
            outgoing.push_back(std::move(o));
        }
        QStringList newClients;
        for (const InboundRecord& r : records)
            if (r.entity == u"client" && m_local.contains(r.uuid) && !m_local.value(r.uuid))
                newClients << r.uuid;
        auto dropped = ClientRepository(m_store).droppedAmong(newClients);
        if (!dropped)
            return dropped.error();
        m_dropped = std::move(*dropped);
        if (outgoing.empty())
            return {};
        auto answers = ConsentGate(m_vault).review(outgoing, Audience::centralServer());
        if (!answers)
            return answers.error();
        for (size_t i = 0; i < outgoing.size(); ++i) {
            QJsonObject sent = (*answers)[i].allowed() ? (*answers)[i].fields : outgoing[i].fields;
            sent.remove(kConsentKey);
            m_wouldSend.insert(outgoing[i].uuid, sent);
        }
        return {};
    }

    /// Applies one record inside a savepoint: a record the store refuses is skipped, not the page.
    Status applyGuarded(const InboundRecord& r)
    {
        Database& db = m_store.db();
        if (auto st = db.exec(QStringLiteral("SAVEPOINT inbox_record")); !st)
            return st;
        Status st = apply(r);
        if (!st) {
            qCWarning(lcInbox) << "a pulled" << r.entity << "was refused by the store:" << int(st.error().code);
            if (auto back = db.exec(QStringLiteral("ROLLBACK TO inbox_record")); !back)
                return back;
            ++m_outcome.failed;
        }
        return db.exec(QStringLiteral("RELEASE inbox_record"));
    }

    /// The page's server versions, in one statement (after the records, inside the page's transaction).
    Status saveVersions()
    {
        Status st = SyncStateRepository(m_store).saveServerVersions(m_versions);
        m_versions.clear();
        return st;
    }

    std::vector<ClientProfile> indexed;
    QStringList unindexed;
    /// Audit details of records kept after the server removed them (client, detail): SyncInbox writes them.
    std::vector<std::pair<QString, QString>> heldBackNotes;

private:
    Result<ConsentStatus> standingOf(const QString& client)
    {
        if (auto cached = m_standing.constFind(client); cached != m_standing.cend())
            return *cached;
        auto history = ConsentRepository(m_store).forClient(client);
        if (!history)
            return history.error();
        const ConsentStatus status = consentStatus(*history, m_vault.clock().today());
        m_standing.insert(client, status);
        return status;
    }

    Status apply(const InboundRecord& r)
    {
        if (r.entity == u"project")
            return applyProject(r);
        QString client = clientOf(r);
        if (client.isEmpty()) {
            // A tombstone carries no fields: whose record it is, this workstation knows (or never held it).
            auto owner = ConsentRepository(m_store).ownerOf(r.entity, r.uuid);
            if (!owner)
                return owner.error();
            if (!*owner) {
                ++m_outcome.unchanged;
                return unpark(r);
            }
            client = (*owner)->clientUuid;
        }
        auto standing = standingOf(client);
        if (!standing)
            return standing.error();
        if (standing->standing == ConsentStatus::Standing::NoSharing
            || standing->standing == ConsentStatus::Standing::Revoked) {
            // Local consent is authoritative: nothing from the server touches this client here.
            ++m_outcome.ignored;
            return unpark(r);
        }
        if (r.operation == u"delete" || r.operation == u"restrict")
            return drop(r, client);
        if (r.operation != u"insert" && r.operation != u"update")
            return {};
        // A record held here belongs to the client it was entered under, whatever the server names.
        if (r.entity != u"client") {
            auto owner = ConsentRepository(m_store).ownerOf(r.entity, r.uuid);
            if (!owner)
                return owner.error();
            if (*owner && (*owner)->clientUuid != client) {
                qCWarning(lcInbox) << "a pulled" << r.entity << "names another client than the one it has here";
                ++m_outcome.failed;
                return unpark(r);
            }
        }
        if (m_pending.contains(r.uuid)) {
            // Not yet pushed: keep the local values and the older base; the push lets the server merge.
            ++m_outcome.keptLocal;
            return unpark(r);
        }
        if (m_known.value(r.uuid, 0) > r.version) {
            ++m_outcome.unchanged;
            return unpark(r);
        }
        auto parent = parentReady(r, client);
        if (!parent)
            return parent.error();
        if (!*parent) {
            ++m_outcome.waiting;
            m_waiting.insert(r.uuid);
            return SyncWaitingRepository(m_store).save(r, client);
        }
        auto local = m_local.contains(r.uuid) ? Result<std::optional<QJsonObject>>(m_local.value(r.uuid))
                                              : localJson(m_store, r.entity, r.uuid);
        if (!local)
            return local.error();
        QJsonObject incoming = r.fields;
        incoming.remove(kConsentKey);
        QJsonObject merged = incoming;
        if (*local) {
            const QJsonObject wouldSend = m_wouldSend.value(r.uuid, **local);
            merged = **local;
            bool changed = false;
            for (auto it = incoming.constBegin(); it != incoming.constEnd(); ++it) {
                if (wouldSend.value(it.key()) == it.value())
                    continue; // as this workstation holds (or would send) it
                // A removal the consent asked for (an explicit null) never clears what is held here.
                if (it.value().isNull() && !wouldSend.contains(it.key()))
                    continue;
                // The value this workstation pushed into an open conflict stays until a person settles it.
                if (m_disputed.contains(r.uuid + u'/' + it.key(), merged.value(it.key())))
                    continue;
                merged.insert(it.key(), it.value());
                changed = true;
            }
            if (!changed) {
                ++m_outcome.unchanged;
                return finish(r);
            }
        }
        if (auto st = write(r.entity, merged, local->has_value()); !st)
            return st;
        if (r.entity == u"consent")
            m_standing.remove(client);
        ++m_outcome.applied;
        return finish(r);
    }

    /// A pulled delete or restriction. What came from the server goes; what was entered or edited here
    /// stays, held back from sharing, and the event is audited for an administrator to decide.
    Status drop(const InboundRecord& r, const QString& client)
    {
        HeldBackRepository held(m_store);
        const bool wholeClient = r.entity == u"client" && r.operation == u"restrict";
        int kept = 0;
        if (wholeClient) {
            if (auto st = inbox_drops::dropClient(m_store, client, m_now); !st)
                return st;
            auto holding = held.holdClient(client, m_now);
            if (!holding)
                return holding.error();
            kept = *holding;
        } else {
            auto local = ChangeLog(m_store).writtenHere(r.uuid);
            if (!local)
                return local.error();
            if (*local) {
                if (auto st = held.hold(r.entity, r.uuid, client, QStringLiteral("deleted"), m_now); !st)
                    return st;
                kept = 1;
            } else if (auto st = inbox_drops::dropRecord(m_store, r.entity, r.uuid, m_now); !st) {
                return st;
            }
        }
        if (kept > 0) {
            ++m_outcome.heldBack;
            heldBackNotes.push_back({client,
                                     QStringLiteral("the server %1 it; %2 record(s) entered here are kept, "
                                                    "not shared")
                                         .arg(wholeClient ? QStringLiteral("restricted") : r.entity + u" deleted")
                                         .arg(kept)});
        }
        if (r.entity == u"client" && kept == 0)
            unindexed << client;
        m_standing.remove(client);
        m_present.remove(wholeClient ? client : r.uuid);
        ++m_outcome.dropped;
        return {};
    }

    /// The record becomes the base of later pushes at the server's version.
    Status finish(const InboundRecord& r)
    {
        if (auto st = unpark(r); !st)
            return st;
        if (m_known.value(r.uuid, 0) < r.version) {
            m_versions.push_back({r.entity, r.uuid, r.version, r.serverSeq});
            m_known.insert(r.uuid, r.version);
        }
        return {};
    }

    /// A record that waited for its parent has been dealt with.
    Status unpark(const InboundRecord& r)
    {
        if (!m_waiting.contains(r.uuid))
            return {};
        m_waiting.remove(r.uuid);
        return SyncWaitingRepository(m_store).remove(r.uuid);
    }

    /// False when the record's client (or a service's enrollment) is not here yet; an enrollment's
    /// project, which sync never carries, is added as an archived placeholder.
    Result<bool> parentReady(const InboundRecord& r, const QString& client)
    {
        if (r.entity == u"client")
            return true;
        if (!m_present.contains(client)) {
            auto exists = ClientRepository(m_store).exists(client);
            if (!exists || !*exists)
                return exists;
            m_present.insert(client);
        }
        if (r.entity == u"service") {
            const QString enrollmentUuid = r.fields.value(u"EnrollmentID").toString();
            if (m_present.contains(enrollmentUuid))
                return true;
            auto enrollment = EnrollmentRepository(m_store).find(enrollmentUuid);
            if (!enrollment)
                return enrollment.error();
            if (enrollment->has_value())
                m_present.insert(enrollmentUuid);
            return enrollment->has_value();
        }
        if (r.entity == u"enrollment") {
            const QString projectUuid = r.fields.value(u"ProjectID").toString();
            if (m_present.contains(projectUuid))
                return true;
            auto project = ProjectRepository(m_store).find(projectUuid);
            if (!project)
                return project.error();
            m_present.insert(projectUuid);
            if (!*project) {
                Project p;
                p.uuid = projectUuid;
                p.name = QObject::tr("Project at another agency");
                p.createdAt = m_now;
                p.updatedAt = m_now;
                p.updatedBy = QStringLiteral("");
                if (auto st = ProjectRepository(m_store).insertPlaceholder(p); !st)
                    return st.error();
            }
        }
        return true;
    }

    Status write(const QString& entity, const QJsonObject& json, bool exists)
    {
        if (entity == u"client") {
            ClientProfile c = intake_json::clientFromJson(json);
            if (c.caseNumber.isEmpty())
                c.caseNumber = QString(); // NULL: the unique index allows many clients without one
            fill(c.firstName);
            fill(c.lastName);
            stamp(c.createdAt, c.updatedAt, c.updatedBy, m_now);
            ClientRepository clients(m_store);
            if (!exists && m_dropped.contains(c.uuid)) {
                auto revived = ClientRepository(m_store).revive(c.uuid);
                if (!revived)
                    return revived.error();
                exists = *revived;
            }
            Status st = exists ? clients.update(c) : clients.insert(c);
            if (st) {
                indexed.push_back(c);
                m_present.insert(c.uuid);
            }
            return st;
        }
        if (entity == u"consent") {
            ReleaseOfInformation release = consent_json::releaseFromJson(json);
            if (!release.recordedAt.isValid())
                release.recordedAt = m_now;
            ConsentRepository releases(m_store);
            return exists ? releases.update(release) : releases.insert(release);
        }
        if (entity == u"enrollment") {
            Enrollment e = intake_json::enrollmentFromJson(json);
            fill(e.householdId);
            stamp(e.createdAt, e.updatedAt, e.updatedBy, m_now);
            EnrollmentRepository enrollments(m_store);
            Status st = exists ? enrollments.update(e) : enrollments.insert(e);
            if (st)
                m_present.insert(e.uuid);
            return st;
        }
        if (entity == u"service") {
            ServiceRecord s = intake_json::serviceFromJson(json);
            stamp(s.createdAt, s.updatedAt, s.updatedBy, m_now);
            return exists ? ServiceRepository(m_store).replace(s) : ServiceRepository(m_store).insert(s);
        }
        return {};
    }

    Status applyProject(const InboundRecord& r)
    {
        if (r.operation != u"insert" && r.operation != u"update")
            return {};
        auto found = ProjectRepository(m_store).find(r.uuid);
        if (!found)
            return found.error();
        if (*found) {
            ++m_outcome.unchanged; // this agency's own projects are edited here, not by the server
            return finish(r);
        }
        Project p = intake_json::projectFromJson(r.fields);
        p.uuid = r.uuid;
        if (auto st = ProjectRepository(m_store).insertPlaceholder(p); !st)
            return st;
        ++m_outcome.applied;
        return finish(r);
    }

    Vault& m_vault;
    Store& m_store;
    qint64 m_pushCursor;
    InboxOutcome& m_outcome;
    QDateTime m_now;
    QHash<QString, ConsentStatus> m_standing;
    QHash<QString, QJsonObject> m_wouldSend;
    QHash<QString, std::optional<QJsonObject>> m_local; ///< as read before the page
    QHash<QString, qint64> m_known; ///< server versions this workstation holds
    QSet<QString> m_pending; ///< records with a local edit not yet pushed
    QMultiHash<QString, QJsonValue> m_disputed; ///< "uuid/field" of open conflicts: the device side's values
    QSet<QString> m_waiting; ///< records parked in sync_inbox_waiting
    QSet<QString> m_present; ///< clients, enrollments and projects known to be in the store
    QSet<QString> m_dropped; ///< clients of the page this workstation dropped before (rows marked deleted)
    std::vector<ServerVersion> m_versions; ///< to save at the end of the page
};

} // namespace

Result<qint64> SyncInbox::pullCursor() const
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    return SyncStateRepository(m_vault.openStore().store()).pullCursor();
}

Result<InboxOutcome> SyncInbox::applyPage(const std::vector<InboundRecord>& records, qint64 cursor)
{
    if (auto st = m_vault.require(Permission::EditClients); !st)
        return st.error();
    Store& s = m_vault.openStore().store();
    auto pushCursor = ChangeLog(s).cursor(SyncState::pushConsumer());
    if (!pushCursor)
        return pushCursor.error();
    std::vector<InboundRecord> ordered = records;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const InboundRecord& a, const InboundRecord& b) { return rank(a.entity) < rank(b.entity); });
    InboxOutcome outcome;
    PageApply page(m_vault, s, *pushCursor, outcome);
    Status st = m_vault.openStore().write([&]() -> Status {
        SyncWaitingRepository waitingRecords(s);
        auto waiting = waitingRecords.all();
        if (!waiting)
            return waiting.error();
        if (auto prepared = page.prepare(ordered, *waiting); !prepared)
            return prepared;
        for (const InboundRecord& r : ordered)
            if (auto applied = page.applyGuarded(r); !applied)
                return applied;
        // Records that waited for a parent this page may have brought (and those parked just now).
        waiting = waitingRecords.all();
        if (!waiting)
            return waiting.error();
        std::stable_sort(waiting->begin(), waiting->end(), [](const InboundRecord& a, const InboundRecord& b) {
            return rank(a.entity) < rank(b.entity);
        });
        const int stillWaiting = outcome.waiting;
        for (const InboundRecord& r : std::as_const(*waiting))
            if (auto applied = page.applyGuarded(r); !applied)
                return applied;
        outcome.waiting -= stillWaiting; // the retry counted them again
        if (auto saved = page.saveVersions(); !saved)
            return saved;
        if (auto saved = SyncStateRepository(s).setPullCursor(cursor, m_vault.clock().now()); !saved)
            return saved;
        for (const auto& [client, detail] : page.heldBackNotes)
            if (auto audited = m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncHeldBack),
                                                               QStringLiteral("client"), client, detail);
                !audited)
                return audited;
        if (outcome.received() == 0)
            return {};
        return m_vault.openStore().appendAudit(QString::fromLatin1(audit::SyncDownload), QStringLiteral("sync"), {},
                                               QStringLiteral("%1 records applied, %2 removed, through %3")
                                                   .arg(outcome.applied)
                                                   .arg(outcome.dropped)
                                                   .arg(cursor));
    });
    if (!st)
        return st.error();
    for (const ClientProfile& c : page.indexed)
        m_vault.searchIndex().add(c);
    for (const QString& uuid : std::as_const(page.unindexed))
        m_vault.searchIndex().remove(uuid);
    return outcome;
}

} // namespace hearth
