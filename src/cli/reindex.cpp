// telaah reindex | check-index
#include <chrono>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "cli/cli.h"
#include "index/search.h"
#include "index/sync.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project;
  bool full = false, repair = false;
  unsigned threads = 0;
};

nlohmann::json report_json(const index::SyncReport& r) {
  return {{"action", index::to_string(r.action)}, {"reason", r.reason},     {"from_revision", r.from_revision},
          {"revision", r.revision},               {"documents", r.documents}, {"bytes", r.bytes},
          {"seconds", r.seconds},                 {"notes", r.notes}};
}

Registrar reg_reindex(62, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("reindex", "Bring the search index (NAME.telaah-index) up to date, or rebuild it with --full");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_flag("--full", a->full, "rebuild from scratch even if the index is current");
  cmd->add_option("--threads", a->threads, "index with this many threads (default: one per core)");
  cmd->callback([a, &ctx] {
    index::SyncOptions opt;
    opt.force_rebuild = a->full;
    opt.threads = a->threads;
    index::Progress progress;
    index::SyncReport r;
    // Progress on a terminal: the work runs on its own thread, as in the GUI.
    std::exception_ptr err;
    std::thread worker([&] {
      try {
        r = index::sync_index(a->project, opt, &progress);
      } catch (...) {
        err = std::current_exception();
      }
      progress.stage = index::Stage::done;
    });
    const bool tty = !ctx.json && ::isatty(2);
    while (progress.stage != index::Stage::done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      if (tty && progress.total > 0)
        std::cerr << "\r" << index::to_string(progress.stage.load()) << " " << progress.done << "/" << progress.total << " documents   " << std::flush;
    }
    worker.join();
    if (tty) std::cerr << "\r                                                  \r";
    if (err) std::rethrow_exception(err);
    if (ctx.json) return print_json(report_json(r));
    for (const auto& n : r.notes) std::cerr << "note: " << n << "\n";
    std::cout << "search index " << index::to_string(r.action);
    if (!r.reason.empty()) std::cout << " (" << r.reason << ")";
    std::cout << ": revision " << r.revision;
    if (r.documents) std::cout << ", " << r.documents << " documents, " << r.bytes / 1024 << " KiB of text";
    std::cout << ", " << static_cast<int>(r.seconds * 1000) << " ms\n";
  });
});

Registrar reg_check_index(63, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check-index", "Check that the search index matches the project; --repair fixes it");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_flag("--repair", a->repair, "rebuild or catch up when it does not match");
  cmd->callback([a, &ctx] {
    auto problems = index::check_index(a->project);
    nlohmann::json j = {{"ok", problems.empty()}, {"problems", problems}};
    if (!problems.empty() && a->repair) {
      auto r = index::sync_index(a->project);
      j["repair"] = report_json(r);
      j["ok_after_repair"] = index::check_index(a->project).empty();
    }
    if (ctx.json) print_json(j);
    else {
      if (problems.empty()) std::cout << "ok: the search index matches " << a->project << "\n";
      for (const auto& s : problems) std::cout << "problem: " << s << "\n";
      if (j.contains("repair"))
        std::cout << "repaired: search index " << j["repair"]["action"].get<std::string>() << " to revision " << j["repair"]["revision"] << "\n";
    }
    if (!problems.empty() && !a->repair)
      throw UserError("the search index does not match the project (run 'telaah check-index --repair' or 'telaah reindex')");
  });
});

}  // namespace
}  // namespace telaah::cli
