// Stateless server processes over one PostgreSQL: concurrent pushes through two processes lose
// nothing and get unique, ordered server sequence numbers.
#include "tests/sync/support/SyncFixture.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("Two server processes over one PostgreSQL apply concurrent pushes without losing any", "[server][postgres]")
{
    SyncFixture f(true);
    if (!f.ready())
        SKIP(f.skipReason().toStdString());
    ServerProcess second(f.databaseSpec());
    QString why;
    if (!second.start(&why))
        FAIL(why.toStdString());
    auto front = f.device(u"maria"_qs);
    auto back = f.device(u"maria"_qs); // two desks of the client's agency (only it changes the profile)
    const QJsonObject consent = consentRef(1);
    push(*front,
         {change(u"seed"_qs, u"client"_qs, u"c-1"_qs, clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consent))});

    // Every request in flight at once: half through each process, each setting its own field of one
    // client (and creating its own service record), all from base version 1.
    constexpr int kPerDevice = 25;
    QNetworkAccessManager network;
    std::vector<QNetworkReply*> replies;
    for (int i = 0; i < kPerDevice * 2; ++i) {
        const bool viaFront = i % 2 == 0;
        const ApiClient& device = viaFront ? *front : *back;
        const ServerProcess& server = viaFront ? f.server() : second;
        QJsonObject fields = clientFields(u"c-1"_qs, u"Ana"_qs, u"Reyes"_qs, consent);
        fields.insert(QStringLiteral("Field%1").arg(i), i);
        sync::PushRequest request;
        request.deviceId = device.deviceId();
        request.changes = {change(QStringLiteral("k:%1").arg(i), u"client"_qs, u"c-1"_qs, fields, 1, u"update"_qs),
                           change(QStringLiteral("s:%1").arg(i), u"service"_qs, QStringLiteral("s-%1").arg(i),
                                  {{u"PersonalID"_qs, u"c-1"_qs}, {u"Consent"_qs, consent}})};
        QNetworkRequest http(server.url(u"/api/v1/push"_qs));
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        http.setRawHeader("Authorization", device.bearer());
        http.setRawHeader("X-Hearth-Device", device.deviceId().toLatin1());
        replies.push_back(network.post(http, QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact)));
    }
    QEventLoop loop;
    int finished = 0;
    for (QNetworkReply* reply : replies)
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (++finished == int(replies.size()))
                loop.quit();
        });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(finished == int(replies.size()));

    QSet<qint64> sequences;
    for (QNetworkReply* reply : replies) {
        REQUIRE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
        for (const QJsonValue& r : QJsonDocument::fromJson(reply->readAll()).object().value(u"results").toArray()) {
            const auto result = sync::ChangeResult::fromJson(r.toObject());
            CHECK(result.status == u"applied");
            CHECK_FALSE(sequences.contains(result.serverSeq));
            sequences.insert(result.serverSeq);
        }
        reply->deleteLater();
    }
    CHECK(sequences.size() == kPerDevice * 4);

    // A third desk sees everything (each pushing desk is not sent back what it pushed unchanged).
    const auto everything = pull(*f.device(u"maria"_qs));
    const auto client = pulled(everything, u"c-1"_qs);
    REQUIRE(client);
    for (int i = 0; i < kPerDevice * 2; ++i)
        CHECK(client->fields.value(QStringLiteral("Field%1").arg(i)).toInt() == i);
    CHECK(client->version == 1 + kPerDevice * 2);
    CHECK(everything.changes.size() == size_t(1 + kPerDevice * 2));
}
