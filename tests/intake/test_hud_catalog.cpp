// The HUD code lists and CSV columns: the embedded copies equal ../shared/hud, every named code in
// HudCodes.h means what its name says, and the catalog answers in HUD order.
#include "core/hud/HudCatalog.h"
#include "core/hud/HudCodes.h"
#include "tests/intake/IntakeTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <catch2/generators/catch_generators.hpp>

using hearth::HudCatalog;
using hearth::HudOption;
namespace hud = hearth::hud;

namespace {

QStringList codesOf(const QList<HudOption>& options)
{
    QStringList codes;
    for (const HudOption& o : options)
        codes.append(o.code);
    return codes;
}

} // namespace

TEST_CASE("The catalog loads both embedded files")
{
    const HudCatalog& catalog = HudCatalog::instance();
    INFO(catalog.loadError().toStdString());
    REQUIRE(catalog.loadError().isEmpty());
    CHECK(catalog.listIds().size() == 88);
    CHECK(catalog.files().size() == 24);
    int columns = 0;
    for (const QString& file : catalog.files())
        columns += static_cast<int>(catalog.columns(file).size());
    CHECK(columns == 519);
}

TEST_CASE("The embedded HUD files equal the shared copies byte for byte")
{
    const QDir shared(QStringLiteral(HEARTH_SHARED_HUD_DIR));
    if (!shared.exists())
        SKIP("No shared HUD folder at " HEARTH_SHARED_HUD_DIR "; set HEARTH_SHARED_HUD_DIR to compare");
    const QString name = GENERATE(QStringLiteral("hud-lists.json"), QStringLiteral("hmis-csv-columns.csv"));
    QFile file(shared.filePath(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    INFO(name.toStdString());
    CHECK(HudCatalog::embeddedFile(name) == file.readAll());
}

TEST_CASE("Every named HUD code has the meaning its name says")
{
    struct Row
    {
        QString list;
        int code;
        const char* label;
    };
    const Row row = GENERATE(values<Row>({
        {hud::list::NoYes, hud::NoYes::No, "No"},
        {hud::list::NoYes, hud::NoYes::Yes, "Yes"},
        {hud::list::NoYesReasons, hud::ClientDoesntKnow, "Client doesn't know"},
        {hud::list::NoYesReasons, hud::ClientPrefersNotToAnswer, "Client prefers not to answer"},
        {hud::list::NoYesReasons, hud::DataNotCollected, "Data not collected"},
        {hud::list::NoYesMissing, hud::DataNotCollected, "Data not collected"},
        {hud::list::RaceNone, hud::ClientPrefersNotToAnswer, "Client prefers not to answer"},
        {hud::list::NameDataQuality, hud::DataQuality::Full, "Full name reported"},
        {hud::list::NameDataQuality, hud::DataQuality::Partial, "Partial, street name, or code name reported"},
        {hud::list::SsnDataQuality, hud::DataQuality::Full, "Full SSN reported"},
        {hud::list::SsnDataQuality, hud::DataQuality::Partial, "Approximate or partial SSN reported"},
        {hud::list::SsnDataQuality, hud::ClientDoesntKnow, "Client doesn't know"},
        {hud::list::DobDataQuality, hud::DataQuality::Full, "Full DOB reported"},
        {hud::list::DobDataQuality, hud::DataQuality::Partial, "Approximate or partial DOB reported"},
        {hud::list::ProjectType, hud::ProjectType::EmergencyShelterEntryExit, "Emergency Shelter - Entry Exit"},
        {hud::list::ProjectType, hud::ProjectType::EmergencyShelterNightByNight, "Emergency Shelter - Night-by-Night"},
        {hud::list::ProjectType, hud::ProjectType::TransitionalHousing, "Transitional Housing"},
        {hud::list::ProjectType, hud::ProjectType::PermanentSupportiveHousing, "PH - Permanent Supportive Housing"},
        {hud::list::ProjectType, hud::ProjectType::StreetOutreach, "Street Outreach"},
        {hud::list::ProjectType, hud::ProjectType::ServicesOnly, "Services Only"},
        {hud::list::ProjectType, hud::ProjectType::Other, "Other"},
        {hud::list::ProjectType, hud::ProjectType::SafeHaven, "Safe Haven"},
        {hud::list::ProjectType, hud::ProjectType::PhHousingOnly, "PH - Housing Only"},
        {hud::list::ProjectType, hud::ProjectType::PhHousingWithServices,
         "PH - Housing with Services (no disability required for entry)"},
        {hud::list::ProjectType, hud::ProjectType::DayShelter, "Day Shelter"},
        {hud::list::ProjectType, hud::ProjectType::HomelessnessPrevention, "Homelessness Prevention"},
        {hud::list::ProjectType, hud::ProjectType::RapidReHousing, "PH - Rapid Re-Housing"},
        {hud::list::ProjectType, hud::ProjectType::CoordinatedEntry, "Coordinated Entry"},
        {hud::list::FundingSource, hud::FundingSource::EsgCv, "HUD: ESG - CV"},
        {hud::list::FundingSource, hud::FundingSource::HopwaCv, "HUD: HOPWA - CV"},
        {hud::list::RelationshipToHoH, hud::Relationship::Self, "Self (head of household)"},
        {hud::list::RelationshipToHoH, hud::Relationship::Child, "Child"},
        {hud::list::RelationshipToHoH, hud::Relationship::SpouseOrPartner, "Spouse or partner"},
        {hud::list::RelationshipToHoH, hud::Relationship::OtherRelative, "Other relative"},
        {hud::list::RelationshipToHoH, hud::Relationship::Unrelated, "Unrelated household member"},
        {hud::list::RecordType, hud::RecordType::BedNight, "Bed Night"},
        {hud::list::DataCollectionStage, hud::Stage::Entry, "Project entry"},
        {hud::list::DataCollectionStage, hud::Stage::Update, "Update"},
        {hud::list::DataCollectionStage, hud::Stage::Exit, "Project exit"},
        {hud::list::DataCollectionStage, hud::Stage::Annual, "Annual assessment"},
        {hud::list::DataCollectionStage, hud::Stage::PostExit, "Post-exit"},
        {hud::list::DisabilityType, hud::DisabilityType::Physical, "Physical disability"},
        {hud::list::DisabilityType, hud::DisabilityType::Developmental, "Developmental disability"},
        {hud::list::DisabilityType, hud::DisabilityType::ChronicHealth, "Chronic health condition"},
        {hud::list::DisabilityType, hud::DisabilityType::HivAids, "HIV/AIDS"},
        {hud::list::DisabilityType, hud::DisabilityType::MentalHealth, "Mental health disorder"},
        {hud::list::DisabilityType, hud::DisabilityType::SubstanceUse, "Substance use disorder"},
        {hud::list::SubstanceUseResponse, hud::SubstanceUse::No, "No"},
        {hud::list::SubstanceUseResponse, hud::SubstanceUse::Alcohol, "Alcohol use disorder"},
        {hud::list::SubstanceUseResponse, hud::SubstanceUse::Drug, "Drug use disorder"},
        {hud::list::SubstanceUseResponse, hud::SubstanceUse::Both, "Both alcohol and drug use disorders"},
        {hud::list::LivingSituation, hud::LivingSituation::Other, "Other"},
        {hud::list::LivingSituation, hud::LivingSituation::Deceased, "Deceased"},
        {hud::list::LivingSituation, hud::LivingSituation::NoExitInterview, "No exit interview completed"},
        {hud::list::LivingSituation, hud::LivingSituation::WorkerUnableToDetermine, "Worker unable to determine"},
        {hud::list::LivingSituation, hud::LivingSituation::EmergencyShelter,
         "Emergency shelter, including hotel or motel paid for with emergency shelter voucher, or Host Home "
         "shelter"},
        {hud::list::LivingSituation, hud::LivingSituation::SafeHaven, "Safe Haven"},
        {hud::list::LivingSituation, hud::LivingSituation::RentalWithSubsidy,
         "Rental by client, with ongoing housing subsidy"},
        {hud::list::LengthOfStay, hud::LengthOfStay::OneNightOrLess, "One night or less"},
        {hud::list::LengthOfStay, hud::LengthOfStay::TwoToSixNights, "Two to six nights"},
        {hud::list::LengthOfStay, hud::LengthOfStay::OneWeekToOneMonth, "One week or more, but less than one month"},
        {hud::list::LengthOfStay, hud::LengthOfStay::OneMonthTo90Days, "One month or more, but less than 90 days"},
        {hud::list::LengthOfStay, hud::LengthOfStay::NinetyDaysToOneYear, "90 days or more but less than one year"},
        {hud::list::LengthOfStay, hud::LengthOfStay::OneYearOrLonger, "One year or longer"},
        {hud::list::Sex, hud::Sex::Female, "Female"},
        {hud::list::Sex, hud::Sex::Male, "Male"},
    }));
    INFO(row.list.toStdString() << " " << row.code);
    CHECK(HudCatalog::instance().label(row.list, row.code) == QString::fromUtf8(row.label));
}

TEST_CASE("Place not meant for habitation is code 116 of the living situations")
{
    CHECK(HudCatalog::instance()
              .label(hud::list::LivingSituation, hud::LivingSituation::PlaceNotMeantForHabitation)
              .startsWith(QStringLiteral("Place not meant for habitation")));
    CHECK(HudCatalog::instance().list(hud::list::RentalSubsidyType).has_value());
}

TEST_CASE("Every list keeps exactly the file's codes and labels, whatever the display order")
{
    const QJsonObject lists
        = QJsonDocument::fromJson(HudCatalog::embeddedFile(QStringLiteral("hud-lists.json"))).object();
    REQUIRE(lists.size() == 88);
    for (auto it = lists.begin(); it != lists.end(); ++it) {
        const auto list = HudCatalog::instance().list(it.key());
        REQUIRE(list.has_value());
        const QJsonObject values = it.value().toObject().value(QStringLiteral("values")).toObject();
        INFO(it.key().toStdString());
        CHECK(list->options.size() == values.size());
        const QStringList codes = codesOf(list->options);
        CHECK(QSet<QString>(codes.cbegin(), codes.cend()).size() == values.size());
        for (const HudOption& option : list->options)
            CHECK(values.value(option.code).toString() == option.label);
    }
}

TEST_CASE("Lists come in HUD display order")
{
    const HudCatalog& catalog = HudCatalog::instance();
    SECTION("length of stay runs from one night to a year, then the missing-data reasons")
    {
        CHECK(codesOf(catalog.list(QStringLiteral("3.917.2"))->options)
              == QStringList {u"10"_qs, u"11"_qs, u"2"_qs, u"3"_qs, u"4"_qs, u"5"_qs, u"8"_qs, u"9"_qs, u"99"_qs});
    }
    SECTION("living situations are grouped homeless, institutional, temporary, permanent, other")
    {
        const QStringList codes = codesOf(catalog.list(QStringLiteral("3.12.1"))->options);
        CHECK(codes.first() == u"116"_qs);
        CHECK(codes.indexOf(u"118"_qs) < codes.indexOf(u"215"_qs));
        CHECK(codes.indexOf(u"205"_qs) < codes.indexOf(u"302"_qs));
        CHECK(codes.indexOf(u"335"_qs) < codes.indexOf(u"422"_qs));
        CHECK(codes.mid(codes.size() - 3) == QStringList {u"8"_qs, u"9"_qs, u"99"_qs});
    }
    SECTION("other lists are numeric with 8, 9 and 99 last only where they are missing-data reasons")
    {
        const QStringList types = codesOf(catalog.list(hud::list::ProjectType)->options);
        CHECK(types.indexOf(u"8"_qs) == types.indexOf(u"7"_qs) + 1); // Safe Haven is a real answer
        CHECK(types.last() == u"14"_qs);
        const QStringList months = codesOf(catalog.list(QStringLiteral("3.917.5"))->options);
        CHECK(months.first() == u"101"_qs);
        CHECK(months.mid(months.size() - 3) == QStringList {u"8"_qs, u"9"_qs, u"99"_qs});
        const QStringList funders = codesOf(catalog.list(hud::list::FundingSource)->options);
        CHECK(funders.indexOf(u"32"_qs) == funders.indexOf(u"30"_qs) + 1);
    }
}

TEST_CASE("Columns carry their type, length, list and element")
{
    const HudCatalog& catalog = HudCatalog::instance();
    const auto los = catalog.column(QStringLiteral("Enrollment"), QStringLiteral("LengthOfStay"));
    REQUIRE(los.has_value());
    CHECK(los->type == u"I"_qs);
    CHECK(los->listIds == QStringList {u"3.917.2"_qs});
    CHECK(los->element == u"3.917.2"_qs);
    CHECK(los->nullable);
    CHECK(los->position == 10);

    const auto ssn = catalog.column(QStringLiteral("Client.csv"), QStringLiteral("SSN"));
    REQUIRE(ssn.has_value());
    CHECK(ssn->maxLength == 9);
    CHECK(ssn->isString());
    CHECK(ssn->element == u"3.02.1"_qs);

    const auto destination = catalog.column(QStringLiteral("Exit"), QStringLiteral("Destination"));
    REQUIRE(destination.has_value());
    CHECK_FALSE(destination->nullable);
    CHECK(destination->notes.contains(u"EXCLUDING"_qs));

    CHECK_FALSE(catalog.column(QStringLiteral("Client"), QStringLiteral("Gender")).has_value());
    CHECK_FALSE(catalog.column(QStringLiteral("Nowhere"), QStringLiteral("SSN")).has_value());

    const auto client = catalog.columns(QStringLiteral("Client"));
    REQUIRE(client.size() == 38);
    CHECK(client.first().name == u"PersonalID"_qs);
    CHECK(client.at(10).name == u"Sex"_qs);
    for (int i = 0; i < client.size(); ++i)
        CHECK(client.at(i).position == i + 1);
}

TEST_CASE("Allowed codes honour 3.12.1's per-field exclusions")
{
    const HudCatalog& catalog = HudCatalog::instance();
    const QStringList destination
        = codesOf(catalog.allowedCodes(QStringLiteral("Exit"), QStringLiteral("Destination")));
    const QStringList prior
        = codesOf(catalog.allowedCodes(QStringLiteral("Enrollment"), QStringLiteral("LivingSituation")));
    const QStringList current = codesOf(
        catalog.allowedCodes(QStringLiteral("CurrentLivingSituation"), QStringLiteral("CurrentLivingSituation")));
    for (const QString& code : {u"335"_qs, u"336"_qs, u"37"_qs})
        CHECK_FALSE(destination.contains(code));
    for (const QString& code : {u"312"_qs, u"422"_qs, u"30"_qs, u"17"_qs, u"24"_qs, u"37"_qs})
        CHECK_FALSE(prior.contains(code));
    CHECK(current.contains(u"17"_qs));
    CHECK_FALSE(current.contains(u"24"_qs));
    for (const QString& code : {u"435"_qs, u"30"_qs, u"24"_qs, u"422"_qs, u"99"_qs})
        CHECK(destination.contains(code));
    CHECK(destination.size() == 29);
    CHECK(prior.size() == 22);

    const QStringList substance = codesOf(
        catalog.allowedCodes(QStringLiteral("Disabilities"), QStringLiteral("DisabilityResponse"), u"4.10.2"_qs));
    CHECK(substance.contains(u"3"_qs));
    CHECK(catalog.allowedCodes(QStringLiteral("Client"), QStringLiteral("FirstName")).isEmpty());
}

TEST_CASE("Lists and columns name each other consistently")
{
    const HudCatalog& catalog = HudCatalog::instance();
    for (const QString& id : catalog.listIds()) {
        const auto list = catalog.list(id);
        REQUIRE(list.has_value());
        for (const QString& user : list->usedBy) {
            const QStringList parts = user.split(u'.');
            REQUIRE(parts.size() == 2);
            const auto column = catalog.column(parts.at(0), parts.at(1));
            INFO(id.toStdString() << " used by " << user.toStdString());
            REQUIRE(column.has_value());
            CHECK(column->listIds.contains(id));
        }
    }
    for (const QString& file : catalog.files()) {
        for (const auto& column : catalog.columns(file)) {
            for (const QString& id : column.listIds) {
                INFO(file.toStdString() << "." << column.name.toStdString() << " uses " << id.toStdString());
                CHECK(catalog.list(id).has_value());
            }
        }
    }
}
