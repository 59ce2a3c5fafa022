// Section 5 of the report: the verdict by the documented rule, per variable,
// the researcher's override, and the sensitivity table (rule: evaluation.h).
#include <cmath>
#include <cstdio>
#include <sstream>

#include "exchange/report.h"
#include "exchange/report_matrix.h"

namespace telaah::exchange {

using namespace analysis;

namespace {

std::string pct(double x) {
  return std::to_string(static_cast<int>(std::floor(x * 100 + 0.5))) + "%";
}

std::string val(const SensitivityRow& r) {
  if (r.as_set) return "";
  char b[32];
  std::snprintf(b, sizeof b, "%g", r.value);
  return b;
}

std::string variable_name(const VariableVerdict& v) {
  return v.variable.empty() ? "(no variable)" : v.variable;
}

}  // namespace

std::string verdict_markdown(const Evaluation& e) {
  const auto& v = e.verdict;
  std::ostringstream o;
  o << "By the rule: **" << to_string(v.automatic) << "** (" << to_indonesian(v.automatic) << ") — " << v.reason
    << ".\n";
  if (v.override)
    o << "\nResearcher's verdict: **" << to_string(*v.override) << "** (" << to_indonesian(*v.override) << ") — "
      << v.memo << "\n";
  o << "\n### Per variable\n\n| variable | indicators | coverage | score | verdict |\n|---|---|---|---|---|\n";
  for (const auto& vv : e.variables)
    o << "| " << escape_md(variable_name(vv)) << " | " << vv.indicators.size() << " | " << pct(vv.result.coverage)
      << " | " << (vv.result.rated ? pct(vv.result.score) : "n/a") << " | " << both_languages(vv.result.automatic)
      << " |\n";
  o << "\n### Sensitivity\n\nThe overall verdict with one setting moved to a neighbouring value.\n\n"
       "| setting | value | coverage | score | verdict |\n|---|---|---|---|---|\n";
  for (const auto& r : e.sensitivity)
    o << "| " << (r.as_set ? "as set" : "`" + r.key + "`") << " | " << val(r) << " | " << pct(r.coverage) << " | "
      << pct(r.score) << " | " << both_languages(r.verdict) << (r.changed ? " ◀" : "") << " |\n";
  return o.str();
}

std::string verdict_html(const Evaluation& e) {
  const auto& v = e.verdict;
  auto esc = [](const std::string& s) { return escape_xml(s); };
  std::ostringstream o;
  o << "<p>By the rule: <b>" << to_string(v.automatic) << "</b> (<i>" << to_indonesian(v.automatic) << "</i>) — "
    << esc(v.reason) << ".</p>\n";
  if (v.override)
    o << "<p>Researcher's verdict: <b>" << to_string(*v.override) << "</b> (<i>" << to_indonesian(*v.override)
      << "</i>) — " << esc(v.memo) << "</p>\n";
  o << "<h3>Per variable</h3>\n<table>\n<tr><th>variable</th><th>indicators</th><th>coverage</th><th>score</th>"
       "<th>verdict</th></tr>\n";
  for (const auto& vv : e.variables)
    o << "<tr><td>" << esc(variable_name(vv)) << "</td><td>" << vv.indicators.size() << "</td><td>"
      << pct(vv.result.coverage) << "</td><td>" << (vv.result.rated ? pct(vv.result.score) : "n/a") << "</td><td>"
      << esc(both_languages(vv.result.automatic)) << "</td></tr>\n";
  o << "</table>\n<h3>Sensitivity</h3>\n<p class=\"meta\">The overall verdict with one setting moved to a "
       "neighbouring value.</p>\n<table>\n<tr><th>setting</th><th>value</th><th>coverage</th><th>score</th>"
       "<th>verdict</th></tr>\n";
  for (const auto& r : e.sensitivity)
    o << "<tr><td>" << (r.as_set ? std::string("as set") : "<code>" + esc(r.key) + "</code>") << "</td><td>" << val(r)
      << "</td><td>" << pct(r.coverage) << "</td><td>" << pct(r.score) << "</td><td>" << (r.changed ? "<b>" : "")
      << esc(both_languages(r.verdict)) << (r.changed ? "</b>" : "") << "</td></tr>\n";
  o << "</table>\n";
  return o.str();
}

}  // namespace telaah::exchange
