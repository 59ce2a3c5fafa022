// telaah backups | restore: list and make verified backups, restore one.
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iostream>

#include "cli/cli.h"
#include "store/backup.h"
#include "store/fswarn.h"

namespace telaah::cli {
namespace {

std::string iso(store::SysTime t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

std::string human_size(uintmax_t n) {
  const char* unit[] = {"B", "KB", "MB", "GB"};
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024 && u < 3) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, unit[u]);
  return buf;
}

nlohmann::json to_json(const store::BackupInfo& b, size_t number) {
  return {{"number", number},       {"file", b.path.string()}, {"time", iso(b.time)},
          {"revision", b.revision}, {"reason", b.reason},      {"size", b.size}};
}

struct Args {
  std::string project, backup, reason = "manual";
  bool now = false, yes = false;
};

Registrar reg_backups(70, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("backups", "List the project's verified backups (newest first); --now makes one");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_flag("--now", a->now, "make a verified backup now (also while the project is open in a window)");
  cmd->add_option("--reason", a->reason, "with --now: a word for the file name (default: manual)");
  cmd->callback([a, &ctx] {
    std::optional<store::BackupInfo> made;
    if (a->now)
      made = store::make_backup_of(a->project, a->reason);
    else if (!std::filesystem::exists(a->project))
      throw NotFound("no project at " + a->project);
    auto list = store::list_backups(a->project);
    const std::string warn = store::storage_warning_text(a->project);
    if (ctx.json) {
      nlohmann::json out = {{"project", a->project},
                            {"folder", store::backup_dir(a->project).string()},
                            {"backups", nlohmann::json::array()}};
      for (size_t i = 0; i < list.size(); ++i) out["backups"].push_back(to_json(list[i], i + 1));
      if (made) out["made"] = made->path.string();
      if (!warn.empty()) out["warning"] = warn;
      return print_json(out);
    }
    if (made) std::cout << "made " << made->path.string() << " (revision " << made->revision << ", verified)\n";
    if (list.empty()) std::cout << "no backups yet in " << store::backup_dir(a->project).string() << "\n";
    for (size_t i = 0; i < list.size(); ++i)
      std::cout << "  " << (i + 1) << "\t" << iso(list[i].time) << "\trevision " << list[i].revision << "\t"
                << list[i].reason << "\t" << human_size(list[i].size) << "\t" << list[i].path.filename().string()
                << "\n";
    if (!list.empty())
      std::cout << list.size() << " backups in " << store::backup_dir(a->project).string()
                << " (kept: the 5 newest plus the newest of each of the last 7 days)\n";
    if (!warn.empty()) std::cerr << "warning: " << warn << "\n";
  });
});

Registrar reg_restore(71, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("restore",
                                 "Replace the project by one of its backups (the current state is kept as a backup)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("backup", a->backup, "the backup: its number or file name from 'telaah backups', or a path")
      ->required();
  cmd->add_flag("--yes,-y", a->yes, "do not ask for confirmation");
  cmd->callback([a, &ctx] {
    const std::filesystem::path backup = store::resolve_backup(a->project, a->backup);
    if (!a->yes) {
      if (!::isatty(STDIN_FILENO))
        throw UserError("restoring replaces " + a->project + " by " + backup.filename().string() +
                        "; add --yes to confirm (the current state is kept as a before-restore backup)");
      std::cout << "Replace " << a->project << " by the backup " << backup.filename().string()
                << "?\nThe current state is kept as a before-restore backup. [y/N] " << std::flush;
      std::string answer;
      std::getline(std::cin, answer);
      if (answer != "y" && answer != "Y" && answer != "yes") throw UserError("not restored; nothing was changed");
    }
    auto r = store::restore(a->project, backup);
    if (ctx.json) {
      nlohmann::json j = {{"project", a->project}, {"restored", backup.string()}, {"revision", r.restored.revision}};
      if (r.before_restore) j["before_restore"] = r.before_restore->path.string();
      j["before_restore_raw"] = r.before_restore_raw;
      return print_json(j);
    }
    std::cout << "restored " << a->project << " from " << backup.filename().string() << " (revision "
              << r.restored.revision << ")\n";
    if (r.before_restore)
      std::cout << "the state it replaced is kept as " << r.before_restore->path.string()
                << (r.before_restore_raw ? " (an unreadable file, copied byte for byte)" : "") << "\n";
  });
});

}  // namespace
}  // namespace telaah::cli
