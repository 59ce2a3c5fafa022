// telaah reindex | check-index
#include <unistd.h>
#include <chrono>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/cli.h"
#include "cli/index_errors.h"
#include "index/search.h"
#include "index/shards.h"
#include "index/sync.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, shards;
  bool full = false, repair = false;
  unsigned threads = 0;
};

nlohmann::json report_json(const index::SyncReport& r) {
  return {{"action", index::to_string(r.action)},
          {"reason", r.reason},
          {"from_revision", r.from_revision},
          {"revision", r.revision},
          {"documents", r.documents},
          {"bytes", r.bytes},
          {"seconds", r.seconds},
          {"notes", r.notes},
          {"shards_down", r.shards_down}};
}

Registrar reg_reindex(62, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd =
      app.add_subcommand("reindex", "Bring the search index (NAME.telaah-index) up to date, or rebuild it with --full");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_flag("--full", a->full, "rebuild from scratch even if the index is current");
  cmd->add_option("--threads", a->threads, "index with this many threads (default: one per core)");
  auto* shards =
      cmd->add_option("--shards", a->shards,
                      "bring the remote shards up to date instead (rebuilding those that need it): the project's "
                      "shard setting, or the host:port,host:port,... given here")
          ->expected(0, 1);
  cmd->callback(index_errors_as_user_errors(a->project, [a, &ctx, shards] {
    index::SyncOptions opt;
    opt.force_rebuild = a->full;
    opt.threads = a->threads;
    std::optional<index::ShardConfig> sc;
    if (shards->count() > 0 || !a->shards.empty()) {
      sc = index::shard_config(std::filesystem::path(a->project), a->shards);
      if (!sc->sharded())
        throw UserError("no shards are configured for " + a->project +
                        ": give --shards host:port,host:port,... or store them with 'telaah shards set'");
    }
    index::Progress progress;
    index::SyncReport r;
    // Progress on a terminal: the work runs on its own thread, as in the GUI.
    std::exception_ptr err;
    std::thread worker([&] {
      try {
        r = sc ? index::sync_shards(a->project, *sc, opt, &progress) : index::sync_index(a->project, opt, &progress);
      } catch (...) {
        err = std::current_exception();
      }
      progress.stage = index::Stage::done;
    });
    const bool tty = !ctx.json && ::isatty(2);
    while (progress.stage != index::Stage::done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      if (tty && progress.total > 0)
        std::cerr << "\r" << index::to_string(progress.stage.load()) << " " << progress.done << "/" << progress.total
                  << " documents   " << std::flush;
    }
    worker.join();
    if (tty) std::cerr << "\r                                                  \r";
    if (err) std::rethrow_exception(err);
    auto fail_if_down = [&] {
      if (r.shards_down.empty()) return;
      std::string down;
      for (const auto& d : r.shards_down) down += (down.empty() ? "" : ", ") + d;
      throw UserError(std::to_string(r.shards_down.size()) + " shard(s) could not be updated: " + down);
    };
    if (ctx.json) {
      print_json(report_json(r));
      return fail_if_down();
    }
    for (const auto& n : r.notes) std::cerr << "note: " << n << "\n";
    std::cout << (sc || !r.shards_down.empty() ? "sharded " : "") << "search index " << index::to_string(r.action);
    if (!r.reason.empty()) std::cout << " (" << r.reason << ")";
    std::cout << ": revision " << r.revision;
    if (r.documents) std::cout << ", " << r.documents << " documents, " << r.bytes / 1024 << " KiB of text";
    std::cout << ", " << static_cast<int>(r.seconds * 1000) << " ms\n";
    fail_if_down();
  }));
});

Registrar reg_check_index(63, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check-index", "Check that the search index matches the project; --repair fixes it");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_flag("--repair", a->repair, "rebuild or catch up when it does not match");
  cmd->callback(index_errors_as_user_errors(a->project, [a, &ctx] {
    auto problems = index::check_index(a->project);
    nlohmann::json j = {{"ok", problems.empty()}, {"problems", problems}};
    if (!problems.empty() && a->repair) {
      auto r = index::sync_index(a->project);
      j["repair"] = report_json(r);
      j["ok_after_repair"] = index::check_index(a->project).empty();
    }
    if (ctx.json)
      print_json(j);
    else {
      if (problems.empty()) std::cout << "ok: the search index matches " << a->project << "\n";
      for (const auto& s : problems) std::cout << "problem: " << s << "\n";
      if (j.contains("repair"))
        std::cout << "repaired: search index " << j["repair"]["action"].get<std::string>() << " to revision "
                  << j["repair"]["revision"] << "\n";
    }
    if (!problems.empty() && !a->repair)
      throw UserError(
          "the search index does not match the project (run 'telaah check-index --repair' or 'telaah reindex')");
  }));
});

}  // namespace
}  // namespace telaah::cli
