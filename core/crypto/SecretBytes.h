#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace hearth {

/// @brief A fixed-size secret held in sodium-allocated, locked, guarded memory and wiped on destruction.
///
/// Keys and passwords live here rather than in QByteArray/QString, which copy freely and never wipe.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    /// Copies the UTF-8 form of @p text and wipes the temporary encoding.
    static SecretBytes fromUtf8(const QString& text);
    /// Copies @p bytes; the caller wipes its own copy.
    static SecretBytes copyOf(const QByteArray& bytes);
    static SecretBytes random(std::size_t size);

    std::uint8_t* data() { return m_data; }
    const std::uint8_t* data() const { return m_data; }
    const char* chars() const { return reinterpret_cast<const char*>(m_data); }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    bool equals(const SecretBytes& other) const;
    void clear();

private:
    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Overwrites a QString's and a QByteArray's storage in place (best effort: earlier copies are out of reach).
void wipe(QString& text);
void wipe(QByteArray& bytes);

} // namespace hearth
