// Api::registerDevice: the sign-in limits and the stored hash are read on the request thread, the Argon2id
// check runs on m_hashing, and the answer is written back on the request thread (docs/sync-protocol.md,
// "Register a device").
#include "sync/server/AccountSecrets.h"
#include "sync/server/Api.h"
#include "sync/server/ApiReplies.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/ServerLog.h"

#include <QMetaObject>

#include <sodium.h>

namespace hearth::server {

using namespace api_reply;

struct Api::PendingSignIn
{
    sync::RegisterRequest request;
    QString address;
    SignInCandidate user;
    Reply reply;
    /// The password hashed again at the configured cost, when the stored hash was made at another.
    QByteArray upgradedHash;
};

std::optional<ApiResponse> Api::registerDevice(const ApiRequest& request, Reply& reply)
{
    std::optional<sync::RegisterRequest> parsed;
    if (auto refused = readMessage(request.body, parsed))
        return *refused;
    auto pending = std::make_shared<PendingSignIn>();
    pending->request = std::move(*parsed);
    pending->address = SignInLimits::addressKey(request.peerAddress, request.forwardedFor, m_config.behindProxy);
    const QString& login = pending->request.login;
    auto limited = m_limits.check(login, pending->address, m_clock());
    if (auto* failed = failureOf(limited))
        return error(*failed);
    if (const auto& refusal = std::get<std::optional<SignInLimits::Refusal>>(limited)) {
        ApiResponse response = error(sync::error_code::TooManyAttempts, refusal->message);
        response.retryAfterSeconds = refusal->retryAfterSeconds;
        return response;
    }
    auto user = m_accounts.signInCandidate(pending->request);
    if (auto* failed = failureOf(user))
        return error(*failed);
    pending->user = std::get<SignInCandidate>(std::move(user));
    pending->reply = std::move(reply);
    m_db.finishAll(); // nothing reads on while the check runs
    // Until it ends, the check counts as a failure, so guesses sent at once cannot overrun the limits.
    m_limits.started(login, pending->address);
    QObject* const replies = &m_replies;
    m_hashing.start([this, replies, pending, cost = m_accounts.hashCost(),
                     password = pending->request.password.toUtf8()]() mutable {
        const bool right = account_secrets::verifyPassword(pending->user.hash, password);
        if (right && pending->user.known && account_secrets::needsRehash(pending->user.hash, cost))
            pending->upgradedHash = account_secrets::hashPassword(std::move(password), cost);
        else
            sodium_memzero(password.data(), size_t(password.size()));
        // Queued to m_replies: it lives until m_hashing has waited for this task, and drops what it has not
        // run yet when it goes.
        QMetaObject::invokeMethod(
            replies, [this, pending, right] { finishRegistration(*pending, right); }, Qt::QueuedConnection);
    });
    return std::nullopt;
}

void Api::finishRegistration(PendingSignIn& pending, bool passwordRight)
{
    const QString& login = pending.request.login;
    m_limits.ended(login, pending.address);
    const QDateTime now = m_clock();
    ApiResponse response;
    if (!passwordRight || !pending.user.known) {
        if (Done failed = m_limits.recordFailure(login, pending.address, now))
            response = error(*failed);
        else
            response = error(sync::error_code::BadCredentials, QStringLiteral("The login or the password is wrong."));
    } else {
        auto reply = m_accounts.registerDevice(pending.request, pending.user, now, m_config.tokenLifetimeSeconds);
        if (auto* refused = failureOf(reply)) {
            response = error(*refused);
        } else if (Done failed = m_limits.recordSuccess(login, pending.address)) {
            response = error(*failed);
        } else {
            // The sign-in stands either way; the old hash is kept and is tried again next time.
            if (!pending.upgradedHash.isEmpty())
                if (Done notStored = m_accounts.upgradeHash(login, pending.user.hash, pending.upgradedHash))
                    qCWarning(lcServer) << "could not store a re-hashed password:" << notStored->message;
            sync::RegisterReply registered = std::get<sync::RegisterReply>(std::move(reply));
            registered.leaseDays = m_config.leaseDays;
            response = {200, registered.toJson(), 0};
        }
    }
    m_db.finishAll();
    pending.reply(std::move(response));
}

} // namespace hearth::server
