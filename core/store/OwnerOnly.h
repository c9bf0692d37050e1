#pragma once

#include <QFileDevice>
#include <QString>

/// @file Owner-only permissions and durable writes for the data folder (docs/security.md, "Files in the
/// data folder"): the folder is 0700 and every file Hearth writes in it 0600. On Unix these are real
/// modes; on Windows the per-user application-data folder's ACL is what keeps other users out, and the
/// functions only do what QFile can there.
namespace hearth::owner_only {

/// rw------- : what every file in the data folder gets.
inline constexpr QFileDevice::Permissions kFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
/// rwx------ : the data folder itself.
inline constexpr QFileDevice::Permissions kFolder
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

/// Creates @p dir (and any missing parents; those keep the usual mode) with the folder itself 0700,
/// and narrows an existing folder that is wider. False when the folder cannot be made or narrowed.
bool makeFolder(const QString& dir);

/// Narrows an existing folder wider than 0700 to 0700; true when it is owner-only afterwards.
bool narrowFolder(const QString& dir);

/// Narrows an existing file wider than 0600 to 0600. True when the file is owner-only afterwards or does
/// not exist (a -wal or -shm that SQLite has not made yet).
bool narrowFile(const QString& path);

/// Flushes @p file and asks the kernel to put its contents on disk (fsync). False on failure.
bool syncFile(QFileDevice& file);

/// Puts @p dir's entries on disk (fsync of the directory), so a file renamed or created in it survives
/// a power cut. False on failure; always true on Windows, where a directory cannot be opened for that.
bool syncFolder(const QString& dir);

} // namespace hearth::owner_only
