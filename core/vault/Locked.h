#pragma once
// The one answer every part of the vault, and every service, gives while nobody is signed in.

#include "core/common/Result.h"

#include <QObject>

namespace hearth {

inline Error lockedError()
{
    return makeError(ErrorCode::Locked, QObject::tr("Hearth is locked. Sign in first."));
}

} // namespace hearth
