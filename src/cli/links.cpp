// telaah links: typed links between codings (corroborates, contradicts,
// explains, impedes, and the project's own relations); each change one
// undoable action.
#include <iostream>

#include "cli/cli.h"
#include "cli/judgement_common.h"
#include "store/judgement.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, action, type = "corroborates", memo, colour = "#888888";
  std::vector<std::string> args;
  bool undirected = false;
};

nlohmann::json link_json(const store::Link& l) {
  return {{"id", l.id}, {"type", l.type_name}, {"directed", l.directed}, {"from", l.from},
          {"to", l.to}, {"memo", l.memo},      {"coder", l.coder},       {"created", l.created}};
}

Registrar reg(58, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "links", "Typed links between codings: add FROM TO [--type T], rm LINK, ls [CODING], types [add NAME | rm NAME]");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("action", a->action, "add, rm, ls or types")
      ->required()
      ->check(CLI::IsMember({"add", "rm", "ls", "types"}));
  cmd->add_option("args", a->args, "codings (add FROM TO), a link (rm ID), a coding (ls), or add|rm NAME (types)");
  cmd->add_option("--type", a->type,
                  "the relation: corroborates (default), contradicts, explains, impedes, or one added with "
                  "'links P types add NAME'");
  cmd->add_option("--memo", a->memo, "a note on the link");
  cmd->add_option("--colour", a->colour, "types add: the relation's colour #RRGGBB");
  cmd->add_flag("--undirected", a->undirected, "types add: the relation reads the same both ways");
  cmd->footer(
      "Built-in relations: corroborates and contradicts (undirected: A-B is B-A), explains and impedes (directed: "
      "FROM explains TO). Removing a coding removes its links in the same action; undo brings both back.");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    auto need = [&](size_t n, const std::string& usage) {
      if (a->args.size() != n) throw UserError("usage: telaah links P " + usage);
    };
    if (a->action == "types") {
      std::string done;
      if (!a->args.empty()) {
        if (a->args.size() != 2 || (a->args[0] != "add" && a->args[0] != "rm"))
          throw UserError("usage: telaah links P types [add NAME [--undirected] [--colour #RRGGBB] | rm NAME]");
        if (a->args[0] == "add") {
          store::add_link_type(*p, a->args[1], !a->undirected, a->colour);
          done = "added relation " + a->args[1];
        } else {
          store::remove_link_type(*p, a->args[1]);
          done = "removed relation " + a->args[1];
        }
      }
      auto types = store::link_types(*p);
      if (ctx.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& t : types)
          list.push_back(
              {{"id", t.id}, {"name", t.name}, {"directed", t.directed}, {"colour", t.colour}, {"builtin", t.builtin}});
        nlohmann::json out{{"types", list}, {"revision", p->revision()}};
        if (!done.empty()) out["done"] = done;
        return print_json(out);
      }
      if (!done.empty()) std::cout << done << "\n";
      for (const auto& t : types)
        std::cout << t.name << "\t" << (t.directed ? "directed" : "undirected") << "\t" << t.colour
                  << (t.builtin ? "\tbuilt in" : "") << "\n";
      return;
    }
    if (a->action == "add") {
      need(2, "add FROM TO [--type T] [--memo M]");
      auto ids = id_list(a->args, "a coding");
      store::Id id = store::add_link(*p, ids.at(0), ids.at(1), a->type, a->memo);
      if (ctx.json) {
        for (const auto& l : store::links_of_coding(*p, ids[0]))
          if (l.id == id) return print_json({{"link", link_json(l)}, {"revision", p->revision()}});
      }
      std::cout << "link #" << id << ": " << coding_line(*p, ids[0]) << "\n  " << a->type << "\n  "
                << coding_line(*p, ids[1]) << "\n";
      return;
    }
    if (a->action == "rm") {
      need(1, "rm LINK");
      auto ids = id_list(a->args, "a link");
      store::remove_link(*p, ids.at(0));
      if (ctx.json) return print_json({{"removed", ids[0]}, {"revision", p->revision()}});
      std::cout << "removed link #" << ids[0] << "\n";
      return;
    }
    // ls
    if (a->args.size() > 1) throw UserError("usage: telaah links P ls [CODING]");
    std::vector<store::Link> list =
        a->args.empty() ? store::all_links(*p) : store::links_of_coding(*p, id_list(a->args, "a coding").at(0));
    if (ctx.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& l : list) out.push_back(link_json(l));
      return print_json(out);
    }
    for (const auto& l : list)
      std::cout << "link #" << l.id << "  " << l.type_name << (l.directed ? " (→)" : " (↔)") << "\n  "
                << coding_line(*p, l.from) << "\n  " << coding_line(*p, l.to) << (l.memo.empty() ? "" : "\n  memo: ")
                << l.memo << "\n";
    std::cout << list.size() << " links\n";
  });
});

}  // namespace
}  // namespace telaah::cli
