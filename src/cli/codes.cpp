// telaah codes: print the code tree, load a framework, add, edit, move,
// merge and delete codes. Each change is one undoable action.
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "store/stats.h"
#include "store/template.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, load, add, parent, colour = "#888888", kind = "code", definition, inclusion, exclusion, example;
  std::string edit, name, move, merge, into, del;
  int position = 1 << 30;
  bool root = false, yes = false;
};

nlohmann::json read_json_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UserError("cannot read " + file);
  std::string text(std::istreambuf_iterator<char>(in), {});
  return store::parse_codebook_json(text, file);  // bounded nesting, no recursion on the file's depth
}

Registrar reg(30, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "codes",
      "Print the codebook tree; --load a framework from JSON; --add, --edit, --move, --merge or --delete a code");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--load", a->load, "load a codebook/framework JSON file (merged by code path)");
  cmd->add_option("--add", a->add, "add a code with this name");
  cmd->add_option("--edit", a->edit, "change the code at this path (with --name, --colour, --kind, --definition ...)");
  cmd->add_option("--move", a->move, "move the code at this path (with --parent PATH or --root, and --position N)");
  cmd->add_option("--merge", a->merge, "merge the code at this path (its codings, memos and sub-codes) --into another");
  cmd->add_option("--into", a->into, "with --merge: the code that receives everything");
  cmd->add_option("--delete", a->del,
                  "delete the code at this path with its sub-codes (and, with --yes, their codings)");
  cmd->add_flag("--yes", a->yes, "with --delete: also delete the codings of the code and its sub-codes");
  cmd->add_option("--parent", a->parent, "with --add or --move: parent code path");
  cmd->add_flag("--root", a->root, "with --move: to the top level");
  cmd->add_option("--position", a->position, "with --move: 1-based position among the new siblings (default: last)");
  auto* o_name = cmd->add_option("--name", a->name, "with --edit: new name");
  auto* o_colour = cmd->add_option("--colour,--color", a->colour, "with --add or --edit: colour #RRGGBB");
  auto* o_kind = cmd->add_option("--kind", a->kind, "with --add or --edit: variable, indicator or code");
  auto* o_def = cmd->add_option("--definition", a->definition, "with --add or --edit: definition");
  auto* o_inc = cmd->add_option("--inclusion", a->inclusion, "with --add or --edit: inclusion criteria");
  auto* o_exc = cmd->add_option("--exclusion", a->exclusion, "with --add or --edit: exclusion criteria");
  auto* o_ex = cmd->add_option("--example", a->example, "with --add or --edit: an example");
  cmd->callback([=, &ctx] {
    const int actions =
        !a->load.empty() + !a->add.empty() + !a->edit.empty() + !a->move.empty() + !a->merge.empty() + !a->del.empty();
    if (actions > 1) throw UserError("give one of --load, --add, --edit, --move, --merge, --delete at a time");
    if (!a->into.empty() && a->merge.empty()) throw UserError("--into goes with --merge");
    auto p = actions == 0 ? open_for_reading(a->project) : open_project(a->project);
    nlohmann::json done = nlohmann::json::object();
    if (!a->load.empty()) {
      auto ids = p->load_codebook(read_json_file(a->load));
      done = {{"loaded", ids.size()}};
      if (!ctx.json) std::cout << "loaded " << ids.size() << " codes from " << a->load << "\n";
    }
    if (!a->add.empty()) {
      store::Code c;
      c.name = a->add;
      c.colour = a->colour;
      c.kind = store::code_kind_from_string(a->kind);
      c.definition = a->definition;
      c.inclusion = a->inclusion;
      c.exclusion = a->exclusion;
      c.example = a->example;
      if (!a->parent.empty()) c.parent = p->resolve_code(a->parent);
      store::Id id = p->add_code(c);
      done = {{"added", id}, {"path", p->code_path(id)}};
      if (!ctx.json) std::cout << "added code #" << id << " " << p->code_path(id) << "\n";
    }
    if (!a->edit.empty()) {
      store::Code c = p->code(p->resolve_code(a->edit));
      if (!*o_name && !*o_colour && !*o_kind && !*o_def && !*o_inc && !*o_exc && !*o_ex)
        throw UserError(
            "nothing to change: give --name, --colour, --kind, --definition, --inclusion, --exclusion or --example");
      if (*o_name) c.name = a->name;
      if (*o_colour) c.colour = a->colour;
      if (*o_kind) c.kind = store::code_kind_from_string(a->kind);
      if (*o_def) c.definition = a->definition;
      if (*o_inc) c.inclusion = a->inclusion;
      if (*o_exc) c.exclusion = a->exclusion;
      if (*o_ex) c.example = a->example;
      p->edit_code(c);
      done = {{"edited", c.id}, {"path", p->code_path(c.id)}};
      if (!ctx.json) std::cout << "changed code #" << c.id << " " << p->code_path(c.id) << "\n";
    }
    if (!a->move.empty()) {
      if (a->root == !a->parent.empty()) throw UserError("with --move give either --parent PATH or --root");
      store::Id id = p->resolve_code(a->move);
      std::optional<store::Id> parent;
      if (!a->root) parent = p->resolve_code(a->parent);
      if (a->position < 1) throw UserError("--position counts from 1");
      p->move_code(id, parent, a->position == 1 << 30 ? a->position : a->position - 1);
      done = {{"moved", id}, {"path", p->code_path(id)}};
      if (!ctx.json) std::cout << "moved code #" << id << " to " << p->code_path(id) << "\n";
    }
    if (!a->merge.empty()) {
      if (a->into.empty()) throw UserError("with --merge give --into PATH");
      store::Id from = p->resolve_code(a->merge), into = p->resolve_code(a->into);
      const int64_t n = p->coding_count(from);
      p->merge_codes(from, into);
      done = {{"merged", from}, {"into", into}, {"codings_moved", n}};
      if (!ctx.json)
        std::cout << "merged " << a->merge << " into " << p->code_path(into) << " (" << n << " codings moved)\n";
    }
    if (!a->del.empty()) {
      store::Id id = p->resolve_code(a->del);
      int64_t n = 0;
      for (store::Id d : p->code_descendants(id)) n += p->coding_count(d);
      if (n > 0 && !a->yes)
        throw UserError("code '" + p->code_path(id) + "' and its sub-codes have " + std::to_string(n) +
                        " codings; add --yes to delete them too (telaah undo brings everything back)");
      const std::string path = p->code_path(id);
      p->delete_code(id);
      done = {{"deleted", id}, {"codings_deleted", n}};
      if (!ctx.json) std::cout << "deleted code " << path << " (" << n << " codings)\n";
    }
    if (actions > 0 && !ctx.json) return;
    auto codes = p->codes();
    // All counts in one pass over the codings_code index (store/stats.h), not one join per code.
    const auto counts = store::coding_counts_by_code(*p, store::document_counts(*p).hidden);
    nlohmann::json out = nlohmann::json::array();
    std::map<store::Id, int> depth;
    for (const auto& c : codes) {
      depth[c.id] = c.parent ? depth[*c.parent] + 1 : 0;  // codes() is depth-first: parents come first
      const auto count = counts.find(c.id);
      const int64_t n = count == counts.end() ? 0 : count->second;
      if (ctx.json)
        out.push_back({{"id", c.id},
                       {"path", p->code_path(c.id)},
                       {"name", c.name},
                       {"parent", c.parent ? nlohmann::json(*c.parent) : nlohmann::json(nullptr)},
                       {"kind", store::to_string(c.kind)},
                       {"colour", c.colour},
                       {"definition", c.definition},
                       {"inclusion", c.inclusion},
                       {"exclusion", c.exclusion},
                       {"example", c.example},
                       {"aliases", c.aliases},
                       {"codings", n}});
      else
        std::cout << std::string(static_cast<size_t>(depth[c.id]) * 2, ' ') << c.name << "  ["
                  << store::to_string(c.kind) << ", #" << c.id << ", " << n << " codings]\n";
    }
    if (ctx.json) {
      if (actions > 0)
        print_json({{"done", done}, {"revision", p->revision()}, {"codes", out}});
      else
        print_json(out);
    }
  });
});

}  // namespace
}  // namespace telaah::cli
