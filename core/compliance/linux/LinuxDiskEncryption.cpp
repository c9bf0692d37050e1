#include "core/compliance/CheckSupport.h"
#include "core/compliance/linux/LinuxChecks.h"

#include <QObject>

namespace hearth::compliance {
namespace {

enum class Encryption
{
    Encrypted,
    Plain,
    Unknown,
};

// Undoes the octal escapes /proc and findmnt use for spaces and tabs ("\040").
QString unescapeOctal(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        bool octal = false;
        const int code = i + 3 < text.size() && text.at(i) == u'\\' ? text.mid(i + 1, 3).toInt(&octal, 8) : 0;
        if (octal && code > 0) {
            out += QChar(code);
            i += 3;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

// The device a path lives on, from findmnt; btrfs subvolumes ("/dev/sda2[/@home]") lose their suffix.
QString sourceDevice(const SystemProbe& probe, const QString& path, QStringList& evidence)
{
    const QStringList arguments {QStringLiteral("-n"), QStringLiteral("-o"), QStringLiteral("SOURCE"),
                                 QStringLiteral("--target"), path};
    const CommandResult result = probe.run(QStringLiteral("findmnt"), arguments);
    evidence << describeCommand(QStringLiteral("findmnt"), arguments, result, 2);
    if (!result.succeeded())
        return {};
    const QStringList lines = nonEmptyLines(result.standardOutput);
    if (lines.isEmpty())
        return {};
    QString source = lines.first();
    if (const qsizetype bracket = source.indexOf(u'['); bracket > 0)
        source.truncate(bracket);
    return source;
}

// Walks from @p device up through its parents (lsblk --inverse); any dm-crypt layer encrypts it.
Encryption deviceEncryption(const SystemProbe& probe, const QString& device, QStringList& evidence)
{
    if (!device.startsWith(QStringLiteral("/dev/"))) {
        evidence << QStringLiteral("%1 is not a block device; Hearth cannot follow it to the disk").arg(device);
        return Encryption::Unknown;
    }
    // -r: raw lines without tree glyphs, which differ between UTF-8 and C locales.
    const QStringList arguments {QStringLiteral("-n"), QStringLiteral("-r"),        QStringLiteral("-s"),
                                 QStringLiteral("-o"), QStringLiteral("TYPE,NAME"), device};
    const CommandResult result = probe.run(QStringLiteral("lsblk"), arguments);
    evidence << describeCommand(QStringLiteral("lsblk"), arguments, result);
    if (!result.succeeded())
        return Encryption::Unknown;
    const QStringList lines = nonEmptyLines(result.standardOutput);
    if (lines.isEmpty())
        return Encryption::Unknown;
    for (const QString& line : lines) {
        if (line.section(u' ', 0, 0) == u"crypt")
            return Encryption::Encrypted;
    }
    return Encryption::Plain;
}

} // namespace

CheckResult linuxDiskEncryption(const CheckContext& context)
{
    const QString dir = context.hearth.dataDir;
    QStringList evidence;
    if (dir.isEmpty())
        return CheckResult::unknown(
            QStringLiteral("Hearth's data directory was not given"),
            QObject::tr("Hearth could not tell where its data lives; attest to the disk's encryption."));
    const QString device = sourceDevice(context.probe, dir, evidence);
    if (device.isEmpty())
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("Hearth could not find the device under %1; attest to the disk's encryption.").arg(dir));
    switch (deviceEncryption(context.probe, device, evidence)) {
    case Encryption::Encrypted:
        return CheckResult::pass(evidence.join(u'\n'),
                                 QObject::tr("%1 is on %2, which sits on a LUKS/dm-crypt volume.").arg(dir, device));
    case Encryption::Plain:
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("%1 is on %2, and no encrypted (crypt) layer lies beneath it. Reinstall with "
                        "encryption (Debian installer: \"Guided - use entire disk and set up encrypted LVM\") "
                        "or move Hearth's data to an encrypted volume.")
                .arg(dir, device));
    case Encryption::Unknown:
        break;
    }
    return CheckResult::unknown(
        evidence.join(u'\n'),
        QObject::tr("Hearth could not tell whether %1 is encrypted; attest to the disk's encryption.").arg(device));
}

CheckResult linuxSwapEncryption(const CheckContext& context)
{
    const QString path = QStringLiteral("/proc/swaps");
    const FileResult swaps = context.probe.readFile(path);
    if (!swaps.ok())
        return CheckResult::unknown(
            describeUnreadable(path, swaps.status),
            QObject::tr("Hearth could not read which swap areas are in use; attest to swap encryption."));
    QStringList lines = nonEmptyLines(swaps.content);
    if (!lines.isEmpty() && lines.first().startsWith(QStringLiteral("Filename")))
        lines.removeFirst();
    QStringList evidence {path + QStringLiteral(": ")
                          + (lines.isEmpty() ? QStringLiteral("no swap in use") : lines.join(QStringLiteral(" | ")))};
    if (lines.isEmpty())
        return CheckResult::pass(evidence.join(u'\n'),
                                 QObject::tr("No swap is in use, so memory never reaches the disk."));
    QStringList plain;
    bool unknown = false;
    for (const QString& line : lines) {
        const QStringList fields = line.simplified().split(u' ');
        const QString name = unescapeOctal(fields.value(0));
        const QString type = fields.value(1);
        if (name.startsWith(QStringLiteral("/dev/zram"))) {
            evidence << QStringLiteral("%1 is compressed memory (zram), not disk").arg(name);
            continue;
        }
        const QString device = type == u"file" ? sourceDevice(context.probe, name, evidence) : name;
        const Encryption encryption
            = device.isEmpty() ? Encryption::Unknown : deviceEncryption(context.probe, device, evidence);
        if (encryption == Encryption::Plain)
            plain << name;
        unknown = unknown || encryption == Encryption::Unknown;
    }
    if (!plain.isEmpty())
        return CheckResult::fail(
            evidence.join(u'\n'),
            QObject::tr("Swap on %1 is not encrypted: memory holding client records can be written there in the "
                        "clear. Put swap inside the encrypted volume or use zram.")
                .arg(plain.join(QStringLiteral(", "))));
    if (unknown)
        return CheckResult::unknown(
            evidence.join(u'\n'),
            QObject::tr("Hearth could not tell whether every swap area is encrypted; attest to swap encryption."));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("Every swap area is encrypted or in memory."));
}

} // namespace hearth::compliance
