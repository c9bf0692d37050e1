// The consent gate over a real store and its real change log: what of each client's profile,
// enrollments, services and releases may leave as their consent moves (Full -> No Sharing,
// No Sharing -> Full with and without past records, expiry and renewal, revocation, deletes).
#include "core/services/ConsentGate.h"
#include "core/services/ServiceRecords.h"
#include "tests/consent/ConsentTestSupport.h"
#include "tests/consent/PolicyTestSupport.h" // the one StringMaker for Disclosure::Reason

#include <QSet>

#include <catch2/generators/catch_generators.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {
using Reason = Disclosure::Reason;

struct Reviewed
{
    ChangeRecord change;
    Disclosure disclosure;
};

/// A client and the ids of everything recorded for them (deletes carry no client id of their own).
struct Person
{
    QString uuid;
    QSet<QString> records;

    bool owns(const ChangeRecord& c) const
    {
        return c.entityUuid == uuid || records.contains(c.entityUuid)
            || c.fields.value(u"PersonalID").toString() == uuid;
    }
};

struct GateStore : ConsentStore
{
    Person person(const QString& first, const QString& last)
    {
        Person p;
        p.uuid = client(first, last);
        return p;
    }
    QString enrollIn(Person& p, const QString& projectUuid, QDate entry)
    {
        const QString uuid = enroll(p.uuid, projectUuid, entry);
        p.records.insert(uuid);
        return uuid;
    }
    QString bedNight(Person& p, const QString& enrollmentUuid, QDate night)
    {
        clock.advanceSeconds(60);
        auto made = ServiceRecords(*vault).checkIn({enrollmentUuid}, night);
        REQUIRE_OK(made);
        p.records.insert(made->front().uuid);
        return made->front().uuid;
    }
    void rename(const Person& p, const QString& last)
    {
        clock.advanceSeconds(60);
        auto c = ClientRecords(*vault).open(p.uuid);
        REQUIRE_OK(c);
        c->lastName = last;
        REQUIRE_OK(ClientRecords(*vault).update(*c));
    }
    ReleaseOfInformation consent(Person& p, SharingChoice choice, std::optional<bool> past = std::nullopt)
    {
        const ReleaseOfInformation r = record(p.uuid, choice, past);
        p.records.insert(r.uuid);
        return r;
    }
    /// The whole change log through the gate, in log order.
    std::vector<Reviewed> review(const Audience& audience = Audience::centralServer())
    {
        const auto log = changeLog();
        auto disclosures = ConsentGate(*vault).review(log, audience);
        REQUIRE_OK(disclosures);
        REQUIRE(disclosures->size() == log.size());
        std::vector<Reviewed> out;
        for (size_t i = 0; i < log.size(); ++i)
            out.push_back({log[i], disclosures->at(i)});
        return out;
    }
};

std::vector<Reviewed> of(const std::vector<Reviewed>& all, const Person& p, const QString& entity = {})
{
    std::vector<Reviewed> out;
    for (const Reviewed& r : all) {
        if (p.owns(r.change) && (entity.isEmpty() || r.change.entity == entity))
            out.push_back(r);
    }
    return out;
}

bool allAllowed(const std::vector<Reviewed>& rs)
{
    return !rs.empty() && std::all_of(rs.begin(), rs.end(), [](const Reviewed& r) { return r.disclosure.allowed(); });
}

/// Every one withheld for @p reason, with nothing of the record in it.
bool allWithheld(const std::vector<Reviewed>& rs, Reason reason)
{
    return !rs.empty() && std::all_of(rs.begin(), rs.end(), [&](const Reviewed& r) {
        return !r.disclosure.allowed() && r.disclosure.reason == reason && r.disclosure.fields.isEmpty();
    });
}
} // namespace

TEST_CASE("Full to No Sharing: every change of the client, before and after, stays here", "[consent][gate]")
{
    GateStore s;
    Person fay = s.person(u"Fay"_qs, u"Full"_qs);
    Person other = s.person(u"Otto"_qs, u"Other"_qs);
    s.consent(fay, SharingChoice::FullSharing);
    s.consent(other, SharingChoice::FullSharing);
    const QString stay = s.enrollIn(fay, s.shelter.uuid, QDate(2026, 1, 2));
    s.enrollIn(other, s.shelter.uuid, QDate(2026, 1, 2));
    s.bedNight(fay, stay, QDate(2026, 1, 3));
    s.rename(fay, u"Fuller"_qs);

    auto before = s.review();
    CHECK(allAllowed(of(before, fay)));
    CHECK(of(before, fay, u"client"_qs).size() == 2);
    CHECK(of(before, fay, u"enrollment"_qs).size() == 1);
    CHECK(of(before, fay, u"service"_qs).size() == 1);
    CHECK(of(before, fay, u"consent"_qs).size() == 1);

    s.consent(fay, SharingChoice::NoSharing);
    s.bedNight(fay, stay, QDate(2026, 1, 4));
    s.rename(fay, u"Private"_qs);

    const auto after = s.review();
    const auto fays = of(after, fay);
    CHECK(fays.size() == of(before, fay).size() + 3);
    CHECK(allWithheld(fays, Reason::NoSharing));
    CHECK(allAllowed(of(after, other))); // the gate judges each client on their own consent
    // The agency's own reports still see the whole local record.
    CHECK(allAllowed(of(s.review(Audience::agencyInternal()), fay)));
    CHECK(allWithheld(of(s.review(Audience::partner(u"Coastal Outreach"_qs)), fay), Reason::NoSharing));

    auto pending = ConsentRecords(*s.vault).pendingRestrictions();
    REQUIRE_OK(pending);
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().clientUuid == fay.uuid);
    CHECK(pending->front().reason == u"no-sharing"_qs);
}

TEST_CASE("No Sharing to Full: past records go only when the client says so", "[consent][gate]")
{
    GateStore s;
    Person nia = s.person(u"Nia"_qs, u"Later"_qs);
    s.consent(nia, SharingChoice::NoSharing);
    const QString oldStay = s.enrollIn(nia, s.shelter.uuid, QDate(2026, 1, 2));
    s.bedNight(nia, oldStay, QDate(2026, 1, 3));
    CHECK(allWithheld(of(s.review(), nia), Reason::NoSharing));

    s.clock.set(QDateTime(QDate(2026, 2, 2), QTime(9, 0), Qt::UTC));
    const bool includePast = GENERATE(false, true);
    CAPTURE(includePast);
    const ReleaseOfInformation full = s.consent(nia, SharingChoice::FullSharing, includePast);
    const QString newNight = s.bedNight(nia, oldStay, QDate(2026, 2, 2));
    Project outreach;
    outreach.name = u"Street Outreach"_qs;
    outreach.projectType = 4;
    outreach.cocCode = u"CA-504"_qs;
    outreach.operatingStart = QDate(2025, 1, 1);
    auto made = ProjectRecords(*s.vault).create(outreach);
    REQUIRE_OK(made);
    const QString newStay = s.enrollIn(nia, made->uuid, QDate(2026, 2, 2));

    const auto all = s.review();
    CHECK(allAllowed(of(all, nia, u"client"_qs)));
    CHECK(allAllowed(of(all, nia, u"consent"_qs)));
    for (const Reviewed& r : of(all, nia)) {
        CAPTURE(r.change.entity, r.change.entityUuid.toStdString());
        const bool newStayRecord = r.change.entityUuid == newStay;
        if (r.change.entity == u"enrollment" && !newStayRecord) {
            CHECK(r.disclosure.allowed() == includePast); // entered before the new consent
            if (!includePast)
                CHECK(r.disclosure.reason == Reason::BeforeConsent);
        }
        if (r.change.entity == u"service") {
            // A service goes only with its enrollment, which began before the consent.
            CHECK(r.disclosure.allowed() == includePast);
        }
        if (newStayRecord)
            CHECK(r.disclosure.allowed());
    }
    CHECK(s.status(nia.uuid).shareFrom == (includePast ? std::optional<QDate>() : std::optional(full.signedOn)));
    CHECK_FALSE(newNight.isEmpty());
    CHECK(ConsentRecords(*s.vault).pendingRestrictions().value().empty()); // nothing had been shared
}

TEST_CASE("an expired release shares nothing new until it is renewed", "[consent][gate][expiry]")
{
    GateStore s;
    Person eli = s.person(u"Eli"_qs, u"Expiring"_qs);
    s.clock.advanceSeconds(60);
    ReleaseOfInformation r = releaseFor(eli.uuid, SharingChoice::FullSharing, QDate(2024, 1, 10));
    r.expiresOn = QDate(2026, 1, 10);
    auto made = ConsentRecords(*s.vault).record(r);
    REQUIRE_OK(made);
    eli.records.insert(made->uuid);
    const QString stay = s.enrollIn(eli, s.shelter.uuid, QDate(2026, 1, 2));
    const QString inForce = s.bedNight(eli, stay, QDate(2026, 1, 4));

    s.clock.set(QDateTime(QDate(2026, 1, 12), QTime(9, 0), Qt::UTC));
    CHECK(s.status(eli.uuid).standing == ConsentStatus::Standing::Expired);
    const QString lapsed = s.bedNight(eli, stay, QDate(2026, 1, 11));
    auto all = s.review();
    for (const Reviewed& x : of(all, eli)) {
        CAPTURE(x.change.entity);
        if (x.change.entityUuid == lapsed) {
            CHECK_FALSE(x.disclosure.allowed());
            CHECK(x.disclosure.reason == Reason::Expired);
        } else {
            CHECK(x.disclosure.allowed()); // written while the release was in force
        }
    }
    CHECK(std::any_of(all.begin(), all.end(), [&](const Reviewed& x) { return x.change.entityUuid == inForce; }));

    s.consent(eli, SharingChoice::FullSharing); // renewal
    CHECK(s.status(eli.uuid).standing == ConsentStatus::Standing::Active);
    CHECK(allAllowed(of(s.review(), eli)));
}

TEST_CASE("a revocation stops everything at once and asks the server to restrict", "[consent][gate]")
{
    GateStore s;
    Person rae = s.person(u"Rae"_qs, u"Revoked"_qs);
    s.consent(rae, SharingChoice::FullSharing);
    const QString stay = s.enrollIn(rae, s.shelter.uuid, QDate(2026, 1, 2));
    s.bedNight(rae, stay, QDate(2026, 1, 3));
    CHECK(allAllowed(of(s.review(), rae)));

    s.clock.advanceSeconds(60);
    REQUIRE_OK(ConsentRecords(*s.vault).revoke(rae.uuid, u"client asked"_qs));
    s.bedNight(rae, stay, QDate(2026, 1, 4));
    CHECK(allWithheld(of(s.review(), rae), Reason::Revoked));
    auto pending = ConsentRecords(*s.vault).pendingRestrictions();
    REQUIRE_OK(pending);
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().reason == u"revoked"_qs);
}

TEST_CASE("deletes are judged by the deleted row's client; unknown records never leave", "[consent][gate]")
{
    GateStore s;
    Person open = s.person(u"Opal"_qs, u"Open"_qs);
    Person closed = s.person(u"Cleo"_qs, u"Closed"_qs);
    s.consent(open, SharingChoice::FullSharing);
    s.consent(closed, SharingChoice::NoSharing);
    for (Person* p : {&open, &closed}) {
        const QString stay = s.enrollIn(*p, s.shelter.uuid, QDate(2026, 1, 2));
        const QString night = s.bedNight(*p, stay, QDate(2026, 1, 3));
        s.clock.advanceSeconds(60);
        REQUIRE_OK(ServiceRecords(*s.vault).remove(night));
    }
    const auto all = s.review();
    const auto deleteOf = [&](const Person& p) {
        for (const Reviewed& r : of(all, p))
            if (r.change.operation == u"delete")
                return r;
        FAIL("no delete logged");
        return Reviewed {};
    };
    const Reviewed openDelete = deleteOf(open);
    CHECK(openDelete.change.fields.isEmpty());
    CHECK(openDelete.disclosure.allowed());
    const Reviewed closedDelete = deleteOf(closed);
    CHECK_FALSE(closedDelete.disclosure.allowed());
    CHECK(closedDelete.disclosure.reason == Reason::NoSharing);

    // A project row is not client data the policy knows: withheld.
    bool sawProject = false;
    for (const Reviewed& r : all) {
        if (r.change.entity == u"project") {
            sawProject = true;
            CHECK_FALSE(r.disclosure.allowed());
        }
    }
    CHECK(sawProject);
    ChangeRecord unknown;
    unknown.entity = u"service"_qs;
    unknown.entityUuid = u"gone"_qs;
    unknown.operation = u"delete"_qs;
    auto judged = ConsentGate(*s.vault).review(std::vector<ChangeRecord> {unknown}, Audience::centralServer());
    REQUIRE_OK(judged);
    CHECK_FALSE(judged->front().allowed());
}

TEST_CASE("records already in outgoing form are judged on their client's consent", "[consent][gate]")
{
    GateStore s;
    Person ada = s.person(u"Ada"_qs, u"Anon"_qs);
    s.consent(ada, SharingChoice::Anonymous);
    OutgoingRecord profile;
    profile.kind = OutgoingRecord::Kind::ClientProfile;
    profile.uuid = ada.uuid;
    profile.clientUuid = ada.uuid;
    profile.fields = {{u"PersonalID"_qs, ada.uuid}, {u"FirstName"_qs, u"Ada"_qs}, {u"LastName"_qs, u"Anon"_qs}};
    profile.changedAt = s.clock.now();
    OutgoingRecord signature = profile;
    signature.kind = OutgoingRecord::Kind::Signature;
    OutgoingRecord stranger = profile;
    stranger.clientUuid = u"no-release"_qs;

    auto judged = ConsentGate(*s.vault).review({profile, signature, stranger}, Audience::centralServer());
    REQUIRE_OK(judged);
    REQUIRE(judged->size() == 3);
    CHECK(judged->at(0).form == Disclosure::Form::Deidentified);
    CHECK_FALSE(ConsentPolicy::carriesIdentifyingData(judged->at(0).fields));
    CHECK(judged->at(1).reason == Reason::LocalOnly);
    CHECK(judged->at(2).reason == Reason::NoConsentRecorded);

    s.vault->lock();
    CHECK(ConsentGate(*s.vault).review({profile}, Audience::centralServer()).code() == ErrorCode::Locked);
}

TEST_CASE("a household with a withheld member: the others' enrollments do not reveal the link", "[consent][gate]")
{
    GateStore s;
    Person head = s.person(u"Hana"_qs, u"Household"_qs);
    Person child = s.person(u"Kit"_qs, u"Household"_qs);
    s.consent(head, SharingChoice::FullSharing);
    const bool childShares = GENERATE(false, true);
    INFO((childShares ? "every member shares" : "the child is No Sharing"));
    s.consent(child, childShares ? SharingChoice::FullSharing : SharingChoice::NoSharing);
    s.clock.advanceSeconds(60);
    auto made = EnrollmentRecords(*s.vault).enrollHousehold(
        s.shelter.uuid, {IntakeStore::member(head.uuid, 1), IntakeStore::member(child.uuid, 2)});
    REQUIRE_OK(made);
    const QString household = made->front().householdId;
    REQUIRE_FALSE(household.isEmpty());

    const auto reviewed = s.review();
    const auto heads = of(reviewed, head, u"enrollment"_qs);
    REQUIRE(allAllowed(heads));
    for (const Reviewed& r : heads) {
        CHECK(r.change.fields.value(u"HouseholdID").toString() == household); // kept here, whatever goes
        CHECK(r.disclosure.fields.contains(u"HouseholdID") == childShares);
        CHECK(r.disclosure.fields.contains(u"RelationshipToHoH") == childShares);
    }
    const auto children = of(reviewed, child, u"enrollment"_qs);
    if (childShares)
        CHECK(allAllowed(children));
    else
        CHECK(allWithheld(children, Reason::NoSharing));
}
