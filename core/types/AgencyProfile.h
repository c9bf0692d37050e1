#pragma once

// A value type: no store, no service.
#include "core/common/Result.h"

#include <QString>

namespace hearth {

/// @brief The agency a store belongs to: its name and HUD Continuum of Care code.
struct AgencyProfile
{
    QString name;
    QString cocCode; ///< HUD CoC code: two letters, a dash, three digits ("CA-504")

    /// Uppercases the CoC code; error names the field that is wrong. Defined in core/vault/AgencySettings.cpp.
    static Result<AgencyProfile> validated(const QString& name, const QString& cocCode);
};

} // namespace hearth
