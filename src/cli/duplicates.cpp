// telaah duplicates: near-duplicate documents (syndicated and re-published
// articles) found, reviewed and recorded; a recorded group counts as one
// document in triangulation (triangulation.duplicates).
#include <iomanip>
#include <iostream>
#include <sstream>

#include "analysis/duplicates.h"
#include "cli/cli.h"
#include "cli/judgement_common.h"
#include "store/duplicates.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, action = "find", type;
  std::vector<std::string> args;
  double threshold = 0.7, min_ratio = 0.3;
  bool record = false;
};

std::string percent(double v) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(0) << v * 100 << "%";
  return s.str();
}

nlohmann::json group_json(const analysis::FoundGroup& g) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& pr : g.pairs)
    pairs.push_back({{"a", pr.a},
                     {"b", pr.b},
                     {"containment", pr.overlap.containment},
                     {"jaccard", pr.overlap.jaccard},
                     {"ratio", pr.overlap.ratio}});
  return {{"documents", g.docs}, {"similarity", g.similarity}, {"recorded", g.recorded}, {"pairs", pairs}};
}

Registrar reg(22, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("duplicates",
                                 "Near-duplicate documents: find [--record], mark DOC DOC..., apart DOC DOC..., ls, rm "
                                 "GROUP");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("action", a->action, "find (default), mark, apart, ls or rm")
      ->check(CLI::IsMember({"find", "mark", "apart", "ls", "rm"}));
  cmd->add_option("args", a->args, "documents (mark, apart) or a recorded group (rm)");
  cmd->add_option("--threshold", a->threshold,
                  "find: share of the shorter document's 5-word shingles the other must hold (default 0.7)");
  cmd->add_option("--min-ratio", a->min_ratio,
                  "find: the shorter document's shingles as a share of the longer's, at least (default 0.3)");
  cmd->add_option("--type", a->type, "find: only documents of this source type (e.g. news)");
  cmd->add_flag("--record", a->record, "find: record every new group found as duplicates (one undoable action)");
  cmd->footer(
      "The rule: texts are cut into runs of 5 words (lower-cased; punctuation ignored). Two documents are "
      "near-duplicates when the shorter one shares at least --threshold of its runs with the other and is at least "
      "--min-ratio of the longer's size; texts under 14 words only when identical. Pairs join into groups "
      "transitively. Candidates come from MinHash sketches (128 values, 42 bands of 3), so a pair sharing 40% of "
      "their runs overall is found with probability 0.94, 50% with 0.996. A group recorded with 'mark' (or "
      "--record) counts as ONE document in triangulation while triangulation.duplicates is once (the default): "
      "the copy with the most evidence for an indicator stands for the group. 'apart' records a reviewed pair as "
      "distinct: it is not proposed again. Each decision is one undoable action.");
  cmd->callback([a, &ctx] {
    auto need_docs = [&](const std::string& usage) {
      auto ids = id_list(a->args, "a document");
      if (ids.size() < 2) throw UserError("usage: telaah duplicates P " + usage);
      return ids;
    };
    if (a->action == "find") {
      if (!a->args.empty()) throw UserError("usage: telaah duplicates P [find] [--threshold T] [--type T] [--record]");
      auto p = a->record ? open_project(a->project) : open_for_reading(a->project);
      analysis::DuplicateOptions o;
      o.threshold = a->threshold;
      o.min_ratio = a->min_ratio;
      o.source_type = a->type;
      auto r = analysis::find_duplicates(*p, o);
      size_t recorded_now = 0;
      if (a->record) {
        std::vector<std::pair<std::vector<store::Id>, double>> fresh;
        for (const auto& g : r.groups)
          if (!g.recorded) fresh.emplace_back(g.docs, g.similarity);
        auto ids = store::mark_duplicate_groups(*p, fresh);
        recorded_now = ids.size();
        size_t k = 0;
        for (auto& g : r.groups)
          if (!g.recorded) g.recorded = ids[k++];
      }
      if (ctx.json) {
        nlohmann::json groups = nlohmann::json::array();
        for (const auto& g : r.groups) groups.push_back(group_json(g));
        return print_json({{"documents", r.documents},
                           {"candidates", r.candidates},
                           {"threshold", o.threshold},
                           {"min_ratio", o.min_ratio},
                           {"groups", groups},
                           {"recorded_now", recorded_now}});
      }
      for (const auto& g : r.groups) {
        std::cout << "group of " << g.docs.size() << " (similarity " << percent(g.similarity) << ")"
                  << (g.recorded ? " recorded as #" + std::to_string(g.recorded) : std::string(" new")) << "\n";
        for (store::Id d : g.docs) {
          const auto doc = p->document(d);
          std::cout << "  #" << d << "  " << doc.source_type << "  " << (doc.date.empty() ? "-" : doc.date) << "  "
                    << doc.title << "\n";
        }
      }
      std::cout << r.groups.size() << " group" << (r.groups.size() == 1 ? "" : "s") << " among " << r.documents
                << " documents (" << r.candidates << " candidate pairs checked)";
      if (a->record) std::cout << "; " << recorded_now << " recorded";
      std::cout << "\n";
      return;
    }
    if (a->action == "ls") {
      if (!a->args.empty()) throw UserError("usage: telaah duplicates P ls");
      auto p = open_for_reading(a->project);
      auto groups = store::duplicate_groups(*p);
      if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& g : groups)
          out.push_back({{"id", g.id},
                         {"status", g.duplicates ? "duplicates" : "distinct"},
                         {"similarity", g.similarity},
                         {"documents", g.docs},
                         {"coder", g.coder},
                         {"created", g.created}});
        return print_json(out);
      }
      for (const auto& g : groups) {
        std::cout << "#" << g.id << "  " << (g.duplicates ? "duplicates" : "kept apart") << "  "
                  << percent(g.similarity) << " ";
        for (store::Id d : g.docs) std::cout << " #" << d;
        std::cout << "\n";
      }
      std::cout << groups.size() << " recorded decision" << (groups.size() == 1 ? "" : "s") << "\n";
      return;
    }
    auto p = open_project(a->project);
    if (a->action == "mark" || a->action == "apart") {
      auto ids = need_docs(a->action + " DOC DOC...");
      // The similarity recorded is the one measured now.
      auto sh0 = analysis::shingles(p->text(ids[0]));
      double sim = 1;
      for (size_t i = 1; i < ids.size(); ++i)
        sim = std::min(sim, analysis::overlap(sh0, analysis::shingles(p->text(ids[i]))).containment);
      store::Id g = a->action == "mark" ? store::mark_duplicates(*p, ids, sim) : store::mark_distinct(*p, ids, sim);
      if (ctx.json) return print_json({{"group", g}, {"similarity", sim}, {"revision", p->revision()}});
      std::cout << (a->action == "mark" ? "recorded duplicate group #" : "recorded as distinct: #") << g << " ("
                << percent(sim) << ")\n";
      return;
    }
    // rm
    auto ids = id_list(a->args, "a group");
    if (ids.size() != 1) throw UserError("usage: telaah duplicates P rm GROUP");
    store::remove_duplicate_group(*p, ids[0]);
    if (ctx.json) return print_json({{"removed", ids[0]}, {"revision", p->revision()}});
    std::cout << "removed decision #" << ids[0] << "\n";
  });
});

}  // namespace
}  // namespace telaah::cli
