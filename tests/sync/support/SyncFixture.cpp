#include "tests/sync/support/SyncFixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

namespace hearth::test {

QJsonObject consentRef(int choice, const QStringList& sharedWith, bool restricted, const QString& releaseId,
                       const QString& enteringAgency)
{
    return {{u"ReleaseID"_qs, releaseId},
            {u"Choice"_qs, choice},
            {u"Categories"_qs, choice == 3 ? 14 : 15},
            {u"SharedWith"_qs, QJsonArray::fromStringList(sharedWith)},
            {u"Restricted"_qs, restricted},
            {u"EnteringAgency"_qs, enteringAgency},
            {u"ExpiresOn"_qs, u"2028-01-05"_qs}};
}

QJsonObject clientFields(const QString& uuid, const QString& first, const QString& last, const QJsonObject& consent)
{
    return {{u"PersonalID"_qs, uuid},   {u"FirstName"_qs, first}, {u"LastName"_qs, last},
            {u"NameDataQuality"_qs, 1}, {u"VeteranStatus"_qs, 0}, {u"Consent"_qs, consent}};
}

sync::Change change(const QString& key, const QString& entity, const QString& uuid, const QJsonObject& fields,
                    qint64 baseVersion, const QString& operation)
{
    sync::Change c;
    c.key = key;
    c.entity = entity;
    c.uuid = uuid;
    c.operation = operation;
    c.fields = fields;
    c.baseVersion = baseVersion;
    return c;
}

DatabaseProbe::DatabaseProbe(const QString& spec)
    : m_spec(spec)
{
    static int counter = 0;
    m_connection = QStringLiteral("probe-%1").arg(++counter);
    if (spec.contains(u"dbname=")) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_qs, m_connection);
        for (const QString& pair : spec.split(u' ')) {
            const QString key = pair.section(u'=', 0, 0);
            const QString value = pair.section(u'=', 1);
            if (key == u"host")
                db.setHostName(value);
            else if (key == u"port")
                db.setPort(value.toInt());
            else if (key == u"dbname")
                db.setDatabaseName(value);
            else if (key == u"user")
                db.setUserName(value);
        }
        db.open();
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connection);
        db.setDatabaseName(spec);
        db.open();
    }
}

DatabaseProbe::~DatabaseProbe()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool DatabaseProbe::containsText(const QString& needle)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    REQUIRE(db.isOpen());
    for (const QString& table : db.tables()) {
        QSqlQuery query(db);
        REQUIRE(query.exec(u"SELECT * FROM "_qs + table));
        while (query.next())
            for (int i = 0; i < query.record().count(); ++i)
                if (query.value(i).toString().contains(needle))
                    return true;
    }
    return false;
}

qint64 DatabaseProbe::count(const QString& table)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    REQUIRE(query.exec(u"SELECT COUNT(*) FROM "_qs + table));
    REQUIRE(query.next());
    return query.value(0).toLongLong();
}

QVariant DatabaseProbe::exec(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    REQUIRE(query.exec(sql));
    return query.isSelect() && query.next() ? query.value(0) : QVariant();
}

QStringList DatabaseProbe::column(const QString& sql, int column)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    INFO(sql.toStdString());
    REQUIRE(query.exec(sql));
    QStringList values;
    while (query.next())
        values.append(query.value(column).toString());
    return values;
}

SyncFixture::SyncFixture(bool postgres, QProcessEnvironment environment)
{
    if (postgres) {
        PostgresCluster* cluster = PostgresCluster::shared(&m_skipReason);
        if (!cluster)
            return;
        m_spec = cluster->createDatabase();
        REQUIRE_FALSE(m_spec.isEmpty());
    } else {
        m_spec = m_dir.filePath(u"server.db"_qs);
    }
    auto server = std::make_unique<ServerProcess>(m_spec, environment);
    const QList<QPair<QString, QString>> agencies {
        {u"SH1"_qs, u"Shelter One"_qs}, {u"HH"_qs, u"Harbor House"_qs}, {u"OT"_qs, u"Other Place"_qs}};
    QString output;
    for (const auto& [code, name] : agencies) {
        const int exit = server->admin({u"agency"_qs, u"add"_qs, code, name}, {}, &output);
        INFO(output.toStdString());
        REQUIRE(exit == 0);
    }
    const QList<QPair<QString, QString>> users {
        {u"maria"_qs, u"SH1"_qs}, {u"hank"_qs, u"HH"_qs}, {u"olga"_qs, u"OT"_qs}};
    for (const auto& [login, agency] : users)
        REQUIRE(server->admin({u"user"_qs, u"add"_qs, u"--agency"_qs, agency, login}, passwordOf(login).toUtf8() + '\n')
                == 0);
    QString why;
    if (!server->start(&why))
        FAIL("hearth-server did not start: " << why.toStdString());
    m_server = std::move(server);
}

std::unique_ptr<ApiClient> SyncFixture::device(const QString& login, const QString& publicId)
{
    auto client = std::make_unique<ApiClient>(*m_server);
    const QString id = publicId.isEmpty() ? QStringLiteral("workstation-%1").arg(++m_devices) : publicId;
    REQUIRE(client->signIn(login, passwordOf(login), id));
    return client;
}

std::vector<sync::ChangeResult> push(const ApiClient& device, const std::vector<sync::Change>& changes, Reply* out)
{
    sync::PushRequest request;
    request.deviceId = device.deviceId();
    request.changes = changes;
    const Reply reply = device.post(u"/api/v1/push"_qs, request.toJson());
    if (out)
        *out = reply;
    std::vector<sync::ChangeResult> results;
    for (const QJsonValue& r : reply.json.value(u"results").toArray())
        results.push_back(sync::ChangeResult::fromJson(r.toObject()));
    if (!out) {
        // Callers that do not look at the reply expect one result per change.
        INFO(reply.raw.toStdString());
        REQUIRE(reply.status == 200);
        REQUIRE(results.size() == changes.size());
    }
    return results;
}

sync::PullReply pull(const ApiClient& device, qint64 since)
{
    const Reply reply = device.get(QStringLiteral("/api/v1/pull?since=%1&limit=1000").arg(since));
    REQUIRE(reply.status == 200);
    auto parsed = sync::PullReply::fromJson(reply.json);
    REQUIRE(std::holds_alternative<sync::PullReply>(parsed));
    return std::get<sync::PullReply>(parsed);
}

std::optional<sync::PulledChange> pulled(const sync::PullReply& reply, const QString& uuid)
{
    for (const sync::PulledChange& c : reply.changes)
        if (c.uuid == uuid)
            return c;
    return std::nullopt;
}

} // namespace hearth::test
