#include "core/compliance/macos/MacParsers.h"

#include <QRegularExpression>

namespace hearth::compliance {

std::optional<bool> parseFileVaultOn(const QByteArray& output)
{
    const QString text = QString::fromUtf8(output);
    if (text.contains(QStringLiteral("FileVault is On")))
        return true;
    if (text.contains(QStringLiteral("FileVault is Off")))
        return false;
    return std::nullopt;
}

std::optional<int> parseFirewallGlobalState(const QByteArray& output)
{
    static const QRegularExpression state(QStringLiteral("\\(State = (\\d)\\)"));
    const QString text = QString::fromUtf8(output);
    if (const auto match = state.match(text); match.hasMatch())
        return match.captured(1).toInt();
    if (text.contains(QStringLiteral("Firewall is enabled")))
        return 1;
    if (text.contains(QStringLiteral("Firewall is disabled")))
        return 0;
    return std::nullopt;
}

std::optional<int> parseDefaultsInteger(const QByteArray& output)
{
    bool ok = false;
    const int value = QString::fromUtf8(output).trimmed().toInt(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

std::optional<int> parseScreenLockDelay(const QByteArray& output)
{
    const QString text = QString::fromUtf8(output);
    static const QRegularExpression seconds(QStringLiteral("screenLock delay is (\\d+) seconds"));
    if (const auto match = seconds.match(text); match.hasMatch())
        return match.captured(1).toInt();
    if (text.contains(QStringLiteral("screenLock delay is immediate")))
        return 0;
    if (text.contains(QStringLiteral("screenLock is off")))
        return -1;
    return std::nullopt;
}

std::optional<int> parseDisplaySleepMinutes(const QByteArray& output)
{
    static const QRegularExpression line(QStringLiteral("^\\s*displaysleep\\s+(\\d+)"),
                                         QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromUtf8(output));
    return match.hasMatch() ? std::optional(match.captured(1).toInt()) : std::nullopt;
}

QString macMajorVersion(const QByteArray& output)
{
    const QStringList parts = QString::fromUtf8(output).trimmed().split(u'.');
    if (parts.isEmpty() || parts.first().isEmpty())
        return {};
    return parts.first() == u"10" && parts.size() > 1 ? parts.first() + u'.' + parts.at(1) : parts.first();
}

std::optional<bool> parseSwapEncrypted(const QByteArray& output)
{
    const QString text = QString::fromUtf8(output);
    if (!text.contains(QStringLiteral("vm.swapusage")))
        return std::nullopt;
    return text.contains(QStringLiteral("(encrypted)"));
}

} // namespace hearth::compliance
