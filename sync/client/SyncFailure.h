#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace hearth::sync {

/// @brief Why a step of a sync stopped, as SyncEngine's state machine needs it: whether to try again later,
/// the code recorded (SyncState::recordFailure; EngineCodes.h or the server's), a sentence a user can read,
/// and whether the server was reached. The channel and every phase report failures this way and leave the
/// recording, the retry and the signals to the engine.
struct SyncFailure
{
    enum class Kind
    {
        Transient, ///< try again later
        Final, ///< needs a person (sign in again, a refusal, a revoked device)
    };
    Kind kind = Kind::Final;
    QString code;
    QString message;
    bool reachedServer = false;
};

/// @brief A server's answer that refuses the request (a 4xx other than what SyncChannel reports as a
/// failure itself): what the engine needs to decide whether it is a token, a revocation, a refusal a
/// phase expects, or a plain refusal.
struct ServerRefusal
{
    int status = 0;
    QString code; ///< the body's `error`, empty when there is none
    bool hasBody = false; ///< the answer was a JSON object
    QJsonObject body;
    QUrl url; ///< where the answer came from (a wipe is obeyed only from the registered server)
};

} // namespace hearth::sync
