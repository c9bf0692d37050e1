#include "core/crypto/RecoveryKey.h"

#include "core/crypto/Crypto.h"

#include <QObject>

#include <sodium.h>

namespace hearth {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kKeyChars = 52; // ceil(256 / 5)
constexpr int kCheckChars = 4;
constexpr int kGroup = 4;

int decodeChar(QChar c)
{
    char ch = static_cast<char>(c.toUpper().toLatin1());
    if (ch == 'O')
        ch = '0';
    if (ch == 'I' || ch == 'L')
        ch = '1';
    for (int i = 0; i < 32; ++i)
        if (kAlphabet[i] == ch)
            return i;
    return -1;
}

// Big-endian bit stream of the key, 5 bits a character.
void encodeBits(const unsigned char* data, std::size_t size, int chars, char* out)
{
    for (int i = 0; i < chars; ++i) {
        int value = 0;
        for (int b = 0; b < 5; ++b) {
            const std::size_t bit = static_cast<std::size_t>(i * 5 + b);
            const int set = bit < size * 8 ? (data[bit / 8] >> (7 - bit % 8)) & 1 : 0;
            value = (value << 1) | set;
        }
        out[i] = kAlphabet[value];
    }
}

void checksum(const SecretBytes& secret, char* out)
{
    unsigned char digest[crypto_generichash_BYTES_MIN];
    crypto_generichash(digest, sizeof digest, secret.data(), secret.size(), nullptr, 0);
    encodeBits(digest, sizeof digest, kCheckChars, out);
}
} // namespace

RecoveryKey RecoveryKey::generate()
{
    return RecoveryKey(SecretBytes::random(crypto::kDataKeyBytes));
}

Result<RecoveryKey> RecoveryKey::parse(const QString& text)
{
    SecretBytes digits(kKeyChars + kCheckChars);
    int count = 0;
    for (QChar c : text) {
        if (c.isSpace() || c == u'-')
            continue;
        const int value = decodeChar(c);
        if (value < 0 || count >= kKeyChars + kCheckChars)
            return makeError(
                ErrorCode::InvalidInput,
                QObject::tr("A recovery key has 14 groups of 4 letters and digits. Check what you typed."));
        digits.data()[count++] = static_cast<std::uint8_t>(value);
    }
    if (count != kKeyChars + kCheckChars)
        return makeError(ErrorCode::InvalidInput,
                         QObject::tr("A recovery key has 14 groups of 4 letters and digits. Check what you typed."));
    SecretBytes secret(crypto::kDataKeyBytes);
    for (int bit = 0; bit < 256; ++bit) {
        const int set = (digits.data()[bit / 5] >> (4 - bit % 5)) & 1;
        secret.data()[bit / 8] = static_cast<std::uint8_t>(secret.data()[bit / 8] | (set << (7 - bit % 8)));
    }
    char expected[kCheckChars];
    checksum(secret, expected);
    for (int i = 0; i < kCheckChars; ++i) {
        if (kAlphabet[digits.data()[kKeyChars + i]] != expected[i])
            return makeError(
                ErrorCode::InvalidInput,
                QObject::tr("The recovery key has a typo: its last group does not match. Check each group."));
    }
    return RecoveryKey(std::move(secret));
}

QString RecoveryKey::formatted() const
{
    char raw[kKeyChars + kCheckChars];
    encodeBits(m_secret.data(), m_secret.size(), kKeyChars, raw);
    checksum(m_secret, raw + kKeyChars);
    QString out;
    out.reserve((kKeyChars + kCheckChars) / kGroup * (kGroup + 1));
    for (int i = 0; i < kKeyChars + kCheckChars; ++i) {
        if (i > 0 && i % kGroup == 0)
            out += u'-';
        out += QLatin1Char(raw[i]);
    }
    sodium_memzero(raw, sizeof raw);
    return out;
}

} // namespace hearth
