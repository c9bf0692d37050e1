#include "ui/sync/SyncText.h"

#include "core/common/DisplayDates.h"
#include "core/common/Plural.h"
#include "core/hud/HudCatalog.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace hearth::ui {

QString SyncText::counted(qint64 n, const QString& one, const QString& many)
{
    return plural(n, one, many);
}

QString SyncText::relativeTime(const QDateTime& when, const QDateTime& now)
{
    // A clock set back shows "just now" rather than a time in the future.
    const qint64 seconds = std::max<qint64>(0, when.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return counted(seconds / 60, tr("1 minute ago"), tr("%1 minutes ago"));
    if (seconds < 86400)
        return counted(seconds / 3600, tr("1 hour ago"), tr("%1 hours ago"));
    return counted(seconds / 86400, tr("1 day ago"), tr("%1 days ago"));
}

QString SyncText::absoluteTime(const QDateTime& when)
{
    return displayDateTime(when);
}

QString SyncText::delay(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(std::max<qint64>(seconds, 1));
    return tr("%1 min").arg((seconds + 59) / 60);
}

QString SyncText::shortReason(const QString& message)
{
    QString first = message.trimmed();
    const qsizetype end = first.indexOf(u". ");
    if (end > 0)
        first.truncate(end);
    while (first.endsWith(u'.'))
        first.chop(1);
    // "The HMIS server ..." reads on after "Sync failed: " in lower case; "HMIS ..." stays as it is.
    if (first.size() > 1 && first.at(0).isUpper() && first.at(1).isLower())
        first[0] = first.at(0).toLower();
    return first;
}

bool SyncText::failing(const SyncSnapshot& s)
{
    if (s.lastOk)
        return !*s.lastOk;
    const SyncOutcome& o = s.outcome;
    // "rejected" is written after a success: the sync went through, some changes were refused.
    if (!o.lastErrorAt || o.lastErrorCode == u"rejected")
        return false;
    return !o.lastSuccessAt || *o.lastErrorAt > *o.lastSuccessAt;
}

QString SyncText::statusLine(const SyncSnapshot& s, const QDateTime& now)
{
    if (!s.unavailable.isEmpty())
        return s.unavailable;
    if (!s.registered)
        return tr("Not connected to a server");
    if (s.busy) {
        if (s.total <= 0)
            return tr("Syncing…");
        const QLocale locale;
        return tr("Syncing… %1 of %2").arg(locale.toString(s.sent), locale.toString(s.total));
    }
    QString line;
    if (failing(s)) {
        const QString message = s.lastMessage.isEmpty() ? s.outcome.lastError : s.lastMessage;
        line = tr("Sync failed: %1").arg(shortReason(message));
        if (s.retryInSeconds)
            line += tr(" — trying again in %1").arg(delay(*s.retryInSeconds));
    } else if (s.outcome.lastSuccessAt) {
        line = tr("Synced %1").arg(relativeTime(*s.outcome.lastSuccessAt, now));
    } else {
        line = tr("Not synced yet");
    }
    if (s.pending > 0)
        line += QStringLiteral(" · ") + counted(s.pending, tr("1 change waiting"), tr("%1 changes waiting"));
    if (s.conflicts > 0)
        line
            += QStringLiteral(" · ") + counted(s.conflicts, tr("1 conflict to resolve"), tr("%1 conflicts to resolve"));
    return line;
}

QString SyncText::entityInWords(const QString& entity)
{
    if (entity == u"client")
        return tr("Client profile");
    if (entity == u"enrollment")
        return tr("Enrollment");
    if (entity == u"service")
        return tr("Service");
    if (entity == u"consent")
        return tr("Release of information");
    if (entity == u"project")
        return tr("Project");
    return entity;
}

QString SyncText::fieldInWords(const QString& field)
{
    static const QHash<QString, const char*> words {
        {QStringLiteral("FirstName"), QT_TR_NOOP("First name")},
        {QStringLiteral("MiddleName"), QT_TR_NOOP("Middle name")},
        {QStringLiteral("LastName"), QT_TR_NOOP("Last name")},
        {QStringLiteral("NameSuffix"), QT_TR_NOOP("Name suffix")},
        {QStringLiteral("NameDataQuality"), QT_TR_NOOP("Name data quality")},
        {QStringLiteral("Alias"), QT_TR_NOOP("Alias or nickname")},
        {QStringLiteral("SSN"), QT_TR_NOOP("Social Security number")},
        {QStringLiteral("SSNDataQuality"), QT_TR_NOOP("SSN data quality")},
        {QStringLiteral("DOB"), QT_TR_NOOP("Date of birth")},
        {QStringLiteral("DOBDataQuality"), QT_TR_NOOP("Date of birth data quality")},
        {QStringLiteral("RaceEthnicity"), QT_TR_NOOP("Race and ethnicity")},
        {QStringLiteral("RaceNone"), QT_TR_NOOP("Race and ethnicity not collected")},
        {QStringLiteral("AdditionalRaceEthnicity"), QT_TR_NOOP("Additional race and ethnicity detail")},
        {QStringLiteral("Sex"), QT_TR_NOOP("Sex")},
        {QStringLiteral("VeteranStatus"), QT_TR_NOOP("Veteran status")},
        {QStringLiteral("VeteranDetails"), QT_TR_NOOP("Veteran details")},
        {QStringLiteral("CaseNumber"), QT_TR_NOOP("Case number")},
        {QStringLiteral("EntryDate"), QT_TR_NOOP("Project start date")},
        {QStringLiteral("ExitDate"), QT_TR_NOOP("Project exit date")},
        {QStringLiteral("MoveInDate"), QT_TR_NOOP("Housing move-in date")},
        {QStringLiteral("DateOfEngagement"), QT_TR_NOOP("Date of engagement")},
        {QStringLiteral("Destination"), QT_TR_NOOP("Destination at exit")},
        {QStringLiteral("DisablingCondition"), QT_TR_NOOP("Disabling condition")},
        {QStringLiteral("RelationshipToHoH"), QT_TR_NOOP("Relationship to head of household")},
        {QStringLiteral("HouseholdID"), QT_TR_NOOP("Household")},
        {QStringLiteral("EnrollmentCoC"), QT_TR_NOOP("Continuum of Care of the enrollment")},
        {QStringLiteral("DateProvided"), QT_TR_NOOP("Date provided")},
        {QStringLiteral("RecordType"), QT_TR_NOOP("Kind of service")},
        {QStringLiteral("TypeProvided"), QT_TR_NOOP("Service provided")},
        {QStringLiteral("Notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("ProjectName"), QT_TR_NOOP("Project name")},
        {QStringLiteral("ProjectType"), QT_TR_NOOP("Project type")},
        {QStringLiteral("OperatingStartDate"), QT_TR_NOOP("Operating start date")},
        {QStringLiteral("OperatingEndDate"), QT_TR_NOOP("Operating end date")},
    };
    const auto it = words.constFind(field);
    return it == words.constEnd() ? field : tr(it.value());
}

QString SyncText::sideInWords(const ConflictSide& side)
{
    if (!side.known())
        return tr("who made this change is not recorded");
    const QString when = absoluteTime(side.at);
    if (side.thisWorkstation)
        return side.by.isEmpty() ? tr("this workstation, %1").arg(when)
                                 : tr("%1 at this workstation, %2").arg(side.by, when);
    if (side.by.isEmpty()) // another agency: its people and workstations are not named
        return tr("%1, %2").arg(side.agency.isEmpty() ? tr("another agency") : side.agency, when);
    return tr("%1 at %2 (%3), %4").arg(side.by, side.workstation, side.agency, when);
}

QString SyncText::valueInWords(const QString& entity, const QString& field, const QJsonValue& value)
{
    // The HMIS CSV files an entity's fields come from: an enrollment carries its exit's columns too.
    static const QHash<QString, QStringList> files {
        {QStringLiteral("client"), {QStringLiteral("Client")}},
        {QStringLiteral("enrollment"), {QStringLiteral("Enrollment"), QStringLiteral("Exit")}},
        {QStringLiteral("service"), {QStringLiteral("Services")}},
        {QStringLiteral("project"), {QStringLiteral("Project")}},
    };
    bool numeric = value.isDouble();
    const int code = numeric ? value.toInt() : value.toString().toInt(&numeric);
    if (numeric) {
        const HudCatalog& hud = HudCatalog::instance();
        for (const QString& file : files.value(entity)) {
            const auto column = hud.column(file, field);
            if (!column || !column->isCoded())
                continue;
            for (const QString& list : column->listIds)
                if (const QString label = hud.label(list, code); !label.isEmpty())
                    return tr("%1 (%2)").arg(label).arg(code);
        }
    }
    return valueInWords(value);
}

QString SyncText::valueInWords(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', 15);
    case QJsonValue::String: {
        const QString text = value.toString();
        if (text.isEmpty())
            return tr("(empty)");
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() && text.size() == 10 ? displayDate(date) : text;
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace hearth::ui
