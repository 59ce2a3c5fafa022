// telaah cases: cases (a site, a partner city, a programme, an informant)
// with typed attributes, grouping documents or parts of documents.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/judgement_common.h"
#include "exchange/judgement.h"
#include "store/judgement.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, action, description;
  std::vector<std::string> args, attrs;
  int64_t start = -1, end = -1;
  bool unassign = false;
};

store::Attribute parse_attr(const std::string& kv) {
  // name[:type]=value
  auto eq = kv.find('=');
  if (eq == std::string::npos) throw UserError("--attr needs NAME=VALUE (or NAME:TYPE=VALUE), not '" + kv + "'");
  store::Attribute at;
  at.name = kv.substr(0, eq);
  at.value = kv.substr(eq + 1);
  if (auto colon = at.name.rfind(':'); colon != std::string::npos) {
    at.type = at.name.substr(colon + 1);
    at.name = at.name.substr(0, colon);
  }
  return at;
}

nlohmann::json case_json(const store::Project& p, const store::Case& c) {
  nlohmann::json attrs = nlohmann::json::object(), members = nlohmann::json::array();
  for (const auto& at : c.attributes) attrs[at.name] = {{"type", at.type}, {"value", at.value}};
  for (const auto& m : c.members) {
    nlohmann::json j = {{"document", m.doc}, {"title", p.document(m.doc).title}};
    if (m.start) {
      j["start"] = *m.start;
      j["end"] = *m.end;
    }
    members.push_back(j);
  }
  return {{"id", c.id}, {"name", c.name}, {"description", c.description}, {"attributes", attrs}, {"members", members}};
}

Registrar reg(61, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("cases",
                                 "Cases: ls, add NAME [--attr k=v], rm NAME, assign NAME DOC [--start S --end E] "
                                 "[--remove], import FILE.csv|FILE.xlsx");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("action", a->action, "ls, add, rm, assign, set or import (import-csv: the same)")
      ->required()
      ->check(CLI::IsMember({"ls", "add", "rm", "assign", "set", "import", "import-csv"}));
  cmd->add_option("args", a->args, "a case name (and a document for assign), or the CSV/XLSX file");
  cmd->add_option("--attr", a->attrs,
                  "add/set: an attribute NAME=VALUE or NAME:TYPE=VALUE (type text, number, date or boolean; repeat)");
  cmd->add_option("--description", a->description, "add: what the case is");
  cmd->add_option("--start", a->start, "assign: only the part of the document from this code point");
  cmd->add_option("--end", a->end, "assign: ... up to this code point (exclusive)");
  cmd->add_flag("--remove", a->unassign, "assign: take the document out of the case instead");
  cmd->footer(
      "A document may be in several cases. import reads one row per case from a CSV file or the first sheet of an "
      "XLSX workbook (.xlsx): a header with 'name', optionally "
      "'description', and attribute columns typed as 'population:number', 'joined:date', 'active:boolean'; a bad "
      "row stops the import (exit 1, nothing imported, the row named). Triangulate by case with 'telaah "
      "triangulate P --by-case' or within one case with '--case NAME'.");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    std::string done;
    auto usage = [&](size_t n, const std::string& u) {
      if (a->args.size() != n) throw UserError("usage: telaah cases P " + u);
    };
    if (a->action == "add") {
      usage(1, "add NAME [--description D] [--attr NAME[:TYPE]=VALUE]");
      std::vector<store::Attribute> attrs;
      for (const auto& kv : a->attrs) attrs.push_back(parse_attr(kv));
      store::add_case(*p, a->args[0], a->description, attrs);
      done = "added case " + a->args[0];
    } else if (a->action == "set") {
      usage(1, "set NAME --attr NAME[:TYPE]=VALUE");
      if (a->attrs.empty()) throw UserError("give --attr NAME=VALUE");
      auto act = p->begin_action("Set attributes of case " + a->args[0]);
      for (const auto& kv : a->attrs) store::set_case_attribute(*p, a->args[0], parse_attr(kv));
      act.commit();
      done = "set " + std::to_string(a->attrs.size()) + " attribute(s) of case " + a->args[0];
    } else if (a->action == "rm") {
      usage(1, "rm NAME");
      store::remove_case(*p, a->args[0]);
      done = "removed case " + a->args[0];
    } else if (a->action == "assign") {
      usage(2, "assign NAME DOC [--start S --end E] [--remove]");
      const store::Id doc = p->resolve_document(a->args[1]);
      if (a->unassign) {
        if (a->start >= 0 || a->end >= 0)
          throw UserError("--remove takes the whole document out; leave out --start/--end");
        int n = store::unassign_from_case(*p, a->args[0], doc);
        done = "took '" + p->document(doc).title + "' out of case " + a->args[0] + " (" + std::to_string(n) + ")";
      } else {
        std::optional<int64_t> s, e;
        if (a->start >= 0 || a->end >= 0) {
          if (a->start < 0 || a->end < 0) throw UserError("give both --start and --end");
          s = a->start;
          e = a->end;
        }
        store::assign_to_case(*p, a->args[0], doc, s, e);
        done = "assigned '" + p->document(doc).title + "'" + (s ? " (part)" : "") + " to case " + a->args[0];
      }
    } else if (a->action == "import-csv" || a->action == "import") {
      usage(1, a->action + " FILE");
      std::ifstream in(a->args[0], std::ios::binary);
      if (!in) throw UserError("cannot read " + a->args[0]);
      std::stringstream ss;
      ss << in.rdbuf();
      auto rows = exchange::parse_cases_file(a->args[0], ss.str());
      int n = store::import_cases(*p, rows, "Import cases from " + a->args[0]);
      done = "imported " + std::to_string(n) + " case(s) from " + a->args[0];
    } else if (!a->args.empty()) {
      throw UserError("usage: telaah cases P ls");
    }
    auto list = store::cases(*p);
    if (ctx.json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& c : list) arr.push_back(case_json(*p, c));
      nlohmann::json out{{"cases", arr}, {"revision", p->revision()}};
      if (!done.empty()) out["done"] = done;
      return print_json(out);
    }
    if (!done.empty()) {
      std::cout << done << "\n";
      return;
    }
    for (const auto& c : list) {
      std::cout << c.name << (c.description.empty() ? "" : " — " + c.description) << "\n";
      for (const auto& at : c.attributes) std::cout << "  " << at.name << " (" << at.type << "): " << at.value << "\n";
      for (const auto& m : c.members)
        std::cout << "  document #" << m.doc << " '" << p->document(m.doc).title << "'"
                  << (m.start ? " " + std::to_string(*m.start) + ".." + std::to_string(*m.end) : "") << "\n";
    }
    std::cout << list.size() << " cases\n";
  });
});

}  // namespace
}  // namespace telaah::cli
