// Remote wipe and the offline lease as the user meets them.
#include "SyncGuiSupport.h"
#include "sync/WipeMessage.h"

#include <QMessageBox>

using namespace hearth;
using namespace hearth::test;

TEST_CASE("the wipe message names who removed the workstation and why", "[gui][sync]")
{
    const QString text = ui::wipeMessageText(u"Laptop reported stolen."_qs);
    CHECK(text
          == u"An administrator removed this workstation from the agency server: Laptop reported stolen. Hearth has "
             "erased its data on this computer."_qs);
    CHECK(ui::wipeMessageText({}).contains(u"no reason was given"_qs));
}
