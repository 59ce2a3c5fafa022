// telaah triangulate: the indicator x source-type (or attribute) matrix with
// convergence labels and statuses; telaah override: a researcher's override
// of a label or a status, with a memo.
#include <iostream>

#include "analysis/judgement.h"
#include "analysis/overrides.h"
#include "analysis/triangulation.h"
#include "cli/cli.h"
#include "cli/set_option.h"
#include "exchange/report_matrix.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct TriArgs {
  std::string project, by = "type", from, to, format = "table", case_name, set;
  std::vector<std::string> coders;
  bool all_codes = false, subcodes = false, by_case = false;
};

Registrar reg_tri(70, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<TriArgs>();
  auto* cmd = app.add_subcommand("triangulate",
                                 "The triangulation matrix: per indicator and source type (or attribute) the evidence, "
                                 "the convergence label of every pair and the indicator's status");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--by", a->by,
                  "columns: type (default), year, language, author, or a document attribute (outlet, role, ...)");
  cmd->add_option("--coder", a->coders,
                  "count this coder's codings (repeat or comma-separate; 'all' for every coder; "
                  "default: setting triangulation.coders, which is 'all' unless set; the same passage "
                  "coded by several counted coders, or at an indicator and its sub-codes, counts once)");
  cmd->add_option("--from", a->from, "only documents dated from (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--to", a->to, "only documents dated up to (inclusive)");
  cmd->add_option("--set", a->set,
                  std::string(kSetHelp) +
                      "; the other documents are left out of the matrix (not counted as "
                      "unassigned)");
  cmd->add_option("--format", a->format, "table (default), csv, json or md")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_flag("--all-codes", a->all_codes, "rows for every code outside the indicators too (e.g. Impediment)");
  cmd->add_flag("--subcodes", a->subcodes, "a row per sub-code under each indicator");
  cmd->add_option("--case", a->case_name,
                  "only the evidence of this case (indicator x source type within the case; see 'telaah cases')");
  cmd->add_flag("--by-case", a->by_case,
                "columns: the cases (indicator x case); a coding counts in a case when its document is in the case, "
                "or at least half of it lies in a part of the document assigned to the case");
  cmd->footer(
      "Cells count evidence units: codings of one indicator (the indicator or its sub-codes, by any counted coder) "
      "in one document that overlap by at least triangulation.same_passage (0.5) of the shorter span are one "
      "passage and count once. Documents recorded as near-duplicates (telaah duplicates) count as one document "
      "when triangulation.duplicates is once (the default): the copy with the most evidence units for the "
      "indicator stands for the group. Settings: telaah settings P.");
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    auto t = analysis::EvidenceTable::load(*p);
    analysis::Query q;
    q.by = a->by;
    q.from = a->from;
    q.to = a->to;
    q.all_codes = a->all_codes;
    q.subcodes = a->subcodes;
    q.docs = set_members(*p, a->set);
    q.coders = analysis::resolve_coders(*p, t, a->coders);
    if (a->by_case && !a->case_name.empty()) throw UserError("give --case NAME or --by-case, not both");
    if (a->by_case && a->by != "type") throw UserError("--by-case makes the cases the columns; leave out --by");
    analysis::Matrix m;
    if (a->by_case) {
      auto cs = store::cases(*p);
      if (cs.empty()) throw UserError("this project has no cases yet (telaah cases P add NAME)");
      m = analysis::triangulate_by_case(t, cs, q, analysis::settings_from_project(*p));
    } else if (!a->case_name.empty()) {
      m = analysis::triangulate_case(t, store::find_case(*p, a->case_name), q, analysis::settings_from_project(*p));
    } else {
      m = analysis::triangulate(t, q, analysis::settings_from_project(*p));
    }
    analysis::apply_overrides(m, analysis::load_overrides(*p));
    const std::string format = ctx.json ? "json" : a->format;
    if (format == "json") return print_json(exchange::matrix_json(m));
    if (format == "csv") {
      std::cout << exchange::matrix_csv(m);
      return;
    }
    if (format == "md") {
      std::cout << exchange::matrix_markdown(m);
      return;
    }
    std::cout << "columns: " << m.columns.dimension << "; coders: " << analysis::describe_coders(q.coders)
              << "; k=" << m.settings.k << " m=" << m.settings.m << " prominence=" << m.settings.prominence << " by "
              << to_string(m.settings.unit);
    if (!q.from.empty() || !q.to.empty())
      std::cout << "; dated " << (q.from.empty() ? "…" : q.from) << " to " << (q.to.empty() ? "…" : q.to);
    if (q.docs) std::cout << "; set " << a->set << " (" << q.docs->size() << " documents)";
    std::cout << "\n";
    if (m.raw_codings > m.codings)
      std::cout << m.raw_codings << " codings are " << m.codings << " passages: " << m.raw_codings - m.codings
                << " repeat a passage already counted (another coder or a sub-code)\n";
    std::cout << "\n" << exchange::matrix_table(m);
    if (m.unassigned)
      std::cout << m.unassigned << " codings are in documents without a value for " << m.columns.dimension
                << " and are not counted\n";
  });
});

struct OverrideArgs {
  std::string project, indicator, pair, label, memo, by = "type", coder;
  bool clear = false, confirm = false;
};

Registrar reg_override(71, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<OverrideArgs>();
  auto* cmd = app.add_subcommand("override",
                                 "Override a convergence label (--pair A,B) or an indicator's status, with a memo; "
                                 "undo with 'telaah undo'");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--indicator", a->indicator, "the indicator (code path, name or alias)")->required();
  cmd->add_option("--pair", a->pair, "two columns, e.g. interview,news; without it the status is overridden");
  cmd->add_option("--label", a->label,
                  "agreement, partial agreement, silence, dissonance; or for a status: "
                  "triangulated, divergent, single-source, insufficient, gap");
  cmd->add_option("--memo", a->memo, "why (required)");
  cmd->add_option("--by", a->by, "the column dimension the override belongs to (default: type)");
  cmd->add_flag("--clear", a->clear, "remove the override instead");
  cmd->add_flag("--confirm", a->confirm,
                "keep the override and record the current automatic value under it (clears 'stale')");
  cmd->add_option("--coder", a->coder, "who makes the judgement (default: the project's default coder, else $USER)");
  cmd->footer(
      "Each override records the automatic value it replaced, the coder and the time. When later evidence or a "
      "setting changes the automatic value, triangulate flags the override as stale until it is confirmed "
      "(--confirm) or removed (--clear).");
  cmd->callback([a, &ctx] {
    text::require_valid_utf8(a->memo, "the memo");
    std::string col_a, col_b;
    if (!a->pair.empty()) {
      auto comma = a->pair.find(',');
      if (comma == std::string::npos)
        throw UserError("--pair needs two columns separated by a comma, e.g. interview,news");
      col_a = a->pair.substr(0, comma);
      col_b = a->pair.substr(comma + 1);
    }
    if (a->clear && a->confirm) throw UserError("give --clear or --confirm, not both");
    if (!a->clear && !a->confirm && a->label.empty())
      throw UserError("give --label (and --memo), --confirm or --clear");
    auto p = open_project(a->project, a->coder);
    const store::Id code = p->resolve_code(a->indicator);
    if (a->clear) {
      analysis::clear_override(*p, code, a->by, col_a, col_b);
      if (ctx.json)
        print_json({{"cleared", true}, {"revision", p->revision()}});
      else
        std::cout << "removed the override of " << p->code_path(code)
                  << (a->pair.empty() ? " (status)" : " (" + a->pair + ")") << "\n";
      return;
    }
    auto t = analysis::EvidenceTable::load(*p);
    if (a->confirm) {
      analysis::confirm_override(*p, t, code, a->by, col_a, col_b);
      const std::string now =
          analysis::automatic_value(*p, t, code, a->by == "source_type" ? "type" : a->by, col_a, col_b);
      if (ctx.json)
        print_json({{"confirmed", true}, {"automatic", now}, {"revision", p->revision()}});
      else
        std::cout << "confirmed the override of " << p->code_path(code)
                  << (a->pair.empty() ? " (status)" : " (" + a->pair + ")") << "; automatic value now " << now << "\n";
      return;
    }
    store::Id id = analysis::set_override(*p, t, code, a->by, col_a, col_b, a->label, a->memo);
    if (ctx.json)
      print_json({{"override", id}, {"revision", p->revision()}});
    else
      std::cout << "override #" << id << ": " << p->code_path(code)
                << (a->pair.empty() ? " status" : " " + col_a + "–" + col_b) << " = " << a->label << "\n";
  });
});

}  // namespace
}  // namespace telaah::cli
