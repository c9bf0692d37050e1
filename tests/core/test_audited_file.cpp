// The one way a file leaves the encrypted store: written aside, audited, then given its name. No audit
// line, no file; a write that fails is not audited and leaves nothing.
#include "core/services/AuditedFile.h"
#include "tests/support/TempDir.h"

#include <QDir>
#include <QFile>

#include <catch2/catch_test_macros.hpp>

using namespace hearth;

namespace {
Status writeBytes(QIODevice& device)
{
    device.write("client,count\n");
    return {};
}

QStringList entriesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}
} // namespace

TEST_CASE("an exported file exists only once its audit line does", "[audit][export]")
{
    test::TempDir dir;
    const QString path = dir.path() + QStringLiteral("/report.csv");
    int audits = 0;

    SECTION("the audit is refused: no file, not even the temporary one")
    {
        const Status st = writeAuditedFile(
            path, writeBytes,
            [&audits] {
                ++audits;
                return Status(makeError(ErrorCode::PermissionDenied, QStringLiteral("not allowed")));
            },
            QStringLiteral("The report could not be saved"));
        CHECK(st.code() == ErrorCode::PermissionDenied);
        CHECK(audits == 1);
        CHECK(entriesIn(dir.path()).isEmpty());
    }
    SECTION("the content cannot be made: nothing is audited and nothing is left")
    {
        const Status st = writeAuditedFile(
            path, [](QIODevice&) { return Status(makeError(ErrorCode::InvalidInput, QStringLiteral("no report"))); },
            [&audits] {
                ++audits;
                return Status();
            },
            QStringLiteral("The report could not be saved"));
        CHECK(st.code() == ErrorCode::InvalidInput);
        CHECK(audits == 0);
        CHECK(entriesIn(dir.path()).isEmpty());
    }
    SECTION("the folder cannot be written: a clear message and no audit line")
    {
        const Status st = writeAuditedFile(
            dir.path() + QStringLiteral("/missing/report.csv"), writeBytes,
            [&audits] {
                ++audits;
                return Status();
            },
            QStringLiteral("The report could not be saved"));
        CHECK(st.code() == ErrorCode::Io);
        CHECK(st.message().startsWith(QStringLiteral("The report could not be saved: ")));
        CHECK(audits == 0);
    }
    SECTION("audited: the file takes its name with the whole content")
    {
        bool fileExistedAtAudit = true;
        const Status st = writeAuditedFile(
            path, writeBytes,
            [&] {
                ++audits;
                fileExistedAtAudit = QFile::exists(path);
                return Status();
            },
            QStringLiteral("The report could not be saved"));
        REQUIRE(st.ok());
        CHECK(audits == 1);
        CHECK_FALSE(fileExistedAtAudit); // the name appears only after the audit line
        QFile written(path);
        REQUIRE(written.open(QIODevice::ReadOnly));
        CHECK(written.readAll() == QByteArray("client,count\n"));
        CHECK(entriesIn(dir.path()) == QStringList {QStringLiteral("report.csv")});
    }
}
