// Backups while the window is open: the store's BackupScheduler decides when
// (on open, then every few minutes while the revision moves); the backup
// itself runs on a worker with its own connection, so the frame never waits,
// at low priority (a background task). On a large project nothing is backed
// up in the first minutes after opening: a copy of hundreds of megabytes
// would compete with reading the project and the researcher's first work
// (the store skips the backup on open anyway when a recent one exists).
#include <chrono>

#include "store/backup.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

void Workspace::tick_backups() {
  if (!opt_.backups || !project_) return;
  constexpr auto kQuietStart = std::chrono::minutes(3);
  if (large_ && std::chrono::steady_clock::now() - opened_at_ < kQuietStart) return;
  const auto now = std::chrono::system_clock::now();
  const auto reason = backups_.due(*project_, now);
  if (!reason) return;
  const std::filesystem::path file = project_->path();
  const std::string why = *reason;
  tasks_.start(
      tr(S::task_backup),
      [this, file, why](TaskProgress& progress) -> std::function<void()> {
        progress.set(0.0, file.filename().string());
        try {
          const store::BackupInfo b = store::make_backup_of(file, why);
          return [this, file, b] {
            if (!project_ || project_->path() != file) return;  // the project changed meanwhile
            backups_.finished(b, std::chrono::system_clock::now());
          };
        } catch (const std::exception& e) {
          const std::string msg = e.what();
          return [this, file, msg] {
            if (!project_ || project_->path() != file) return;
            backups_.failed(msg, std::chrono::system_clock::now());
            set_status(std::string(tr(S::status_backup_failed)) + msg, true);
          };
        }
      },
      TaskRunner::Kind::background);
}

}  // namespace telaah::ui
