#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace hearth {

/// @brief What went wrong, in a category code can branch on.
enum class ErrorCode
{
    WrongPassword,
    UnknownUser,
    AccountLocked,
    AccountInactive,
    PasswordRejected,
    PasswordChangeRequired,
    StoreMissing,
    StoreExists,
    StoreCorrupt,
    KeySlotMissing,
    KeySlotCorrupt,
    DiskFull,
    ReadOnly,
    Io,
    PermissionDenied,
    NotFound,
    InvalidInput,
    Locked,
    Internal,
};

/// @brief An error with a message fit to show the user. Never contains client data or secrets.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

/// @brief A value or an Error. Module boundaries return these instead of throwing.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_data); }
    const T& value() const& { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

    const Error& error() const { return std::get<Error>(m_data); }
    ErrorCode code() const { return error().code; }
    const QString& message() const { return error().message; }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }
    ErrorCode code() const { return m_error.code; }
    const QString& message() const { return m_error.message; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

inline Error makeError(ErrorCode code, QString message)
{
    return Error {code, std::move(message)};
}

} // namespace hearth
