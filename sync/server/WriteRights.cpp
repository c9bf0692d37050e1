#include "sync/server/WriteRights.h"

#include "sync/protocol/Protocol.h"
#include "sync/server/Accounts.h"
#include "sync/server/BatchLookups.h"

namespace hearth::server::write_rights {

namespace ec = sync::error_code;

bool unowned(const ClientConsentState& consent)
{
    return !consent.known || (consent.ownerAgency.isEmpty() && !consent.scope);
}

std::optional<Failure> refusal(const Caller& caller, const sync::Change& change, const StoredRecord* stored,
                               const ClientConsentState* consent)
{
    if (consent && change.entity == u"client") {
        if (unowned(*consent) || consent->authority().ownedBy(caller))
            return std::nullopt;
        return Failure {ec::NotRecordOwner,
                        QStringLiteral("Only the agency that entered this client can change or delete their profile.")};
    }
    if (consent && change.entity == u"consent") {
        // A release record is a release: only the owner records one (another agency's would be adopted by the
        // owner's workstations as the client's newest), and it is the release its id says.
        if (change.operation != u"delete" && change.fields.value(u"ReleaseID").toString() != change.uuid)
            return Failure {ec::ConsentInvalid, QStringLiteral("A release record's ReleaseID must be its own id.")};
        if (unowned(*consent) || consent->authority().ownedBy(caller))
            return std::nullopt;
        return Failure {ec::NotRecordOwner,
                        QStringLiteral("Only the agency that entered this client records or changes their release.")};
    }
    if (!stored)
        return std::nullopt; // a new record is the caller's own
    const ClientAuthority client = consent ? consent->authority() : ClientAuthority {};
    if (entered(caller, stored->agencyCode, consent ? &client : nullptr))
        return std::nullopt;
    return Failure {ec::NotRecordOwner,
                    QStringLiteral("This %1 was entered by another agency; only that agency can change or delete it.")
                        .arg(change.entity)};
}

std::optional<Failure> consentRefusal(const Caller& caller, const sync::Change& change,
                                      const ClientConsentState& consent)
{
    const QJsonObject reference = change.fields.value(u"Consent").toObject();
    if (reference.isEmpty() || unowned(consent) || consent.authority().ownedBy(caller))
        return std::nullopt;
    const QString releaseId = reference.value(u"ReleaseID").toString();
    const auto held = consent.releaseReferences.constFind(releaseId);
    const bool known = consent.releases.contains(releaseId);
    if (known && (held == consent.releaseReferences.cend() || *held == reference))
        return std::nullopt;
    return Failure {ec::ConsentNotYours,
                    QStringLiteral("Only the agency that entered this client can record or change their release; "
                                   "this change carries a release the server does not hold from that agency.")};
}

std::optional<Failure> identifyingRefusal(const sync::Change& change, const ClientConsentState& consent)
{
    if (!consent.scope || consent.scope->allowsIdentifyingData())
        return std::nullopt;
    for (const QString& field : sync::identifyingFields()) {
        const QJsonValue value = change.fields.value(field);
        if (value.isString() ? !value.toString().isEmpty() : !(value.isUndefined() || value.isNull()))
            return Failure {ec::IdentifyingNotConsented,
                            QStringLiteral("The client's release on the server does not share who they are, yet the "
                                           "record carries %1.")
                                .arg(field)};
    }
    return std::nullopt;
}

} // namespace hearth::server::write_rights
