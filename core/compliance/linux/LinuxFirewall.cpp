#include "core/compliance/CheckSupport.h"
#include "core/compliance/linux/LinuxChecks.h"

#include <QObject>
#include <QRegularExpression>

namespace hearth::compliance {
namespace {

// What one firewall front end showed.
enum class Seen
{
    Absent,
    Active,
    Inactive,
    Undetermined,
};

struct Survey
{
    QStringList evidence;
    QStringList active;
    bool undetermined = false;
    bool anyInstalled = false;

    void note(const QString& name, Seen seen)
    {
        if (seen != Seen::Absent)
            anyInstalled = true;
        if (seen == Seen::Active)
            active << name;
        if (seen == Seen::Undetermined)
            undetermined = true;
    }
};

// ufw's own `ufw status` needs root and is localized; its configuration file and unit are neither.
Seen ufw(const SystemProbe& probe, QStringList& evidence)
{
    const QString confPath = QStringLiteral("/etc/ufw/ufw.conf");
    const FileResult conf = probe.readFile(confPath);
    if (probe.which(QStringLiteral("ufw")).isEmpty() && conf.status == ProbeStatus::NotFound) {
        evidence << QStringLiteral("ufw: not installed");
        return Seen::Absent;
    }
    if (!conf.ok()) {
        evidence << describeUnreadable(confPath, conf.status);
        return Seen::Undetermined;
    }
    const QString enabled = unquoted(parseIni(conf.content).value(QString()).value(QStringLiteral("ENABLED")));
    evidence << confPath + QStringLiteral(": ENABLED=") + enabled;
    if (!isTruthy(enabled))
        return Seen::Inactive;
    switch (unitState(probe, QStringLiteral("ufw"), evidence)) {
    case UnitState::Active:
        return Seen::Active;
    case UnitState::Inactive:
        return Seen::Inactive;
    case UnitState::Unknown:
        break;
    }
    return Seen::Undetermined;
}

// firewall-cmd --state answers through its exit code: 0 running, 252 not running.
Seen firewalld(const SystemProbe& probe, QStringList& evidence)
{
    if (probe.which(QStringLiteral("firewall-cmd")).isEmpty() && probe.which(QStringLiteral("firewalld")).isEmpty()) {
        evidence << QStringLiteral("firewalld: not installed");
        return Seen::Absent;
    }
    const QStringList arguments {QStringLiteral("--state")};
    const CommandResult state = probe.run(QStringLiteral("firewall-cmd"), arguments);
    evidence << describeCommand(QStringLiteral("firewall-cmd"), arguments, state, 2);
    if (state.succeeded())
        return Seen::Active;
    const UnitState unit = unitState(probe, QStringLiteral("firewalld"), evidence);
    if (unit == UnitState::Active)
        return Seen::Active;
    if ((state.ran() && state.exitCode == 252) || unit == UnitState::Inactive)
        return Seen::Inactive;
    return Seen::Undetermined;
}

// A ruleset filters incoming traffic when a chain hooked on input drops by default or holds a
// drop/reject rule.
bool nftFiltersInput(const QByteArray& ruleset)
{
    static const QRegularExpression verdict(QStringLiteral("\\b(drop|reject)\\b"));
    bool inInput = false;
    bool filters = false;
    for (const QString& line : nonEmptyLines(ruleset)) {
        if (line.startsWith(QStringLiteral("chain "))) {
            inInput = false;
            continue;
        }
        if (line.contains(QStringLiteral("hook input")))
            inInput = true;
        if (inInput && verdict.match(line).hasMatch())
            filters = true;
    }
    return filters;
}

// `nft list ruleset` needs CAP_NET_ADMIN; an ordinary user gets a non-zero exit.
Seen nftables(const SystemProbe& probe, QStringList& evidence)
{
    if (probe.which(QStringLiteral("nft")).isEmpty()) {
        evidence << QStringLiteral("nft: not installed");
        return Seen::Absent;
    }
    const QStringList arguments {QStringLiteral("list"), QStringLiteral("ruleset")};
    const CommandResult result = probe.run(QStringLiteral("nft"), arguments);
    if (!result.succeeded()) {
        evidence << describeCommand(QStringLiteral("nft"), arguments, result, 2);
        return Seen::Undetermined;
    }
    const bool filters = nftFiltersInput(result.standardOutput);
    evidence << QStringLiteral("`nft list ruleset`: exit 0; %1 lines; %2")
                    .arg(nonEmptyLines(result.standardOutput).size())
                    .arg(filters ? QStringLiteral("an input chain drops or rejects traffic")
                                 : QStringLiteral("no input chain drops or rejects traffic"));
    return filters ? Seen::Active : Seen::Inactive;
}

Seen iptables(const SystemProbe& probe, QStringList& evidence)
{
    if (probe.which(QStringLiteral("iptables")).isEmpty()) {
        evidence << QStringLiteral("iptables: not installed");
        return Seen::Absent;
    }
    const QStringList arguments {QStringLiteral("-S"), QStringLiteral("INPUT")};
    const CommandResult result = probe.run(QStringLiteral("iptables"), arguments);
    evidence << describeCommand(QStringLiteral("iptables"), arguments, result, 4);
    if (!result.succeeded())
        return Seen::Undetermined;
    static const QRegularExpression filtering(QStringLiteral("^-P INPUT DROP|^-A INPUT .*-j (DROP|REJECT)"),
                                              QRegularExpression::MultilineOption);
    return filtering.match(QString::fromUtf8(result.standardOutput)).hasMatch() ? Seen::Active : Seen::Inactive;
}

// Loaded legacy iptables tables prove something is configured, not that it filters.
Seen legacyTables(const SystemProbe& probe, QStringList& evidence)
{
    const QString path = QStringLiteral("/proc/net/ip_tables_names");
    const FileResult tables = probe.readFile(path);
    if (!tables.ok()) {
        evidence << describeUnreadable(path, tables.status);
        return Seen::Absent;
    }
    const QStringList names = nonEmptyLines(tables.content);
    evidence << path + QStringLiteral(": ")
            + (names.isEmpty() ? QStringLiteral("no tables loaded") : names.join(QStringLiteral(", ")));
    return names.isEmpty() ? Seen::Absent : Seen::Undetermined;
}

} // namespace

CheckResult linuxFirewall(const CheckContext& context)
{
    const SystemProbe& probe = context.probe;
    Survey survey;
    survey.note(QStringLiteral("ufw"), ufw(probe, survey.evidence));
    survey.note(QStringLiteral("firewalld"), firewalld(probe, survey.evidence));
    survey.note(QStringLiteral("nftables"), nftables(probe, survey.evidence));
    survey.note(QStringLiteral("iptables"), iptables(probe, survey.evidence));
    if (survey.active.isEmpty() && !survey.undetermined)
        survey.note(QStringLiteral("iptables"), legacyTables(probe, survey.evidence));
    const QString evidence = survey.evidence.join(u'\n');
    if (!survey.active.isEmpty())
        return CheckResult::pass(
            evidence, QObject::tr("A host firewall is active: %1.").arg(survey.active.join(QStringLiteral(", "))));
    if (survey.undetermined)
        return CheckResult::unknown(
            evidence,
            QObject::tr("A firewall is installed but its state could not be read without administrator rights. "
                        "Confirm with `sudo ufw status` or `sudo nft list ruleset`, then attest."));
    if (!survey.anyInstalled)
        return CheckResult::fail(
            evidence,
            QObject::tr("No host firewall is installed (looked for ufw, firewalld, nftables and iptables). "
                        "Install and enable one, for example `sudo apt install ufw && sudo ufw enable`."));
    return CheckResult::fail(
        evidence, QObject::tr("A firewall is installed but not active. Enable it, for example `sudo ufw enable`."));
}

} // namespace hearth::compliance
