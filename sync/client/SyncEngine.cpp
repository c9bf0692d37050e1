#include "sync/client/SyncEngine.h"

#include "core/common/Plural.h"
#include "core/syncstate/SyncState.h"
#include "core/vault/Vault.h"
#include "sync/client/AuditAnchorSync.h"
#include "sync/client/EngineCodes.h"
#include "sync/client/PullPipeline.h"
#include "sync/client/Registration.h"
#include "sync/client/SyncChannel.h"
#include "sync/protocol/Protocol.h"

#include <QLoggingCategory>
#include <QScopeGuard>
#include <QTimer>

namespace hearth::sync {

namespace {
Q_LOGGING_CATEGORY(lcSync, "hearth.sync")
} // namespace

SyncEngine::SyncEngine(Vault& vault, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_backoff(m_settings.retryInitialMs, m_settings.retryCapMs)
    , m_retryTimer(new QTimer(this))
    , m_channel(new SyncChannel(this))
    , m_registration(new Registration(vault, *m_channel, this))
    , m_push(new PushPipeline(vault, *m_channel, m_settings, this))
    , m_pull(new PullPipeline(vault, *m_channel, m_settings, this))
    , m_anchor(new AuditAnchorSync(vault, *m_channel, this))
{
    m_channel->setTimeoutMs(m_settings.requestTimeoutMs);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] { syncNow(); });
    connectParts();
    // An expired offline lease closes client records, but not to a sync: syncing is how it renews.
    m_vault.setSyncRunningCheck([this] { return m_starting || isBusy(); });
}

SyncEngine::~SyncEngine()
{
    m_vault.setSyncRunningCheck({});
    m_channel->abort();
}

void SyncEngine::connectParts()
{
    connect(m_channel, &SyncChannel::failed, this, &SyncEngine::fail);
    connect(m_channel, &SyncChannel::refused, this, &SyncEngine::onRefused);
    connect(m_channel, &SyncChannel::answered, this, [this](const QJsonObject& body) {
        // The registration reply is recorded once the registration is saved (the lease starts with it).
        if (m_phase != Phase::Registering)
            m_registration->noteServerContact(body);
    });

    connect(m_registration, &Registration::answered, this, [this] { m_phase = Phase::Idle; });
    connect(m_registration, &Registration::registered, this, &SyncEngine::registered);
    connect(m_registration, &Registration::registrationFailed, this, &SyncEngine::registrationFailed);
    connect(m_registration, &Registration::failed, this, &SyncEngine::fail);
    connect(m_registration, &Registration::statusAnswered, m_anchor, &AuditAnchorSync::check);
    connect(m_registration, &Registration::deviceStatusChecked, this, &SyncEngine::deviceStatusChecked);
    connect(m_registration, &Registration::revoked, this, [this](const QString& reason) {
        // A sync started meanwhile hears the same answer and acts on it; one wipe is enough.
        if (!isBusy())
            wipeRevoked(reason);
    });

    connect(m_push, &PushPipeline::progress, this, &SyncEngine::progress);
    connect(m_push, &PushPipeline::answered, this, [this] { m_backoff.reset(); });
    connect(m_push, &PushPipeline::batchPreparedAhead, this, &SyncEngine::batchPreparedAhead);
    connect(m_push, &PushPipeline::done, this, &SyncEngine::startPull);
    connect(m_push, &PushPipeline::failed, this, &SyncEngine::fail);
    connect(m_push, &PushPipeline::refused, this, [this](const QString& refusal) {
        m_phase = Phase::Idle;
        Q_EMIT finished(false, refusal);
    });

    connect(m_pull, &PullPipeline::pulled, this, &SyncEngine::pulled);
    connect(m_pull, &PullPipeline::conflictsChanged, this, &SyncEngine::conflictsChanged);
    connect(m_pull, &PullPipeline::done, this, &SyncEngine::sendAuditAnchor);
    connect(m_pull, &PullPipeline::failed, this, &SyncEngine::fail);

    connect(m_anchor, &AuditAnchorSync::sent, this, &SyncEngine::succeed);
    connect(m_anchor, &AuditAnchorSync::broken, this, &SyncEngine::auditAnchorBroken);
}

void SyncEngine::setSettings(const SyncSettings& settings)
{
    m_settings = settings;
    m_settings.batchSize = std::clamp(m_settings.batchSize, 1, protocol::kDefaultMaxChanges);
    m_backoff = Backoff(m_settings.retryInitialMs, m_settings.retryCapMs);
    m_channel->setTimeoutMs(m_settings.requestTimeoutMs);
}

void SyncEngine::setReviewForTesting(Review review)
{
    m_push->setReview(std::move(review));
}

void SyncEngine::cancel()
{
    m_retryTimer->stop();
    m_channel->cancel();
    m_phase = Phase::Idle;
    m_push->stop();
}

void SyncEngine::registerDevice(const QUrl& server, const QString& login, const QString& password,
                                const QString& deviceName, const QString& pinSha256)
{
    if (isBusy()) {
        Q_EMIT registrationFailed(tr("A sync is running. Try again when it has finished."));
        return;
    }
    auto request = m_registration->prepare(server, login, password, deviceName, pinSha256);
    if (!request) {
        Q_EMIT registrationFailed(request.error().message);
        return;
    }
    m_phase = Phase::Registering;
    m_registration->send(*request);
}

bool SyncEngine::checkDeviceStatus()
{
    return !isBusy() && m_registration->checkStatus();
}

bool SyncEngine::syncNow()
{
    if (isBusy())
        return false;
    m_retryTimer->stop();
    m_starting = true;
    const auto started = qScopeGuard([this] { m_starting = false; });
    auto registration = SyncState(m_vault).registration();
    if (!registration) {
        Q_EMIT finished(false, registration.error().message);
        return true;
    }
    if (!registration->has_value()) {
        fail({SyncFailure::Kind::Final, engine_code::NotRegistered,
              tr("This workstation is not registered with an HMIS server yet. An administrator registers it on "
                 "the Sync page."),
              false});
        return true;
    }
    m_channel->setRegistration(**registration);
    if ((*registration)->token.isEmpty()) {
        fail({SyncFailure::Kind::Final, error_code::TokenExpired, Registration::signInAgain(), false});
        return true;
    }
    m_pull->reset();
    m_phase = Phase::Pushing;
    m_push->start();
    return true;
}

void SyncEngine::startPull()
{
    m_phase = Phase::Pulling;
    m_pull->start(m_push->takeConflicts());
}

void SyncEngine::sendAuditAnchor()
{
    // A chain found broken sends nothing more: the server keeps the anchor it had, and says so at each sign-in.
    const auto anchor = m_anchor->due();
    if (!anchor) {
        succeed();
        return;
    }
    m_phase = Phase::Anchoring;
    m_anchor->send(*anchor);
}

void SyncEngine::onRefused(const ServerRefusal& refusal)
{
    const int status = refusal.status;
    const QString& code = refusal.code;
    if (status == 401 && (code == error_code::TokenExpired || code == error_code::TokenInvalid)) {
        if (m_phase != Phase::Registering)
            m_registration->forgetToken();
        fail({SyncFailure::Kind::Final, code, Registration::signInAgain(), true});
        return;
    }
    if (status == 401 && code == error_code::BadCredentials) {
        fail({SyncFailure::Kind::Final, code, tr("The server did not accept that user name and password."), true});
        return;
    }
    if (status == 403 && code == error_code::DeviceRevoked) {
        const QString reason = refusal.body.value(u"reason").toString();
        fail({SyncFailure::Kind::Final, code,
              tr("An administrator revoked this workstation on the HMIS server. Reason given: %1").arg(reason), true});
        if (m_registration->fromRegisteredServer(refusal.url))
            wipeRevoked(reason);
        else
            qCWarning(lcSync) << "device-revoked from a server this workstation is not registered with: not wiped";
        return;
    }
    if (m_phase == Phase::Pushing && m_push->restrictionRefused(status, code))
        return;
    if (m_phase == Phase::Anchoring && status == 409 && code == error_code::AuditAnchorConflict) {
        // The records went and came back: the sync succeeded. The chain is what needs an administrator.
        qCWarning(lcSync) << "the server refused this workstation's audit anchor";
        Q_EMIT auditAnchorBroken(refusal.body.value(u"message").toString());
        succeed();
        return;
    }
    qCWarning(lcSync) << "server refused the request" << status << code;
    fail({SyncFailure::Kind::Final, code.isEmpty() ? QString::number(status) : code,
          tr("The HMIS server refused the request (error %1: %2).")
              .arg(status)
              .arg(refusal.hasBody ? refusal.body.value(u"message").toString() : tr("no details")),
          true});
}

void SyncEngine::succeed()
{
    m_phase = Phase::Idle;
    m_backoff.reset();
    SyncState state(m_vault);
    (void)state.recordSuccess();
    const qint64 sent = m_push->sentCount();
    const qint64 pulled = m_pull->pulledCount();
    const int rejected = m_push->rejectedCount();
    QString message = plural(sent, tr("Sync finished: 1 change sent."), tr("Sync finished: %1 changes sent."));
    if (pulled > 0)
        message += u' ' + plural(pulled, tr("1 record received."), tr("%1 records received."));
    if (rejected > 0) {
        const QString refused = plural(rejected, tr("The server refused 1 change (%1); it stays on this workstation."),
                                       tr("The server refused %1 changes (%2); they stay on this workstation."))
                                    .arg(m_push->rejectedCodes().join(u", "));
        (void)state.recordFailure(QStringLiteral("rejected"), refused, true);
        message += u' ' + refused;
    }
    qCInfo(lcSync) << "sync finished:" << sent << "sent," << rejected << "rejected";
    Q_EMIT finished(true, message);
}

void SyncEngine::fail(const SyncFailure& failure)
{
    const Phase phase = m_phase;
    m_phase = Phase::Idle;
    m_channel->forget();
    m_push->stop();
    qCWarning(lcSync) << "sync failed:" << failure.code;
    if (phase == Phase::Registering) {
        Q_EMIT registrationFailed(failure.message);
        return;
    }
    if (m_vault.state() == Vault::State::Unlocked)
        (void)SyncState(m_vault).recordFailure(failure.code, failure.message, failure.reachedServer);
    Q_EMIT finished(false, failure.message);
    if (failure.kind == SyncFailure::Kind::Transient && m_settings.retry) {
        const qint64 delay = m_backoff.next();
        m_retryTimer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
        Q_EMIT retryScheduled(delay);
    }
}

void SyncEngine::wipeRevoked(const QString& reason)
{
    m_retryTimer->stop();
    m_channel->clearRegistration();
    m_push->clear();
    if (auto st = m_vault.wipeAfterRevocation(reason); !st)
        qCWarning(lcSync) << "remote wipe incomplete";
    else
        qCInfo(lcSync) << "remote wipe done";
    Q_EMIT deviceRevoked(reason);
}

} // namespace hearth::sync
