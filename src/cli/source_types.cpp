// telaah source-types: list a project's source types, or add, rename,
// recolour, reorder or merge one (each one undoable action).
#include <iostream>
#include <map>

#include "cli/cli.h"
#include "store/source_types.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, add, colour_of;
  std::vector<std::string> rename, colour, move, merge;
};

Registrar reg(76, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("source-types",
                                 "List the source types (the triangulation columns), or change them: --add, "
                                 "--rename, --colour, --move, --merge (each one undoable action)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--add", a->add, "add a source type NAME (with --colour #RRGGBB)");
  cmd->add_option("--colour", a->colour, "#RRGGBB for --add, or NAME #RRGGBB to recolour an existing type")
      ->expected(1, 2);
  cmd->add_option("--rename", a->rename, "OLD NEW: rename a source type (its overrides follow)")->expected(2);
  cmd->add_option("--move", a->move, "NAME POS: move a type to position POS (1 = first column)")->expected(2);
  cmd->add_option("--merge", a->merge,
                  "FROM INTO: every document of FROM becomes INTO and FROM is removed (overrides naming FROM too)")
      ->expected(2);
  cmd->callback([a, &ctx] {
    const int actions = !a->add.empty() + !a->rename.empty() + !a->move.empty() + !a->merge.empty() +
                        (a->add.empty() && !a->colour.empty());
    if (actions > 1) throw UserError("give one change at a time (--add, --rename, --colour, --move or --merge)");
    auto p = open_project(a->project);
    std::string done;
    if (!a->add.empty()) {
      if (a->colour.size() > 1) throw UserError("--add NAME takes one --colour #RRGGBB");
      p->add_source_type(a->add, a->colour.empty() ? "#888888" : a->colour[0]);
      done = "added " + a->add;
    } else if (!a->rename.empty()) {
      store::rename_source_type(*p, a->rename[0], a->rename[1]);
      done = "renamed " + a->rename[0] + " to " + a->rename[1];
    } else if (!a->colour.empty()) {
      if (a->colour.size() != 2) throw UserError("--colour needs NAME #RRGGBB (or use it with --add)");
      store::set_source_type_colour(*p, a->colour[0], a->colour[1]);
      done = "recoloured " + a->colour[0];
    } else if (!a->move.empty()) {
      const int64_t pos = parse_int("the position", a->move[1]);
      if (pos < 1 || pos > 100000) throw UserError("the position must be 1 or more, not " + a->move[1]);
      store::move_source_type(*p, a->move[0], static_cast<int>(pos - 1));
      done = "moved " + a->move[0] + " to position " + a->move[1];
    } else if (!a->merge.empty()) {
      int64_t n = store::merge_source_types(*p, a->merge[0], a->merge[1]);
      done = "merged " + a->merge[0] + " into " + a->merge[1] + " (" + std::to_string(n) + " documents)";
    }
    auto types = p->source_types();
    std::map<store::Id, int64_t> docs;
    for (const auto& d : p->documents()) docs[d.source_type_id]++;
    if (ctx.json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& t : types)
        list.push_back({{"id", t.id}, {"name", t.name}, {"colour", t.colour}, {"documents", docs[t.id]}});
      nlohmann::json out{{"source_types", list}, {"revision", p->revision()}};
      if (!done.empty()) out["done"] = done;
      print_json(out);
      return;
    }
    if (!done.empty()) std::cout << done << "\n";
    int i = 1;
    for (const auto& t : types)
      std::cout << i++ << ". " << t.name << "  " << t.colour << "  " << docs[t.id] << " documents\n";
  });
});

}  // namespace
}  // namespace telaah::cli
