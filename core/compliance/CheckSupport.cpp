#include "core/compliance/CheckSupport.h"

namespace hearth::compliance {

QString commandLine(const QString& program, const QStringList& arguments)
{
    QStringList parts {program};
    for (const QString& argument : arguments)
        parts << (argument.contains(u' ') ? u'"' + argument + u'"' : argument);
    return parts.join(u' ');
}

QString describeCommand(const QString& program, const QStringList& arguments, const CommandResult& result, int maxLines)
{
    QString text = u'`' + commandLine(program, arguments) + u'`';
    if (!result.ran())
        return text + QStringLiteral(": ") + probeStatusName(result.status);
    text += QStringLiteral(": exit %1").arg(result.exitCode);
    const auto appendLines = [&](const QByteArray& output, QStringView label) {
        const QStringList lines = nonEmptyLines(output);
        if (lines.isEmpty())
            return;
        text
            += QStringLiteral("; ") + label + QStringLiteral(": ") + lines.mid(0, maxLines).join(QStringLiteral(" | "));
        if (lines.size() > maxLines)
            text += QStringLiteral(" | … (%1 more lines)").arg(lines.size() - maxLines);
    };
    appendLines(result.standardOutput, u"output");
    appendLines(result.standardError, u"errors");
    return text;
}

QString describeUnreadable(const QString& path, ProbeStatus status)
{
    return path + QStringLiteral(": ") + probeStatusName(status);
}

QStringList nonEmptyLines(const QByteArray& text)
{
    QStringList lines;
    for (const QString& line : QString::fromUtf8(text).split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines << trimmed;
    }
    return lines;
}

IniFile parseIni(const QByteArray& text)
{
    IniFile ini;
    QString section;
    for (const QString& line : nonEmptyLines(text)) {
        if (line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            continue;
        ini[section][line.left(equals).trimmed()] = line.mid(equals + 1).trimmed();
    }
    return ini;
}

UnitState unitState(const SystemProbe& probe, const QString& unit, QStringList& evidence)
{
    const QStringList arguments {QStringLiteral("is-active"), unit};
    const CommandResult result = probe.run(QStringLiteral("systemctl"), arguments);
    evidence << describeCommand(QStringLiteral("systemctl"), arguments, result, 2);
    if (!result.ran())
        return UnitState::Unknown;
    // The answer is one unlocalized word; anything else (no systemd, no bus) is an error message.
    const QString answer = QString::fromUtf8(result.standardOutput).trimmed();
    if (answer == u"active" || answer == u"reloading")
        return UnitState::Active;
    if (answer == u"inactive" || answer == u"failed" || answer == u"deactivating")
        return UnitState::Inactive;
    return UnitState::Unknown;
}

bool isTruthy(const QString& value)
{
    const QString v = value.trimmed().toLower();
    return v == u"true" || v == u"yes" || v == u"1" || v == u"on";
}

QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        return value.mid(1, value.size() - 2);
    return value;
}

} // namespace hearth::compliance
