// The report's layout as blocks, in its language (see report_doc.h).
#include "exchange/report_doc.h"

#include <cmath>

#include "exchange/report_matrix.h"

namespace telaah::exchange {

using namespace analysis;

std::string text_of(const std::vector<Run>& runs) {
  std::string s;
  for (const auto& r : runs) s += r.text;
  return s;
}

namespace {

class Builder {
 public:
  explicit Builder(const ReportData& r) : r_(r), l_(r.lang) {}

  std::vector<Block> build() {
    front_page();
    method();
    inventory();
    agreement();
    overview();
    matrix();
    findings();
    impediments();
    judgement_report_blocks(r_, out_);  // impediment findings (end of 7), 8 summary grid, 9 cases
    verdict();
    audit();
    return std::move(out_);
  }

 private:
  std::string t(T k) const { return tr(l_, k); }

  Block& add(Block::Kind k) {
    out_.emplace_back();
    out_.back().kind = k;
    return out_.back();
  }
  void heading(const std::string& text, int level, bool page_break = false, const std::string& anchor = "") {
    auto& b = add(Block::Kind::heading);
    b.level = level;
    b.page_break = page_break;
    b.anchor = anchor;
    b.runs = {{text}};
  }
  void para(std::vector<Run> runs, Block::Kind k = Block::Kind::paragraph, const std::string& css = "") {
    auto& b = add(k);
    b.runs = std::move(runs);
    b.css = css;
  }
  void note(const std::string& text) { para({{text}}, Block::Kind::note); }
  void table(std::vector<std::vector<std::string>> rows, bool header = true) {
    auto& b = add(Block::Kind::table);
    b.rows = std::move(rows);
    b.header = header;
  }
  void bullets(std::vector<std::string> items) {
    if (items.empty()) return;
    auto& b = add(Block::Kind::bullets);
    b.items = std::move(items);
  }

  std::string rating_with_origin(const IndicatorEvaluation& ie) const {
    return label(l_, ie.rating()) + " (" + (ie.recorded ? t(T::researcher) : t(T::suggested)) + ")";
  }

  std::string status_line(const Row& row) const {
    std::string s = label(l_, row.effective);
    if (row.status_override) {
      s += " (" + t(T::override) + "; " + t(T::automatic) + ": " + label(l_, row.automatic);
      if (row.status_override->stale)
        s += "; " + t(T::stale) + ": " + stored_label(l_, row.status_override->automatic_then) + " → " +
             label(l_, row.automatic);
      s += ")";
    } else if (row.effective != row.automatic)
      s += " (" + t(T::from_overridden) + "; " + t(T::automatic) + ": " + label(l_, row.automatic) + ")";
    return s;
  }

  std::string pair_line(const Pair& p) const {
    std::string s = label(l_, p.effective);
    if (p.override) {
      s += " (" + t(T::override) + "; " + t(T::automatic) + ": " + label(l_, p.automatic);
      if (p.override->stale)
        s += "; " + t(T::stale) + ": " + stored_label(l_, p.override->automatic_then) + " → " + label(l_, p.automatic);
      s += ")";
    }
    return s;
  }

  std::string cell_line(const Cell& c) const {
    if (!c.has_evidence()) return "—";
    return std::to_string(c.codings) + " / " + std::to_string(c.documents) + " (" + std::to_string(c.supports) + "-" +
           std::to_string(c.contradicts) + "-" + std::to_string(c.neutral) + ")";
  }

  void quote(const Quote& q) {
    auto& b = add(Block::Kind::quote);
    b.css = q.stance;
    b.anchor = q.coding_id ? "c" + std::to_string(q.coding_id) : "";
    b.runs = {{"“" + q.text + "”"}};
    std::string c = q.citation;
    if (!q.stance.empty()) c += " · " + stance_label(l_, q.stance);
    if (!q.code.empty()) c += " · " + q.code;
    if (!q.coder.empty()) c += " · " + t(T::coder) + " " + q.coder;
    if (q.coding_id) c += " · #" + std::to_string(q.coding_id);
    if (!q.memo.empty()) c += " · " + t(T::memo) + ": " + q.memo;
    b.cite = c;
  }

  // --- the first page ---
  void front_page() {
    auto& b = add(Block::Kind::title);
    b.runs = {{r_.title.empty() ? t(T::untitled) : r_.title}};
    note(t(T::report));
    const auto& meta = r_.meta;
    auto or_unset = [&](const std::string& s) { return s.empty() ? t(T::not_set) : s; };
    table({{t(T::question), or_unset(meta.question)},
           {t(T::period), or_unset(meta.period)},
           {t(T::framework), or_unset(meta.citation)},
           {t(T::generated), format_date(l_, r_.generated)},
           {t(T::source), r_.project_file + " (" + t(T::revision) + " " + std::to_string(r_.method.revision) + ")"}},
          false);
    const auto& v = r_.evaluation.verdict;
    std::vector<Run> runs = {{t(T::overall_verdict) + ": "}, {label(l_, v.effective()), true}};
    if (v.override)
      runs.push_back({" — " + t(T::researchers_verdict) + "; " + t(T::by_the_rule) + ": " + label(l_, v.automatic) +
                      (v.stale ? " (" + t(T::stale) + ")" : "") + ". " + v.memo});
    else
      runs.push_back({" — " + verdict_reason(l_, v, r_.evaluation.settings) + "."});
    para(std::move(runs), Block::Kind::verdict);
  }

  // Whether code suggestions were used, and how many codings came from them.
  std::string suggestions_line(const MethodFacts& f) const {
    const std::string n = std::to_string(f.suggestion_codings);
    if (!f.suggestions_enabled)
      return f.suggestion_codings ? fmt(l_, T::suggestions_off_used, {n, f.suggestions_coder}) : t(T::suggestions_off);
    return f.suggestion_codings ? fmt(l_, T::suggestions_used, {n, f.suggestions_coder}) : t(T::suggestions_unused);
  }

  // --- 1. method ---
  void method() {
    heading(t(T::sec_method), 1, true);
    const auto& f = r_.method;
    std::string docs = std::to_string(f.documents) + " " + t(T::documents);
    for (const auto& [type, n] : f.documents_by_type) docs += "; " + type + " " + std::to_string(n);
    bullets({t(T::coders) + ": " + coder_rule(l_, r_.matrix.query.coders), docs,
             t(T::codings) + ": " + std::to_string(f.codings_total) + " → " + std::to_string(f.codings_counted) + " " +
                 t(T::pu_passages),
             f.date_filter.empty() ? t(T::period) + ": " + (r_.meta.period.empty() ? t(T::not_set) : r_.meta.period)
                                   : t(T::date) + ": " + f.date_filter,
             suggestions_line(f)});
    heading(t(T::rules), 2);
    auto rules = method_statement(l_, r_.matrix, r_.evaluation.settings);
    rules.push_back(t(T::ms_judgement));  // which judgement sections show, and when (report_judgement.cpp)
    bullets(std::move(rules));
    heading(t(T::settings_in_force), 2);
    std::vector<std::vector<std::string>> rows = {{t(T::setting), t(T::value), t(T::default_value), t(T::meaning)}};
    for (const auto& s : r_.settings) rows.push_back({s.key, s.value, s.default_value, s.meaning});
    table(std::move(rows));
  }

  // --- 2. documents ---
  void inventory() {
    heading(t(T::sec_documents), 1);
    if (r_.inventory.empty()) {
      note(t(T::no_documents));
      return;
    }
    std::vector<std::vector<std::string>> rows = {
        {"#", t(T::title), t(T::type), t(T::date), t(T::author), t(T::informant), t(T::role), t(T::pseudonymised)}};
    for (const auto& d : r_.inventory)
      rows.push_back({std::to_string(d.id), d.title, d.type, format_date(l_, d.date), d.author, d.informant, d.role,
                      d.pseudonymised ? t(T::yes) : ""});
    table(std::move(rows));
  }

  // --- 3. agreement ---
  void agreement() {
    heading(t(T::sec_agreement), 1);
    const auto& a = r_.agreement;
    if (!a.error.empty()) {
      note(a.error);
      return;
    }
    if (a.coders.size() < 2) {
      note(t(T::one_coder));
      return;
    }
    std::string coders;
    for (const auto& c : a.coders) coders += (coders.empty() ? "" : ", ") + c;
    bullets({t(T::coders) + ": " + coders,
             t(T::subset) + ": " + fmt(l_, T::agreement_subset, {std::to_string(a.documents)}),
             t(T::unit) + ": " + t(T::unit_segment)});
    std::vector<std::vector<std::string>> rows = {
        {t(T::code), t(T::pair), t(T::percent), t(T::kappa), t(T::alpha), t(T::stance_alpha)}};
    for (const auto& row : a.rows)
      rows.push_back({row.code.empty() ? t(T::overall_row) : row.code,
                      row.pair.empty() ? t(T::all_coders_row) : row.pair,
                      std::isfinite(row.percent) ? format_percent(row.percent) : t(T::na), format_stat(l_, row.kappa),
                      format_stat(l_, row.alpha),
                      format_stat(l_, row.stance_alpha) + " (" + std::to_string(row.stance_units) + ")"});
    table(std::move(rows));
    note(t(T::na_note));
  }

  // --- 4. indicators at a glance ---
  void overview() {
    heading(t(T::sec_overview), 1);
    std::vector<std::vector<std::string>> rows = {
        {t(T::variable), t(T::indicator), t(T::definition), t(T::triangulation), t(T::rating)}};
    for (const auto& s : r_.indicators) {
      const Row& row = r_.matrix.rows[s.index];
      rows.push_back({s.variable, s.name, s.definition, label(l_, row.effective) + (row.overridden() ? " *" : ""),
                      rating_with_origin(r_.evaluation.indicators[s.index])});
    }
    table(std::move(rows));
  }

  // --- 5. matrix ---
  void matrix() {
    const Matrix& m = r_.matrix;
    heading(t(T::sec_matrix), 1);
    auto& fig = add(Block::Kind::figure);
    fig.svg = matrix_svg(m, [&](const std::string& en) { return svg_text(en); });
    std::vector<std::string> head = {t(T::indicator)};
    for (const auto& c : m.columns.labels) head.push_back(c);
    head.push_back(t(T::status));
    std::vector<std::vector<std::string>> rows = {head};
    for (const auto& row : m.rows) {
      std::vector<std::string> line = {row.path};
      for (const auto& c : row.cells) line.push_back(cell_line(c));
      line.push_back(label(l_, row.effective) + (row.overridden() ? " *" : ""));
      rows.push_back(std::move(line));
    }
    table(std::move(rows));
    note(t(T::matrix_caption));
    if (!m.rows.empty() && !m.rows.front().pairs.empty()) {
      std::vector<std::string> h = {t(T::indicator)};
      for (const auto& p : m.rows.front().pairs) h.push_back(pair_name(m, p));
      std::vector<std::vector<std::string>> pr = {h};
      for (const auto& row : m.rows) {
        std::vector<std::string> line = {row.path};
        for (const auto& p : row.pairs)
          line.push_back(p.effective == Convergence::none && !p.override ? "—" : pair_line(p));
        pr.push_back(std::move(line));
      }
      table(std::move(pr));
    }
  }

  std::string svg_text(const std::string& en) const {
    if (en == "status") return t(T::status);
    if (en == "net supports") return t(T::svg_supports);
    if (en == "net contradicts") return t(T::svg_contradicts);
    if (en == "neutral or tied") return t(T::svg_neutral);
    if (en == "legend") return t(T::matrix_caption) + "; " + t(T::svg_note);
    if (en == "title") return t(T::sec_matrix).substr(3);
    return stored_label(l_, en);
  }

  // --- 6. per indicator ---
  void findings() {
    const Matrix& m = r_.matrix;
    const Evaluation& e = r_.evaluation;
    heading(t(T::sec_findings), 1, true);
    bool first = true;
    for (const auto& s : r_.indicators) {
      const Row& row = m.rows[s.index];
      const auto& ie = e.indicators[s.index];
      // Each indicator on a new page (the first follows the section heading).
      heading((s.variable.empty() ? "" : s.variable + " / ") + s.name, 2, !first, "i" + std::to_string(row.code_id));
      first = false;
      if (!s.definition.empty()) para({{s.definition, false, true}});
      para({{t(T::triangulation) + ": "}, {status_line(row), true}}, Block::Kind::paragraph,
           row.stale() ? "stale" : "");
      std::vector<std::string> pairs;
      for (const auto& p : row.pairs)
        if (p.effective != Convergence::none || p.override) pairs.push_back(pair_name(m, p) + ": " + pair_line(p));
      if (!pairs.empty()) {
        heading(t(T::labels_between), 3);
        bullets(std::move(pairs));
      }
      if (!s.subcodes.empty()) {
        heading(t(T::subcodes), 3);
        std::vector<std::string> head = {t(T::code)};
        for (const auto& c : m.columns.labels) head.push_back(c);
        head.push_back(t(T::status));
        std::vector<std::vector<std::string>> rows = {head};
        for (const auto& sub : s.subcodes) {
          std::vector<std::string> line = {sub.path};
          for (const auto& c : sub.cells) line.push_back(cell_line(c));
          line.push_back(label(l_, sub.automatic));
          rows.push_back(std::move(line));
        }
        table(std::move(rows));
      }
      para({{t(T::rating) + ": "},
            {label(l_, ie.rating()), true},
            {" (" +
             (ie.recorded ? t(T::researcher) + "; " + t(T::suggested) + ": " + label(l_, ie.suggested.rating)
                          : t(T::suggested)) +
             (ie.stale ? "; " + t(T::stale) : "") + ")"}},
           Block::Kind::paragraph, ie.stale ? "stale" : "");
      if (ie.recorded) para({{t(T::justification) + ": ", true}, {ie.recorded->justification}});
      if (ie.recorded) judgement_rating_blocks(r_, s, out_);  // the summary cells it cites
      note(t(T::evidence_suggests) + ": " + label(l_, ie.suggested.rating) + " — " +
           suggestion_reason(l_, row, e.settings) + ".");
      if (!s.linked_evidence.empty()) {
        heading(t(T::cited), 3);
        for (const auto& q : s.linked_evidence) quote(q);
      }
      judgement_indicator_blocks(r_, s, out_);  // summary cells, impediment findings, typed links
      heading(t(T::evidence), 3);
      note(t(T::negative_first));
      for (const auto& c : s.columns) {
        para({{c.column + " · ", true}, {cell_line(c.cell)}});
        if (c.quotes.empty()) note(t(T::no_evidence));
        for (const auto& q : c.quotes) quote(q);
        if (c.omitted) note(fmt(l_, T::more_codings, {std::to_string(c.omitted)}));
      }
      if (!s.impediments.empty()) {
        heading(t(T::linked_impediments), 3);
        for (const auto& q : s.impediments) quote(q);
      }
    }
  }

  // --- 7. impediments ---
  void impediments() {
    heading(t(T::sec_impediments), 1, true);
    if (r_.impediments.empty()) note(t(T::no_impediments));
    for (const auto& i : r_.impediments) {
      quote(i.quote);
      if (i.indicators.empty())
        note(t(T::cross_cutting));
      else {
        std::string names;
        for (const auto& n : i.indicators) names += (names.empty() ? "" : ", ") + n;
        note(t(T::bears_on) + ": " + names);
      }
    }
  }

  // --- 10. verdict ---
  void verdict() {
    const Evaluation& e = r_.evaluation;
    const auto& v = e.verdict;
    heading(t(T::sec_verdict), 1, true);
    para({{t(T::by_the_rule) + ": "},
          {label(l_, v.automatic), true},
          {" — " + verdict_reason(l_, v, e.settings) + "."}});
    if (v.override)
      para({{t(T::researchers_verdict) + ": "},
            {label(l_, *v.override), true},
            {(v.stale ? " (" + t(T::stale) + ")" : "") + " — " + v.memo}},
           Block::Kind::paragraph, v.stale ? "stale" : "");
    heading(t(T::per_variable), 2);
    std::vector<std::vector<std::string>> rows = {
        {t(T::variable), t(T::indicator), t(T::coverage), t(T::score), t(T::verdict)}};
    for (const auto& vv : e.variables)
      rows.push_back({vv.variable.empty() ? t(T::no_variable) : vv.variable, std::to_string(vv.indicators.size()),
                      format_percent(vv.result.coverage), vv.result.rated ? format_percent(vv.result.score) : t(T::na),
                      label(l_, vv.result.automatic)});
    table(std::move(rows));
    heading(t(T::sensitivity), 2);
    note(t(T::sensitivity_note));
    std::vector<std::vector<std::string>> sens = {
        {t(T::setting), t(T::value), t(T::coverage), t(T::score), t(T::verdict)}};
    for (const auto& s : e.sensitivity)
      sens.push_back({s.as_set ? t(T::as_set) : s.key, s.as_set ? "" : format_number(l_, s.value),
                      format_percent(s.coverage), format_percent(s.score),
                      label(l_, s.verdict) + (s.changed ? " ◀" : "")});
    table(std::move(sens));
  }

  // --- 11. audit trail ---
  void audit() {
    heading(t(T::sec_audit), 1, true);
    if (r_.audit.empty()) {
      note(t(T::no_audit));
      return;
    }
    std::vector<std::vector<std::string>> rows = {
        {t(T::what), t(T::indicator), t(T::value), t(T::automatic), t(T::current), t(T::who), t(T::when), t(T::memo)}};
    for (const auto& a : r_.audit) {
      using K = AuditEntry::Kind;
      const T what = a.kind == K::status   ? T::audit_status
                     : a.kind == K::pair   ? T::audit_pair
                     : a.kind == K::rating ? T::audit_rating
                                           : T::audit_verdict;
      rows.push_back({tr(l_, what) + (a.stale ? " — " + t(T::stale) : ""), a.target.empty() ? "—" : a.target,
                      stored_label(l_, a.value), a.automatic_then.empty() ? "—" : stored_label(l_, a.automatic_then),
                      stored_label(l_, a.automatic_now), a.coder, format_date(l_, a.at), a.memo});
    }
    table(std::move(rows));
    note(t(T::audit_note));
  }

  const ReportData& r_;
  Lang l_;
  std::vector<Block> out_;
};

}  // namespace

std::vector<Block> report_blocks(const ReportData& r) {
  return Builder(r).build();
}

}  // namespace telaah::exchange
