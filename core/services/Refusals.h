#pragma once

#include "core/common/Result.h"
#include "core/intake/QualityFinding.h"

#include <QStringList>

namespace hearth {

/// InvalidInput naming every refused finding (impossible data); OK when there is none.
/// Warnings are not errors: the screens show them and the user may go on.
inline Status refusalOf(const QualityFindings& findings)
{
    QStringList messages;
    for (const QualityFinding& f : findings) {
        if (f.isRefusal())
            messages.append(f.message);
    }
    if (messages.isEmpty())
        return {};
    return makeError(ErrorCode::InvalidInput, messages.join(u'\n'));
}

} // namespace hearth
