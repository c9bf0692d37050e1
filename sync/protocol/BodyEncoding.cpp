#include "sync/protocol/BodyEncoding.h"

#include "sync/protocol/Protocol.h"

#include <QScopeGuard>

#include <climits>
#include <zlib.h>

namespace hearth::sync::body_encoding {

namespace ec = error_code;

Encoded encode(const QByteArray& body)
{
    if (body.size() <= kCompressAbove)
        return {body, {}};
    // qCompress writes a zlib stream after a 4-byte length of its own; HTTP's deflate is the stream alone.
    // Level 1: most of the gain for a fraction of the CPU of the default level.
    return {qCompress(body, 1).mid(4), kDeflate};
}

Parsed<QByteArray> decode(const QByteArray& bytes, const QByteArray& contentEncoding, qint64 maxBytes)
{
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    if (encoding.isEmpty() || encoding == "identity")
        return bytes;
    if (encoding != kDeflate)
        return ParseError {ec::MalformedRequest,
                           QStringLiteral("The request is encoded as \"%1\"; this server reads deflate only.")
                               .arg(QString::fromLatin1(contentEncoding))};
    if (bytes.size() > INT_MAX)
        return ParseError {ec::PayloadTooLarge, QStringLiteral("The request is too large.")};
    z_stream stream {};
    if (inflateInit(&stream) != Z_OK)
        return ParseError {ec::Internal, QStringLiteral("The server could not start decompressing.")};
    const auto end = qScopeGuard([&stream] { inflateEnd(&stream); });
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.constData()));
    stream.avail_in = uInt(bytes.size());
    QByteArray out;
    constexpr qsizetype kStep = 256 * 1024;
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        // Grow a step at a time and stop at the limit: a small "zip bomb" never becomes a large allocation.
        if (out.size() > maxBytes)
            return ParseError {ec::PayloadTooLarge,
                               QStringLiteral("The request is larger than %1 bytes once decompressed: send smaller "
                                              "batches.")
                                   .arg(maxBytes)};
        const qsizetype used = out.size();
        out.resize(std::min<qsizetype>(used + kStep, maxBytes + 1));
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + used);
        stream.avail_out = uInt(out.size() - used);
        result = inflate(&stream, Z_NO_FLUSH);
        out.resize(out.size() - qsizetype(stream.avail_out));
        if (result == Z_STREAM_END)
            break;
        if (result != Z_OK || (stream.avail_in == 0 && stream.avail_out != 0))
            return ParseError {ec::MalformedRequest,
                               QStringLiteral("The request says it is deflate-encoded but does not decompress.")};
    }
    if (out.size() > maxBytes)
        return ParseError {ec::PayloadTooLarge,
                           QStringLiteral("The request is larger than %1 bytes once decompressed: send smaller "
                                          "batches.")
                               .arg(maxBytes)};
    return out;
}

} // namespace hearth::sync::body_encoding
