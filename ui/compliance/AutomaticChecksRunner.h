#pragma once

#include "core/compliance/CheckContext.h"
#include "core/compliance/Checks.h"

#include <QObject>

#include <memory>

namespace hearth::ui {

/// @brief Runs the checklist's automatic checks on a worker thread: they start programs and read
/// files, which can take seconds, and the window must keep painting meanwhile.
///
/// The worker owns copies of everything it reads (the probe is shared), so it may outlive this
/// object: a lock destroys the workspace mid-run and the late results are simply dropped.
class AutomaticChecksRunner : public QObject
{
    Q_OBJECT
public:
    explicit AutomaticChecksRunner(std::shared_ptr<const compliance::SystemProbe> probe, QObject* parent = nullptr);

    void setProbe(std::shared_ptr<const compliance::SystemProbe> probe) { m_probe = std::move(probe); }
    bool isRunning() const { return m_running; }

    /// Starts a run of @p checklist; finished() follows on this object's thread. Ignored while one runs.
    void start(const compliance::Checklist& checklist, const compliance::HearthFacts& facts, const QDateTime& now);

Q_SIGNALS:
    void finished(const QList<hearth::compliance::ItemResult>& results);

private:
    std::shared_ptr<const compliance::SystemProbe> m_probe;
    bool m_running = false;
};

} // namespace hearth::ui
