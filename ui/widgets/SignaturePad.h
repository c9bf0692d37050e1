#pragma once

#include <QByteArray>
#include <QList>
#include <QPolygonF>
#include <QSize>
#include <QWidget>

namespace hearth::ui {

/// @brief Where a client signs on screen, with a mouse, a pen or a finger.
///
/// Strokes are kept as polylines in a fixed 600×200 drawing space, shown letterboxed in the widget,
/// so the stored PNG looks the same whatever the size of the window it was drawn in.
class SignaturePad : public QWidget
{
    Q_OBJECT
public:
    /// The drawing space and the size of toPng().
    static constexpr QSize kImageSize {600, 200};

    explicit SignaturePad(QWidget* parent = nullptr);

    bool isEmpty() const { return m_strokes.isEmpty(); }
    const QList<QPolygonF>& strokes() const { return m_strokes; }
    /// The signature as black strokes on white, kImageSize; empty when nothing was drawn.
    QByteArray toPng() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void clear();

Q_SIGNALS:
    /// A stroke started or ended, or the pad was cleared.
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;
    bool event(QEvent* event) override;

private:
    /// The letterboxed area of the widget that shows the drawing space.
    QRectF drawingRect() const;
    QPointF toDrawing(const QPointF& widgetPos) const;
    void beginStroke(const QPointF& widgetPos);
    void extendStroke(const QPointF& widgetPos);
    void endStroke();

    QList<QPolygonF> m_strokes;
    bool m_drawing = false;
};

} // namespace hearth::ui
