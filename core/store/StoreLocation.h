#pragma once

#include <QString>

namespace hearth {

/// @brief Where the agency store lives: `--data-dir`, else $HEARTH_DATA_DIR, else the platform's app-data folder.
struct StoreLocation
{
    QString dataDir;

    static constexpr const char* kEnvironmentVariable = "HEARTH_DATA_DIR";

    /// @p commandLineDir wins when non-empty; then the environment; then QStandardPaths::AppDataLocation.
    static StoreLocation resolve(const QString& commandLineDir = {});

    QString keyFilePath() const;
    QString databasePath(const QString& fileName) const;
};

} // namespace hearth
