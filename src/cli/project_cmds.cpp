// telaah new | info | check | undo | redo
#include <iostream>

#include "cli/cli.h"
#include "store/stats.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, coder;
  bool empty = false;
};

Registrar reg_new(10, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd =
      app.add_subcommand("new", "Create a project file (NAME.telaah) with the evaluation-framework codebook template");
  cmd->add_option("project", a->project, "the project file to create")->required();
  cmd->add_flag("--empty", a->empty, "start with an empty codebook instead of the template");
  cmd->callback([a, &ctx] {
    store::OpenOptions o;
    o.default_codebook = !a->empty;
    auto p = store::Project::create(a->project, o);
    const size_t codes = p->codes().size();
    if (ctx.json)
      print_json(
          {{"project", a->project}, {"project_id", p->project_id()}, {"revision", p->revision()}, {"codes", codes}});
    else
      std::cout << "created " << a->project
                << (codes ? " with the framework template (" + std::to_string(codes) + " codes)" : "") << "\n";
  });
});

Registrar reg_info(11, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("info", "Summarise a project: documents, codes, codings, coders, revision");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    // Counts from the indexes (store/stats.h), not a load of every document and coding.
    const store::ProjectCounts counts = store::project_counts(*p);
    nlohmann::json by_type = nlohmann::json::object();
    for (const auto& t : p->source_types()) {
      auto n = counts.documents.by_type.find(t.id);
      by_type[t.name] = n == counts.documents.by_type.end() ? 0 : n->second;
    }
    nlohmann::json coders = nlohmann::json::array();
    for (const auto& c : p->coders()) coders.push_back(c.name);
    nlohmann::json j = {{"project", a->project},
                        {"project_id", p->project_id()},
                        {"revision", p->revision()},
                        {"documents", counts.documents.live},
                        {"documents_by_type", by_type},
                        {"codes", counts.codes},
                        {"codings", counts.codings},
                        {"coders", coders},
                        {"can_undo", p->undo_label().value_or("")},
                        {"can_redo", p->redo_label().value_or("")}};
    if (ctx.json) return print_json(j);
    std::cout << a->project << "\n  project id  " << p->project_id() << "\n  revision    " << p->revision()
              << "\n  documents   " << counts.documents.live << " (";
    bool first = true;
    for (auto it = by_type.begin(); it != by_type.end(); ++it) {
      std::cout << (first ? "" : ", ") << it.value().get<int>() << " " << it.key();
      first = false;
    }
    std::cout << ")\n  codes       " << j["codes"] << "\n  codings     " << j["codings"] << "\n  coders      ";
    first = true;
    for (const auto& c : coders) {
      std::cout << (first ? "" : ", ") << c.get<std::string>();
      first = false;
    }
    std::cout << "\n";
    if (auto u = p->undo_label()) std::cout << "  undo        " << *u << "\n";
  });
});

Registrar reg_check(12, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check", "Check the project file: SQLite integrity and the model's invariants");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    auto problems = p->check();
    if (ctx.json)
      print_json({{"ok", problems.empty()}, {"problems", problems}, {"revision", p->revision()}});
    else if (problems.empty())
      std::cout << "ok: " << a->project << " is consistent (revision " << p->revision() << ")\n";
    else
      for (const auto& s : problems) std::cout << "problem: " << s << "\n";
    if (!problems.empty()) throw UserError(std::to_string(problems.size()) + " problem(s) found in " + a->project);
  });
});

void undo_redo(CLI::App& app, Context& ctx, bool undo) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(undo ? "undo" : "redo", undo ? "Undo the last action" : "Redo the last undone action");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->callback([a, &ctx, undo] {
    auto p = open_project(a->project);
    std::string label = undo ? p->undo() : p->redo();
    if (ctx.json)
      print_json({{undo ? "undone" : "redone", label}, {"revision", p->revision()}});
    else
      std::cout << (undo ? "undone: " : "redone: ") << label << "\n";
  });
}
Registrar reg_undo(60, [](CLI::App& app, Context& ctx) { undo_redo(app, ctx, true); });
Registrar reg_redo(61, [](CLI::App& app, Context& ctx) { undo_redo(app, ctx, false); });

}  // namespace
}  // namespace telaah::cli
