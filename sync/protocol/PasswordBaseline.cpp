#include "sync/protocol/PasswordBaseline.h"

#include <algorithm>

namespace hearth::sync {

QStringList passwordBaselineProblems(const QString& password, const QString& login)
{
    QStringList problems;
    if (password.size() < 8)
        problems << QStringLiteral("Use at least 8 characters.");
    if (std::none_of(password.cbegin(), password.cend(), [](QChar c) { return c.isLetter(); })
        || std::none_of(password.cbegin(), password.cend(), [](QChar c) { return c.isDigit(); }))
        problems << QStringLiteral("Use at least one letter and one digit.");
    if (!login.trimmed().isEmpty() && password.contains(login.trimmed(), Qt::CaseInsensitive))
        problems << QStringLiteral("Do not use the user name in the password.");
    return problems;
}

bool isValidDeviceName(const QString& name)
{
    if (name.trimmed().isEmpty() || name.size() > 128)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.isPrint(); });
}

} // namespace hearth::sync
