// The evaluation report as one self-contained HTML file: inline CSS, the
// matrix as inline SVG, no scripts, no external resources; @media print
// rules so that it prints (or saves as PDF) cleanly on A4.
#include <sstream>

#include "exchange/report.h"
#include "exchange/report_matrix.h"

namespace telaah::exchange {

using namespace analysis;

namespace {

const char* kCss = R"CSS(
:root { --ink:#1f2328; --muted:#5b6169; --line:#d8dce0; --soft:#f5f7f9; --sup:#3d8b3d; --con:#c8453c; --neu:#8c8c8c; }
* { box-sizing: border-box; }
body { font: 15px/1.55 "DejaVu Sans", "Noto Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
  max-width: 980px; margin: 2rem auto; padding: 0 1.5rem; background: #fff; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.12rem; margin: 1.8rem 0 .5rem; }
h4 { font-size: .98rem; margin: 1.1rem 0 .4rem; color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; }
.verdict { margin: 1.4rem 0; padding: 1rem 1.2rem; border-left: 6px solid #2e7d32; background: var(--soft); font-size: 1.1rem; }
.verdict small { display: block; color: var(--muted); font-size: .85rem; margin-top: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
.badge { display: inline-block; padding: .05rem .55rem; border-radius: 1rem; color: #fff; font-size: .8rem; white-space: nowrap; }
.triangulated { background: #2e7d32; } .divergent { background: #c62828; } .single-source { background: #ef8f00; }
.insufficient { background: #9e7c00; } .gap { background: #757575; }
.override { font-style: italic; color: var(--muted); font-size: .85rem; }
.matrix { max-width: 100%; height: auto; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: .9rem; }
.column { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .7rem; }
.column h4 { margin-top: .2rem; }
blockquote { margin: .5rem 0; padding: .3rem .6rem; border-left: 4px solid var(--neu); background: var(--soft); }
blockquote.supports { border-left-color: var(--sup); } blockquote.contradicts { border-left-color: var(--con); }
blockquote p { margin: 0; }
cite { display: block; font-style: normal; color: var(--muted); font-size: .8rem; margin-top: .2rem; }
.rating { margin: .4rem 0; }
.none { color: var(--muted); font-style: italic; }
ul.notes li { margin-bottom: .3rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; } h3, h4 { break-after: avoid; }
  section.indicator { break-before: page; }
  h2 + section.indicator { break-before: auto; }  /* keep the first one with its heading */
  .columns { grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: .5rem; }
  .column { break-inside: auto; padding: .3rem .4rem; }  /* a long column continues on the next page */
  blockquote, tr, svg { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

std::string esc(const std::string& s) {
  return escape_xml(s);
}

std::string badge(Status s) {
  std::string n = to_string(s);
  return "<span class=\"badge " + n + "\">" + n + "</span>";
}

std::string quote_html(const Quote& q) {
  std::ostringstream o;
  o << "<blockquote class=\"" << esc(q.stance) << "\""
    << (q.coding_id ? " id=\"c" + std::to_string(q.coding_id) + "\"" : "") << "><p>“" << esc(q.text) << "”</p><cite>"
    << esc(q.citation);
  if (!q.stance.empty()) o << " · " << esc(q.stance);
  if (!q.code.empty()) o << " · " << esc(q.code);
  if (!q.coder.empty()) o << " · coder " << esc(q.coder);
  if (q.coding_id) o << " · #" << q.coding_id;
  if (!q.memo.empty()) o << "<br>memo: " << esc(q.memo);
  o << "</cite></blockquote>\n";
  return o.str();
}

std::string status_html(const Row& r) {
  std::string s = badge(r.effective);
  if (r.status_override)
    s += " <span class=\"override\">override (automatic: " + std::string(to_string(r.automatic)) + ") — " +
         esc(r.status_override->memo) + "</span>" +
         (r.status_override->stale ? " <b class=\"stale\">stale: the automatic value was " +
                                         esc(r.status_override->automatic_then) + " when the override was made</b>"
                                   : "");
  else if (r.effective != r.automatic)
    s += " <span class=\"override\">from overridden labels (automatic: " + std::string(to_string(r.automatic)) +
         ")</span>";
  return s;
}

}  // namespace

std::string render_html(const ReportData& r) {
  const Matrix& m = r.matrix;
  const Evaluation& e = r.evaluation;
  const auto& v = e.verdict;
  const std::string dim = m.columns.dimension == "type" ? "source type" : m.columns.dimension;
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<meta name=\"generator\" content=\"Telaah\">\n<title>Evaluation report: " << esc(r.title) << "</title>\n<style>"
    << kCss << "</style>\n</head>\n<body>\n";
  o << "<header><h1>Evaluation report: " << esc(r.title) << "</h1>\n<p class=\"meta\">Generated " << esc(r.generated)
    << " by Telaah from <code>" << esc(r.project_file) << "</code> (revision " << r.method.revision
    << ").</p></header>\n";
  o << "<div class=\"verdict\">Overall verdict: <b>" << to_string(v.effective()) << "</b> (<i>"
    << to_indonesian(v.effective()) << "</i>)<small>";
  if (v.override)
    o << "Researcher's verdict; by the rule: " << to_string(v.automatic) << ". " << esc(v.memo);
  else
    o << esc(v.reason) << ".";
  o << "</small></div>\n";

  // 1. framework
  o << "<h2>1. The evaluation framework</h2>\n<table>\n<tr><th>variable</th><th>indicator</th><th>definition</th>"
       "<th>triangulation</th><th>rating</th></tr>\n";
  for (const auto& s : r.indicators) {
    const auto& ie = e.indicators[s.index];
    o << "<tr><td>" << esc(s.variable) << "</td><td><a href=\"#i" << m.rows[s.index].code_id << "\">" << esc(s.name)
      << "</a></td><td>" << esc(s.definition) << "</td><td>" << badge(m.rows[s.index].effective)
      << (m.rows[s.index].overridden() ? " *" : "") << "</td><td>" << esc(both_languages(ie.rating()))
      << (ie.recorded ? "" : " <span class=\"override\">(suggested)</span>") << "</td></tr>\n";
  }
  o << "</table>\n";

  // 2. matrix
  o << "<h2>2. Triangulation matrix by " << esc(dim) << "</h2>\n" << matrix_svg(m);
  if (!m.rows.empty() && !m.rows.front().pairs.empty()) {
    o << "<table>\n<tr><th>indicator</th>";
    for (const auto& p : m.rows.front().pairs) o << "<th>" << esc(pair_name(m, p)) << "</th>";
    o << "</tr>\n";
    for (const auto& row : m.rows) {
      o << "<tr><td>" << esc(row.path) << "</td>";
      for (const auto& p : row.pairs) o << "<td>" << esc(label_text(p)) << "</td>";
      o << "</tr>\n";
    }
    o << "</table>\n";
  }

  // 3. per indicator
  o << "<h2>3. Findings per indicator</h2>\n";
  for (const auto& s : r.indicators) {
    const Row& row = m.rows[s.index];
    const auto& ie = e.indicators[s.index];
    o << "<section class=\"indicator\" id=\"i" << row.code_id << "\">\n<h3>"
      << esc(s.variable.empty() ? "" : s.variable + " / ") << esc(s.name) << "</h3>\n";
    if (!s.definition.empty()) o << "<p><i>" << esc(s.definition) << "</i></p>\n";
    o << "<p>Triangulation: " << status_html(row) << "</p>\n<ul>\n";
    for (const auto& p : row.pairs) {
      if (p.effective == Convergence::none && !p.override) continue;
      o << "<li>" << esc(pair_name(m, p)) << ": <b>" << to_string(p.effective) << "</b>";
      if (p.override)
        o << " <span class=\"override\">override (automatic: "
          << (p.automatic == Convergence::none ? "none" : to_string(p.automatic)) << ") — " << esc(p.override->memo)
          << "</span>"
          << (p.override->stale ? " <b class=\"stale\">stale: the automatic value was " +
                                      esc(p.override->automatic_then) + " when the override was made</b>"
                                : "");
      o << "</li>\n";
    }
    o << "</ul>\n<div class=\"rating\">Rating: <b>" << esc(both_languages(ie.rating())) << "</b> "
      << (ie.recorded ? "<span class=\"override\">(researcher; suggested: " +
                            std::string(to_string(ie.suggested.rating)) + ")</span>"
                      : std::string("<span class=\"override\">(suggested)</span>"))
      << "</div>\n";
    if (ie.recorded) o << "<p>" << esc(ie.recorded->justification) << "</p>\n";
    o << "<p class=\"meta\">The evidence suggests: " << to_string(ie.suggested.rating) << " — "
      << esc(ie.suggested.reason) << ".</p>\n";
    for (const auto& q : s.linked_evidence) o << quote_html(q);
    o << "<div class=\"columns\">\n";
    for (const auto& c : s.columns) {
      o << "<div class=\"column\"><h4>" << esc(c.column) << " · " << esc(cell_text(c.cell)) << "</h4>\n";
      if (c.quotes.empty()) o << "<p class=\"none\">No evidence.</p>\n";
      for (const auto& q : c.quotes) o << quote_html(q);
      if (c.omitted) o << "<p class=\"meta\">… and " << c.omitted << " more coding(s).</p>\n";
      o << "</div>\n";
    }
    o << "</div>\n";
    if (!s.impediments.empty()) {
      o << "<h4>Impediments</h4>\n";
      for (const auto& q : s.impediments) o << quote_html(q);
    }
    o << "</section>\n";
  }

  // 4. impediments
  o << "<h2>4. Impediments</h2>\n";
  if (r.impediments.empty()) o << "<p class=\"none\">No impediments were coded.</p>\n";
  for (const auto& i : r.impediments) {
    o << quote_html(i.quote) << "<p class=\"meta\">";
    if (i.indicators.empty())
      o << "cross-cutting";
    else {
      o << "bears on: ";
      for (size_t k = 0; k < i.indicators.size(); ++k) o << (k ? ", " : "") << esc(i.indicators[k]);
    }
    o << "</p>\n";
  }

  // 5. verdict
  o << "<h2>5. Overall verdict</h2>\n" << verdict_html(e);

  // appendix
  o << "<h2>Appendix: method</h2>\n<table>\n";
  o << "<tr><th>k (columns)</th><td>" << m.settings.k << "</td></tr>\n<tr><th>m (documents per column)</th><td>"
    << m.settings.m << "</td></tr>\n<tr><th>prominence ratio</th><td>" << m.settings.prominence
    << "</td></tr>\n<tr><th>coders counted</th><td>";
  o << esc(analysis::describe_coders(m.query.coders)) << " (";
  for (size_t i = 0; i < r.method.coders.size(); ++i) o << (i ? ", " : "") << esc(r.method.coders[i]);
  o << ")";
  o << "</td></tr>\n<tr><th>documents</th><td>" << r.method.documents;
  for (const auto& [type, n] : r.method.documents_by_type) o << "; " << esc(type) << " " << n;
  o << "</td></tr>\n<tr><th>codings</th><td>" << r.method.codings_total << " in the project, "
    << r.method.codings_counted << " passages counted in the matrix (each passage once)";
  if (r.method.unassigned) o << ", " << r.method.unassigned << " in documents without a value for " << esc(dim);
  o << "</td></tr>\n";
  if (!r.method.date_filter.empty())
    o << "<tr><th>documents dated</th><td>" << esc(r.method.date_filter) << "</td></tr>\n";
  o << "<tr><th>report date</th><td>" << esc(r.generated) << "</td></tr>\n</table>\n<ul class=\"notes\">\n";
  for (const auto& n : method_notes(r)) o << "<li>" << esc(n) << "</li>\n";
  o << "</ul>\n</body>\n</html>\n";
  return o.str();
}

}  // namespace telaah::exchange
