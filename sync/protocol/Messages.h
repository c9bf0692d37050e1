#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <variant>
#include <vector>

namespace hearth::sync {

/// @brief Why a message could not be read: the reply's error code and the reason in plain words.
struct ParseError
{
    QString code;
    QString message;
};

template<typename T>
using Parsed = std::variant<T, ParseError>;

/// True when @p text is a usable identifier: 1 to @p maxLength characters, no control characters.
bool isIdentifier(const QString& text, qsizetype maxLength);
/// Checks the "protocol" field of a body; a ParseError (error_code::ProtocolVersion) when it is missing
/// or another version.
std::optional<ParseError> checkProtocol(const QJsonObject& body);
/// Parses a request or reply body: an object, or a ParseError (error_code::MalformedRequest).
Parsed<QJsonObject> parseBody(const QByteArray& body);

struct RegisterRequest
{
    QString login;
    QString password;
    QString deviceName;
    QString devicePublicId;

    QJsonObject toJson() const;
    static Parsed<RegisterRequest> fromJson(const QJsonObject& json);
};

struct RegisterReply
{
    QString deviceId;
    QString token;
    QDateTime tokenExpiresAt;
    QString agency; ///< the user's agency code
    int leaseDays = 30;
    QDateTime serverTime;

    QJsonObject toJson() const;
    static Parsed<RegisterReply> fromJson(const QJsonObject& json);
};

/// @brief One change a device pushes (a change-log row after the consent policy).
struct Change
{
    QString key; ///< idempotency key, unique per change per device ("deviceId:changeSeq")
    QString entity; ///< client, enrollment, service, consent or project
    QString uuid;
    QString operation; ///< insert, update or delete
    QJsonObject fields; ///< full state after the change plus "Consent"; only "Consent" for a delete
    qint64 baseVersion = 0; ///< the server version of the record the device last saw (0: new)
    QString resolves; ///< a conflict id this change settles, or empty

    QJsonObject toJson() const;
    static Parsed<Change> fromJson(const QJsonObject& json);
};

struct PushRequest
{
    QString deviceId;
    std::vector<Change> changes;

    QJsonObject toJson() const;
    static Parsed<PushRequest> fromJson(const QJsonObject& json);
};

/// @brief A concurrent edit of the same field: the server kept serverValue; a person decides.
/// @brief Who made one side of a conflict, as the server recorded it. Another agency's user and workstation
/// are not named, only the agency; a side written before the server kept writers is empty.
struct ConflictSide
{
    QString by; ///< the user's login
    QString workstation; ///< the device's name
    QString agency; ///< the agency's name
    QString at; ///< ISO 8601 UTC, the server's clock
    bool thisDevice = false; ///< the device asking made this side

    bool known() const { return !at.isEmpty(); }
    QJsonObject toJson() const;
    static ConflictSide fromJson(const QJsonObject& json);
};

struct FieldConflict
{
    QString conflictId;
    QString entity;
    QString uuid;
    QString field;
    QJsonValue serverValue;
    QJsonValue deviceValue;
    ConflictSide serverSide; ///< who set the server's value (in pull and conflicts pages)
    ConflictSide deviceSide; ///< who pushed the other value

    QJsonObject toJson() const;
    static FieldConflict fromJson(const QJsonObject& json);
};

struct ChangeResult
{
    QString key;
    QString status; ///< applied, duplicate, conflict or rejected
    QString firstStatus; ///< for a duplicate: the status the change got the first time
    qint64 serverVersion = 0;
    qint64 serverSeq = 0;
    std::vector<FieldConflict> conflicts;
    QString error; ///< rejected: an error_code value
    QString message; ///< rejected: the reason in plain words

    QJsonObject toJson() const;
    static ChangeResult fromJson(const QJsonObject& json);
};

/// @brief One record as a device receives it: its current state at its last server sequence.
struct PulledChange
{
    qint64 serverSeq = 0;
    QString entity;
    QString uuid;
    QString operation; ///< insert, update, delete or restrict
    QJsonObject fields;
    qint64 version = 0;

    QJsonObject toJson() const;
    static PulledChange fromJson(const QJsonObject& json);
};

struct PullReply
{
    std::vector<PulledChange> changes;
    std::vector<FieldConflict> conflicts; ///< the first protocol::kMaxConflictsPage open conflicts
    qint64 cursor = 0;
    bool more = false;
    bool conflictsMore = false; ///< more open conflicts: GET /api/v1/conflicts?after=conflictsCursor
    QString conflictsCursor;

    QJsonObject toJson() const;
    static Parsed<PullReply> fromJson(const QJsonObject& json);
};

/// @brief `GET /api/v1/conflicts?after=<cursor>&limit=<n>`: the next open conflicts, oldest first.
struct ConflictsPage
{
    std::vector<FieldConflict> conflicts;
    QString cursor; ///< where the next page starts (when more)
    bool more = false;

    QJsonObject toJson() const;
    static Parsed<ConflictsPage> fromJson(const QJsonObject& json);
};

struct RestrictionRequest
{
    QString requestUuid;
    QString clientUuid;
    QString reason; ///< no-sharing or revoked
    QDateTime requestedAt; ///< the device's clock: informational only

    QJsonObject toJson() const;
    static Parsed<RestrictionRequest> fromJson(const QJsonObject& json);
};

/// `POST /api/v1/device/audit-anchor`, and `auditAnchor` in the device status reply: the newest entry of
/// the workstation's audit chain and its SHA-256 (64 hex digits).
struct AuditAnchorMessage
{
    qint64 seq = 0;
    QString hash;

    QJsonObject toJson() const; ///< the fields only; a request wraps them in the envelope
    static Parsed<AuditAnchorMessage> fromJson(const QJsonObject& json);
};

/// An error reply body.
QJsonObject errorBody(const QString& code, const QString& message);

} // namespace hearth::sync
