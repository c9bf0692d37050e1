#include "session/ConsentGate.h"

#include "consent/OutgoingKind.h"
#include "session/Vault.h"
#include "store/ConsentRepository.h"
#include "store/Store.h"

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
} // namespace

Result<std::vector<Disclosure>> ConsentGate::review(const std::vector<ChangeRecord>& changes,
                                                    const Audience& audience) const
{
    if (m_vault.state() != Vault::State::Unlocked || !m_vault.store())
        return makeError(ErrorCode::Locked, QObject::tr("Hearth is locked. Sign in first."));
    Store& s = *m_vault.store();
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
    auto agency = m_vault.agency();
    if (!agency)
        return agency.error();
    const ConsentPolicy policy(agency->name);
    std::vector<Disclosure> out;
    out.reserve(changes.size());
    for (const auto& r : records) {
        if (!r)
            out.push_back(
                withheld(Disclosure::Reason::LocalOnly, QObject::tr("Hearth does not share this kind of record.")));
        else
            out.push_back(policy.decide(statuses->value(r->clientUuid), *r, audience));
    }
    return out;
}

Result<std::vector<Disclosure>> ConsentGate::review(const std::vector<OutgoingRecord>& records,
                                                    const Audience& audience) const
{
    if (m_vault.state() != Vault::State::Unlocked || !m_vault.store())
        return makeError(ErrorCode::Locked, QObject::tr("Hearth is locked. Sign in first."));
    QSet<QString> clients;
    for (const OutgoingRecord& r : records)
        clients.insert(r.clientUuid);
    auto statuses = statusesOf(*m_vault.store(), clients, m_vault.clock().today());
    if (!statuses)
        return statuses.error();
    auto agency = m_vault.agency();
    if (!agency)
        return agency.error();
    const ConsentPolicy policy(agency->name);
    std::vector<Disclosure> out;
    out.reserve(records.size());
    for (const OutgoingRecord& r : records)
        out.push_back(policy.decide(statuses->value(r.clientUuid), r, audience));
    return out;
}

} // namespace hearth
