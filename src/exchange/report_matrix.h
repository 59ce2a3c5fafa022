// The triangulation matrix written out: a plain-text table for the terminal,
// CSV (one row per indicator), Markdown, JSON and an inline SVG picture. Used
// by `telaah triangulate` and by the evaluation report.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/triangulation.h"

namespace telaah::exchange {

// "8 / 4 (0-8-0)": codings / documents (supports-contradicts-neutral); "—" when empty.
std::string cell_text(const analysis::Cell& c);
// "divergent" or "triangulated (override; automatic: divergent)".
std::string status_text(const analysis::Row& r);
std::string label_text(const analysis::Pair& p);
// "interview–news"
std::string pair_name(const analysis::Matrix& m, const analysis::Pair& p);

std::string matrix_table(const analysis::Matrix& m);
std::string matrix_csv(const analysis::Matrix& m);
std::string matrix_markdown(const analysis::Matrix& m);
nlohmann::json matrix_json(const analysis::Matrix& m);
// A self-contained <svg> element: cells shaded by net stance, opacity by
// document coverage, a status badge per row, a legend. `words`, when given,
// puts its words in the report's language: it is asked for "title",
// "status", each status label, "net supports", "net contradicts",
// "neutral or tied" and "legend" (the note under the legend).
std::string matrix_svg(const analysis::Matrix& m, const std::function<std::string(const std::string&)>& words = {});

// Escaping shared by the HTML, SVG, Markdown and CSV writers.
std::string escape_xml(const std::string& s);
std::string escape_csv(const std::string& s);
std::string escape_md(const std::string& s);  // for table cells: | and newlines

}  // namespace telaah::exchange
