#pragma once

#include <QByteArray>

namespace hearth::server {

/// How much work one password hash costs. Interactive is libsodium's choice for sign-in (64 MiB, 2 passes);
/// InsecureFastForTests is its minimum, so a test suite that signs in thousands of times runs in seconds.
/// Hashes made with it fall to a GPU in minutes: the server warns on every start while it is set, and a
/// sign-in with the right password re-hashes at the configured cost (see Api::finishRegistration).
enum class PasswordHashCost
{
    Interactive,
    InsecureFastForTests
};

namespace account_secrets {

/// An Argon2id hash of @p password (libsodium's string form); empty when hashing failed. The copy is wiped.
QByteArray hashPassword(QByteArray password, PasswordHashCost cost);
bool verifyPassword(const QByteArray& hash, QByteArray password);
/// True when @p hash was made at another cost than @p cost, or cannot be read.
bool needsRehash(const QByteArray& hash, PasswordHashCost cost);
/// A hash to verify against when the login is unknown, so both answers take as long.
const QByteArray& dummyHash(PasswordHashCost cost);

} // namespace account_secrets

} // namespace hearth::server
