// telaah agreement | resolve: intercoder agreement statistics, the list of
// disagreements, and resolving one of them.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "analysis/agreement.h"
#include "analysis/project_settings.h"
#include "analysis/review.h"
#include "cli/cli.h"
#include "cli/set_option.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct SelectionArgs {
  std::string project, coders, type, unit = "char", overlap, variable, set;
  std::vector<std::string> docs, codes;
  double threshold = std::nan("");  // unset: the project's agreement.threshold (default 0.5)
  bool exclude_uncoded = false, rollup = false, disagreements = false, all = false;
};

void add_selection(CLI::App* cmd, SelectionArgs& a) {
  cmd->add_option("project", a.project, "the project file")->required();
  cmd->add_option("--coders", a.coders, "the coders compared, comma-separated (kappa: two; alpha: two or more)")
      ->required();
  cmd->add_option(
         "--docs", a.docs,
         "documents (numbers, titles or file names), comma-separated; named documents count as read by every coder")
      ->delimiter(',');
  cmd->add_option("--type", a.type, "only documents of this source type");
  cmd->add_option("--set", a.set, kSetHelp);
  cmd->add_option("--codes", a.codes, "code paths, comma-separated (default: every code the coders used)")
      ->delimiter(',');
  cmd->add_flag("--rollup", a.rollup, "sub-codes count for their chosen parent (by default their indicator)");
}

std::vector<std::string> split_names(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    std::string name = s.substr(i, j - i);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (!name.empty()) out.push_back(name);
    i = j + 1;
  }
  return out;
}

analysis::AgreementSelection selection(const store::Project& p, const SelectionArgs& a) {
  analysis::AgreementSelection s;
  s.coders = split_names(a.coders);
  if (!a.docs.empty() && !a.type.empty()) throw UserError("give either --docs or --type, not both");
  if (!a.docs.empty() && !a.set.empty()) throw UserError("give either --docs or --set, not both");
  for (const auto& d : a.docs) s.docs.push_back(p.resolve_document(d));
  s.within = set_members(p, a.set);
  if (!a.type.empty()) {
    p.source_type_id(a.type);
    s.source_type = a.type;
  }
  for (const auto& c : a.codes) s.codes.push_back(p.resolve_code(c));
  s.rollup = a.rollup;
  return s;
}

nlohmann::json number(double x) {
  return std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x);
}

nlohmann::json stat_json(const analysis::Statistic& s) {
  return {{"value", number(s.value)}, {"method", s.method}};
}

nlohmann::json variable_json(const analysis::VariableAgreement& v) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& pa : v.pairs)
    pairs.push_back({{"coder_a", pa.coder_a},
                     {"coder_b", pa.coder_b},
                     {"units", pa.units},
                     {"percent_agreement", stat_json(pa.percent)},
                     {"kappa", stat_json(pa.kappa)},
                     {"alpha", stat_json(pa.alpha)}});
  return {{"variable", v.variable}, {"values", v.values},          {"units", v.units},  {"pairable_units", v.pairable},
          {"pairs", pairs},         {"alpha", stat_json(v.alpha)}, {"method", v.method}};
}

nlohmann::json row_json(const analysis::CodeAgreement& c) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& pa : c.pairs)
    pairs.push_back({{"coder_a", pa.coder_a},
                     {"coder_b", pa.coder_b},
                     {"documents", pa.documents},
                     {"table",
                      {{"both", pa.table.both},
                       {"only_a", pa.table.only_a},
                       {"only_b", pa.table.only_b},
                       {"neither", pa.table.neither}}},
                     {"units", pa.table.total()},
                     {"percent_agreement", stat_json(pa.percent)},
                     {"kappa", stat_json(pa.kappa)},
                     {"alpha", stat_json(pa.alpha)}});
  nlohmann::json j = {
      {"code", c.path}, {"pairs", pairs}, {"alpha", stat_json(c.alpha)}, {"stance", variable_json(c.stance)}};
  if (c.code) j["code_id"] = c.code;
  return j;
}

std::string fixed(double x) {
  if (std::isnan(x)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.4f", x);
  return b;
}

std::string pad(std::string s, size_t w, bool right = false) {
  const size_t n = text::count_code_points(s);
  if (n >= w) return s;
  return right ? std::string(w - n, ' ') + s : s + std::string(w - n, ' ');
}

void print_table(const analysis::AgreementReport& r) {
  const bool many = r.coders.size() > 2;
  std::string who;
  for (const auto& c : r.coders) who += (who.empty() ? "" : " x ") + c;
  std::cout << "Agreement of " << who << ", "
            << (r.options.unit == analysis::AgreementUnit::character ? "character" : "segment") << " level, "
            << r.documents.size() << " document" << (r.documents.size() == 1 ? "" : "s") << "\n\n";
  size_t w = 8;
  for (const auto& c : r.codes) w = std::max(w, text::count_code_points(c.path));
  w = std::min<size_t>(w + 2, 52);
  const std::string all_label = "all " + std::to_string(r.coders.size()) + " coders";
  std::cout << pad("code", w) << (many ? pad("pair", 18) : "") << pad("units", 12, true) << pad("agree", 9, true)
            << pad("kappa", 9, true) << pad("alpha", 9, true) << "\n";
  // Each pair with its own alpha; with three or more coders the all-coder alpha on a row of its own.
  auto line = [&](const analysis::CodeAgreement& c, const std::string& label) {
    for (size_t i = 0; i < c.pairs.size(); ++i) {
      const auto& pa = c.pairs[i];
      std::cout << pad(i == 0 ? label : "", w) << (many ? pad(pa.coder_a + "-" + pa.coder_b, 18) : "")
                << pad(std::to_string(pa.table.total()), 12, true) << pad(fixed(pa.percent.value), 9, true)
                << pad(fixed(pa.kappa.value), 9, true) << pad(fixed(pa.alpha.value), 9, true) << "\n";
    }
    if (many)
      std::cout << pad("", w) << pad(all_label, 18) << pad("", 12 + 9 + 9) << pad(fixed(c.alpha.value), 9, true)
                << "\n";
  };
  for (const auto& c : r.codes) line(c, c.path);
  line(r.overall, "overall (pooled)");
  std::cout << "\nMethod: " << r.method << "\n";
  const auto& o = r.overall;
  if (!o.pairs.empty()) {
    std::cout << "  " << o.pairs[0].percent.method << "\n  " << o.pairs[0].kappa.method << "\n";
  }
  std::cout << "  " << o.alpha.method << "\n";

  std::cout << "\nStance agreement on passages coded with the same code by two or more coders\n"
            << pad("code", w) << (many ? pad("pair", 18) : "") << pad("passages", 12, true) << pad("agree", 9, true)
            << pad("kappa", 9, true) << pad("alpha", 9, true) << "\n";
  auto stance_line = [&](const analysis::VariableAgreement& v, const std::string& label) {
    for (size_t i = 0; i < v.pairs.size(); ++i) {
      const auto& pa = v.pairs[i];
      std::cout << pad(i == 0 ? label : "", w) << (many ? pad(pa.coder_a + "-" + pa.coder_b, 18) : "")
                << pad(std::to_string(pa.units), 12, true) << pad(fixed(pa.percent.value), 9, true)
                << pad(fixed(pa.kappa.value), 9, true) << pad(fixed(pa.alpha.value), 9, true) << "\n";
    }
    if (many)
      std::cout << pad("", w) << pad(all_label, 18) << pad(std::to_string(v.pairable), 12, true) << pad("", 9 + 9)
                << pad(fixed(v.alpha.value), 9, true) << "\n";
  };
  for (const auto& c : r.codes) stance_line(c.stance, c.path);
  stance_line(o.stance, "overall (pooled)");
  std::cout << "  " << o.stance.method << "\n";
}

void print_variable(const analysis::VariableAgreement& v) {
  const bool many = v.coders.size() > 2;
  std::cout << "Agreement on the variable " << v.variable << " (values: ";
  for (size_t i = 0; i < v.values.size(); ++i) std::cout << (i ? ", " : "") << v.values[i];
  std::cout << "), " << v.units << " units, " << v.pairable << " with two or more values\n\n";
  std::cout << pad("pair", 24) << pad("units", 10, true) << pad("agree", 9, true) << pad("kappa", 9, true)
            << pad("alpha", 9, true) << "\n";
  for (const auto& pa : v.pairs)
    std::cout << pad(pa.coder_a + "-" + pa.coder_b, 24) << pad(std::to_string(pa.units), 10, true)
              << pad(fixed(pa.percent.value), 9, true) << pad(fixed(pa.kappa.value), 9, true)
              << pad(fixed(pa.alpha.value), 9, true) << "\n";
  if (many)
    std::cout << pad("all " + std::to_string(v.coders.size()) + " coders", 24)
              << pad(std::to_string(v.pairable), 10, true) << pad("", 18) << pad(fixed(v.alpha.value), 9, true) << "\n";
  std::cout << "\nMethod: " << v.method << "\n  " << v.alpha.method << "\n";
}

std::string one_line(std::string s, size_t max_cp = 100) {
  for (auto& ch : s)
    if (ch == '\n' || ch == '\t') ch = ' ';
  if (text::count_code_points(s) > max_cp) {
    text::OffsetMap m(s);
    s = std::string(text::slice_cp(s, m, 0, max_cp - 3)) + "...";
  }
  return s;
}

nlohmann::json disagreement_json(const store::Project& p, const analysis::Disagreement& d) {
  auto side = [&](const std::vector<store::Coding>& cs) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : cs)
      out.push_back({{"id", c.id},
                     {"start", c.start},
                     {"end", c.end},
                     {"code", p.code_path(c.code)},
                     {"stance", store::to_string(c.stance)},
                     {"memo", c.memo},
                     {"quote", analysis::passage_text(p, c.doc, c.start, c.end)}});
    return out;
  };
  return {{"key", d.key},
          {"kind", analysis::to_string(d.kind)},
          {"document", d.doc},
          {"document_title", d.doc_title},
          {"code", d.code_path},
          {"start", d.start},
          {"end", d.end},
          {"stance_differs", d.stance_differs},
          {"kept", d.kept},
          {"passage", analysis::passage_text(p, d.doc, d.start, d.end)},
          {d.coder_a_name, side(d.a)},
          {d.coder_b_name, side(d.b)}};
}

void print_disagreements(const store::Project& p, const std::vector<analysis::Disagreement>& list) {
  size_t n = 0;
  for (const auto& d : list) {
    std::cout << "[" << ++n << "] " << d.key << "  " << analysis::to_string(d.kind)
              << (d.stance_differs && d.kind == analysis::DisagreementKind::boundaries ? " + stance" : "")
              << (d.kept ? " (kept)" : "") << "  " << d.code_path << "  doc " << d.doc << " '" << d.doc_title << "' ["
              << d.start << "," << d.end << ")\n";
    const size_t w = std::max(text::count_code_points(d.coder_a_name), text::count_code_points(d.coder_b_name)) + 1;
    for (int s = 0; s < 2; ++s) {
      const auto& cs = s == 0 ? d.a : d.b;
      const std::string& name = s == 0 ? d.coder_a_name : d.coder_b_name;
      if (cs.empty()) std::cout << "    " << pad(name + ":", w + 1) << "(not coded)\n";
      for (const auto& c : cs)
        std::cout << "    " << pad(name + ":", w + 1) << "#" << c.id << " [" << c.start << "," << c.end << ") "
                  << store::to_string(c.stance) << "  \"" << one_line(analysis::passage_text(p, c.doc, c.start, c.end))
                  << "\"\n";
    }
  }
  std::cout << list.size() << " disagreement" << (list.size() == 1 ? "" : "s") << "\n";
}

Registrar reg_agreement(65, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<SelectionArgs>();
  auto* cmd = app.add_subcommand(
      "agreement", "Intercoder agreement per code: percent agreement, Cohen's kappa, Krippendorff's alpha");
  add_selection(cmd, *a);
  cmd->add_option("--unit", a->unit, "char (every code point a unit) or segment (coded segments matched by overlap)");
  cmd->add_option("--threshold", a->threshold,
                  "the overlap ratio at which two segments match (segment level, stance, --variable; default: the "
                  "setting agreement.threshold, 0.5)");
  cmd->add_option("--overlap", a->overlap,
                  "union (intersection over union) or shorter (over the shorter segment); default: the setting "
                  "agreement.overlap, union");
  cmd->add_flag("--exclude-uncoded", a->exclude_uncoded,
                "character level: leave out text no compared coder coded with a chosen code");
  cmd->add_option("--variable", a->variable,
                  "one nominal variable instead of a present/absent variable per code: \"CodeA,CodeB,CodeC\" "
                  "(mutually exclusive codes as its values) or \"stance\" (supports/contradicts/neutral of "
                  "passages coded with the same code); units are passages matched by overlap");
  cmd->add_flag("--disagreements", a->disagreements, "list the passages where the two coders differ, side by side");
  cmd->add_flag("--all", a->all, "with --disagreements: also passages already resolved as 'keep both'");
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    auto sel = selection(*p, *a);
    if (a->disagreements) {
      analysis::ReviewOptions ro;
      ro.sel = sel;
      ro.include_kept = a->all;
      auto list = analysis::list_disagreements(*p, ro);
      if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& d : list) out.push_back(disagreement_json(*p, d));
        return print_json(out);
      }
      return print_disagreements(*p, list);
    }
    analysis::AgreementOptions o;
    o.sel = sel;
    if (a->unit == "char" || a->unit == "character")
      o.unit = analysis::AgreementUnit::character;
    else if (a->unit == "segment")
      o.unit = analysis::AgreementUnit::segment;
    else
      throw UserError("--unit is char or segment, not '" + a->unit + "'");
    // Unset options fall back to the project's settings agreement.overlap and agreement.threshold.
    if (a->overlap.empty()) a->overlap = p->setting("agreement.overlap", "union");
    if (a->overlap == "union")
      o.overlap = analysis::OverlapRatio::union_;
    else if (a->overlap == "shorter")
      o.overlap = analysis::OverlapRatio::shorter;
    else
      throw UserError("--overlap (or the setting agreement.overlap) is union or shorter, not '" + a->overlap + "'");
    o.threshold = !std::isnan(a->threshold) ? a->threshold : analysis::real_setting(*p, "agreement.threshold", 0.5);
    o.exclude_uncoded = a->exclude_uncoded;
    if (!a->variable.empty()) {
      const bool stance = a->variable == "stance";
      if (!stance) {
        if (!a->codes.empty()) throw UserError("give the variable's codes in --variable, not also in --codes");
        o.sel.codes.clear();
        for (const auto& name : split_names(a->variable)) o.sel.codes.push_back(p->resolve_code(name));
      }
      auto v = analysis::variable_agreement(*p, o, stance);
      if (ctx.json) {
        auto j = variable_json(v);
        j["coders"] = v.coders;
        j["threshold"] = o.threshold;
        j["overlap"] = a->overlap;
        return print_json(j);
      }
      return print_variable(v);
    }
    auto r = analysis::compute_agreement(*p, o);
    if (ctx.json) {
      nlohmann::json codes = nlohmann::json::array();
      for (const auto& c : r.codes) codes.push_back(row_json(c));
      return print_json({{"coders", r.coders},
                         {"unit", o.unit == analysis::AgreementUnit::character ? "char" : "segment"},
                         {"threshold", o.threshold},
                         {"overlap", a->overlap},
                         {"exclude_uncoded", o.exclude_uncoded},
                         {"rollup", o.sel.rollup},
                         {"documents", r.documents},
                         {"method", r.method},
                         {"codes", codes},
                         {"overall", row_json(r.overall)}});
    }
    print_table(r);
  });
});

struct ResolveArgs : SelectionArgs {
  std::string passage, accept, stance = "neutral", code;
  std::vector<int64_t> agree;
  bool keep = false;
};

Registrar reg_resolve(66, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ResolveArgs>();
  auto* cmd = app.add_subcommand(
      "resolve", "Resolve one disagreement of 'telaah agreement --disagreements' (one undoable action)");
  add_selection(cmd, *a);
  cmd->add_option("--passage", a->passage, "the passage's key from the list (a unique prefix is enough)")->required();
  auto* acc =
      cmd->add_option("--accept", a->accept, "accept this coder's coding: the other coder's becomes a copy of it");
  auto* keep = cmd->add_flag("--keep-both", a->keep, "keep both codings as they are (the passage leaves the list)");
  auto* agr = cmd->add_option("--agree", a->agree, "START,END: both coders get one coding of this span")
                  ->delimiter(',')
                  ->expected(2);
  cmd->add_option("--stance", a->stance, "with --agree: the agreed stance (default neutral)");
  cmd->add_option("--code", a->code, "with --agree: the agreed code when the passage has several");
  cmd->callback([a, &ctx, acc, keep, agr] {
    if ((*acc ? 1 : 0) + (*keep ? 1 : 0) + (*agr ? 1 : 0) != 1)
      throw UserError("give one of --accept CODER, --keep-both or --agree START,END");
    auto p = open_project(a->project);
    analysis::ReviewOptions ro;
    ro.sel = selection(*p, *a);
    ro.include_kept = true;
    const analysis::Disagreement* found = nullptr;
    auto list = analysis::list_disagreements(*p, ro);
    for (const auto& d : list)
      if (!a->passage.empty() && d.key.rfind(a->passage, 0) == 0) {
        if (found) throw UserError("passage key '" + a->passage + "' is ambiguous; give more of it");
        found = &d;
      }
    if (!found)
      throw NotFound("no disagreement with key '" + a->passage +
                     "' for this selection (see 'telaah agreement --disagreements')");
    std::string what;
    if (*acc) {
      if (a->accept != found->coder_a_name && a->accept != found->coder_b_name)
        throw UserError("--accept names one of the two coders: " + found->coder_a_name + " or " + found->coder_b_name);
      analysis::accept_side(*p, *found, a->accept == found->coder_a_name);
      what = "accepted " + a->accept + "'s coding";
    } else if (*keep) {
      analysis::keep_both(*p, *found);
      what = "kept both codings";
    } else {
      analysis::AgreedVersion v;
      v.start = a->agree.at(0);
      v.end = a->agree.at(1);
      v.stance = store::stance_from_string(a->stance);
      if (!a->code.empty()) v.code = p->resolve_code(a->code);
      analysis::set_agreed(*p, *found, v);
      what = "set the agreed version";
    }
    if (ctx.json)
      print_json({{"resolved", found->key}, {"action", what}, {"revision", p->revision()}});
    else
      std::cout << what << " for " << found->code_path << " in '" << found->doc_title
                << "' (undo with 'telaah undo')\n";
  });
});

}  // namespace
}  // namespace telaah::cli
