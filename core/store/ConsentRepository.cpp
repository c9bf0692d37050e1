#include "core/store/ConsentRepository.h"

#include "core/consent/ConsentJson.h"
#include "core/store/JsonColumn.h"
#include "core/store/KeyValueRepositories.h"
#include "core/store/SqlValues.h"
#include "core/store/Store.h"

namespace hearth {

namespace {
const QString kConsentSettingsKey = QStringLiteral("consent");

QDateTime timeFrom(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

std::optional<QDate> optionalDate(const Statement& st, int column)
{
    const QDate d = st.isNull(column) ? QDate() : QDate::fromString(st.text(column), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

void bindRelease(Statement& st, const ReleaseOfInformation& r)
{
    st.bind(1, r.uuid)
        .bind(2, r.clientUuid)
        .bind(3, consent_json::kindName(r.kind))
        .bind(4, json_column::encode(consent_json::toJson(r)))
        .bind(5, iso(r.recordedAt));
    if (r.expiresOn.isValid())
        st.bind(6, r.expiresOn.toString(Qt::ISODate));
    else
        st.bindNull(6);
}

/// "?1,?2,...": SQLite takes lists as separate parameters.
QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 1; i <= count; ++i)
        marks.append(QLatin1Char('?') + QString::number(i));
    return marks.join(QLatin1Char(','));
}

} // namespace

Status ConsentRepository::insert(const ReleaseOfInformation& r)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO consents (uuid, client_uuid, kind, data, recorded_at, "
                                                  "expires_on) VALUES (?1,?2,?3,?4,?5,?6)"));
    if (!st)
        return st.error();
    bindRelease(*st, r);
    return st->run();
}

Status ConsentRepository::update(const ReleaseOfInformation& r)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE consents SET client_uuid = ?2, kind = ?3, data = ?4, "
                                                  "recorded_at = ?5, expires_on = ?6 WHERE uuid = ?1"));
    if (!st)
        return st.error();
    bindRelease(*st, r);
    if (auto run = st->run(); !run)
        return run;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QObject::tr("That release of information no longer exists."));
    return {};
}

Result<std::optional<ReleaseOfInformation>> ConsentRepository::find(const QString& uuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT data FROM consents WHERE uuid = ?1"));
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next())
        return std::optional<ReleaseOfInformation>(consent_json::releaseFromJson(json_column::decode(st->text(0))));
    if (!st->status())
        return st->status().error();
    return std::optional<ReleaseOfInformation>();
}

Result<std::vector<ReleaseOfInformation>> ConsentRepository::forClient(const QString& clientUuid) const
{
    auto all = forClients({clientUuid});
    if (!all)
        return all.error();
    return all->value(clientUuid);
}

Result<QHash<QString, std::vector<ReleaseOfInformation>>>
ConsentRepository::forClients(const QStringList& clientUuids) const
{
    QHash<QString, std::vector<ReleaseOfInformation>> out;
    // SQLite allows 32766 parameters; stay well below it.
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < clientUuids.size(); from += kChunk) {
        const QStringList chunk = clientUuids.mid(from, kChunk);
        auto st = m_store.db().prepare(QStringLiteral("SELECT client_uuid, data FROM consents WHERE client_uuid IN (")
                                       + placeholders(chunk.size())
                                       + QStringLiteral(") ORDER BY recorded_at DESC, uuid DESC"));
        if (!st)
            return st.error();
        for (qsizetype i = 0; i < chunk.size(); ++i)
            st->bind(int(i + 1), chunk.at(i));
        while (st->next())
            out[st->text(0)].push_back(consent_json::releaseFromJson(json_column::decode(st->text(1))));
        if (!st->status())
            return st->status().error();
    }
    return out;
}

Result<QStringList> ConsentRepository::clientsWithHmisExpiringBy(const QDate& day) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT DISTINCT client_uuid FROM consents WHERE kind = 'hmis' "
                                                  "AND expires_on IS NOT NULL AND expires_on <= ?1"));
    if (!st)
        return st.error();
    st->bind(1, day.toString(Qt::ISODate));
    QStringList out;
    while (st->next())
        out.append(st->text(0));
    if (!st->status())
        return st->status().error();
    return out;
}

Status ConsentRepository::saveAttachments(const QString& releaseUuid, const ConsentAttachments& a)
{
    if (a.signaturePng.isEmpty() && a.scannedForm.isEmpty())
        return {};
    auto st = m_store.db().prepare(QStringLiteral("INSERT OR REPLACE INTO consent_attachments (release_uuid, "
                                                  "signature, scanned_form, form_type, form_name) "
                                                  "VALUES (?1,?2,?3,?4,?5)"));
    if (!st)
        return st.error();
    st->bind(1, releaseUuid).bind(4, a.scannedFormType).bind(5, a.scannedFormName);
    if (a.signaturePng.isEmpty())
        st->bindNull(2);
    else
        st->bind(2, a.signaturePng);
    if (a.scannedForm.isEmpty())
        st->bindNull(3);
    else
        st->bind(3, a.scannedForm);
    return st->run();
}

Result<ConsentAttachments> ConsentRepository::attachments(const QString& releaseUuid) const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT signature, scanned_form, form_type, form_name FROM "
                                                  "consent_attachments WHERE release_uuid = ?1"));
    if (!st)
        return st.error();
    st->bind(1, releaseUuid);
    ConsentAttachments a;
    if (st->next()) {
        a.signaturePng = st->blob(0);
        a.scannedForm = st->blob(1);
        a.scannedFormType = st->text(2);
        a.scannedFormName = st->text(3);
    }
    if (!st->status())
        return st->status().error();
    return a;
}

Status ConsentRepository::insertRestriction(const RestrictionRequest& r)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO restriction_requests (uuid, client_uuid, "
                                                  "requested_at, requested_by, reason) VALUES (?1,?2,?3,?4,?5)"));
    if (!st)
        return st.error();
    st->bind(1, r.uuid).bind(2, r.clientUuid).bind(3, iso(r.requestedAt)).bind(4, r.requestedBy).bind(5, r.reason);
    return st->run();
}

Result<std::vector<RestrictionRequest>> ConsentRepository::pendingRestrictions() const
{
    auto st = m_store.db().prepare(QStringLiteral("SELECT uuid, client_uuid, requested_at, requested_by, reason "
                                                  "FROM restriction_requests WHERE delivered_at IS NULL "
                                                  "ORDER BY requested_at, uuid"));
    if (!st)
        return st.error();
    std::vector<RestrictionRequest> out;
    while (st->next())
        out.push_back({st->text(0), st->text(1), timeFrom(st->text(2)), st->text(3), st->text(4), std::nullopt});
    if (!st->status())
        return st->status().error();
    return out;
}

Status ConsentRepository::markRestrictionDelivered(const QString& uuid, const QDateTime& at)
{
    auto st = m_store.db().prepare(
        QStringLiteral("UPDATE restriction_requests SET delivered_at = ?2 WHERE uuid = ?1 AND delivered_at IS NULL"));
    if (!st)
        return st.error();
    st->bind(1, uuid).bind(2, iso(at));
    if (auto run = st->run(); !run)
        return run;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QObject::tr("That restriction request was already delivered."));
    return {};
}

Status ConsentRepository::insertAlert(const ConcurrentNoSharingAlert& a)
{
    auto st = m_store.db().prepare(QStringLiteral("INSERT INTO consent_alerts (uuid, project_uuid, day, count, "
                                                  "\"limit\", raised_at, raised_by) VALUES (?1,?2,?3,?4,?5,?6,?7)"));
    if (!st)
        return st.error();
    st->bind(1, a.uuid)
        .bind(2, a.projectUuid)
        .bind(3, a.day.toString(Qt::ISODate))
        .bind(4, qint64(a.count))
        .bind(5, qint64(a.limit))
        .bind(6, iso(a.raisedAt))
        .bind(7, a.raisedBy);
    return st->run();
}

Result<std::vector<ConcurrentNoSharingAlert>> ConsentRepository::openAlerts() const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT a.uuid, a.project_uuid, p.name, a.day, a.count, a.\"limit\", a.raised_at, a.raised_by "
                       "FROM consent_alerts a LEFT JOIN projects p ON p.uuid = a.project_uuid "
                       "WHERE a.acknowledged_at IS NULL ORDER BY a.raised_at DESC, a.uuid"));
    if (!st)
        return st.error();
    std::vector<ConcurrentNoSharingAlert> out;
    while (st->next()) {
        ConcurrentNoSharingAlert a;
        a.uuid = st->text(0);
        a.projectUuid = st->text(1);
        a.projectName = st->text(2);
        a.day = QDate::fromString(st->text(3), Qt::ISODate);
        a.count = int(st->integer(4));
        a.limit = int(st->integer(5));
        a.raisedAt = timeFrom(st->text(6));
        a.raisedBy = st->text(7);
        out.push_back(std::move(a));
    }
    if (!st->status())
        return st->status().error();
    return out;
}

Result<bool> ConsentRepository::hasOpenAlert(const QString& projectUuid) const
{
    auto st = m_store.db().prepare(
        QStringLiteral("SELECT 1 FROM consent_alerts WHERE project_uuid = ?1 AND acknowledged_at IS NULL LIMIT 1"));
    if (!st)
        return st.error();
    st->bind(1, projectUuid);
    const bool found = st->next();
    if (!st->status())
        return st->status().error();
    return found;
}

Status ConsentRepository::acknowledgeAlert(const QString& uuid, const QDateTime& at, const QString& by)
{
    auto st = m_store.db().prepare(QStringLiteral("UPDATE consent_alerts SET acknowledged_at = ?2, "
                                                  "acknowledged_by = ?3 WHERE uuid = ?1 AND acknowledged_at IS NULL"));
    if (!st)
        return st.error();
    st->bind(1, uuid).bind(2, iso(at)).bind(3, by);
    if (auto run = st->run(); !run)
        return run;
    if (m_store.db().changes() != 1)
        return makeError(ErrorCode::NotFound, QObject::tr("That alert was already acknowledged."));
    return {};
}

Result<ConsentSettings> ConsentRepository::settings() const
{
    auto json = SettingsRepository(m_store).get(kConsentSettingsKey);
    if (!json)
        return json.error();
    return consent_json::settingsFromJson(*json);
}

Status ConsentRepository::setSettings(const ConsentSettings& settings, const QDateTime& at, const QString& by)
{
    return SettingsRepository(m_store).set(kConsentSettingsKey, consent_json::toJson(settings), at, by);
}

Result<std::optional<RecordOwner>> ConsentRepository::ownerOf(const QString& entity, const QString& uuid) const
{
    QString sql;
    if (entity == u"client")
        sql = QStringLiteral("SELECT uuid, NULL, NULL FROM clients WHERE uuid = ?1");
    else if (entity == u"enrollment")
        sql = QStringLiteral("SELECT client_uuid, entry_date, NULL FROM enrollments WHERE uuid = ?1");
    else if (entity == u"service")
        sql = QStringLiteral("SELECT s.client_uuid, s.date_provided, e.entry_date FROM services s "
                             "LEFT JOIN enrollments e ON e.uuid = s.enrollment_uuid WHERE s.uuid = ?1");
    else if (entity == u"consent")
        sql = QStringLiteral("SELECT client_uuid, NULL, NULL FROM consents WHERE uuid = ?1");
    else
        return std::optional<RecordOwner>();
    auto st = m_store.db().prepare(sql);
    if (!st)
        return st.error();
    st->bind(1, uuid);
    if (st->next())
        return std::optional<RecordOwner>(RecordOwner {st->text(0), optionalDate(*st, 1), optionalDate(*st, 2)});
    if (!st->status())
        return st->status().error();
    return std::optional<RecordOwner>();
}

Status ConsentRepository::removeWithAttachments(const QString& releaseUuid)
{
    if (auto st
        = m_store.db().exec(QStringLiteral("DELETE FROM consent_attachments WHERE release_uuid = ?1"), releaseUuid);
        !st)
        return st;
    return m_store.db().exec(QStringLiteral("DELETE FROM consents WHERE uuid = ?1"), releaseUuid);
}

Status ConsentRepository::removePulledOfClient(const QString& clientUuid)
{
    const QString pulledOnly
        = QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM change_log l WHERE l.entity_uuid = consents.uuid)");
    if (auto st = m_store.db().exec(QStringLiteral("DELETE FROM consent_attachments WHERE release_uuid IN "
                                                   "(SELECT uuid FROM consents WHERE client_uuid = ?1")
                                        + pulledOnly + u')',
                                    clientUuid);
        !st)
        return st;
    return m_store.db().exec(QStringLiteral("DELETE FROM consents WHERE client_uuid = ?1") + pulledOnly, clientUuid);
}

} // namespace hearth
