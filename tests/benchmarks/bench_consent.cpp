// The consent path over a real encrypted store (run on demand; Release builds count).
//
//   setup     the clients created with their release through ConsentRecords (70% Full, 10% Limited,
//             10% Anonymous, 10% No Sharing), each enrolled in a shelter with 3 bed nights
//   review    ConsentGate::review of the whole change log, read 500 changes at a time as sync reads it
//   statuses  ConsentRecords::statuses() for every client (the badge column of All clients)
//   expiring  ConsentRecords::expiring() for one month (the renewals list)
//   memory    peak resident memory (VmHWM) after the review
//   alert     the concurrent No Sharing count every shelter enrollment runs while no alert is open
//
// hearth_bench_consent [clients]: 3,000 by default, which the setup (about 55 ms per client: five
// transactions, each synced to disk) writes in about three minutes; pass 10000 for the full size.
#include "core/common/Clock.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/KeySlots.h"
#include "core/crypto/RecoveryKey.h"
#include "core/services/ConsentGate.h"
#include "core/services/ConsentRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"
#include "core/services/ServiceRecords.h"
#include "core/store/ChangeLog.h"
#include "core/store/KeyFile.h"
#include "core/store/Store.h"
#include "core/vault/Vault.h"
#include "tests/benchmarks/BenchSupport.h"
#include "tests/support/SyntheticClients.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hearth;
using namespace hearth::test;
using namespace hearth::bench;

namespace {
constexpr int kDefaultClients = 3000;
constexpr int kBatch = 500;
constexpr int kRuns = 3;
const QDate kToday(2026, 6, 15);

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

const char* reasonName(Disclosure::Reason reason)
{
    switch (reason) {
    case Disclosure::Reason::None:
        return "none";
    case Disclosure::Reason::NoSharing:
        return "NoSharing";
    case Disclosure::Reason::Revoked:
        return "Revoked";
    case Disclosure::Reason::NoConsentRecorded:
        return "NoConsentRecorded";
    case Disclosure::Reason::Expired:
        return "Expired";
    case Disclosure::Reason::BeforeConsent:
        return "BeforeConsent";
    case Disclosure::Reason::CategoryNotConsented:
        return "CategoryNotConsented";
    case Disclosure::Reason::AgencyNotConsented:
        return "AgencyNotConsented";
    case Disclosure::Reason::LocalOnly:
        return "LocalOnly";
    case Disclosure::Reason::Restricted:
        return "Restricted";
    case Disclosure::Reason::AnonymousClient:
        return "AnonymousClient";
    case Disclosure::Reason::HeldBack:
        return "HeldBack";
    }
    return "?";
}

/// Peak resident set size in MiB, from /proc/self/status (Linux only; -1 elsewhere).
struct ReviewFigures
{
    double readSeconds = 0;
    double reviewSeconds = 0;
    qint64 changes = 0;
    QMap<QString, int> withheld; ///< reason -> count
    QMap<QString, int> forms; ///< form -> count
};

/// Reads the whole change log 500 at a time and asks the gate about each batch.
Result<ReviewFigures> reviewAll(const ChangeLog& log, const ConsentGate& gate)
{
    ReviewFigures f;
    qint64 after = 0;
    for (;;) {
        QElapsedTimer t;
        t.start();
        auto batch = log.readAfter(after, kBatch);
        if (!batch)
            return batch.error();
        f.readSeconds += seconds(t);
        if (batch->empty())
            return f;
        after = batch->back().seq;
        t.restart();
        auto answers = gate.review(*batch, Audience::centralServer());
        if (!answers)
            return answers.error();
        f.reviewSeconds += seconds(t);
        f.changes += qint64(batch->size());
        for (const Disclosure& d : *answers) {
            static const char* const kForms[] = {"withheld", "whole", "deidentified", "partial"};
            f.forms[QString::fromLatin1(kForms[int(d.form)])]++;
            if (!d.allowed())
                f.withheld[QString::fromLatin1(reasonName(d.reason))]++;
        }
    }
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int clientCount = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : kDefaultClients;
    if (!crypto::initialize())
        return 2;
    QTemporaryDir dir;
    ManualClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const RecoveryKey recovery = RecoveryKey::generate();
    // A benchmark measures the consent path, not password hashing.
    Vault vault(StoreLocation {dir.path()}, clock, KdfParams::fastForTests());
    if (auto st
        = vault.createStore({QStringLiteral("Harbor House"), QStringLiteral("CA-504")}, QStringLiteral("bench.admin"),
                            QStringLiteral("Bench Admin"), QStringLiteral("Tangerine-47x!"), recovery);
        !st)
        return fail("store", st.message());

    Project p;
    p.name = QStringLiteral("Harbor Night Shelter");
    p.projectType = 1; // ES night-by-night
    p.cocCode = QStringLiteral("CA-504");
    p.fundingSources = {8};
    p.tracksBedNights = true;
    p.operatingStart = QDate(2020, 1, 1);
    auto shelter = ProjectRecords(vault).create(p);
    if (!shelter)
        return fail("project", shelter.message());

    // Signed over the last 25 months: a two-year release expires on every day of the coming two years,
    // and about one in twenty-five has already lapsed.
    SyntheticClients names(11);
    SeededRandom random(11);
    ConsentRecords consent(vault);
    EnrollmentRecords enrollments(vault);
    ServiceRecords services(vault);
    QStringList clientUuids;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < clientCount; ++i) {
        const SearchPerson person = names.person();
        ClientProfile c;
        c.firstName = person.firstName;
        c.middleName = person.middleName;
        c.lastName = person.lastName;
        c.nameDataQuality = 1;
        ReleaseOfInformation r;
        r.choice = choiceFor(random);
        r.signedOn = kToday.addDays(-random.between(2, 760));
        // The generator's youngest were born after these stays began; they come without a birth date.
        if (person.dob && *person.dob < r.signedOn)
            c.dob = person.dob;
        c.dobDataQuality = c.dob ? 1 : 99;
        c.raceEthnicity = {QStringLiteral("White")};
        c.veteranStatus = 0;
        r.language = QStringLiteral("en");
        if (r.choice == SharingChoice::LimitedSharing) {
            r.categories = ShareCategory::EnrollmentsAndServices;
            r.partnerAgencies = {QStringLiteral("Coastal Outreach")};
        }
        auto made = consent.createClient(c, r);
        if (!made)
            return fail("createClient", made.message());
        clientUuids.append(made->uuid);
        Enrollment e;
        e.clientUuid = made->uuid;
        e.relationshipToHoH = 1;
        e.entryDate = r.signedOn;
        auto enrolled = enrollments.enrollHousehold(shelter->uuid, {e});
        if (!enrolled)
            return fail("enroll", enrolled.message());
        for (int night = 0; night < 3; ++night) {
            auto in = services.checkIn({enrolled->front().uuid}, r.signedOn.addDays(night));
            if (!in)
                return fail("checkIn", in.message());
        }
        if ((i + 1) % 2000 == 0)
            std::fprintf(stderr, "  %d clients, %.0f s\n", i + 1, seconds(t));
    }
    std::printf("setup     %d clients with a release, an enrollment and 3 bed nights each, through the "
                "services: %.1f s (%.1f ms per client)\n",
                clientCount, seconds(t), seconds(t) * 1000.0 / clientCount);
    const double rssSetup = peakRssMiB();

    // Sync reads the change log through its own connection; the Vault keeps its own open for the gate.
    auto keys = KeyFile::load(StoreLocation {dir.path()}.keyFilePath());
    if (!keys)
        return fail("keys", keys.message());
    auto dataKey = keyslots::openRecoverySlot(keys->recovery, recovery);
    if (!dataKey)
        return fail("key", dataKey.message());
    auto reader = Store::open(StoreLocation {dir.path()}.databasePath(keys->databaseFile), *dataKey);
    if (!reader)
        return fail("open", reader.message());
    const ChangeLog log(**reader);
    const ConsentGate gate(vault);

    std::vector<double> reviewRuns, readRuns, statusRuns, expiringRuns, alertRuns;
    ReviewFigures figures;
    int badges = 0;
    std::size_t expiringCount = 0;
    int concurrent = 0;
    double rss = -1;
    for (int run = 0; run < kRuns; ++run) {
        auto reviewed = reviewAll(log, gate);
        if (!reviewed)
            return fail("review", reviewed.message());
        figures = *reviewed;
        readRuns.push_back(figures.readSeconds);
        reviewRuns.push_back(figures.reviewSeconds);
        if (run == 0)
            rss = peakRssMiB();

        t.restart();
        auto statuses = consent.statuses(clientUuids);
        if (!statuses)
            return fail("statuses", statuses.message());
        statusRuns.push_back(seconds(t));
        badges = int(statuses->size());

        t.restart();
        auto expiring = consent.expiring(kToday, kToday.addMonths(1));
        if (!expiring)
            return fail("expiring", expiring.message());
        expiringRuns.push_back(seconds(t));
        expiringCount = expiring->size();

        t.restart();
        auto noSharing = consent.concurrentNoSharing(shelter->uuid, kToday);
        if (!noSharing)
            return fail("concurrentNoSharing", noSharing.message());
        alertRuns.push_back(seconds(t));
        concurrent = *noSharing;
    }

    const double read = median(readRuns);
    const double review = median(reviewRuns);
    std::printf("review    %lld changes, batches of %d, central server: read %.2f s + review %.2f s = %.2f s "
                "(%.0f records/s; median of %d)\n",
                figures.changes, kBatch, read, review, read + review, double(figures.changes) / (read + review), kRuns);
    QStringList forms, reasons;
    for (auto it = figures.forms.cbegin(); it != figures.forms.cend(); ++it)
        forms.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    for (auto it = figures.withheld.cbegin(); it != figures.withheld.cend(); ++it)
        reasons.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    std::printf("          forms: %s\n", qPrintable(forms.join(QStringLiteral(", "))));
    std::printf("          withheld by reason: %s\n", qPrintable(reasons.join(QStringLiteral(", "))));
    std::printf("statuses  %d clients' badges: %.1f ms (median of %d)\n", badges, median(statusRuns) * 1000.0, kRuns);
    std::printf("expiring  %s to %s incl. lapsed: %zu releases in %.1f ms (median of %d)\n",
                qPrintable(kToday.toString(Qt::ISODate)), qPrintable(kToday.addMonths(1).toString(Qt::ISODate)),
                expiringCount, median(expiringRuns) * 1000.0, kRuns);
    std::printf("alert     concurrent No Sharing in the shelter today: %d of %d enrolled, counted in %.1f ms "
                "(median of %d)\n",
                concurrent, clientCount, median(alertRuns) * 1000.0, kRuns);
    std::printf("memory    peak RSS: %.0f MiB after setup, %.0f MiB after the first review\n", rssSetup, rss);
    return 0;
}
