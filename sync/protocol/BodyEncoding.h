#pragma once

#include "sync/protocol/Messages.h"

#include <QByteArray>

namespace hearth::sync {

/// @brief Request bodies on the wire: a large body goes deflate-encoded (RFC 9110 "deflate", a zlib
/// stream), a small one as it is (docs/sync-protocol.md, "Transport").
///
/// JSON records repeat their field names, so a push batch shrinks about sevenfold. That matters twice:
/// outreach laptops sync over metered mobile data, and Qt Network hands a request body to its HTTP thread
/// 16 KiB at a time through the event loop, which cost a 400 KB batch ~45 ms on loopback.
namespace body_encoding {

inline constexpr char kDeflate[] = "deflate";
/// Bodies up to this size are sent as they are: compressing them gains nothing worth the CPU.
inline constexpr qsizetype kCompressAbove = 4096;

struct Encoded
{
    QByteArray bytes;
    QByteArray contentEncoding; ///< empty: sent as it is
};

Encoded encode(const QByteArray& body);

/// The body as sent before encoding. Refuses, with the protocol's error codes, an encoding other than
/// deflate (malformed-request), a stream that does not inflate (malformed-request), and one that inflates
/// to more than @p maxBytes (payload-too-large) before allocating more than that.
Parsed<QByteArray> decode(const QByteArray& bytes, const QByteArray& contentEncoding, qint64 maxBytes);

} // namespace body_encoding
} // namespace hearth::sync
