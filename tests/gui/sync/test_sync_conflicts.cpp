// The Conflicts view: two workstations change the same field; a person settles it.
#include "SyncGuiSupport.h"
#include "sync/ConflictsView.h"
#include "sync/SyncText.h"

using namespace hearth;
using namespace hearth::test;

TEST_CASE("conflicting fields are named in words and typed values keep the record's form", "[gui][sync]")
{
    CHECK(ui::SyncText::fieldInWords(u"DOB"_qs) == u"Date of birth"_qs);
    CHECK(ui::SyncText::fieldInWords(u"SomethingNew"_qs) == u"SomethingNew"_qs);
    CHECK(ui::SyncText::valueInWords(QJsonValue(u"1985-03-14"_qs)) == u"03/14/1985"_qs);
    CHECK(ui::SyncText::valueInWords(QJsonValue()) == u"(empty)"_qs);

    SyncConflict dob;
    dob.field = u"DOB"_qs;
    dob.serverValue = u"1985-03-14"_qs;
    dob.deviceValue = u"1985-04-13"_qs;
    CHECK(ui::ConflictsView::typedValue(u"3/15/1985"_qs, dob) == QJsonValue(u"1985-03-15"_qs));
    CHECK(ui::ConflictsView::typedValue(u"  "_qs, dob).isNull());
    CHECK(ui::ConflictsView::typedValue(u"13/45/1985"_qs, dob)
          == QJsonValue(u"13/45/1985"_qs)); // the record refuses it
    SyncConflict veteran;
    veteran.field = u"VeteranStatus"_qs;
    veteran.serverValue = 0;
    veteran.deviceValue = 1;
    CHECK(ui::ConflictsView::typedValue(u"99"_qs, veteran) == QJsonValue(99));
}
