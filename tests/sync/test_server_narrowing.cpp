// Narrowing removes data (issue "trust repair", point 4): when a client's consent narrows, the server
// takes out what the new release no longer allows, from the record, its history and its conflicts, and
// no agency pulls it again. A real hearth-server process over SQLite and PostgreSQL.
#include "tests/support/QtStringMakers.h"
#include "tests/sync/ServerSyncSupport.h"
#include "tests/sync/support/SyncFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <catch2/catch_template_test_macros.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {

constexpr int kIdentifyingAndStays = 0x1 | 0x2; // Limited without health and DV

const QString kClient = u"c-narrow"_qs;
const QString kEnrollment = u"e-narrow"_qs;

QJsonObject profile(const QJsonObject& consent, const QString& last)
{
    QJsonObject fields = clientFields(kClient, u"CANARY-FIRST"_qs, last, consent);
    fields.insert(u"SSN"_qs, u"CANARY-SSN"_qs);
    fields.insert(u"DOB"_qs, u"1961-02-03"_qs);
    fields.insert(u"AdditionalRaceEthnicity"_qs, u"CANARY-TYPED"_qs);
    return fields;
}

QJsonObject enrollment(const QJsonObject& consent)
{
    return {{u"EnrollmentID"_qs, kEnrollment},
            {u"PersonalID"_qs, kClient},
            {u"EntryDate"_qs, u"2026-01-02"_qs},
            {u"DisablingCondition"_qs, 1},
            {u"EntryValues"_qs,
             QJsonObject {{u"GeneralHealthStatus"_qs, u"CANARY-HEALTH"_qs},
                          {u"WhenOccurred"_qs, u"CANARY-DV"_qs},
                          {u"IncomeFromAnySource"_qs, u"KEPT-INCOME"_qs}}},
            {u"Assessments"_qs,
             QJsonArray {QJsonObject {{u"File"_qs, u"Disabilities"_qs}, {u"Answer"_qs, u"CANARY-DISABILITY"_qs}},
                         QJsonObject {{u"File"_qs, u"EmploymentEducation"_qs}, {u"Answer"_qs, u"KEPT-EDUCATION"_qs}}}},
            {u"Consent"_qs, consent}};
}

QJsonObject release(const QJsonObject& consent)
{
    return {{u"ReleaseID"_qs, consent.value(u"ReleaseID")}, {u"PersonalID"_qs, kClient}, {u"Consent"_qs, consent}};
}

/// Every text a pull delivered, as one string to search.
QString pulledText(const sync::PullReply& reply)
{
    QString all;
    for (const sync::PulledChange& c : reply.changes)
        all += QString::fromUtf8(QJsonDocument(c.fields).toJson(QJsonDocument::Compact));
    return all;
}

/// True when no server file (database, write-ahead log) holds @p needle: SQLite only (docs/sync-protocol.md
/// says what PostgreSQL keeps until it vacuums).
bool inServerFiles(const QString& spec, const QByteArray& needle)
{
    const QDir dir = QFileInfo(spec).dir();
    for (const QString& name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

TEMPLATE_TEST_CASE("a narrowed consent leaves nothing behind on the server", "[server][narrowing]", SqliteBackend,
                   PostgresBackend)
{
    START_SERVER(f);
    auto maria = f.device(u"maria"_qs);
    auto mariaBack = f.device(u"maria"_qs);
    auto olga = f.device(u"olga"_qs);
    const QJsonObject full = consentRef(kFull, {}, false, u"rel-full"_qs);
    for (const auto& r : push(*maria,
                              {change(u"m:1"_qs, u"client"_qs, kClient, profile(full, u"CANARY-LAST"_qs)),
                               change(u"m:2"_qs, u"enrollment"_qs, kEnrollment, enrollment(full)),
                               change(u"m:3"_qs, u"consent"_qs, u"rel-full"_qs, release(full))}))
        REQUIRE(r.status == u"applied");
    // A superseded value (history) and an open conflict hold the old name too.
    REQUIRE(push(*maria,
                 {change(u"m:4"_qs, u"client"_qs, kClient, profile(full, u"CANARY-LAST-TWO"_qs), 1, u"update"_qs)})[0]
                .status
            == u"applied");
    REQUIRE(push(*mariaBack,
                 {change(u"mb:1"_qs, u"client"_qs, kClient, profile(full, u"CANARY-CONFLICT"_qs), 1, u"update"_qs)})[0]
                .status
            == u"conflict");
    REQUIRE(pulledText(pull(*olga)).contains(u"CANARY-FIRST"));
    DatabaseProbe probe(f.databaseSpec());
    REQUIRE(probe.containsText(u"CANARY-LAST"_qs));

    SECTION("to Anonymous: who they are goes; their stays and health answers stay")
    {
        const QJsonObject anonymous = consentRef(kAnonymous, {}, false, u"rel-anon"_qs);
        REQUIRE(push(*maria, {change(u"m:5"_qs, u"consent"_qs, u"rel-anon"_qs, release(anonymous))})[0].status
                == u"applied");
        for (const QString& gone : {u"CANARY-FIRST"_qs, u"CANARY-LAST"_qs, u"CANARY-SSN"_qs, u"1961-02-03"_qs,
                                    u"CANARY-TYPED"_qs, u"CANARY-CONFLICT"_qs}) {
            INFO(gone.toStdString());
            CHECK_FALSE(probe.containsText(gone));
            if constexpr (!isPostgres<TestType>())
                CHECK_FALSE(inServerFiles(f.databaseSpec(), gone.toUtf8()));
        }
        CHECK(probe.containsText(u"CANARY-HEALTH"_qs));
        CHECK(probe.containsText(u"KEPT-INCOME"_qs));
        CHECK(probe.exec(u"SELECT COUNT(*) FROM audit WHERE action = 'consent-narrowed'"_qs).toInt() == 1);
        // A workstation that joins later learns none of it.
        auto later = f.device(u"olga"_qs);
        const QString delivered = pulledText(pull(*later));
        CHECK(delivered.contains(u"CANARY-HEALTH"));
        CHECK_FALSE(delivered.contains(u"CANARY"_qs + u"-FIRST"));
        CHECK_FALSE(delivered.contains(u"CANARY-SSN"));
        CHECK_FALSE(delivered.contains(u"1961-02-03"));
        // A device still on the old release cannot bring the name back.
        const auto stale = push(
            *mariaBack, {change(u"mb:2"_qs, u"client"_qs, kClient, profile(full, u"CANARY-LAST"_qs), 2, u"update"_qs)});
        CHECK(stale[0].status == u"rejected");
        CHECK_FALSE(probe.containsText(u"CANARY-FIRST"_qs));
    }

    SECTION("to Limited without health and DV: those answers go, names stay for the agencies named")
    {
        const QJsonObject limited = consentRef(kLimited, {u"Other Place"_qs}, false, u"rel-limited"_qs);
        QJsonObject narrowed = limited;
        narrowed.insert(u"Categories"_qs, kIdentifyingAndStays);
        REQUIRE(push(*maria, {change(u"m:5"_qs, u"consent"_qs, u"rel-limited"_qs, release(narrowed))})[0].status
                == u"applied");
        for (const QString& gone : {u"CANARY-HEALTH"_qs, u"CANARY-DV"_qs, u"CANARY-DISABILITY"_qs}) {
            INFO(gone.toStdString());
            CHECK_FALSE(probe.containsText(gone));
            if constexpr (!isPostgres<TestType>())
                CHECK_FALSE(inServerFiles(f.databaseSpec(), gone.toUtf8()));
        }
        CHECK(probe.containsText(u"KEPT-INCOME"_qs));
        CHECK(probe.containsText(u"KEPT-EDUCATION"_qs));
        CHECK(probe.containsText(u"CANARY-FIRST"_qs));
        auto later = f.device(u"olga"_qs);
        const QString delivered = pulledText(pull(*later));
        CHECK(delivered.contains(u"CANARY-FIRST"));
        CHECK(delivered.contains(u"KEPT-EDUCATION"));
        CHECK_FALSE(delivered.contains(u"CANARY-HEALTH"));
        CHECK_FALSE(delivered.contains(u"CANARY-DV"));
        CHECK_FALSE(delivered.contains(u"CANARY-DISABILITY"));
    }
}
