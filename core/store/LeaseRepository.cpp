#include "core/store/LeaseRepository.h"

#include "core/store/KeyValueRepositories.h"

namespace hearth {

namespace {
const QString kContactKey = QStringLiteral("sync_lease_contact_at");
const QString kUnlockedKey = QStringLiteral("sync_lease_unlocked_at");
const QString kSeenKey = QStringLiteral("sync_lease_seen_at");
const QString kDaysKey = QStringLiteral("sync_lease_days");

std::optional<QDateTime> timeFrom(const QByteArray& value)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs);
    return t.isValid() ? std::optional<QDateTime>(t) : std::nullopt;
}

// An unset value is stored empty (meta.value is NOT NULL).
QByteArray timeText(const std::optional<QDateTime>& t)
{
    return t ? t->toUTC().toString(Qt::ISODateWithMs).toLatin1() : QByteArray("");
}
} // namespace

Result<LeaseRecord> LeaseRepository::load() const
{
    MetaRepository meta(m_store);
    auto contact = meta.get(kContactKey);
    auto unlocked = meta.get(kUnlockedKey);
    auto seen = meta.get(kSeenKey);
    auto days = meta.get(kDaysKey);
    for (const Result<QByteArray>* r : {&contact, &unlocked, &seen, &days})
        if (!*r)
            return r->error();
    LeaseRecord record;
    record.contactAt = timeFrom(*contact);
    record.unlockedAt = timeFrom(*unlocked);
    record.seenAt = timeFrom(*seen);
    bool ok = false;
    const int n = days->toInt(&ok);
    if (ok && n > 0)
        record.leaseDays = n;
    return record;
}

Status LeaseRepository::save(const LeaseRecord& record)
{
    MetaRepository meta(m_store);
    for (const auto& [key, value] :
         {std::pair {&kContactKey, timeText(record.contactAt)}, std::pair {&kUnlockedKey, timeText(record.unlockedAt)},
          std::pair {&kSeenKey, timeText(record.seenAt)},
          std::pair {&kDaysKey, record.leaseDays ? QByteArray::number(*record.leaseDays) : QByteArray("")}}) {
        if (auto st = meta.set(*key, value); !st)
            return st;
    }
    return {};
}

} // namespace hearth
