// The protocol library: the no-sharing marker, the consent reference checks and the message shapes,
// and that what core's consent policy sends is what the protocol accepts.
#include "core/consent/ConsentPolicy.h"
#include "core/consent/DisclosureFields.h"
#include "sync/protocol/BodyEncoding.h"
#include "sync/protocol/ConsentFields.h"
#include "sync/protocol/ConsentReference.h"
#include "sync/protocol/Messages.h"
#include "sync/protocol/NoSharingMarker.h"
#include "sync/protocol/Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <catch2/catch_test_macros.hpp>

using namespace hearth;
using sync::ConsentReference;

namespace {

QJsonObject reference(int choice)
{
    return {{u"ReleaseID"_qs, u"r-1"_qs},
            {u"Choice"_qs, choice},
            {u"Categories"_qs, 3},
            {u"SharedWith"_qs, QJsonArray {u"Harbor House"_qs}},
            {u"Restricted"_qs, false},
            {u"EnteringAgency"_qs, u"Shelter One"_qs},
            {u"ExpiresOn"_qs, u"2028-01-05"_qs}};
}

QString problemCode(const QJsonObject& fields)
{
    auto result = sync::validateConsentReference(fields);
    const auto* problem = std::get_if<sync::ConsentProblem>(&result);
    return problem ? problem->code : QString();
}

ReleaseOfInformation release(SharingChoice choice, bool restricted = false)
{
    ReleaseOfInformation r;
    r.uuid = u"release-1"_qs;
    r.clientUuid = u"client-1"_qs;
    r.choice = choice;
    r.categories = choice == SharingChoice::LimitedSharing ? ShareCategories(ShareCategory::IdentifyingProfile)
                                                           : ShareCategories();
    r.partnerAgencies = choice == SharingChoice::LimitedSharing ? QStringList {u"Harbor House"_qs} : QStringList();
    r.restricted = restricted;
    r.signedOn = QDate(2026, 1, 5);
    r.expiresOn = QDate(2028, 1, 5);
    r.enteringAgency = u"Shelter One"_qs;
    r.recordedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    return r;
}

} // namespace

TEST_CASE("The no-sharing marker is found at any depth and named by its path", "[sync][protocol]")
{
    CHECK_FALSE(sync::findNoSharingMarker({{u"FirstName"_qs, u"NoSharing"_qs}, {u"Consent"_qs, reference(1)}}));
    const auto nested = sync::findNoSharingMarker(
        {{u"Assessments"_qs, QJsonArray {QJsonObject {{u"Data"_qs, QJsonObject {{u"localonly"_qs, 1}}}}}}});
    REQUIRE(nested);
    CHECK(nested->contains(u"Assessments[0].Data.localonly"));
    CHECK(sync::findNoSharingMarker({{u"NoSharing"_qs, true}}));
    const auto consent = sync::findNoSharingMarker({{u"Consent"_qs, reference(4)}});
    REQUIRE(consent);
    CHECK(consent->contains(u"Consent"));
    // A No Sharing release record itself is a marker too.
    CHECK(sync::findNoSharingMarker({{u"ReleaseID"_qs, u"r"_qs}, {u"Choice"_qs, 4}}));
    CHECK_FALSE(sync::findNoSharingMarker({{u"ReleaseID"_qs, u"r"_qs}, {u"Choice"_qs, 2}}));
}

TEST_CASE("A consent reference must be complete and a choice that may leave", "[sync][protocol]")
{
    CHECK(problemCode({{u"Consent"_qs, reference(1)}}).isEmpty());
    CHECK(problemCode({}) == sync::error_code::ConsentMissing);
    CHECK(problemCode({{u"Consent"_qs, reference(4)}}) == sync::error_code::ConsentInvalid);
    CHECK(problemCode({{u"Consent"_qs, reference(0)}}) == sync::error_code::ConsentInvalid);
    for (const char16_t* key : {u"ReleaseID", u"SharedWith", u"Restricted", u"EnteringAgency", u"ExpiresOn"}) {
        QJsonObject ref = reference(2);
        ref.remove(QString::fromUtf16(key));
        INFO(QString::fromUtf16(key).toStdString());
        CHECK(problemCode({{u"Consent"_qs, ref}}) == sync::error_code::ConsentInvalid);
    }
    QJsonObject noCategories = reference(2);
    noCategories[u"Categories"_qs] = 0;
    CHECK(problemCode({{u"Consent"_qs, noCategories}}) == sync::error_code::ConsentInvalid);
}

TEST_CASE("Who sees a client follows the choice, SharedWith and the entering agency", "[sync][protocol]")
{
    auto parse = [](const QJsonObject& ref) {
        return std::get<ConsentReference>(sync::validateConsentReference({{u"Consent"_qs, ref}}));
    };
    const ConsentReference limited = parse(reference(2));
    CHECK(limited.visibleTo({u"HH"_qs, u"harbor house "_qs}));
    CHECK(limited.visibleTo({u"SH1"_qs, u"Shelter One"_qs}));
    CHECK_FALSE(limited.visibleTo({u"OT"_qs, u"Other Place"_qs}));
    CHECK(parse(reference(1)).visibleTo({u"OT"_qs, u"Other Place"_qs}));
    QJsonObject restricted = reference(1);
    restricted[u"Restricted"_qs] = true;
    restricted[u"SharedWith"_qs] = QJsonArray();
    CHECK_FALSE(parse(restricted).namesVisibleTo({u"OT"_qs, u"Other Place"_qs}));
    CHECK(parse(restricted).namesVisibleTo({u"SH1"_qs, u"Shelter One"_qs}));
}

TEST_CASE("Messages keep their content through JSON", "[sync][protocol]")
{
    sync::Change change;
    change.key = u"d:1"_qs;
    change.entity = u"client"_qs;
    change.uuid = u"c-1"_qs;
    change.operation = u"update"_qs;
    change.fields = {{u"FirstName"_qs, u"Ana"_qs}};
    change.baseVersion = 7;
    change.resolves = u"conflict-1"_qs;
    sync::PushRequest push {u"d"_qs, {change}};
    const QJsonObject json = push.toJson();
    CHECK(json.value(u"protocol").toInt() == sync::protocol::kVersion);
    auto parsed = sync::PushRequest::fromJson(json);
    REQUIRE(std::holds_alternative<sync::PushRequest>(parsed));
    const sync::Change& back = std::get<sync::PushRequest>(parsed).changes.at(0);
    CHECK(back.baseVersion == 7);
    CHECK(back.resolves == u"conflict-1");
    CHECK(back.fields == change.fields);

    CHECK(sync::checkProtocol({{u"protocol"_qs, 2}})->code == sync::error_code::ProtocolVersion);
    CHECK(sync::checkProtocol({})->code == sync::error_code::ProtocolVersion);
    CHECK(std::holds_alternative<sync::ParseError>(sync::parseBody("[1,2")));
    QJsonObject tooLong = change.toJson();
    tooLong[u"uuid"_qs] = QString(65, u'x');
    CHECK(std::holds_alternative<sync::ParseError>(sync::Change::fromJson(tooLong)));
    QJsonObject control = change.toJson();
    control[u"key"_qs] = u"d:\u0001"_qs;
    CHECK(std::holds_alternative<sync::ParseError>(sync::Change::fromJson(control)));
    QJsonObject badOperation = change.toJson();
    badOperation[u"operation"_qs] = u"upsert"_qs;
    CHECK(std::holds_alternative<sync::ParseError>(sync::Change::fromJson(badOperation)));
}

TEST_CASE("What core's consent policy sends to the server passes the protocol's checks", "[sync][protocol]")
{
    const ConsentPolicy policy(u"Shelter One"_qs);
    OutgoingRecord record;
    record.kind = OutgoingRecord::Kind::ClientProfile;
    record.uuid = u"client-1"_qs;
    record.clientUuid = u"client-1"_qs;
    record.fields = {{u"PersonalID"_qs, u"client-1"_qs}, {u"FirstName"_qs, u"Ana"_qs}, {u"SSN"_qs, u"123456789"_qs}};
    record.changedAt = QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC);
    const QDate today(2026, 2, 1);
    for (SharingChoice choice : {SharingChoice::FullSharing, SharingChoice::LimitedSharing, SharingChoice::Anonymous}) {
        INFO(int(choice));
        const Disclosure d
            = policy.decide(consentStatus({release(choice, true)}, today), record, Audience::centralServer());
        REQUIRE(d.allowed());
        CHECK_FALSE(sync::findNoSharingMarker(d.fields));
        auto validated = sync::validateConsentReference(d.fields);
        REQUIRE(std::holds_alternative<ConsentReference>(validated));
        const auto& ref = std::get<ConsentReference>(validated);
        CHECK(ref.choice == int(choice));
        CHECK(ref.restricted);
        if (!ref.allowsIdentifyingData())
            for (const QString& field : sync::identifyingFields())
                CHECK(d.fields.value(field).toString().isEmpty());
    }
    // Limited Sharing without the identifying profile: core strips who the person is, and the
    // server's check agrees.
    ReleaseOfInformation servicesOnly = release(SharingChoice::LimitedSharing);
    servicesOnly.categories = ShareCategory::EnrollmentsAndServices;
    const Disclosure limited = policy.decide(consentStatus({servicesOnly}, today), record, Audience::centralServer());
    REQUIRE(limited.allowed());
    auto validated = sync::validateConsentReference(limited.fields);
    REQUIRE(std::holds_alternative<ConsentReference>(validated));
    CHECK_FALSE(std::get<ConsentReference>(validated).allowsIdentifyingData());
    for (const QString& field : sync::identifyingFields())
        CHECK(limited.fields.value(field).toString().isEmpty());
    const Disclosure none
        = policy.decide(consentStatus({release(SharingChoice::NoSharing)}, today), record, Audience::centralServer());
    CHECK_FALSE(none.allowed());
}

TEST_CASE("the server removes on narrowing exactly the columns a workstation strips", "[sync][protocol]")
{
    namespace df = disclosure_fields;
    CHECK(sync::consent_fields::identifying() == df::identifyingColumns());
    CHECK(sync::consent_fields::freeText() == df::freeTextColumns());
    CHECK(sync::consent_fields::health() == df::healthColumns());
    CHECK(sync::consent_fields::domesticViolence() == df::domesticViolenceColumns());

    // What each release withdraws, as core's categories say.
    const auto withdrawn = [](int choice, int categories) {
        sync::ConsentReference ref;
        ref.choice = choice;
        ref.categories = categories;
        return sync::withdrawnBy(ref);
    };
    const auto all = int(allShareCategories().toInt());
    CHECK(withdrawn(ConsentReference::FullSharing, all).isEmpty());
    const auto anonymous = withdrawn(ConsentReference::Anonymous, all & ~int(ShareCategory::IdentifyingProfile));
    CHECK(anonymous.fields.contains(u"SSN"_qs));
    CHECK(anonymous.fields.contains(u"Notes"_qs));
    CHECK_FALSE(anonymous.fields.contains(u"DomesticViolenceSurvivor"_qs));
    CHECK_FALSE(anonymous.disabilities);
    const auto noHealth = withdrawn(ConsentReference::LimitedSharing,
                                    int(ShareCategory::IdentifyingProfile | ShareCategory::EnrollmentsAndServices));
    CHECK(noHealth.disabilities);
    CHECK(noHealth.fields.contains(u"Medicaid"_qs));
    CHECK(noHealth.fields.contains(u"CurrentlyFleeing"_qs));
    CHECK_FALSE(noHealth.fields.contains(u"FirstName"_qs));

    // Nested values go too, and so do the Disabilities assessments, as core's policy strips them.
    QJsonObject enrollment {
        {u"EntryValues"_qs, QJsonObject {{u"Medicaid"_qs, 1}, {u"IncomeFromAnySource"_qs, 1}}},
        {u"Assessments"_qs,
         QJsonArray {QJsonObject {{u"File"_qs, u"Disabilities"_qs}}, QJsonObject {{u"File"_qs, u"HealthAndDV"_qs}}}}};
    CHECK(sync::removeWithdrawn(enrollment, noHealth));
    CHECK(enrollment.value(u"EntryValues").toObject() == QJsonObject {{u"IncomeFromAnySource"_qs, 1}});
    CHECK(enrollment.value(u"Assessments").toArray().size() == 1);
    CHECK_FALSE(sync::removeWithdrawn(enrollment, noHealth));
}

TEST_CASE("A large request body travels deflated and arrives byte for byte; a small one as it is", "[sync][protocol]")
{
    namespace be = sync::body_encoding;
    const QByteArray small = R"({"protocol":1,"changes":[]})";
    const auto plain = be::encode(small);
    CHECK(plain.contentEncoding.isEmpty());
    CHECK(plain.bytes == small);

    QJsonArray changes;
    for (int i = 0; i < 200; ++i)
        changes.append(QJsonObject {{u"key"_qs, QStringLiteral("device:%1").arg(i)},
                                    {u"entity"_qs, u"client"_qs},
                                    {u"fields"_qs,
                                     QJsonObject {{u"FirstName"_qs, QStringLiteral("Name %1").arg(i)},
                                                  {u"NameDataQuality"_qs, 1},
                                                  {u"VeteranStatus"_qs, 0}}}});
    const QByteArray large = QJsonDocument(QJsonObject {{u"changes"_qs, changes}}).toJson(QJsonDocument::Compact);
    const auto deflated = be::encode(large);
    CHECK(deflated.contentEncoding == "deflate");
    CHECK(deflated.bytes.size() * 3 < large.size());
    const auto back = be::decode(deflated.bytes, deflated.contentEncoding, 1024 * 1024);
    REQUIRE(std::holds_alternative<QByteArray>(back));
    CHECK(std::get<QByteArray>(back) == large);
    // No header, or "identity": the body as it came.
    CHECK(std::get<QByteArray>(be::decode(small, {}, 1024)) == small);
    CHECK(std::get<QByteArray>(be::decode(small, "identity", 1024)) == small);
}

TEST_CASE("A body that is not deflate, does not inflate or inflates past the limit is refused", "[sync][protocol]")
{
    namespace be = sync::body_encoding;
    const auto codeOf = [](const sync::Parsed<QByteArray>& parsed) {
        const auto* e = std::get_if<sync::ParseError>(&parsed);
        return e ? e->code : QString();
    };
    CHECK(codeOf(be::decode("not a zlib stream", "deflate", 1024)) == u"malformed-request");
    const auto gzip = be::decode("whatever", "gzip", 1024);
    CHECK(codeOf(gzip) == u"malformed-request");
    CHECK(std::get<sync::ParseError>(gzip).message.contains(u"deflate"));

    const QByteArray text = QByteArray("Reyes ").repeated(2000);
    const QByteArray stream = be::encode(text).bytes;
    CHECK(codeOf(be::decode(stream.left(stream.size() / 2), "deflate", 1024 * 1024)) == u"malformed-request");
    // Exactly at the limit is fine; a byte over is too large.
    CHECK(std::holds_alternative<QByteArray>(be::decode(stream, "deflate", text.size())));
    CHECK(codeOf(be::decode(stream, "deflate", text.size() - 1)) == u"payload-too-large");

    // A "zip bomb": 64 MiB of spaces in a few dozen KiB is refused at the limit, not allocated first.
    const QByteArray bomb = be::encode(QByteArray(64 * 1024 * 1024, ' ')).bytes;
    CHECK(bomb.size() < 1024 * 1024);
    CHECK(codeOf(be::decode(bomb, "deflate", 8 * 1024 * 1024)) == u"payload-too-large");
}
