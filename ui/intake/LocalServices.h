#pragma once

// The local services live in core (reports name them too); the intake screens use them from here.
#include "core/intake/ServiceTypes.h"

namespace hearth::ui {

using hearth::kLocalServiceRecordType;
using hearth::LocalService;
using hearth::localServiceLabel;
using hearth::localServices;

} // namespace hearth::ui
