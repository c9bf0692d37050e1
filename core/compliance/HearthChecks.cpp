#include "core/compliance/HearthChecks.h"

#include "core/compliance/CheckSupport.h"

#include <QObject>
#include <QRegularExpression>
#include <QUrl>

namespace hearth::compliance {
namespace {

const QRegularExpression& storeFile()
{
    static const QRegularExpression pattern(QStringLiteral("^hearth-\\d+\\.db$"));
    return pattern;
}

// What Hearth itself writes into its data directory: the key slots and the store with its journal.
bool hearthOwns(const QString& name)
{
    static const QRegularExpression owned(QStringLiteral("^(hearth\\.keys|hearth-\\d+\\.db(-wal|-shm|-journal)?)$"));
    return owned.match(name).hasMatch();
}

} // namespace

CheckResult hearthStoreEncrypted(const CheckContext& context)
{
    const QString dir = context.hearth.dataDir;
    const DirectoryResult listing = context.probe.listDirectory(dir);
    if (!listing.ok())
        return CheckResult::unknown(
            describeUnreadable(dir, listing.status),
            QObject::tr("Hearth's data directory could not be read; attest that the store is encrypted."));
    // A plain SQLite file starts with this header; SQLCipher encrypts the first page, header included.
    static const QByteArray plainHeader("SQLite format 3\0", 16);
    QStringList evidence;
    QStringList plain;
    for (const DirectoryEntry& entry : listing.entries) {
        if (!storeFile().match(entry.name).hasMatch())
            continue;
        const QString path = dir + u'/' + entry.name;
        const FileResult head = context.probe.readFile(path, plainHeader.size());
        if (!head.ok())
            return CheckResult::unknown(
                describeUnreadable(path, head.status),
                QObject::tr("The store file could not be read; attest that the store is encrypted."));
        const bool isPlain = head.content.startsWith(plainHeader);
        evidence << QStringLiteral("%1: first 16 bytes %2")
                        .arg(path,
                             isPlain ? QStringLiteral("are the plain SQLite header")
                                     : QStringLiteral("are not a SQLite header (encrypted)"));
        if (isPlain)
            plain << path;
    }
    if (evidence.isEmpty())
        return CheckResult::unknown(
            dir + QStringLiteral(": no hearth-*.db store file"),
            QObject::tr("No Hearth store was found in %1; attest that the store is encrypted.").arg(dir));
    if (!plain.isEmpty())
        return CheckResult::fail(evidence.join(u'\n'),
                                 QObject::tr("%1 is not encrypted. Stop using this copy and contact the HMIS Lead.")
                                     .arg(plain.join(QStringLiteral(", "))));
    return CheckResult::pass(evidence.join(u'\n'), QObject::tr("Hearth's store is encrypted."));
}

CheckResult hearthAutoLock(const CheckContext& context)
{
    const int maxMinutes = static_cast<int>(context.item.threshold(QStringLiteral("autoLockMaxMinutes"), 15));
    if (!context.hearth.autoLockMinutes)
        return CheckResult::unknown(QStringLiteral("Hearth setting autoLockMinutes: not available (not signed in)"),
                                    QObject::tr("Sign in to let Hearth read its auto-lock setting."));
    const int minutes = *context.hearth.autoLockMinutes;
    const QString evidence
        = QStringLiteral("Hearth setting autoLockMinutes = %1 (agency settings in the encrypted store)").arg(minutes);
    if (minutes > maxMinutes)
        return CheckResult::fail(
            evidence,
            QObject::tr("Hearth locks after %1 minutes idle; the limit is %2. Lower it under Settings › Lock after "
                        "idle for.")
                .arg(minutes)
                .arg(maxMinutes));
    return CheckResult::pass(evidence, QObject::tr("Hearth locks after %1 minutes idle.").arg(minutes));
}

CheckResult hearthNoSavedPasswords(const CheckContext& context)
{
    const QString dir = context.hearth.dataDir;
    const DirectoryResult listing = context.probe.listDirectory(dir);
    if (!listing.ok())
        return CheckResult::unknown(
            describeUnreadable(dir, listing.status),
            QObject::tr("Hearth's data directory could not be read; attest that no password is saved."));
    QStringList own;
    QStringList foreign;
    for (const DirectoryEntry& entry : listing.entries)
        (hearthOwns(entry.name) ? own : foreign) << entry.name;
    // Hearth has no "remember me": the key file holds each user's slot (the data key wrapped with a
    // key derived from the password), never a password.
    QString evidence
        = QStringLiteral("Hearth asks for the password at every sign-in and unlock and has no option to "
                         "save it\n%1: %2")
              .arg(dir, own.isEmpty() ? QStringLiteral("no Hearth files") : own.join(QStringLiteral(", ")));
    if (!foreign.isEmpty()) {
        evidence += QStringLiteral("\nother files: ") + foreign.join(QStringLiteral(", "));
        return CheckResult::unknown(
            evidence,
            QObject::tr("Hearth's data directory holds files Hearth did not write (%1); make sure none holds a "
                        "password, then attest.")
                .arg(foreign.join(QStringLiteral(", "))));
    }
    return CheckResult::pass(evidence, QObject::tr("Hearth saves no password on this computer."));
}

CheckResult hearthServerTls(const CheckContext& context)
{
    const QString url = context.hearth.syncServerUrl;
    if (url.isEmpty())
        return CheckResult::unknown(
            QStringLiteral("Hearth setting syncServerUrl: not configured"),
            QObject::tr("No HMIS server is configured, so Hearth sends nothing over the network yet. Attest to how "
                        "this workstation reaches HMIS."));
    const QUrl parsed(url, QUrl::StrictMode);
    const QString evidence
        = QStringLiteral("Hearth setting syncServerUrl = %1").arg(parsed.toString(QUrl::RemoveUserInfo));
    if (parsed.scheme() == u"https")
        return CheckResult::pass(evidence, QObject::tr("Hearth reaches the server over TLS (https)."));
    return CheckResult::fail(evidence,
                             QObject::tr("The server address does not use https. Change it to an https address."));
}

} // namespace hearth::compliance
