#pragma once

#include "core/consent/ConsentPolicy.h"

#include <QString>

namespace hearth::consent_wording {

/// Why @p record was withheld or reduced for @p audience, in one plain sentence.
QString disclosureExplanation(Disclosure::Reason reason, Disclosure::Form form, const ConsentStatus& status,
                              const OutgoingRecord& record, const Audience& audience, const QString& enteringAgency);

} // namespace hearth::consent_wording
