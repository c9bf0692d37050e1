#pragma once

#include "core/common/Result.h"
#include "sync/client/SyncFailure.h"
#include "sync/protocol/Messages.h"

#include <QObject>

namespace hearth {
class Vault;
}

namespace hearth::sync {

class SyncChannel;

/// @brief This workstation's standing with the agency server: registering it (an administrator's user name
/// and password for a device id and a token, kept in the encrypted store), the token and offline lease that
/// follow from the server's answers, and the device status check at sign-in and unlock that lets a revoked
/// workstation wipe itself without waiting for a sync (docs/security.md, "Remote wipe"). It reports what it
/// heard; SyncEngine decides what to do (the wipe included) and owns the state machine.
class Registration : public QObject
{
    Q_OBJECT
public:
    Registration(Vault& vault, SyncChannel& channel, QObject* parent = nullptr);

    /// The checks before a registration (the address, the permission, the device's public id). On success
    /// the channel is pointed at @p server and the request to send is returned.
    Result<RegisterRequest> prepare(const QUrl& server, const QString& login, const QString& password,
                                    const QString& deviceName, const QString& pinSha256);
    /// Sends @p request; ends with registered(), registrationFailed() or failed().
    void send(const RegisterRequest& request);

    /// Asks the registered server whether this workstation still is; false when there is nothing to ask.
    /// Ends with deviceStatusChecked().
    bool checkStatus();

    /// A wipe is obeyed only from the server this workstation registered with: never from an address
    /// being tried at a first registration, nor any other.
    bool fromRegisteredServer(const QUrl& replyUrl) const;
    /// The server refused the token: it is dropped, so no sync starts until someone signs in again.
    void forgetToken();
    /// An authenticated reply renews the offline lease with the server's leaseDays.
    void noteServerContact(const QJsonObject& reply);
    /// What a user reads when the server's sign-in has expired.
    static QString signInAgain();

Q_SIGNALS:
    /// The server answered the registration well; it is about to be saved.
    void answered();
    void registered();
    /// Saving the registration failed.
    void registrationFailed(const QString& message);
    /// The server's registration answer could not be read.
    void failed(const hearth::sync::SyncFailure& failure);
    /// The registered server said this workstation is revoked (status check).
    void revoked(const QString& reason);
    /// The status check's 200 answer (it carries the audit anchor the server kept).
    void statusAnswered(const QJsonObject& body);
    /// A status check ended: @p reached is false when the server could not be asked.
    void deviceStatusChecked(bool reached);

private:
    Vault& m_vault;
    SyncChannel& m_channel;
};

} // namespace hearth::sync
