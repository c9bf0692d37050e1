#include "core/crypto/SecretBytes.h"

#include <sodium.h>

#include <new>
#include <utility>

namespace hearth {

SecretBytes::SecretBytes(std::size_t size)
    : m_size(size)
{
    if (size == 0)
        return;
    m_data = static_cast<std::uint8_t*>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    sodium_memzero(m_data, size);
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::fromUtf8(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    SecretBytes secret = copyOf(utf8);
    wipe(utf8);
    return secret;
}

SecretBytes SecretBytes::copyOf(const QByteArray& bytes)
{
    SecretBytes secret(static_cast<std::size_t>(bytes.size()));
    if (!bytes.isEmpty())
        std::copy(bytes.cbegin(), bytes.cend(), reinterpret_cast<char*>(secret.m_data));
    return secret;
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes secret(size);
    randombytes_buf(secret.m_data, size);
    return secret;
}

bool SecretBytes::equals(const SecretBytes& other) const
{
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

void SecretBytes::clear()
{
    if (m_data)
        sodium_free(m_data); // sodium_free wipes before releasing
    m_data = nullptr;
    m_size = 0;
}

void wipe(QString& text)
{
    // Only an unshared buffer is ours to wipe; writing to a shared one would detach and wipe a copy.
    if (!text.isEmpty() && text.isDetached())
        sodium_memzero(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

} // namespace hearth
