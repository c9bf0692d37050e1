#include "ui/widgets/SignaturePad.h"

#include <QBuffer>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTabletEvent>
#include <QTouchEvent>

namespace hearth::ui {

namespace {
constexpr qreal kPenWidth = 3.0; ///< in drawing-space pixels
constexpr qreal kBaselineY = 0.75; ///< of the height: where the hint and the line are
/// Points closer than this (drawing space) to the previous one add nothing but size.
constexpr qreal kMinStep = 0.5;

void drawStrokes(QPainter& painter, const QList<QPolygonF>& strokes)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, kPenWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPolygonF& stroke : strokes) {
        if (stroke.size() == 1)
            painter.drawPoint(stroke.constFirst()); // a dot, as in the "i" of a name
        else
            painter.drawPolyline(stroke);
    }
}
} // namespace

SignaturePad::SignaturePad(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signaturePad"));
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_StaticContents);
    // Full height in a scrolling form: a squeezed pad is hard to sign on.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::CrossCursor);
    setAccessibleName(tr("Signature pad"));
    setAccessibleDescription(tr("The client signs here with the mouse, a pen or a finger."));
    setToolTip(tr("The client signs here with the mouse, a pen or a finger."));
}

QSize SignaturePad::sizeHint() const
{
    return kImageSize;
}

QSize SignaturePad::minimumSizeHint() const
{
    return kImageSize / 2;
}

QRectF SignaturePad::drawingRect() const
{
    const QSizeF space(kImageSize);
    const QSizeF fitted = space.scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

QPointF SignaturePad::toDrawing(const QPointF& widgetPos) const
{
    const QRectF area = drawingRect();
    if (area.isEmpty())
        return {};
    const qreal x = (widgetPos.x() - area.left()) * kImageSize.width() / area.width();
    const qreal y = (widgetPos.y() - area.top()) * kImageSize.height() / area.height();
    return QPointF(qBound(0.0, x, qreal(kImageSize.width())), qBound(0.0, y, qreal(kImageSize.height())));
}

void SignaturePad::beginStroke(const QPointF& widgetPos)
{
    m_drawing = true;
    m_strokes.append(QPolygonF {toDrawing(widgetPos)});
    update();
    Q_EMIT changed();
}

void SignaturePad::extendStroke(const QPointF& widgetPos)
{
    if (!m_drawing || m_strokes.isEmpty())
        return;
    const QPointF point = toDrawing(widgetPos);
    QPolygonF& stroke = m_strokes.last();
    if ((point - stroke.constLast()).manhattanLength() < kMinStep)
        return;
    stroke.append(point);
    update();
}

void SignaturePad::endStroke()
{
    if (!m_drawing)
        return;
    m_drawing = false;
    Q_EMIT changed();
}

void SignaturePad::clear()
{
    m_drawing = false;
    if (m_strokes.isEmpty())
        return;
    m_strokes.clear();
    update();
    Q_EMIT changed();
}

void SignaturePad::mousePressEvent(QMouseEvent* event)
{
    // Touch and pen input are handled as such; ignore the mouse events synthesised from them.
    if (event->button() != Qt::LeftButton || event->source() != Qt::MouseEventNotSynthesized)
        return;
    beginStroke(event->position());
}

void SignaturePad::mouseMoveEvent(QMouseEvent* event)
{
    if (event->source() == Qt::MouseEventNotSynthesized)
        extendStroke(event->position());
}

void SignaturePad::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && event->source() == Qt::MouseEventNotSynthesized) {
        extendStroke(event->position());
        endStroke();
    }
}

void SignaturePad::tabletEvent(QTabletEvent* event)
{
    switch (event->type()) {
    case QEvent::TabletPress:
        beginStroke(event->position());
        break;
    case QEvent::TabletMove:
        extendStroke(event->position());
        break;
    case QEvent::TabletRelease:
        extendStroke(event->position());
        endStroke();
        break;
    default:
        break;
    }
    event->accept();
}

bool SignaturePad::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TouchCancel: {
        // One finger signs; a second touching down does not start another line.
        auto* touch = static_cast<QTouchEvent*>(event);
        if (touch->points().isEmpty()) {
            endStroke();
            return true;
        }
        const QEventPoint& point = touch->points().constFirst();
        if (event->type() == QEvent::TouchBegin)
            beginStroke(point.position());
        else if (event->type() == QEvent::TouchUpdate)
            extendStroke(point.position());
        else {
            extendStroke(point.position());
            endStroke();
        }
        event->accept();
        return true;
    }
    default:
        return QWidget::event(event);
    }
}

void SignaturePad::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QRectF area = drawingRect();
    painter.fillRect(area, Qt::white);

    // The baseline and, while empty, the hint: drawn in widget space, never part of the PNG.
    const qreal baseline = area.top() + area.height() * kBaselineY;
    const qreal margin = area.width() * 0.05;
    painter.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 1));
    painter.drawLine(QPointF(area.left() + margin, baseline), QPointF(area.right() - margin, baseline));
    if (isEmpty()) {
        QFont hint = font();
        hint.setPointSizeF(hint.pointSizeF() * 1.3);
        painter.setFont(hint);
        painter.setPen(QColor(0x75, 0x75, 0x75));
        painter.drawText(QRectF(area.left() + margin, area.top(), area.width() - 2 * margin, baseline - area.top() - 4),
                         Qt::AlignLeft | Qt::AlignBottom, tr("✕  Sign here"));
    }

    painter.save();
    painter.translate(area.topLeft());
    painter.scale(area.width() / kImageSize.width(), area.height() / kImageSize.height());
    drawStrokes(painter, m_strokes);
    painter.restore();
}

QByteArray SignaturePad::toPng() const
{
    if (isEmpty())
        return {};
    QImage image(kImageSize, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        drawStrokes(painter, m_strokes);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace hearth::ui
