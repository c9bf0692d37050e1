#include "core/services/ConsentGate.h"

#include "core/consent/OutgoingKind.h"
#include "core/intake/IntakeJson.h"
#include "core/store/ConsentRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/HeldBackRepository.h"
#include "core/store/Store.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/Locked.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QObject>
#include <QSet>

namespace hearth {

namespace {
std::optional<QDate> dateField(const QJsonObject& fields, QStringView key)
{
    const QDate d = QDate::fromString(fields.value(key).toString(), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

Disclosure withheld(Disclosure::Reason reason, const QString& explanation)
{
    return {Disclosure::Form::Withheld, reason, {}, explanation};
}

/// One status per client, each history loaded once per call.
Result<QHash<QString, ConsentStatus>> statusesOf(Store& store, const QSet<QString>& clients, const QDate& today)
{
    auto histories = ConsentRepository(store).forClients(QStringList(clients.begin(), clients.end()));
    if (!histories)
        return histories.error();
    QHash<QString, ConsentStatus> out;
    for (const QString& client : clients)
        out.insert(client, consentStatus(histories->value(client), today));
    return out;
}
/// What a pulled delete or restriction left here (HeldBackRepository): not shared again until an
/// administrator decides, or, for a client taken off the server, until they sign a release after that.
struct HeldBack
{
    QHash<QString, QDateTime> records;
    QHash<QString, QDateTime> clients;

    bool holds(const QString& uuid, const QString& client, const ConsentStatus& status) const
    {
        if (records.contains(uuid) && !clients.contains(client))
            return true;
        const auto since = clients.constFind(client);
        return since != clients.cend() && !(status.current && status.current->recordedAt > *since);
    }
};

Result<HeldBack> heldBackIn(Store& store)
{
    HeldBackRepository repo(store);
    auto records = repo.heldRecords();
    if (!records)
        return records.error();
    auto clients = repo.heldClients();
    if (!clients)
        return clients.error();
    return HeldBack {std::move(*records), std::move(*clients)};
}

Disclosure heldBackDisclosure()
{
    return withheld(Disclosure::Reason::HeldBack,
                    QObject::tr("Kept on this workstation after the server removed it; an administrator decides."));
}

/// A household whose members do not all go to @p audience: the shared members' enrollments must not
/// reveal the others, so their household id and relationship are stripped (a household of one shows
/// nothing either way). @p statuses gains the members' statuses it reads.
Status unlinkWithheldHouseholds(Store& store, const ConsentPolicy& policy, const Audience& audience, const QDate& today,
                                QHash<QString, ConsentStatus>& statuses, std::vector<Disclosure>& out)
{
    static const QString kHousehold = QStringLiteral("HouseholdID");
    QHash<QString, bool> complete; // household id -> every member goes
    for (Disclosure& d : out) {
        const QString household = d.fields.value(kHousehold).toString();
        if (!d.allowed() || household.isEmpty())
            continue;
        if (!complete.contains(household)) {
            auto members = EnrollmentRepository(store).forHousehold(household);
            if (!members)
                return members.error();
            QSet<QString> unknown;
            for (const Enrollment& e : *members)
                if (!statuses.contains(e.clientUuid))
                    unknown.insert(e.clientUuid);
            if (!unknown.isEmpty()) {
                auto more = statusesOf(store, unknown, today);
                if (!more)
                    return more.error();
                statuses.insert(*more);
            }
            bool all = true;
            for (const Enrollment& e : *members) {
                OutgoingRecord r;
                r.kind = OutgoingRecord::Kind::Enrollment;
                r.uuid = e.uuid;
                r.clientUuid = e.clientUuid;
                r.fields = intake_json::toJson(e);
                r.occurredOn = e.entryDate;
                all = all && policy.decide(statuses.value(e.clientUuid), r, audience).allowed();
            }
            complete.insert(household, all);
        }
        if (!complete.value(household)) {
            d.fields.remove(kHousehold);
            d.fields.remove(QStringLiteral("RelationshipToHoH"));
        }
    }
    return {};
}
} // namespace

Result<std::vector<Disclosure>> ConsentGate::review(const std::vector<ChangeRecord>& changes,
                                                    const Audience& audience) const
{
    if (m_vault.state() != Vault::State::Unlocked || !m_vault.openStore().isOpen())
        return lockedError();
    Store& s = m_vault.openStore().store();
    ConsentRepository repo(s);
    // Build what would leave; a change the policy cannot place (unknown entity, row gone) stays empty.
    std::vector<std::optional<OutgoingRecord>> records;
    records.reserve(changes.size());
    for (const ChangeRecord& change : changes) {
        const auto kind = outgoingKindOf(change.entity);
        if (!kind) {
            records.emplace_back();
            continue;
        }
        OutgoingRecord r;
        r.kind = *kind;
        r.uuid = change.entityUuid;
        r.fields = change.fields;
        r.changedAt = change.changedAt;
        r.clientUuid = *kind == OutgoingRecord::Kind::ClientProfile ? change.entityUuid
                                                                    : change.fields.value(u"PersonalID").toString();
        if (*kind == OutgoingRecord::Kind::Enrollment)
            r.occurredOn = dateField(change.fields, u"EntryDate");
        else if (*kind == OutgoingRecord::Kind::Service)
            r.occurredOn = dateField(change.fields, u"DateProvided");
        // A delete carries no fields, and a service's enrollment date is not in its own: read the row.
        const bool needsRow = r.clientUuid.isEmpty() || *kind == OutgoingRecord::Kind::Service
            || (*kind == OutgoingRecord::Kind::Enrollment && !r.occurredOn);
        if (needsRow) {
            auto owner = repo.ownerOf(change.entity, change.entityUuid);
            if (!owner)
                return owner.error();
            if (!owner->has_value()) {
                records.emplace_back();
                continue;
            }
            if (r.clientUuid.isEmpty())
                r.clientUuid = (*owner)->clientUuid;
            if (!r.occurredOn)
                r.occurredOn = (*owner)->occurredOn;
            r.parentOccurredOn = (*owner)->parentOccurredOn;
        }
        records.push_back(std::move(r));
    }

    QSet<QString> clients;
    for (const auto& r : records) {
        if (r)
            clients.insert(r->clientUuid);
    }
    auto statuses = statusesOf(s, clients, m_vault.clock().today());
    if (!statuses)
        return statuses.error();
    auto agency = m_vault.settings().agency();
    if (!agency)
        return agency.error();
    const ConsentPolicy policy(agency->name);
    std::vector<Disclosure> out;
    out.reserve(changes.size());
    auto held = heldBackIn(s);
    if (!held)
        return held.error();
    for (const auto& r : records) {
        if (!r)
            out.push_back(
                withheld(Disclosure::Reason::LocalOnly, QObject::tr("Hearth does not share this kind of record.")));
        else if (audience.kind != Audience::Kind::AgencyInternal
                 && held->holds(r->uuid, r->clientUuid, statuses->value(r->clientUuid)))
            out.push_back(heldBackDisclosure());
        else
            out.push_back(policy.decide(statuses->value(r->clientUuid), *r, audience));
    }
    if (auto st = unlinkWithheldHouseholds(s, policy, audience, m_vault.clock().today(), *statuses, out); !st)
        return st.error();
    return out;
}

Result<std::vector<Disclosure>> ConsentGate::review(const std::vector<OutgoingRecord>& records,
                                                    const Audience& audience) const
{
    if (m_vault.state() != Vault::State::Unlocked || !m_vault.openStore().isOpen())
        return lockedError();
    QSet<QString> clients;
    for (const OutgoingRecord& r : records)
        clients.insert(r.clientUuid);
    auto statuses = statusesOf(m_vault.openStore().store(), clients, m_vault.clock().today());
    if (!statuses)
        return statuses.error();
    auto agency = m_vault.settings().agency();
    if (!agency)
        return agency.error();
    const ConsentPolicy policy(agency->name);
    std::vector<Disclosure> out;
    out.reserve(records.size());
    auto held = heldBackIn(m_vault.openStore().store());
    if (!held)
        return held.error();
    for (const OutgoingRecord& r : records)
        out.push_back(audience.kind != Audience::Kind::AgencyInternal
                              && held->holds(r.uuid, r.clientUuid, statuses->value(r.clientUuid))
                          ? heldBackDisclosure()
                          : policy.decide(statuses->value(r.clientUuid), r, audience));
    if (auto st = unlinkWithheldHouseholds(m_vault.openStore().store(), policy, audience, m_vault.clock().today(),
                                           *statuses, out);
        !st)
        return st.error();
    return out;
}

} // namespace hearth
