// Disk and swap encryption on Linux: findmnt to the device, lsblk up to a crypt layer.
#include "core/compliance/linux/LinuxChecks.h"
#include "tests/compliance/ComplianceTestSupport.h"

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

void findmnt(CheckFixture& f, const QString& target, const QByteArray& source)
{
    f.probe.onCommand(
        QStringLiteral("findmnt"),
        {QStringLiteral("-n"), QStringLiteral("-o"), QStringLiteral("SOURCE"), QStringLiteral("--target"), target}, 0,
        source + '\n');
}

void lsblk(CheckFixture& f, const QString& device, const QByteArray& output, int exitCode = 0)
{
    f.probe.onCommand(QStringLiteral("lsblk"),
                      {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("-s"), QStringLiteral("-o"),
                       QStringLiteral("TYPE,NAME"), device},
                      exitCode, output);
}

} // namespace

TEST_CASE("Hearth's data on LVM inside LUKS passes")
{
    CheckFixture f;
    findmnt(f, f.hearth.dataDir, "/dev/mapper/vg-root");
    lsblk(f, QStringLiteral("/dev/mapper/vg-root"), recorded(QStringLiteral("linux/lsblk-luks-lvm.txt")));
    const CheckResult result = f.run(&linuxDiskEncryption, QStringLiteral("disk-encryption"));
    CHECK(result.verdict == Verdict::Pass);
    CHECK(result.evidence.contains(QStringLiteral("crypt nvme0n1p3_crypt")));
}

TEST_CASE("Hearth's data on a plain partition fails")
{
    CheckFixture f;
    findmnt(f, f.hearth.dataDir, "/dev/sda2");
    lsblk(f, QStringLiteral("/dev/sda2"), recorded(QStringLiteral("linux/lsblk-plain.txt")));
    const CheckResult result = f.run(&linuxDiskEncryption, QStringLiteral("disk-encryption"));
    CHECK(result.verdict == Verdict::Fail);
    CHECK(result.detail.contains(QStringLiteral("/dev/sda2")));
}

TEST_CASE("A btrfs subvolume is followed to its device")
{
    CheckFixture f;
    findmnt(f, f.hearth.dataDir, "/dev/mapper/luks-4f1c[/@home]");
    lsblk(f, QStringLiteral("/dev/mapper/luks-4f1c"), "crypt luks-4f1c\npart nvme0n1p2\ndisk nvme0n1\n");
    CHECK(f.run(&linuxDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Pass);
}

TEST_CASE("Data on something that is not a block device, or with findmnt missing, is unknown")
{
    CheckFixture f;
    SECTION("overlay")
    {
        findmnt(f, f.hearth.dataDir, "overlay");
        const CheckResult result = f.run(&linuxDiskEncryption, QStringLiteral("disk-encryption"));
        CHECK(result.verdict == Verdict::Unknown);
        CHECK(result.evidence.contains(QStringLiteral("overlay is not a block device")));
    }
    SECTION("findmnt not installed")
    {
        const CheckResult result = f.run(&linuxDiskEncryption, QStringLiteral("disk-encryption"));
        CHECK(result.verdict == Verdict::Unknown);
        CHECK(result.evidence.contains(QStringLiteral("`findmnt -n -o SOURCE --target")));
        CHECK(result.evidence.contains(QStringLiteral("not found")));
    }
    SECTION("lsblk failing")
    {
        findmnt(f, f.hearth.dataDir, "/dev/sda2");
        lsblk(f, QStringLiteral("/dev/sda2"), {}, 32);
        CHECK(f.run(&linuxDiskEncryption, QStringLiteral("disk-encryption")).verdict == Verdict::Unknown);
    }
}

TEST_CASE("Swap: none, zram and encrypted swap pass; a plain swap partition or file fails")
{
    CheckFixture f;
    const QString swaps = QStringLiteral("/proc/swaps");
    SECTION("no swap")
    {
        f.probe.addFile(swaps, recorded(QStringLiteral("linux/proc-swaps-none.txt")));
        const CheckResult result = f.run(&linuxSwapEncryption, QStringLiteral("swap-encryption"));
        CHECK(result.verdict == Verdict::Pass);
        CHECK(result.evidence.contains(QStringLiteral("no swap in use")));
    }
    SECTION("zram and a dm-crypt swap")
    {
        f.probe.addFile(swaps, recorded(QStringLiteral("linux/proc-swaps-zram-and-crypt.txt")));
        lsblk(f, QStringLiteral("/dev/dm-2"), "crypt cryptswap\npart sda3\ndisk sda\n");
        const CheckResult result = f.run(&linuxSwapEncryption, QStringLiteral("swap-encryption"));
        CHECK(result.verdict == Verdict::Pass);
        CHECK(result.evidence.contains(QStringLiteral("/dev/zram0 is compressed memory (zram), not disk")));
    }
    SECTION("a plain partition")
    {
        f.probe.addFile(swaps, recorded(QStringLiteral("linux/proc-swaps-plain-partition.txt")));
        lsblk(f, QStringLiteral("/dev/sda3"), "part sda3\ndisk sda\n");
        const CheckResult result = f.run(&linuxSwapEncryption, QStringLiteral("swap-encryption"));
        CHECK(result.verdict == Verdict::Fail);
        CHECK(result.detail.contains(QStringLiteral("/dev/sda3")));
    }
    SECTION("a swap file with a space in its name on a plain disk")
    {
        f.probe.addFile(swaps, "Filename\tType\tSize\tUsed\tPriority\n/swap\\040file file 1048572 0 -2\n");
        findmnt(f, QStringLiteral("/swap file"), "/dev/vda1");
        lsblk(f, QStringLiteral("/dev/vda1"), "part vda1\ndisk vda\n");
        CHECK(f.run(&linuxSwapEncryption, QStringLiteral("swap-encryption")).verdict == Verdict::Fail);
    }
    SECTION("/proc/swaps unreadable")
    {
        f.probe.deny(swaps);
        CHECK(f.run(&linuxSwapEncryption, QStringLiteral("swap-encryption")).verdict == Verdict::Unknown);
    }
}
