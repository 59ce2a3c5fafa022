// telaah shards status | set | clear: the search index on Xapian's remote
// shards (xapian-tcpsrv servers; see src/index/shards.h).
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "index/shards.h"

namespace fs = std::filesystem;

namespace telaah::cli {
namespace {

struct Args {
  std::string project, list;
  int64_t timeout = 0;
};

nlohmann::json status_json(const index::ShardStatus& st) {
  return {{"shard", st.index + 1},   {"endpoint", st.endpoint.str()}, {"reachable", st.reachable},
          {"error", st.error},       {"latency_ms", st.latency_ms},   {"documents", st.documents},
          {"passages", st.passages}, {"revision", st.revision},       {"project_revision", st.project_revision},
          {"current", st.current()}, {"problem", st.problem},         {"state", st.state}};
}

void check_timeout(int64_t t) {
  if (t < 0 || t > 600000) throw UserError("--timeout must be milliseconds from 1 to 600000");
}

Registrar reg_shards(65, [](CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "shards", "The search index on remote shards (xapian-tcpsrv --writable servers): status, set, clear");
  cmd->require_subcommand(1);

  auto st = std::make_shared<Args>();
  auto* status =
      cmd->add_subcommand("status", "Each shard: reachable, documents, passages, revision, what needs doing");
  status->add_option("project", st->project, "the project file")->required();
  status->add_option("--shards", st->list, "these shards (host:port,host:port,...) instead of the project's setting");
  status->add_option("--timeout", st->timeout, "milliseconds a shard may take to answer (default 5000)");
  status->add_flag("--json", ctx.json, "print machine-readable JSON");
  status->callback([st, &ctx] {
    check_timeout(st->timeout);
    index::ShardConfig cfg = index::shard_config(fs::path(st->project), st->list);
    if (!cfg.sharded())
      throw UserError(st->project + " uses its local search index: no shards are set (see 'telaah shards set --help')");
    if (st->timeout > 0) {
      cfg.timeout_ms = static_cast<int>(st->timeout);
      cfg.connect_timeout_ms = std::min(cfg.connect_timeout_ms, cfg.timeout_ms);
    }
    const auto all = index::shards_status(st->project, cfg);
    size_t down = 0, not_current = 0;
    int64_t docs = 0;
    for (const auto& s : all) {
      down += s.reachable ? 0 : 1;
      not_current += s.current() ? 0 : 1;
      docs += s.documents;
    }
    if (ctx.json) {
      nlohmann::json shards = nlohmann::json::array();
      for (const auto& s : all) shards.push_back(status_json(s));
      print_json({{"project", st->project},
                  {"shards", shards},
                  {"documents", docs},
                  {"reachable", all.size() - down},
                  {"current", all.size() - not_current},
                  {"ok", not_current == 0}});
    } else {
      std::cout << "shard  endpoint                   reachable  documents   passages  revision  state\n";
      for (const auto& s : all) {
        std::ostringstream rev;
        if (s.reachable) rev << s.revision << "/" << s.project_revision;
        std::cout << std::left << std::setw(7) << (std::to_string(s.index + 1) + "/" + std::to_string(all.size()))
                  << std::setw(27) << s.endpoint.str() << std::setw(11) << (s.reachable ? "yes" : "NO") << std::right
                  << std::setw(9) << (s.reachable ? std::to_string(s.documents) : "-") << std::setw(11)
                  << (s.reachable ? std::to_string(s.passages) : "-") << std::setw(10) << rev.str() << "  ";
        if (!s.reachable)
          std::cout << s.error;
        else if (!s.problem.empty())
          std::cout << s.problem << ": run 'telaah reindex " << st->project << " --shards'";
        else if (s.revision < s.project_revision)
          std::cout << "behind (catches up on the next search or reindex)";
        else
          std::cout << "current";
        std::cout << " (" << static_cast<int>(s.latency_ms) << " ms)\n";
      }
      std::cout << docs << " documents on " << all.size() - down << " of " << all.size() << " reachable shards\n";
    }
    if (down > 0)
      throw UserError(std::to_string(down) + " of " + std::to_string(all.size()) + " shards cannot be reached");
  });

  auto set = std::make_shared<Args>();
  auto* setc =
      cmd->add_subcommand("set", "Search and index this project on these shards from now on (one undoable action)");
  setc->add_option("project", set->project, "the project file")->required();
  setc->add_option("shards", set->list, "host:port,host:port,... (each a 'xapian-tcpsrv --writable' server)")
      ->required();
  setc->add_option("--timeout", set->timeout,
                   "milliseconds a shard may take to answer before it is left out (default 5000)");
  setc->add_flag("--json", ctx.json, "print machine-readable JSON");
  setc->callback([set, &ctx] {
    check_timeout(set->timeout);
    const auto eps = index::parse_endpoints(set->list);
    if (eps.empty())
      throw UserError("name at least one shard (host:port); 'telaah shards clear' goes back to the local index");
    index::ShardConfig cfg;
    cfg.endpoints = eps;
    auto p = open_project(set->project);
    p->set_setting(index::kShardSetting, cfg.list());
    if (set->timeout > 0) p->set_setting(index::kShardTimeoutSetting, std::to_string(set->timeout));
    if (ctx.json) return print_json({{"project", set->project}, {"shards", cfg.list()}, {"revision", p->revision()}});
    std::cout << set->project << " now searches " << eps.size() << " shards: " << cfg.list()
              << "\nbuild them with 'telaah reindex " << set->project << " --shards'\n";
  });

  auto clr = std::make_shared<Args>();
  auto* clear = cmd->add_subcommand("clear", "Go back to the local search index (the shards are left as they are)");
  clear->add_option("project", clr->project, "the project file")->required();
  clear->add_flag("--json", ctx.json, "print machine-readable JSON");
  clear->callback([clr, &ctx] {
    auto p = open_project(clr->project);
    p->set_setting(index::kShardSetting, "");
    if (ctx.json) return print_json({{"project", clr->project}, {"shards", ""}, {"revision", p->revision()}});
    std::cout << clr->project << " uses its local search index again\n";
  });
});

}  // namespace
}  // namespace telaah::cli
