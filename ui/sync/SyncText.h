#pragma once

#include "core/syncstate/SyncState.h"
#include "core/types/SyncConflict.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace hearth::ui {

/// @brief What the status bar and the Sync page know about sync at one moment (no client data).
struct SyncSnapshot
{
    QString unavailable; ///< why sync cannot run or be read now (empty: it can)
    bool registered = false;
    QString serverUrl;
    QString agency;
    QDateTime registeredAt;
    QString registeredBy;
    bool needsSignIn = false; ///< the server's token was dropped: an administrator signs in again
    SyncOutcome outcome;
    qint64 pending = 0; ///< changes the next push offers the server
    qint64 pendingKept = 0; ///< changes of clients who do not share: kept here, never sent
    int conflicts = 0;
    SyncLease lease;
    bool busy = false;
    qint64 sent = 0; ///< changes sent so far in the running sync
    qint64 total = 0; ///< sent + waiting at the last progress report (0: not known yet)
    std::optional<bool> lastOk; ///< how the last sync of this session ended (none: none ran)
    QString lastMessage; ///< the engine's sentence for it
    std::optional<qint64> retryInSeconds; ///< a retry is scheduled
};

/// @brief The plain words of the sync screens, kept apart from the widgets so each screen says the
/// same thing the same way.
class SyncText
{
    Q_DECLARE_TR_FUNCTIONS(SyncText)
public:
    /// @p one for 1, else @p many with %1 the number ("1 change", "3 changes"): plain English plurals
    /// without a translation file, which tr()'s %n needs.
    static QString counted(qint64 n, const QString& one, const QString& many);
    /// "just now", "5 minutes ago", "3 hours ago", "2 days ago".
    static QString relativeTime(const QDateTime& when, const QDateTime& now);
    /// The local date and time, e.g. "11/21/2026 9:05 AM".
    static QString absoluteTime(const QDateTime& when);
    /// "30 s", "5 min".
    static QString delay(qint64 seconds);
    /// The status bar's one line, e.g. "Synced 5 minutes ago · 3 changes waiting".
    static QString statusLine(const SyncSnapshot& snapshot, const QDateTime& now);
    /// The first sentence of an engine message, to follow "Sync failed: ".
    static QString shortReason(const QString& message);
    /// True when the last sync failed (and nothing succeeded since).
    static bool failing(const SyncSnapshot& snapshot);

    /// "Client profile", "Enrollment", ...
    static QString entityInWords(const QString& entity);
    /// The field in words ("Date of birth" for DOB); an unknown column is shown as it is.
    static QString fieldInWords(const QString& field);
    /// A value as a person reads it ("(empty)", "03/14/1985", "Yes").
    static QString valueInWords(const QJsonValue& value);
    /// Who made one side of a conflict: "hank at Front desk (Harbor House), 12/07/2026 9:14 PM".
    static QString sideInWords(const ConflictSide& side);
    /// The same, with a HUD code of @p entity's @p field shown as its label ("Head of household (1)").
    static QString valueInWords(const QString& entity, const QString& field, const QJsonValue& value);
};

} // namespace hearth::ui
