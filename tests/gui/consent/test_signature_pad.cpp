#include "tests/gui/GuiTestSupport.h"
#include "ui/widgets/SignaturePad.h"

#include <QImage>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QTabletEvent>
#include <QTest>

using namespace hearth;
using namespace hearth::test;

namespace {

/// Draws a stroke through @p points (fractions of the pad's size) with the mouse.
void drawWithMouse(ui::SignaturePad& pad, const QList<QPointF>& points)
{
    const auto at = [&](const QPointF& p) {
        return QPoint(qRound(p.x() * pad.width()), qRound(p.y() * pad.height()));
    };
    QTest::mousePress(&pad, Qt::LeftButton, {}, at(points.constFirst()));
    for (qsizetype i = 1; i + 1 < points.size(); ++i)
        QTest::mouseMove(&pad, at(points.at(i)));
    QTest::mouseRelease(&pad, Qt::LeftButton, {}, at(points.constLast()));
}

QImage imageOf(const QByteArray& png)
{
    QImage image;
    REQUIRE(image.loadFromData(png, "PNG"));
    return image.convertToFormat(QImage::Format_RGB32);
}

int darkPixels(const QImage& image)
{
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    return dark;
}

const QList<QPointF> kStroke {{0.1, 0.3}, {0.3, 0.6}, {0.5, 0.4}, {0.8, 0.5}};

} // namespace

TEST_CASE("signature pad: a mouse stroke becomes a fixed-size PNG whatever the window size; Clear empties it")
{
    ui::SignaturePad small;
    small.resize(300, 100);
    small.show();
    ui::SignaturePad large;
    large.resize(900, 300);
    large.show();
    REQUIRE(QTest::qWaitForWindowExposed(&large));
    CHECK(small.isEmpty());
    CHECK(small.toPng().isEmpty());
    CHECK(small.objectName() == QStringLiteral("signaturePad"));
    CHECK_FALSE(small.accessibleName().isEmpty());

    QSignalSpy changed(&small, &ui::SignaturePad::changed);
    drawWithMouse(small, kStroke);
    drawWithMouse(large, kStroke);
    CHECK_FALSE(small.isEmpty());
    CHECK(changed.count() >= 1);
    REQUIRE(small.strokes().size() == 1);
    CHECK(small.strokes().constFirst().size() == kStroke.size());

    const QImage fromSmall = imageOf(small.toPng());
    const QImage fromLarge = imageOf(large.toPng());
    CHECK(fromSmall.size() == ui::SignaturePad::kImageSize);
    CHECK(fromSmall.pixel(0, 0) == qRgb(255, 255, 255)); // white, not transparent or the theme's colour
    CHECK(darkPixels(fromSmall) > 200);
    CHECK(fromSmall == fromLarge);

    changed.clear();
    small.clear();
    CHECK(small.isEmpty());
    CHECK(small.toPng().isEmpty());
    CHECK(changed.count() == 1);
}

TEST_CASE("signature pad: a letterboxed pad maps strokes into the same drawing space")
{
    // A pad wider than 3:1: the drawing area is centred; the same stroke inside it gives the same image.
    ui::SignaturePad reference;
    reference.resize(600, 200);
    reference.show();
    ui::SignaturePad wide;
    wide.resize(800, 200); // 100 px of margin on each side
    wide.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wide));
    QTest::mousePress(&reference, Qt::LeftButton, {}, QPoint(60, 60));
    QTest::mouseMove(&reference, QPoint(300, 150));
    QTest::mouseRelease(&reference, Qt::LeftButton, {}, QPoint(540, 80));
    QTest::mousePress(&wide, Qt::LeftButton, {}, QPoint(160, 60));
    QTest::mouseMove(&wide, QPoint(400, 150));
    QTest::mouseRelease(&wide, Qt::LeftButton, {}, QPoint(640, 80));
    CHECK(imageOf(reference.toPng()) == imageOf(wide.toPng()));
}

TEST_CASE("signature pad: touch and pen strokes are recorded, without doubling as mouse strokes")
{
    ui::SignaturePad pad;
    pad.resize(600, 200);
    pad.show();
    REQUIRE(QTest::qWaitForWindowExposed(&pad));

    QPointingDevice* screen = QTest::createTouchDevice();
    QTest::touchEvent(&pad, screen).press(0, QPoint(50, 50));
    QTest::touchEvent(&pad, screen).move(0, QPoint(150, 120));
    QTest::touchEvent(&pad, screen).move(0, QPoint(250, 80));
    QTest::touchEvent(&pad, screen).release(0, QPoint(300, 100));
    REQUIRE(pad.strokes().size() == 1);
    CHECK(pad.strokes().constFirst().size() >= 3);

    QPointingDevice pen(QStringLiteral("test pen"), 4242, QInputDevice::DeviceType::Stylus,
                        QPointingDevice::PointerType::Pen,
                        QInputDevice::Capability::Position | QInputDevice::Capability::Pressure, 1, 3);
    const auto send = [&](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
        QTabletEvent event(type, &pen, pos, pad.mapToGlobal(pos), 0.5, 0, 0, 0, 0, 0, Qt::NoModifier, Qt::LeftButton,
                           buttons);
        QCoreApplication::sendEvent(&pad, &event);
        CHECK(event.isAccepted());
    };
    send(QEvent::TabletPress, QPointF(320, 60), Qt::LeftButton);
    send(QEvent::TabletMove, QPointF(400, 140), Qt::LeftButton);
    send(QEvent::TabletRelease, QPointF(500, 90), Qt::NoButton);
    REQUIRE(pad.strokes().size() == 2);
    CHECK(pad.strokes().constLast().size() == 3);
    CHECK(pad.strokes().constLast().constFirst() == QPointF(320, 60));
}
