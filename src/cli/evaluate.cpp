// telaah evaluate: per indicator the suggested and recorded rating, the
// impediments and the overall verdict; records a rating with a justification
// linked to codings, or overrides the verdict with a memo.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "analysis/evaluation.h"
#include "analysis/overrides.h"
#include "cli/cli.h"
#include "store/rating_citations.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

// The justification with a marker [S#ID] for each cited summary cell it does not name yet.
std::string with_summary_markers(std::string text, const std::vector<store::Id>& summaries) {
  for (store::Id s : summaries)
    if (text.find(store::summary_marker(s)) == std::string::npos) text += " " + store::summary_marker(s);
  return text;
}

struct Args {
  std::string project, indicator, rating, justification, evidence, summaries, verdict, memo;
  std::vector<std::string> coders;
  bool clear = false, clear_verdict = false, confirm = false, confirm_verdict = false;
};

std::vector<store::Id> parse_ids(const std::string& list) {
  std::vector<store::Id> out;
  size_t i = 0;
  while (i < list.size()) {
    size_t j = list.find(',', i);
    if (j == std::string::npos) j = list.size();
    std::string item = list.substr(i, j - i);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    if (!item.empty() && item.front() == '#') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(parse_int("--evidence", item));
    i = j + 1;
  }
  return out;
}

nlohmann::json score_json(std::optional<double> x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

nlohmann::json verdict_json(const analysis::VerdictResult& v) {
  return {{"automatic", to_string(v.automatic)},
          {"automatic_id", analysis::to_indonesian(v.automatic)},
          {"score", v.rated ? nlohmann::json(v.score) : nlohmann::json(nullptr)},
          {"coverage", v.coverage},
          {"rated", v.rated},
          {"left_out", v.left_out},
          {"impeded", v.impeded},
          {"reason", v.reason}};
}

int pct(double x) {
  return static_cast<int>(std::floor(x * 100 + 0.5));
}

std::string fmt_value(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", x);
  return b;
}

Registrar reg(72, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("evaluate",
                                 "Ratings per indicator, impediments and the overall verdict; "
                                 "record a rating (--indicator --rating --justification [--evidence]) "
                                 "or override the verdict (--verdict --memo)");
  {
    std::string rule = "\nThe verdict rule (defaults; see 'telaah settings'):\n";
    for (const auto& line : analysis::verdict_rule_text(analysis::EvalSettings{})) rule += "  - " + line + "\n";
    rule +=
        "Ratings and verdicts may be given in English or Indonesian: achieved/tercapai, partially "
        "achieved/sebagian tercapai, not achieved/tidak tercapai, insufficient evidence/bukti tidak cukup; "
        "effective/efektif, fairly effective/cukup efektif, not effective/tidak efektif.";
    cmd->footer(rule);
  }
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--indicator", a->indicator, "the indicator to rate (code path, name or alias)");
  cmd->add_option("--rating", a->rating, "achieved, partially achieved, not achieved or insufficient evidence");
  cmd->add_option("--justification", a->justification, "why (required with --rating)");
  cmd->add_option("--evidence", a->evidence, "coding numbers the justification rests on, e.g. 12,15,40");
  cmd->add_option("--summary", a->summaries,
                  "summary cells the justification cites, e.g. 3,7 (ids from 'telaah summaries P ls --json'); each is "
                  "added to the justification as [S#ID] (a justification may also write the markers itself)");
  cmd->add_flag("--clear", a->clear, "with --indicator: remove the recorded rating");
  cmd->add_option("--verdict", a->verdict, "override the overall verdict: effective, fairly effective, not effective");
  cmd->add_option("--memo", a->memo, "with --verdict: why (required)");
  cmd->add_flag("--clear-verdict", a->clear_verdict, "remove the verdict override");
  cmd->add_flag("--confirm", a->confirm,
                "with --indicator: keep the recorded rating and record the current suggestion under it (clears STALE)");
  cmd->add_flag("--confirm-verdict", a->confirm_verdict,
                "keep the verdict override and record the verdict by the rule now under it (clears STALE)");
  cmd->add_option("--coder", a->coders, "coders whose codings count (default as in 'telaah triangulate')");
  cmd->callback([a, &ctx] {
    text::require_valid_utf8(a->justification, "the justification");
    text::require_valid_utf8(a->memo, "the memo");
    if (!a->rating.empty() && a->indicator.empty()) throw UserError("--rating needs --indicator");
    if (a->clear && a->indicator.empty()) throw UserError("--clear needs --indicator");
    if (a->confirm && a->indicator.empty()) throw UserError("--confirm needs --indicator");
    if (a->clear + a->confirm + !a->rating.empty() > 1)
      throw UserError("give one of --rating, --clear or --confirm with --indicator");
    if (a->clear_verdict + a->confirm_verdict + !a->verdict.empty() > 1)
      throw UserError("give one of --verdict, --clear-verdict or --confirm-verdict");
    if (!a->indicator.empty() && a->rating.empty() && !a->clear && !a->confirm)
      throw UserError("with --indicator give --rating (and --justification), --clear or --confirm");
    const bool writes = !a->indicator.empty() || a->clear_verdict || a->confirm_verdict || !a->verdict.empty();
    auto p = writes ? open_project(a->project) : open_for_reading(a->project);
    if (writes) {
      auto action = p->begin_action("Evaluate");  // a rating and a verdict given together are one undo step
      if (!a->indicator.empty()) {
        const store::Id code = p->resolve_code(a->indicator);
        if (a->clear)
          analysis::clear_evaluation(*p, code);
        else if (a->confirm)
          analysis::confirm_evaluation(*p, code);
        else
          analysis::set_evaluation(*p, code, analysis::rating_from_string(a->rating),
                                   with_summary_markers(a->justification, parse_ids(a->summaries)),
                                   parse_ids(a->evidence));
        action.set_label(a->clear     ? "Remove rating of " + p->code_path(code)
                         : a->confirm ? "Confirm rating of " + p->code_path(code)
                                      : "Rate " + p->code_path(code) + ": " + a->rating);
      }
      if (a->clear_verdict)
        analysis::set_verdict(*p, "", "");
      else if (a->confirm_verdict)
        analysis::confirm_verdict(*p);
      else if (!a->verdict.empty())
        analysis::set_verdict(*p, a->verdict, a->memo);
      if (a->indicator.empty())
        action.set_label(a->clear_verdict     ? "Remove verdict override"
                         : a->confirm_verdict ? "Confirm verdict override"
                                              : "Override verdict: " + a->verdict);
      action.commit();
    }

    auto t = analysis::EvidenceTable::load(*p);
    analysis::Query q;
    q.coders = analysis::resolve_coders(*p, t, a->coders);
    auto m = analysis::triangulate(t, q, analysis::settings_from_project(*p));
    analysis::apply_overrides(m, analysis::load_overrides(*p));
    auto e = analysis::evaluate(*p, t, m);
    if (ctx.json) {
      nlohmann::json ind = nlohmann::json::array(), imp = nlohmann::json::array();
      const auto scored = e.scored();
      for (size_t i = 0; i < e.indicators.size(); ++i) {
        const auto& ie = e.indicators[i];
        nlohmann::json rec = nullptr;
        if (ie.recorded)
          rec = {{"rating", to_string(ie.recorded->rating)}, {"justification", ie.recorded->justification},
                 {"evidence", ie.recorded->evidence},        {"modified", ie.recorded->modified},
                 {"automatic", ie.recorded->automatic},      {"coder", ie.recorded->coder},
                 {"confirmed", ie.recorded->confirmed},      {"stale", ie.stale}};
        if (ie.recorded) {
          nlohmann::json cites = nlohmann::json::array();
          for (const auto& c : store::rating_citations(*p, ie.code_id))
            cites.push_back({{"summary", c.summary}, {"valid", c.valid}});
          rec["summaries"] = cites;
        }
        nlohmann::json imps = nlohmann::json::array();
        for (size_t k : ie.impediments) imps.push_back(e.impediments[k].coding_id);
        ind.push_back({{"code_id", ie.code_id},
                       {"path", ie.path},
                       {"status", to_string(m.rows[i].effective)},
                       {"variable", ie.variable},
                       {"weight", ie.weight},
                       {"rating", to_string(ie.rating())},
                       {"rating_id", analysis::to_indonesian(ie.rating())},
                       {"score", score_json(analysis::indicator_score(scored[i], e.settings))},
                       {"suggested", to_string(ie.suggested.rating)},
                       {"reason", ie.suggested.reason},
                       {"recorded", rec},
                       {"impediments", imps}});
      }
      for (const auto& it : e.impediments) imp.push_back({{"coding", it.coding_id}, {"indicators", it.indicators}});
      const auto& v = e.verdict;
      nlohmann::json verdict = verdict_json(v);
      verdict["effective"] = to_string(v.effective());
      verdict["effective_id"] = analysis::to_indonesian(v.effective());
      verdict["override"] = v.override ? nlohmann::json(to_string(*v.override)) : nlohmann::json(nullptr);
      verdict["memo"] = v.memo;
      verdict["audit"] =
          v.override ? nlohmann::json{{"automatic", v.audit.automatic}, {"coder", v.audit.coder}, {"at", v.audit.at}}
                     : nlohmann::json(nullptr);
      verdict["stale"] = v.stale;
      nlohmann::json vars = nlohmann::json::array(), sens = nlohmann::json::array();
      for (const auto& vv : e.variables) {
        auto j = verdict_json(vv.result);
        j["variable"] = vv.variable;
        j["indicators"] = vv.indicators.size();
        vars.push_back(j);
      }
      for (const auto& r : e.sensitivity)
        sens.push_back({{"setting", r.key},
                        {"value", r.as_set ? nlohmann::json(nullptr) : nlohmann::json(r.value)},
                        {"score", r.score},
                        {"coverage", r.coverage},
                        {"verdict", to_string(r.verdict)},
                        {"verdict_id", analysis::to_indonesian(r.verdict)},
                        {"changed", r.changed}});
      const auto& st = e.settings;
      return print_json({{"indicators", ind},
                         {"impediments", imp},
                         {"verdict", verdict},
                         {"variables", vars},
                         {"sensitivity", sens},
                         {"rule",
                          {{"min_coverage", st.min_coverage},
                           {"impediment_penalty", st.impediment_penalty},
                           {"effective", st.effective},
                           {"fairly", st.fairly},
                           {"insufficient", st.insufficient_counts_as_not_achieved ? "not achieved" : "exclude"},
                           {"text", analysis::verdict_rule_text(st)}}},
                         {"revision", p->revision()}});
    }
    for (size_t i = 0; i < e.indicators.size(); ++i) {
      const auto& ie = e.indicators[i];
      std::cout << ie.path << "  [" << to_string(m.rows[i].effective) << "]\n";
      std::cout << "  rating: " << to_string(ie.rating()) << (ie.recorded ? " (recorded)" : " (suggested)") << " / "
                << analysis::to_indonesian(ie.rating());
      if (ie.stale)
        std::cout << "  STALE: suggested " << ie.recorded->automatic << " when rated by " << ie.recorded->coder << " ("
                  << ie.recorded->confirmed << "); 'evaluate --indicator I --confirm' keeps it";
      if (ie.weight != 1) std::cout << ", weight " << ie.weight;
      std::cout << "\n";
      if (ie.recorded) {
        std::cout << "  justification: " << ie.recorded->justification << "\n";
        if (!ie.recorded->evidence.empty()) {
          std::cout << "  evidence:";
          for (auto id : ie.recorded->evidence) std::cout << " #" << id;
          std::cout << "\n";
        }
        if (const auto cites = store::rating_citations(*p, ie.code_id); !cites.empty()) {
          std::cout << "  summaries:";
          for (const auto& c : cites)
            std::cout << " " << store::summary_marker(c.summary)
                      << (c.valid ? "" : " (broken: the summary cell is gone)");
          std::cout << "\n";
        }
      }
      std::cout << "  suggested: " << analysis::both_languages(ie.suggested.rating) << " — " << ie.suggested.reason
                << "\n";
      if (!ie.impediments.empty()) {
        std::cout << "  impediments:";
        for (size_t k : ie.impediments) std::cout << " #" << e.impediments[k].coding_id;
        std::cout << "\n";
      }
    }
    const auto& v = e.verdict;
    std::cout << "\n" << e.impediments.size() << " impediment codings\n\nper variable:\n";
    for (const auto& vv : e.variables)
      std::cout << "  " << (vv.variable.empty() ? "(no variable)" : vv.variable) << ": "
                << analysis::both_languages(vv.result.automatic) << " — " << vv.result.reason << "\n";
    std::cout << "\nverdict: " << analysis::both_languages(v.effective());
    if (v.override)
      std::cout << " — researcher's override (rule: " << analysis::both_languages(v.automatic) << "): " << v.memo
                << (v.stale ? "\n  STALE: the rule gave " + v.audit.automatic + " when " + v.audit.coder +
                                  " overrode it (" + v.audit.at + "); '--confirm-verdict' keeps it"
                            : "");
    else
      std::cout << " — " << v.reason;
    std::cout << "\n\nsensitivity (the verdict with one setting moved):\n";
    for (const auto& r : e.sensitivity) {
      char line[160];
      std::snprintf(line, sizeof line, "  %-32s %6s  score %3d%%  coverage %3d%%  ",
                    r.as_set ? "as set" : r.key.c_str(), r.as_set ? "" : fmt_value(r.value).c_str(), pct(r.score),
                    pct(r.coverage));
      std::cout << line << analysis::both_languages(r.verdict) << (r.changed ? "  <- changes" : "") << "\n";
    }
  });
});

}  // namespace
}  // namespace telaah::cli
