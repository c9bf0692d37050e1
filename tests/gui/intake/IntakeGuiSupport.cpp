#include "tests/gui/intake/IntakeGuiSupport.h"

#include "core/services/ClientRecords.h"
#include "core/services/EnrollmentRecords.h"
#include "core/services/ProjectRecords.h"

namespace hearth::test {

Project makeProject(Vault& vault, const QString& name, int projectType)
{
    Project p;
    p.name = name;
    p.projectType = projectType;
    p.cocCode = QStringLiteral("CA-504");
    p.tracksBedNights = projectType == 1;
    p.operatingStart = QDate(2025, 1, 1);
    auto created = ProjectRecords(vault).create(p);
    INFO((created ? QString() : created.message()).toStdString());
    REQUIRE(created.ok());
    return created.value();
}

ClientProfile makeClient(Vault& vault, const QString& first, const QString& last, const QDate& dob)
{
    ClientProfile c;
    c.firstName = first;
    c.lastName = last;
    c.nameDataQuality = 1;
    c.dob = dob;
    c.dobDataQuality = 1;
    auto created = ClientRecords(vault).create(c);
    INFO((created ? QString() : created.message()).toStdString());
    REQUIRE(created.ok());
    return created.value();
}

Enrollment storedEnrollment(Vault& vault, const QString& uuid)
{
    auto found = EnrollmentRecords(vault).find(uuid);
    REQUIRE(found.ok());
    return found.value();
}

} // namespace hearth::test
