#include "sync/protocol/Messages.h"

#include "sync/protocol/Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace hearth::sync {

namespace {

ParseError malformed(const QString& message)
{
    return {error_code::MalformedRequest, message};
}

QJsonObject envelope(QJsonObject body)
{
    body.insert(u"protocol"_qs, protocol::kVersion);
    return body;
}

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

/// A required non-empty string member, or an error naming it.
std::optional<ParseError> requireString(const QJsonObject& json, const char16_t* name, QString& out)
{
    const QJsonValue value = json.value(QString::fromUtf16(name));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return malformed(QStringLiteral("\"%1\" must be a non-empty string.").arg(QString::fromUtf16(name)));
    out = value.toString();
    return std::nullopt;
}

/// An identifier: a non-empty string of at most @p maxLength printable characters (the server keeps
/// identifiers in bounded columns).
std::optional<ParseError> requireId(const QJsonObject& json, const char16_t* name, QString& out, qsizetype maxLength)
{
    if (auto e = requireString(json, name, out))
        return e;
    if (!isIdentifier(out, maxLength))
        return malformed(QStringLiteral("\"%1\" must be at most %2 printable characters.")
                             .arg(QString::fromUtf16(name))
                             .arg(maxLength));
    return std::nullopt;
}

QJsonArray conflictsJson(const std::vector<FieldConflict>& conflicts)
{
    QJsonArray array;
    for (const FieldConflict& c : conflicts)
        array.append(c.toJson());
    return array;
}

std::vector<FieldConflict> conflictsFrom(const QJsonValue& value)
{
    std::vector<FieldConflict> conflicts;
    for (const QJsonValue& c : value.toArray())
        conflicts.push_back(FieldConflict::fromJson(c.toObject()));
    return conflicts;
}

} // namespace

bool isIdentifier(const QString& text, qsizetype maxLength)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Surrogate)
            return false;
    return true;
}

std::optional<ParseError> checkProtocol(const QJsonObject& body)
{
    const QJsonValue version = body.value(u"protocol");
    if (version.isDouble() && version.toInt() == protocol::kVersion)
        return std::nullopt;
    return ParseError {error_code::ProtocolVersion,
                       QStringLiteral("This server speaks sync protocol %1; the request said %2.")
                           .arg(protocol::kVersion)
                           .arg(version.isUndefined() ? QStringLiteral("none") : QString::number(version.toDouble()))};
}

Parsed<QJsonObject> parseBody(const QByteArray& body)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(
            QStringLiteral("The body is not valid JSON (%1 at byte %2).").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return malformed(QStringLiteral("The body must be a JSON object."));
    return document.object();
}

QJsonObject RegisterRequest::toJson() const
{
    return envelope({{u"login"_qs, login},
                     {u"password"_qs, password},
                     {u"deviceName"_qs, deviceName},
                     {u"devicePublicId"_qs, devicePublicId}});
}

Parsed<RegisterRequest> RegisterRequest::fromJson(const QJsonObject& json)
{
    RegisterRequest r;
    if (auto e = requireId(json, u"login", r.login, 128))
        return *e;
    if (auto e = requireString(json, u"password", r.password))
        return *e;
    if (auto e = requireString(json, u"deviceName", r.deviceName))
        return *e;
    if (auto e = requireId(json, u"devicePublicId", r.devicePublicId, 128))
        return *e;
    return r;
}

QJsonObject RegisterReply::toJson() const
{
    return envelope({{u"deviceId"_qs, deviceId},
                     {u"token"_qs, token},
                     {u"tokenExpiresAt"_qs, isoTime(tokenExpiresAt)},
                     {u"agency"_qs, agency},
                     {u"leaseDays"_qs, leaseDays},
                     {u"serverTime"_qs, isoTime(serverTime)}});
}

Parsed<RegisterReply> RegisterReply::fromJson(const QJsonObject& json)
{
    RegisterReply r;
    if (auto e = requireString(json, u"deviceId", r.deviceId))
        return *e;
    if (auto e = requireString(json, u"token", r.token))
        return *e;
    r.tokenExpiresAt = timeFrom(json.value(u"tokenExpiresAt"));
    r.agency = json.value(u"agency").toString();
    r.leaseDays = json.value(u"leaseDays").toInt(30);
    r.serverTime = timeFrom(json.value(u"serverTime"));
    return r;
}

QJsonObject Change::toJson() const
{
    QJsonObject json {{u"key"_qs, key},       {u"entity"_qs, entity},
                      {u"uuid"_qs, uuid},     {u"operation"_qs, operation},
                      {u"fields"_qs, fields}, {u"baseVersion"_qs, baseVersion}};
    if (!resolves.isEmpty())
        json.insert(u"resolves"_qs, resolves);
    return json;
}

Parsed<Change> Change::fromJson(const QJsonObject& json)
{
    Change c;
    if (auto e = requireId(json, u"key", c.key, 256))
        return *e;
    if (auto e = requireId(json, u"entity", c.entity, 32))
        return *e;
    if (auto e = requireId(json, u"uuid", c.uuid, 64))
        return *e;
    if (auto e = requireString(json, u"operation", c.operation))
        return *e;
    if (c.operation != u"insert" && c.operation != u"update" && c.operation != u"delete")
        return malformed(QStringLiteral("\"operation\" must be insert, update or delete."));
    const QJsonValue fields = json.value(u"fields");
    if (!fields.isObject())
        return malformed(QStringLiteral("\"fields\" must be an object."));
    c.fields = fields.toObject();
    for (auto it = c.fields.constBegin(); it != c.fields.constEnd(); ++it)
        if (!isIdentifier(it.key(), 128))
            return malformed(QStringLiteral("Field names must be at most 128 printable characters."));
    const QJsonValue personalId = c.fields.value(u"PersonalID");
    if (!personalId.isUndefined() && !personalId.isNull() && !isIdentifier(personalId.toString(), 64))
        return malformed(QStringLiteral("\"PersonalID\" must be a client id of at most 64 characters."));
    const QJsonValue base = json.value(u"baseVersion");
    if (!base.isUndefined() && (!base.isDouble() || base.toDouble() < 0))
        return malformed(QStringLiteral("\"baseVersion\" must be a version number."));
    c.baseVersion = base.toInteger();
    const QJsonValue resolves = json.value(u"resolves");
    if (!resolves.isUndefined() && !resolves.isNull() && !resolves.isString())
        return malformed(QStringLiteral("\"resolves\" must be a conflict id."));
    c.resolves = resolves.toString();
    return c;
}

QJsonObject PushRequest::toJson() const
{
    QJsonArray array;
    for (const Change& c : changes)
        array.append(c.toJson());
    return envelope({{u"deviceId"_qs, deviceId}, {u"changes"_qs, array}});
}

Parsed<PushRequest> PushRequest::fromJson(const QJsonObject& json)
{
    PushRequest r;
    r.deviceId = json.value(u"deviceId").toString();
    const QJsonValue changes = json.value(u"changes");
    if (!changes.isArray())
        return malformed(QStringLiteral("\"changes\" must be an array."));
    const QJsonArray array = changes.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return malformed(QStringLiteral("Change %1 is not an object.").arg(i));
        Parsed<Change> change = Change::fromJson(array.at(i).toObject());
        if (auto* e = std::get_if<ParseError>(&change))
            return ParseError {e->code, QStringLiteral("Change %1: %2").arg(i).arg(e->message)};
        r.changes.push_back(std::get<Change>(std::move(change)));
    }
    return r;
}

QJsonObject ConflictSide::toJson() const
{
    QJsonObject json {{u"at"_qs, at}};
    for (const auto& [key, value] :
         {std::pair {u"by"_qs, by}, {u"workstation"_qs, workstation}, {u"agency"_qs, agency}})
        if (!value.isEmpty())
            json.insert(key, value);
    if (thisDevice)
        json.insert(u"thisDevice"_qs, true);
    return json;
}

ConflictSide ConflictSide::fromJson(const QJsonObject& json)
{
    return {json.value(u"by").toString(), json.value(u"workstation").toString(), json.value(u"agency").toString(),
            json.value(u"at").toString(), json.value(u"thisDevice").toBool()};
}

QJsonObject FieldConflict::toJson() const
{
    QJsonObject json {
        {u"conflictId"_qs, conflictId}, {u"entity"_qs, entity},           {u"uuid"_qs, uuid},
        {u"field"_qs, field},           {u"serverValue"_qs, serverValue}, {u"deviceValue"_qs, deviceValue}};
    if (serverSide.known())
        json.insert(u"serverSide"_qs, serverSide.toJson());
    if (deviceSide.known())
        json.insert(u"deviceSide"_qs, deviceSide.toJson());
    return json;
}

FieldConflict FieldConflict::fromJson(const QJsonObject& json)
{
    return {json.value(u"conflictId").toString(),
            json.value(u"entity").toString(),
            json.value(u"uuid").toString(),
            json.value(u"field").toString(),
            json.value(u"serverValue"),
            json.value(u"deviceValue"),
            ConflictSide::fromJson(json.value(u"serverSide").toObject()),
            ConflictSide::fromJson(json.value(u"deviceSide").toObject())};
}

QJsonObject ChangeResult::toJson() const
{
    QJsonObject json {{u"key"_qs, key},
                      {u"status"_qs, status},
                      {u"serverVersion"_qs, serverVersion},
                      {u"serverSeq"_qs, serverSeq},
                      {u"conflicts"_qs, conflictsJson(conflicts)}};
    if (!firstStatus.isEmpty())
        json.insert(u"firstStatus"_qs, firstStatus);
    if (!error.isEmpty()) {
        json.insert(u"error"_qs, error);
        json.insert(u"message"_qs, message);
    }
    return json;
}

ChangeResult ChangeResult::fromJson(const QJsonObject& json)
{
    ChangeResult r;
    r.key = json.value(u"key").toString();
    r.status = json.value(u"status").toString();
    r.firstStatus = json.value(u"firstStatus").toString();
    r.serverVersion = json.value(u"serverVersion").toInteger();
    r.serverSeq = json.value(u"serverSeq").toInteger();
    r.conflicts = conflictsFrom(json.value(u"conflicts"));
    r.error = json.value(u"error").toString();
    r.message = json.value(u"message").toString();
    return r;
}

QJsonObject PulledChange::toJson() const
{
    return {{u"serverSeq"_qs, serverSeq}, {u"entity"_qs, entity}, {u"uuid"_qs, uuid},
            {u"operation"_qs, operation}, {u"fields"_qs, fields}, {u"version"_qs, version}};
}

PulledChange PulledChange::fromJson(const QJsonObject& json)
{
    return {json.value(u"serverSeq").toInteger(), json.value(u"entity").toString(), json.value(u"uuid").toString(),
            json.value(u"operation").toString(),  json.value(u"fields").toObject(), json.value(u"version").toInteger()};
}

QJsonObject PullReply::toJson() const
{
    QJsonArray array;
    for (const PulledChange& c : changes)
        array.append(c.toJson());
    QJsonObject json = envelope({{u"changes"_qs, array},
                                 {u"conflicts"_qs, conflictsJson(conflicts)},
                                 {u"cursor"_qs, QString::number(cursor)},
                                 {u"more"_qs, more},
                                 {u"conflictsMore"_qs, conflictsMore}});
    if (conflictsMore)
        json.insert(u"conflictsCursor"_qs, conflictsCursor);
    return json;
}

Parsed<PullReply> PullReply::fromJson(const QJsonObject& json)
{
    PullReply r;
    if (!json.value(u"changes").isArray())
        return malformed(QStringLiteral("\"changes\" must be an array."));
    for (const QJsonValue& c : json.value(u"changes").toArray())
        r.changes.push_back(PulledChange::fromJson(c.toObject()));
    r.conflicts = conflictsFrom(json.value(u"conflicts"));
    bool ok = false;
    r.cursor = json.value(u"cursor").toString().toLongLong(&ok);
    if (!ok)
        return malformed(QStringLiteral("\"cursor\" must be a server cursor."));
    r.more = json.value(u"more").toBool();
    r.conflictsMore = json.value(u"conflictsMore").toBool();
    r.conflictsCursor = json.value(u"conflictsCursor").toString();
    if (r.conflictsMore && r.conflictsCursor.isEmpty())
        return malformed(QStringLiteral("\"conflictsCursor\" must say where the next conflicts start."));
    return r;
}

QJsonObject ConflictsPage::toJson() const
{
    QJsonObject json = envelope({{u"conflicts"_qs, conflictsJson(conflicts)}, {u"more"_qs, more}});
    if (more)
        json.insert(u"cursor"_qs, cursor);
    return json;
}

Parsed<ConflictsPage> ConflictsPage::fromJson(const QJsonObject& json)
{
    if (!json.value(u"conflicts").isArray())
        return malformed(QStringLiteral("\"conflicts\" must be an array."));
    ConflictsPage page;
    page.conflicts = conflictsFrom(json.value(u"conflicts"));
    page.more = json.value(u"more").toBool();
    page.cursor = json.value(u"cursor").toString();
    if (page.more && page.cursor.isEmpty())
        return malformed(QStringLiteral("\"cursor\" must say where the next conflicts start."));
    return page;
}

QJsonObject RestrictionRequest::toJson() const
{
    return envelope({{u"requestUuid"_qs, requestUuid},
                     {u"clientUuid"_qs, clientUuid},
                     {u"reason"_qs, reason},
                     {u"requestedAt"_qs, isoTime(requestedAt)}});
}

Parsed<RestrictionRequest> RestrictionRequest::fromJson(const QJsonObject& json)
{
    RestrictionRequest r;
    if (auto e = requireId(json, u"requestUuid", r.requestUuid, 64))
        return *e;
    if (auto e = requireId(json, u"clientUuid", r.clientUuid, 64))
        return *e;
    if (auto e = requireString(json, u"reason", r.reason))
        return *e;
    if (r.reason != u"no-sharing" && r.reason != u"revoked")
        return malformed(QStringLiteral("\"reason\" must be no-sharing or revoked."));
    r.requestedAt = timeFrom(json.value(u"requestedAt"));
    return r;
}

QJsonObject AuditAnchorMessage::toJson() const
{
    return {{u"seq"_qs, seq}, {u"hash"_qs, hash}};
}

Parsed<AuditAnchorMessage> AuditAnchorMessage::fromJson(const QJsonObject& json)
{
    AuditAnchorMessage a;
    const QJsonValue seq = json.value(u"seq");
    a.seq = seq.toInteger(-1);
    if (!seq.isDouble() || a.seq < 1)
        return malformed(QStringLiteral("\"seq\" must be an audit entry number (1 or more)."));
    a.hash = json.value(u"hash").toString();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(a.hash).hasMatch())
        return malformed(QStringLiteral("\"hash\" must be 64 lower-case hex digits."));
    return a;
}

QJsonObject errorBody(const QString& code, const QString& message)
{
    return envelope({{u"error"_qs, code}, {u"message"_qs, message}});
}

} // namespace hearth::sync
