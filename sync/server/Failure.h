#pragma once

#include <QString>

#include <optional>
#include <variant>

namespace hearth::server {

/// @brief Why a server operation failed: a protocol error code (error_code::...) and plain words.
struct Failure
{
    QString code;
    QString message;
};

/// A value or why there is none.
template<typename T>
using Expected = std::variant<T, Failure>;

/// Nothing on success, the failure otherwise.
using Done = std::optional<Failure>;

template<typename T>
const Failure* failureOf(const Expected<T>& e)
{
    return std::get_if<Failure>(&e);
}

} // namespace hearth::server
