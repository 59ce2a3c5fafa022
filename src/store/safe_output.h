// Files a command writes for the user: exports, reports, screenshots.
//
// An output is never the project or anything that belongs to it (its -wal,
// -shm, -journal, lock, backup folder or index), never another SQLite
// database, never a folder, FIFO, device or socket, and never written
// through a symbolic link. It is written to a temporary file beside the
// target (".NAME.telaah-tmp-PID-N", created with O_EXCL|O_NOFOLLOW), flushed,
// and renamed into place: the target is the old file or the whole new one.
// Temporaries of a process that was killed are removed by the next output
// written into the same folder.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace telaah::store {

// Throws UserError with the reason when `target` may not be written.
// `force`: an existing regular file may be replaced. `protect`: project files
// whose companions are refused as well (any .telaah file's are refused anyway).
void check_output_target(const std::filesystem::path& target, bool force,
                         const std::vector<std::filesystem::path>& protect = {});

class SafeOutput {
 public:
  SafeOutput(const std::filesystem::path& target, bool force, const std::vector<std::filesystem::path>& protect = {});
  ~SafeOutput();  // removes the temporary file unless committed
  SafeOutput(const SafeOutput&) = delete;
  SafeOutput& operator=(const SafeOutput&) = delete;

  const std::filesystem::path& target() const { return target_; }
  // Write here (a writer may replace this file by its own rename, as libzip does).
  const std::filesystem::path& temp() const { return temp_; }
  void commit();  // flush, check the target again, rename into place, flush the folder

 private:
  std::filesystem::path target_, temp_;
  std::vector<std::filesystem::path> protect_;
  bool force_ = false, done_ = false;
};

// The whole body at once.
void write_output(const std::filesystem::path& target, std::string_view bytes, bool force,
                  const std::vector<std::filesystem::path>& protect = {});

}  // namespace telaah::store
