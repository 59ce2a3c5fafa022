// telaah codes: print the code tree, load a framework, add codes.
#include <fstream>
#include <iostream>

#include "cli/cli.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, load, add, parent, colour = "#888888", kind = "code", definition;
};

Registrar reg(30, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("codes", "Print the codebook tree; --load a framework from JSON; --add a code");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--load", a->load, "load a codebook/framework JSON file (merged by code path)");
  cmd->add_option("--add", a->add, "add a code with this name");
  cmd->add_option("--parent", a->parent, "with --add: parent code path");
  cmd->add_option("--colour,--color", a->colour, "with --add: colour #RRGGBB");
  cmd->add_option("--kind", a->kind, "with --add: variable, indicator or code");
  cmd->add_option("--definition", a->definition, "with --add: definition");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    if (!a->load.empty()) {
      std::ifstream in(a->load);
      if (!in) throw UserError("cannot read " + a->load);
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(in);
      } catch (const nlohmann::json::parse_error& e) {
        throw UserError(a->load + " is not valid JSON: " + e.what());
      }
      auto ids = p->load_codebook(j);
      if (!ctx.json) std::cout << "loaded " << ids.size() << " codes from " << a->load << "\n";
    }
    if (!a->add.empty()) {
      store::Code c;
      c.name = a->add;
      c.colour = a->colour;
      c.kind = store::code_kind_from_string(a->kind);
      c.definition = a->definition;
      if (!a->parent.empty()) c.parent = p->resolve_code(a->parent);
      store::Id id = p->add_code(c);
      if (!ctx.json) std::cout << "added code #" << id << " " << p->code_path(id) << "\n";
    }
    auto codes = p->codes();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : codes) {
      int depth = 0;
      for (auto cur = c.parent; cur; cur = p->code(*cur).parent) ++depth;
      int64_t n = p->coding_count(c.id);
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
      else if (a->load.empty() && a->add.empty())
        std::cout << std::string(static_cast<size_t>(depth) * 2, ' ') << c.name << "  [" << store::to_string(c.kind) << ", #"
                  << c.id << ", " << n << " codings]\n";
    }
    if (ctx.json) print_json(out);
  });
});

}  // namespace
}  // namespace telaah::cli
