// telaah impediments: impediment findings (title, description, the
// indicators they hinder, their evidence codings) and explicit attachments
// of impediment codings to indicators; per indicator, what impedes it.
#include <iostream>

#include "analysis/judgement.h"
#include "analysis/overrides.h"
#include "cli/cli.h"
#include "cli/judgement_common.h"
#include "store/judgement.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, action, title, description, indicator_filter;
  std::vector<std::string> args, indicators, evidence, rm_indicators, rm_evidence;
};

std::vector<store::Id> codes_of(const store::Project& p, const std::vector<std::string>& names) {
  std::vector<store::Id> out;
  for (const auto& n : names) out.push_back(p.resolve_code(n));
  return out;
}

nlohmann::json finding_json(const store::Project& p, const store::Impediment& m) {
  nlohmann::json ind = nlohmann::json::array();
  for (auto c : m.indicators) ind.push_back({{"id", c}, {"path", p.code_path(c)}});
  return {{"id", m.id},           {"title", m.title},       {"description", m.description},
          {"indicators", ind},    {"evidence", m.evidence}, {"coder", m.coder},
          {"created", m.created}, {"modified", m.modified}};
}

Registrar reg(59, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "impediments",
      "Impediments: ls (per indicator), add --title T, from-coding CODING, edit ID, rm ID, attach CODING "
      "--indicator I, detach CODING --indicator I");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("action", a->action, "ls, add, from-coding, edit, rm, attach or detach")
      ->required()
      ->check(CLI::IsMember({"ls", "add", "from-coding", "edit", "rm", "attach", "detach"}));
  cmd->add_option("args", a->args, "a finding's number (edit, rm) or a coding (from-coding, attach, detach)");
  cmd->add_option("--title", a->title, "the finding's title");
  cmd->add_option("--description", a->description, "what the impediment is");
  cmd->add_option("--indicator", a->indicators, "an indicator it hinders (repeat)");
  cmd->add_option("--evidence", a->evidence, "a coding that shows it (repeat or comma-separate)");
  cmd->add_option("--rm-indicator", a->rm_indicators, "edit: no longer hinders this indicator");
  cmd->add_option("--rm-evidence", a->rm_evidence, "edit: no longer evidence");
  cmd->add_option("--of", a->indicator_filter, "ls: only this indicator");
  cmd->footer(
      "An indicator is impeded when an impediment coding (evaluation.impediment_codes) is attached to it, overlaps "
      "or shares a paragraph with its evidence, or when a finding names it; the verdict rule then takes "
      "evaluation.impediment_penalty off its score (telaah evaluate --help). Each change is one undoable action.");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    const std::string act = a->action;
    auto one = [&](const std::string& what) {
      if (a->args.size() != 1) throw UserError("usage: telaah impediments P " + act + " " + what);
      return id_list(a->args, what).at(0);
    };
    std::string done;
    nlohmann::json result;
    if (act == "add" || act == "from-coding") {
      std::vector<store::Id> evidence = id_list(a->evidence, "an evidence coding");
      std::string title = a->title;
      std::vector<store::Id> inds = codes_of(*p, a->indicators);
      if (act == "from-coding") {
        if (a->args.empty()) throw UserError("usage: telaah impediments P from-coding CODING... [--title T]");
        auto t = analysis::EvidenceTable::load(*p);
        for (store::Id c : id_list(a->args, "a coding")) {
          if (!analysis::is_impediment_coding(*p, t, c))
            throw UserError("coding #" + std::to_string(c) + " is not coded at an impediment code (" +
                            p->code_path(p->coding(c).code) + "; see evaluation.impediment_codes)");
          evidence.insert(evidence.begin(), c);
        }
        const store::Coding first = p->coding(evidence.front());
        if (title.empty()) {
          title = first.memo.empty() ? coding_line(*p, first.id) : first.memo;
          title = text::one_line(title, 80, "…");
        }
        // The indicators the coding is already attached to come along.
        for (const auto& at : store::coding_attachments(*p))
          if (std::find(evidence.begin(), evidence.end(), at.coding) != evidence.end() &&
              std::find(inds.begin(), inds.end(), at.code) == inds.end())
            inds.push_back(at.code);
      } else if (!a->args.empty()) {
        throw UserError("usage: telaah impediments P add --title T [--description D] [--indicator I] [--evidence C]");
      }
      if (title.empty()) throw UserError("an impediment needs --title");
      store::Id id = store::add_impediment(*p, title, a->description, inds, evidence);
      done = "added impediment #" + std::to_string(id) + ": " + title;
      result = finding_json(*p, store::impediment(*p, id));
    } else if (act == "edit") {
      store::ImpedimentEdit e;
      const store::Id id = one("ID");
      if (!a->title.empty()) e.title = a->title;
      if (!a->description.empty()) e.description = a->description;
      e.add_indicators = codes_of(*p, a->indicators);
      e.remove_indicators = codes_of(*p, a->rm_indicators);
      e.add_evidence = id_list(a->evidence, "an evidence coding");
      e.remove_evidence = id_list(a->rm_evidence, "an evidence coding");
      if (!e.title && !e.description && e.add_indicators.empty() && e.remove_indicators.empty() &&
          e.add_evidence.empty() && e.remove_evidence.empty())
        throw UserError(
            "nothing to change: give --title, --description, --indicator, --evidence, --rm-indicator or "
            "--rm-evidence");
      store::edit_impediment(*p, id, e);
      done = "edited impediment #" + std::to_string(id);
      result = finding_json(*p, store::impediment(*p, id));
    } else if (act == "rm") {
      const store::Id id = one("ID");
      store::remove_impediment(*p, id);
      done = "removed impediment #" + std::to_string(id);
      result = {{"removed", id}};
    } else if (act == "attach" || act == "detach") {
      const store::Id c = one("CODING --indicator I");
      if (a->indicators.size() != 1) throw UserError("give one --indicator");
      const store::Id ind = p->resolve_code(a->indicators[0]);
      if (act == "attach") {
        auto t = analysis::EvidenceTable::load(*p);
        if (!analysis::is_impediment_coding(*p, t, c))
          throw UserError("coding #" + std::to_string(c) + " is not coded at an impediment code (" +
                          p->code_path(p->coding(c).code) + "; see evaluation.impediment_codes)");
        store::attach_coding(*p, c, ind);
        done = "attached coding #" + std::to_string(c) + " to " + p->code_path(ind);
      } else {
        store::detach_coding(*p, c, ind);
        done = "detached coding #" + std::to_string(c) + " from " + p->code_path(ind);
      }
      result = {{"coding", c}, {"indicator", ind}};
    }
    if (!done.empty()) {
      if (ctx.json) {
        result["revision"] = p->revision();
        return print_json(result);
      }
      std::cout << done << "\n";
      return;
    }
    // ls: per indicator, what impedes it; then the findings.
    if (!a->args.empty()) throw UserError("usage: telaah impediments P ls [--of INDICATOR]");
    auto t = analysis::EvidenceTable::load(*p);
    analysis::Query q;
    q.coders = analysis::default_coders(*p, t);
    auto m = analysis::triangulate(t, q, analysis::settings_from_project(*p));
    analysis::apply_overrides(m, analysis::load_overrides(*p));
    const auto e = analysis::evaluate(*p, t, m);
    auto per = analysis::impediments_by_indicator(e);
    if (!a->indicator_filter.empty()) {
      const store::Id only = p->resolve_code(a->indicator_filter);
      std::erase_if(per, [&](const auto& x) { return x.code_id != only; });
      if (per.empty()) throw UserError("'" + a->indicator_filter + "' is not an indicator of the matrix");
    }
    if (ctx.json) {
      nlohmann::json rows = nlohmann::json::array(), findings = nlohmann::json::array();
      for (const auto& x : per)
        rows.push_back({{"indicator", x.code_id},
                        {"path", x.path},
                        {"impeded", x.impeded()},
                        {"attached", x.attached},
                        {"by_overlap", x.by_overlap},
                        {"findings", x.findings}});
      for (const auto& f : e.findings) findings.push_back(finding_json(*p, f));
      return print_json({{"indicators", rows}, {"findings", findings}});
    }
    for (const auto& x : per) {
      std::cout << x.path << (x.impeded() ? "  — impeded" : "  — no impediment") << "\n";
      for (auto f : x.findings)
        for (const auto& fi : e.findings)
          if (fi.id == f) std::cout << "  finding #" << f << ": " << fi.title << "\n";
      for (auto c : x.attached) std::cout << "  attached " << coding_line(*p, c) << "\n";
      for (auto c : x.by_overlap) std::cout << "  by overlap " << coding_line(*p, c) << "\n";
    }
    if (!e.findings.empty()) std::cout << "\nfindings:\n";
    for (const auto& f : e.findings) {
      std::cout << "#" << f.id << " " << f.title << "\n";
      if (!f.description.empty()) std::cout << "  " << f.description << "\n";
      for (auto c : f.indicators) std::cout << "  hinders " << p->code_path(c) << "\n";
      for (auto c : f.evidence) std::cout << "  evidence " << coding_line(*p, c) << "\n";
    }
  });
});

}  // namespace
}  // namespace telaah::cli
