#include "core/store/CaseNumbers.h"

#include "core/crypto/Crypto.h"
#include "core/store/ClientRepository.h"
#include "core/store/KeyValueRepositories.h"

#include <QRegularExpression>

namespace hearth {

namespace {
const QString kPrefixKey = QStringLiteral("case_number_prefix");
const QString kSequenceKey = QStringLiteral("case_number_sequence");
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
} // namespace

Result<QString> CaseNumbers::prefix()
{
    MetaRepository meta(m_store);
    auto stored = meta.get(kPrefixKey);
    if (!stored)
        return stored.error();
    if (!stored->isEmpty())
        return QString::fromLatin1(*stored);
    const QByteArray random = crypto::randomBytes(5);
    QString made;
    for (char byte : random)
        made.append(QLatin1Char(kCrockford[static_cast<unsigned char>(byte) % 32]));
    if (auto st = meta.set(kPrefixKey, made.toLatin1()); !st)
        return st.error();
    return made;
}

Result<QString> CaseNumbers::next()
{
    auto pre = prefix();
    if (!pre)
        return pre.error();
    MetaRepository meta(m_store);
    auto stored = meta.get(kSequenceKey);
    if (!stored)
        return stored.error();
    qint64 sequence = stored->toLongLong();
    // Skip numbers already used (a store restored from an older copy may hold some).
    for (;;) {
        ++sequence;
        const QString candidate = *pre + u'-' + QString::number(sequence).rightJustified(5, u'0');
        auto taken = ClientRepository(m_store).caseNumberTaken(candidate);
        if (!taken)
            return taken.error();
        if (!*taken) {
            if (auto st = meta.set(kSequenceKey, QByteArray::number(sequence)); !st)
                return st.error();
            return candidate;
        }
    }
}

bool CaseNumbers::looksLikeCaseNumber(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{5}-[0-9]{5,}$"));
    return pattern.match(text.trimmed().toUpper()).hasMatch();
}

} // namespace hearth
