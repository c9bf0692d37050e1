// The open conflicts list in pages (docs/sync-protocol.md, "Conflicts"): a pull carries the first
// kMaxConflictsPage of them and says whether more wait behind GET /api/v1/conflicts. A real hearth-server
// process over SQLite and PostgreSQL.
#include "sync/protocol/Protocol.h"
#include "tests/sync/support/SyncFixture.h"

#include <QSet>
#include <QUrlQuery>

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

constexpr int kPage = sync::protocol::kMaxConflictsPage;

sync::ConflictsPage conflictsAfter(const ApiClient& device, const QString& after, int limit = kPage)
{
    QUrlQuery query;
    query.addQueryItem(u"after"_qs, after);
    query.addQueryItem(u"limit"_qs, QString::number(limit));
    const Reply reply = device.get(u"/api/v1/conflicts?"_qs + query.toString(QUrl::FullyEncoded));
    INFO(reply.raw.toStdString());
    REQUIRE(reply.status == 200);
    auto parsed = sync::ConflictsPage::fromJson(reply.json);
    REQUIRE(std::holds_alternative<sync::ConflictsPage>(parsed));
    return std::get<sync::ConflictsPage>(parsed);
}

} // namespace

TEMPLATE_TEST_CASE("Open conflicts come a page at a time, none lost and none twice", "[server][conflicts]",
                   SqliteBackend, PostgresBackend)
{
    START_SERVER(f);
    auto front = f.device(u"maria"_qs);
    auto back = f.device(u"maria"_qs);
    constexpr int kClients = kPage + 50;
    const QJsonObject consent = consentRef(1);
    std::vector<sync::Change> inserts, edits, clashes;
    for (int i = 0; i < kClients; ++i) {
        const QString uuid = QStringLiteral("c-%1").arg(i);
        inserts.push_back(
            change(u"f:"_qs + uuid, u"client"_qs, uuid, clientFields(uuid, u"Ana"_qs, u"Reyes"_qs, consent)));
        edits.push_back(change(u"b:"_qs + uuid, u"client"_qs, uuid,
                               clientFields(uuid, u"Anna"_qs, u"Reyes"_qs, consent), 1, u"update"_qs));
        clashes.push_back(change(u"f2:"_qs + uuid, u"client"_qs, uuid,
                                 clientFields(uuid, u"Ana Maria"_qs, u"Reyes"_qs, consent), 1, u"update"_qs));
    }
    push(*front, inserts);
    push(*back, edits);
    QSet<QString> raised;
    for (const sync::ChangeResult& result : push(*front, clashes)) {
        REQUIRE(result.status == u"conflict");
        for (const sync::FieldConflict& c : result.conflicts)
            raised.insert(c.conflictId);
    }
    REQUIRE(raised.size() == kClients);

    // The pull carries the first page and where the rest start ...
    const sync::PullReply pulled = pull(*back);
    CHECK(pulled.conflicts.size() == std::size_t(kPage));
    CHECK(pulled.conflictsMore);
    REQUIRE_FALSE(pulled.conflictsCursor.isEmpty());
    QSet<QString> listed;
    for (const sync::FieldConflict& c : pulled.conflicts)
        listed.insert(c.conflictId);
    // ... and the rest come from /conflicts: together every open conflict, each once.
    const sync::ConflictsPage rest = conflictsAfter(*back, pulled.conflictsCursor);
    CHECK_FALSE(rest.more);
    CHECK(rest.conflicts.size() == std::size_t(kClients - kPage));
    for (const sync::FieldConflict& c : rest.conflicts) {
        CHECK_FALSE(listed.contains(c.conflictId));
        listed.insert(c.conflictId);
    }
    CHECK(listed == raised);

    // Smaller pages from the start walk the same list.
    QSet<QString> walked;
    int pages = 0;
    for (QString after;; ++pages) {
        const sync::ConflictsPage page = conflictsAfter(*front, after, 40);
        CHECK(page.conflicts.size() <= 40);
        for (const sync::FieldConflict& c : page.conflicts)
            walked.insert(c.conflictId);
        if (!page.more)
            break;
        after = page.cursor;
    }
    CHECK(walked == raised);
    CHECK(pages == (kClients + 39) / 40 - 1);

    // Another agency is listed none of them; a cursor the server never gave is refused.
    const sync::PullReply other = pull(*f.device(u"olga"_qs));
    CHECK(other.conflicts.empty());
    CHECK_FALSE(other.conflictsMore);
    CHECK(back->get(u"/api/v1/conflicts?after=garbage"_qs).status == 400);
    CHECK(back->get(QStringLiteral("/api/v1/conflicts?limit=%1").arg(kPage + 1)).status == 400);
}
