// telaah pseudonymise: replace informants' names by roles, as one undoable action.
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "store/pseudonymise.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, map;
  std::vector<std::string> replace, docs;
  bool dry_run = false, ignore_case = false;
};

std::vector<store::Replacement> read_map(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw UserError("cannot read the name list " + file);
  std::vector<store::Replacement> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || line[i] == '#') continue;
    try {
      out.push_back(store::parse_replacement(line));
    } catch (const ValidationError& e) {
      throw ValidationError(file + " line " + std::to_string(n) + ": " + e.what());
    }
  }
  return out;
}

Registrar reg(75, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "pseudonymise", "Replace names by roles in documents (text, titles, speakers, memos) as one undoable action");
  cmd->alias("pseudonymize");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--replace,-r", a->replace, "NAME=ROLE, e.g. \"Budi Santoso=Informant B\" (repeatable)");
  cmd->add_option("--map", a->map, "a file with one NAME=ROLE per line (# comments)");
  cmd->add_option("--docs,--doc", a->docs,
                  "documents (number, title or file name; comma-separated or repeated); default: all")
      ->delimiter(',');
  cmd->add_flag("--ignore-case,-i", a->ignore_case, "also match BUDI and budi for Budi");
  cmd->add_flag("--dry-run,-n", a->dry_run, "only count what would be replaced");
  cmd->callback([a, &ctx] {
    std::vector<store::Replacement> repl;
    for (const auto& s : a->replace) repl.push_back(store::parse_replacement(s));
    if (!a->map.empty())
      for (auto& r : read_map(a->map)) repl.push_back(std::move(r));
    if (repl.empty()) throw UserError("give --replace NAME=ROLE (or --map FILE)");
    auto p = open_project(a->project);
    store::PseudonymiseOptions opt;
    opt.ignore_case = a->ignore_case;
    opt.dry_run = a->dry_run;
    for (const auto& d : a->docs) opt.docs.push_back(p->resolve_document(d));
    auto r = store::pseudonymise(*p, repl, opt);
    if (ctx.json) {
      nlohmann::json docs = nlohmann::json::array();
      for (const auto& d : r.docs)
        docs.push_back({{"id", d.id},
                        {"title", d.title},
                        {"hits", d.hits},
                        {"other_hits", d.other_hits},
                        {"codings_shifted", d.codings_shifted},
                        {"deleted", d.deleted}});
      return print_json({{"dry_run", a->dry_run}, {"total", r.total}, {"revision", r.revision}, {"documents", docs}});
    }
    for (const auto& d : r.docs) {
      std::cout << "  #" << d.id << " " << d.title << (d.deleted ? " (deleted)" : "") << ":";
      bool first = true;
      for (const auto& [name, n] : d.hits) {
        std::cout << (first ? " " : ", ") << name << " x" << n;
        first = false;
      }
      if (d.other_hits) std::cout << (first ? " " : ", ") << d.other_hits << " in title, speakers, attributes or memos";
      if (d.codings_shifted) std::cout << "; " << d.codings_shifted << " codings shifted";
      std::cout << "\n";
    }
    if (r.total == 0) {
      std::cout << "no occurrences found; nothing was changed\n";
      return;
    }
    if (a->dry_run) {
      std::cout << "would replace " << r.total << " occurrences in " << r.docs.size()
                << " documents; nothing was changed (dry run)\n";
      return;
    }
    std::cout << "replaced " << r.total << " occurrences in " << r.docs.size() << " documents (revision " << r.revision
              << "); 'telaah undo " << a->project << "' takes it back\n"
              << "note: the stored original files, the undo history and older backups still hold the names "
                 "(see docs/data-protection.md)\n";
  });
});

}  // namespace
}  // namespace telaah::cli
