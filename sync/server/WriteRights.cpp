#include "server/WriteRights.h"

#include "protocol/Protocol.h"
#include "server/Accounts.h"
#include "server/BatchLookups.h"

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

} // namespace hearth::server::write_rights
