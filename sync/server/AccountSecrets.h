#pragma once

#include <QByteArray>

namespace hearth::server::account_secrets {

/// An Argon2id hash of @p password (libsodium's string form); empty when hashing failed. The copy is wiped.
QByteArray hashPassword(QByteArray password);
bool verifyPassword(const QByteArray& hash, QByteArray password);
/// A hash to verify against when the login is unknown, so both answers take as long.
const QByteArray& dummyHash();

} // namespace hearth::server::account_secrets
