// telaah sets: document sets (saved selections of documents the views filter
// by): list them, create, rename or delete one, add or remove documents.
// Each change is one undoable action.
#include <iostream>

#include "cli/cli.h"
#include "cli/set_option.h"
#include "store/doc_sets.h"

namespace telaah::cli {

std::optional<std::vector<store::Id>> set_members(const store::Project& p, const std::string& name) {
  if (name.empty()) return std::nullopt;
  return store::doc_set_members(p, store::doc_set(p, name).id);
}

namespace {

struct Args {
  std::string project, action = "list";
  std::vector<std::string> rest;
};

Registrar reg(24, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("sets",
                                 "Document sets (saved selections the window filters by): list, create NAME, "
                                 "rename NAME NEW, add NAME DOC..., remove NAME DOC..., delete NAME");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("action", a->action, "list (default), create, rename, add, remove or delete")
      ->check(CLI::IsMember({"list", "create", "rename", "add", "remove", "delete"}));
  cmd->add_option("args", a->rest, "the set's name, then documents (number, title or file name) or the new name");
  cmd->footer(
      "A document may be in several sets. Deleting a document removes it from its sets (undo brings it back); "
      "deleting a set keeps its documents. Each change is one undoable action ('telaah undo P').");
  cmd->callback([a, &ctx] {
    const std::string& act = a->action;
    const size_t n = a->rest.size();
    if (act == "list" && n > 0) throw UserError("'sets P list' takes no more arguments");
    if ((act == "create" || act == "delete") && n != 1)
      throw UserError("give one set name: telaah sets P " + act + " NAME");
    if (act == "rename" && n != 2)
      throw UserError("give the set's name and the new name: telaah sets P rename NAME NEW");
    if ((act == "add" || act == "remove") && n < 2)
      throw UserError("give the set's name and at least one document: telaah sets P " + act + " NAME DOC...");
    auto p = act == "list" ? open_for_reading(a->project) : open_project(a->project);
    nlohmann::json done = nlohmann::json::object();
    std::string said;
    if (act == "create") {
      const store::Id id = store::create_doc_set(*p, a->rest[0]);
      done = {{"created", id}, {"name", a->rest[0]}};
      said = "created set " + a->rest[0];
    } else if (act == "rename") {
      const auto s = store::doc_set(*p, a->rest[0]);
      store::rename_doc_set(*p, s.id, a->rest[1]);
      done = {{"renamed", s.id}, {"name", a->rest[1]}};
      said = "renamed set " + s.name + " to " + a->rest[1];
    } else if (act == "delete") {
      const auto s = store::doc_set(*p, a->rest[0]);
      store::delete_doc_set(*p, s.id);
      done = {{"deleted", s.id}, {"name", s.name}, {"documents", s.size}};
      said = "deleted set " + s.name + " (" + std::to_string(s.size) +
             (s.size == 1 ? " document stays" : " documents stay") + " in the project)";
    } else if (act == "add" || act == "remove") {
      const auto s = store::doc_set(*p, a->rest[0]);
      std::vector<store::Id> docs;
      for (size_t i = 1; i < n; ++i) docs.push_back(p->resolve_document(a->rest[i]));
      const int64_t k =
          act == "add" ? store::add_to_doc_set(*p, s.id, docs) : store::remove_from_doc_set(*p, s.id, docs);
      done = {{act == "add" ? "added" : "removed", k}, {"set", s.name}};
      said = (act == "add" ? "added " : "removed ") + std::to_string(k) + (k == 1 ? " document" : " documents") +
             (act == "add" ? " to set " : " from set ") + s.name;
      if (k == 0) said += act == "add" ? " (all were members already)" : " (none was a member)";
    }
    const auto sets = store::doc_sets(*p);
    if (ctx.json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& s : sets)
        list.push_back({{"id", s.id},
                        {"name", s.name},
                        {"documents", store::doc_set_members(*p, s.id)},
                        {"size", s.size},
                        {"created", s.created}});
      nlohmann::json out{{"sets", list}, {"revision", p->revision()}};
      if (act != "list") out["done"] = done;
      print_json(out);
      return;
    }
    if (!said.empty()) {
      std::cout << said << "\n";
      return;
    }
    if (sets.empty()) std::cout << "no document sets (create one: telaah sets P create NAME)\n";
    for (const auto& s : sets) {
      std::cout << s.name << "  (" << s.size << (s.size == 1 ? " document" : " documents") << ")\n";
      for (const auto& d : p->documents(store::doc_set_members(*p, s.id)))
        std::cout << "  #" << d.id << " " << d.title << "\n";
    }
  });
});

}  // namespace
}  // namespace telaah::cli
