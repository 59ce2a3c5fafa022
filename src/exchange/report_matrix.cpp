// Writing the triangulation matrix as text, CSV, Markdown, JSON and SVG.
#include "exchange/report_matrix.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "text/utf8.h"

namespace telaah::exchange {

using analysis::Cell;
using analysis::Convergence;
using analysis::Matrix;
using analysis::Pair;
using analysis::Row;
using analysis::Status;

std::string escape_xml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string escape_md(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string cell_text(const Cell& c) {
  if (!c.has_evidence()) return "—";
  return std::to_string(c.codings) + " / " + std::to_string(c.documents) + " (" + std::to_string(c.supports) + "-" +
         std::to_string(c.contradicts) + "-" + std::to_string(c.neutral) + ")";
}

std::string status_text(const Row& r) {
  std::string s = to_string(r.effective);
  if (r.status_override)
    s += " (override; automatic: " + std::string(to_string(r.automatic)) +
         (r.status_override->stale ? "; STALE: was " + r.status_override->automatic_then : "") + ")";
  else if (r.effective != r.automatic)
    s += " (from overridden labels; automatic: " + std::string(to_string(r.automatic)) + ")";
  return s;
}

std::string label_text(const Pair& p) {
  if (p.effective == Convergence::none && !p.override) return "—";
  std::string s = to_string(p.effective);
  if (p.override)
    s += std::string(" (override; automatic: ") + (p.automatic == Convergence::none ? "none" : to_string(p.automatic)) +
         (p.override->stale ? "; STALE: was " + p.override->automatic_then : "") + ")";
  return s;
}

std::string pair_name(const Matrix& m, const Pair& p) {
  return m.columns.labels[static_cast<size_t>(p.a)] + "–" + m.columns.labels[static_cast<size_t>(p.b)];
}

// --- plain text for the terminal ---
static size_t width(const std::string& s) {
  return text::count_code_points(s);
}

static std::string pad(const std::string& s, size_t w) {
  return s + std::string(w > width(s) ? w - width(s) : 0, ' ');
}

std::string matrix_table(const Matrix& m) {
  std::vector<std::vector<std::string>> grid;
  std::vector<std::string> head{"indicator"};
  for (const auto& l : m.columns.labels) head.push_back(l);
  head.push_back("status");
  grid.push_back(head);
  for (const auto& r : m.rows) {
    std::string name = r.path;
    if (r.parent >= 0)  // a sub-code row: its name under the indicator
      name = "  └ " + name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    std::vector<std::string> line{name};
    for (const auto& c : r.cells) line.push_back(cell_text(c));
    line.push_back(status_text(r));
    grid.push_back(line);
  }
  std::vector<size_t> w(head.size(), 0);
  for (const auto& line : grid)
    for (size_t i = 0; i < line.size(); ++i) w[i] = std::max(w[i], width(line[i]));
  std::ostringstream out;
  for (size_t g = 0; g < grid.size(); ++g) {
    for (size_t i = 0; i < grid[g].size(); ++i)
      out << (i ? "  " : "") << (i + 1 < grid[g].size() ? pad(grid[g][i], w[i]) : grid[g][i]);
    out << "\n";
    if (g == 0) {
      size_t total = 0;
      for (size_t x : w) total += x + 2;
      out << std::string(total - 2, '-') << "\n";
    }
  }
  out << "\ncells: passages / documents (supports-contradicts-neutral); a passage coded by several coders or at "
         "an indicator and its sub-codes counts once\n";
  for (const auto& r : m.rows) {
    std::string labels;
    for (const auto& p : r.pairs)
      if (p.effective != Convergence::none || p.override)
        labels += (labels.empty() ? "" : "; ") + pair_name(m, p) + ": " + label_text(p);
    if (!labels.empty()) out << r.path << ": " << labels << "\n";
  }
  return out.str();
}

// --- CSV: one line per indicator, every cell and pair label as columns ---
std::string matrix_csv(const Matrix& m) {
  std::ostringstream out;
  out << "code_id,indicator,status,status_automatic,status_override_memo";
  for (const auto& l : m.columns.labels)
    for (const char* f : {"codings", "documents", "supports", "contradicts", "neutral"})
      out << "," << escape_csv(l + " " + f);
  if (!m.rows.empty())
    for (const auto& p : m.rows.front().pairs) out << "," << escape_csv(pair_name(m, p));
  out << "\n";
  for (const auto& r : m.rows) {
    out << r.code_id << "," << escape_csv(r.path) << "," << to_string(r.effective) << "," << to_string(r.automatic)
        << "," << escape_csv(r.status_override ? r.status_override->memo : "");
    for (const auto& c : r.cells)
      out << "," << c.codings << "," << c.documents << "," << c.supports << "," << c.contradicts << "," << c.neutral;
    for (const auto& p : r.pairs) out << "," << escape_csv(p.effective == Convergence::none ? "" : label_text(p));
    out << "\n";
  }
  return out.str();
}

// --- Markdown ---
std::string matrix_markdown(const Matrix& m) {
  std::ostringstream out;
  out << "| indicator |";
  for (const auto& l : m.columns.labels) out << " " << escape_md(l) << " |";
  out << " status |\n|---|";
  for (size_t i = 0; i < m.columns.labels.size(); ++i) out << "---|";
  out << "---|\n";
  for (const auto& r : m.rows) {
    out << "| " << escape_md(r.path) << " |";
    for (const auto& c : r.cells) out << " " << cell_text(c) << " |";
    out << " **" << escape_md(status_text(r)) << "** |\n";
  }
  out << "\nCells: codings / documents (supports-contradicts-neutral).\n";
  if (m.rows.empty() || m.rows.front().pairs.empty()) return out.str();
  out << "\n| indicator |";
  for (const auto& p : m.rows.front().pairs) out << " " << escape_md(pair_name(m, p)) << " |";
  out << "\n|---|";
  for (size_t i = 0; i < m.rows.front().pairs.size(); ++i) out << "---|";
  out << "\n";
  for (const auto& r : m.rows) {
    out << "| " << escape_md(r.path) << " |";
    for (const auto& p : r.pairs) out << " " << escape_md(label_text(p)) << " |";
    out << "\n";
  }
  return out.str();
}

// --- JSON ---
static nlohmann::json override_json(const std::optional<analysis::Override>& o, const std::string& automatic_now) {
  if (!o) return nullptr;
  return {{"id", o->id},
          {"label", o->label},
          {"memo", o->memo},
          {"created", o->created},
          {"coder", o->coder},
          {"confirmed", o->confirmed},
          {"automatic_then", o->automatic_then.empty() ? nullptr : nlohmann::json(o->automatic_then)},
          {"automatic_now", automatic_now},
          {"stale", o->stale}};
}

static nlohmann::json cell_json(const Cell& c) {
  return {{"codings", c.codings}, {"documents", c.documents}, {"supports", c.supports}, {"contradicts", c.contradicts},
          {"neutral", c.neutral}, {"raw_codings", c.raw},     {"net", c.net()}};
}

nlohmann::json matrix_json(const Matrix& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : m.rows) {
    nlohmann::json cells = nlohmann::json::array(), pairs = nlohmann::json::array();
    for (size_t i = 0; i < r.cells.size(); ++i) {
      auto c = cell_json(r.cells[i]);
      c["column"] = m.columns.labels[i];
      cells.push_back(c);
    }
    for (const auto& p : r.pairs)
      pairs.push_back(
          {{"a", m.columns.labels[static_cast<size_t>(p.a)]},
           {"b", m.columns.labels[static_cast<size_t>(p.b)]},
           {"automatic", p.automatic == Convergence::none ? nullptr : nlohmann::json(to_string(p.automatic))},
           {"effective", p.effective == Convergence::none ? nullptr : nlohmann::json(to_string(p.effective))},
           {"override", override_json(p.override, p.automatic == Convergence::none ? "none" : to_string(p.automatic))},
           {"stale", p.override && p.override->stale}});
    rows.push_back({{"code_id", r.code_id},
                    {"path", r.path},
                    {"subcode_of", r.parent >= 0 ? nlohmann::json(m.rows[static_cast<size_t>(r.parent)].code_id)
                                                 : nlohmann::json(nullptr)},
                    {"stale", r.stale()},
                    {"cells", cells},
                    {"total", cell_json(r.total)},
                    {"columns_with_evidence", r.columns_with_evidence},
                    {"qualifying_columns", r.qualifying_columns},
                    {"status",
                     {{"automatic", to_string(r.automatic)},
                      {"effective", to_string(r.effective)},
                      {"override", override_json(r.status_override, to_string(r.automatic))},
                      {"stale", r.status_override && r.status_override->stale}}},
                    {"pairs", pairs}});
  }
  return {{"dimension", m.columns.dimension},
          {"columns", m.columns.labels},
          {"settings",
           {{"k", m.settings.k},
            {"m", m.settings.m},
            {"prominence", m.settings.prominence},
            {"prominence_unit", to_string(m.settings.unit)},
            {"same_passage", m.settings.same_passage}}},
          {"filters", {{"coders", m.query.coders}, {"from", m.query.from}, {"to", m.query.to}}},
          {"coder_rule", analysis::describe_coders(m.query.coders)},
          {"revision", m.revision},
          {"codings", m.codings},
          {"raw_codings", m.raw_codings},
          {"unassigned", m.unassigned},
          {"rows", rows}};
}

// --- SVG ---
static const char* stance_colour(const Cell& c) {
  if (c.net() > 0) return "#3d8b3d";
  if (c.net() < 0) return "#c8453c";
  return "#8c8c8c";
}

static const char* status_colour(Status s) {
  switch (s) {
    case Status::triangulated:
      return "#2e7d32";
    case Status::divergent:
      return "#c62828";
    case Status::single_source:
      return "#ef8f00";
    case Status::insufficient:
      return "#9e7c00";
    default:
      return "#757575";
  }
}

std::string matrix_svg(const Matrix& m, const std::function<std::string(const std::string&)>& words) {
  auto word = [&](const std::string& en) { return words ? words(en) : en; };
  const int label_w = 280, col_w = 132, status_w = 150, head_h = 44, row_h = 46, legend_h = 70;
  const int ncol = static_cast<int>(m.columns.labels.size());
  const int w = label_w + ncol * col_w + status_w + 10;
  const int h = head_h + static_cast<int>(m.rows.size()) * row_h + legend_h;
  int64_t max_docs = 1;
  for (const auto& r : m.rows)
    for (const auto& c : r.cells) max_docs = std::max(max_docs, c.documents);
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"matrix\" viewBox=\"0 0 " << w << " " << h << "\" width=\""
    << w << "\" height=\"" << h << "\" role=\"img\" aria-label=\""
    << escape_xml(words ? word("title") : "Triangulation matrix") << "\" font-family=\"sans-serif\">\n";
  if (words)
    o << "<title>" << escape_xml(word("title")) << "</title>\n";
  else
    o << "<title>Triangulation matrix: indicators by " << escape_xml(m.columns.dimension) << "</title>\n";
  for (int c = 0; c < ncol; ++c)
    o << "<text x=\"" << label_w + c * col_w + col_w / 2 << "\" y=\"" << head_h - 14
      << "\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">"
      << escape_xml(m.columns.labels[static_cast<size_t>(c)]) << "</text>\n";
  o << "<text x=\"" << label_w + ncol * col_w + status_w / 2 << "\" y=\"" << head_h - 14
    << "\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">" << escape_xml(word("status")) << "</text>\n";
  for (size_t r = 0; r < m.rows.size(); ++r) {
    const Row& row = m.rows[r];
    const int y = head_h + static_cast<int>(r) * row_h;
    std::string name = row.path;
    if (auto slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
    o << "<text x=\"6\" y=\"" << y + row_h / 2 + 5 << "\" font-size=\"13\">" << escape_xml(name) << "</text>\n";
    for (int c = 0; c < ncol; ++c) {
      const Cell& cell = row.cells[static_cast<size_t>(c)];
      const int x = label_w + c * col_w;
      if (!cell.has_evidence()) {
        o << "<rect x=\"" << x + 3 << "\" y=\"" << y + 3 << "\" width=\"" << col_w - 6 << "\" height=\"" << row_h - 6
          << "\" rx=\"4\" fill=\"#ffffff\" stroke=\"#d0d0d0\" stroke-dasharray=\"4 3\"/>\n";
        o << "<text x=\"" << x + col_w / 2 << "\" y=\"" << y + row_h / 2 + 5
          << "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#9e9e9e\">—</text>\n";
        continue;
      }
      const double opacity = 0.35 + 0.65 * static_cast<double>(cell.documents) / static_cast<double>(max_docs);
      char op[16];
      std::snprintf(op, sizeof op, "%.2f", opacity);
      o << "<rect x=\"" << x + 3 << "\" y=\"" << y + 3 << "\" width=\"" << col_w - 6 << "\" height=\"" << row_h - 6
        << "\" rx=\"4\" fill=\"" << stance_colour(cell) << "\" fill-opacity=\"" << op << "\"><title>"
        << escape_xml(row.path + " × " + m.columns.labels[static_cast<size_t>(c)] + ": " + cell_text(cell))
        << "</title></rect>\n";
      o << "<text x=\"" << x + col_w / 2 << "\" y=\"" << y + row_h / 2 - 1
        << "\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#ffffff\">" << cell.codings << " / "
        << cell.documents << "</text>\n";
      o << "<text x=\"" << x + col_w / 2 << "\" y=\"" << y + row_h / 2 + 14
        << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#ffffff\">" << cell.supports << "-" << cell.contradicts
        << "-" << cell.neutral << "</text>\n";
    }
    const int sx = label_w + ncol * col_w + 8;
    o << "<rect x=\"" << sx << "\" y=\"" << y + 10 << "\" width=\"" << status_w - 16 << "\" height=\"" << row_h - 20
      << "\" rx=\"" << (row_h - 20) / 2 << "\" fill=\"" << status_colour(row.effective) << "\"/>\n";
    o << "<text x=\"" << sx + (status_w - 16) / 2 << "\" y=\"" << y + row_h / 2 + 4
      << "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#ffffff\">" << escape_xml(word(to_string(row.effective)))
      << (row.overridden() ? " *" : "") << "</text>\n";
  }
  const int ly = head_h + static_cast<int>(m.rows.size()) * row_h + 18;
  struct Key {
    const char* colour;
    const char* text;
  };
  const Key keys[] = {{"#3d8b3d", "net supports"}, {"#c8453c", "net contradicts"}, {"#8c8c8c", "neutral or tied"}};
  int x = 6;
  for (const auto& k : keys) {
    o << "<rect x=\"" << x << "\" y=\"" << ly << "\" width=\"16\" height=\"16\" rx=\"3\" fill=\"" << k.colour << "\"/>";
    o << "<text x=\"" << x + 22 << "\" y=\"" << ly + 13 << "\" font-size=\"12\">" << escape_xml(word(k.text))
      << "</text>\n";
    x += 150;
  }
  o << "<text x=\"6\" y=\"" << ly + 38 << "\" font-size=\"11\" fill=\"#555555\">"
    << (words ? escape_xml(word("legend"))
              : "cell: codings / documents, supports-contradicts-neutral; stronger shade = more documents; * = "
                "researcher override")
    << "</text>\n";
  o << "</svg>\n";
  return o.str();
}

}  // namespace telaah::exchange
