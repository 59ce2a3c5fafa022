// The evaluation report as Markdown (for a paper draft or a repository),
// from the same blocks as the HTML and the DOCX.
#include <sstream>

#include "exchange/report.h"
#include "exchange/report_doc.h"
#include "exchange/report_matrix.h"

namespace telaah::exchange {

namespace {

std::string runs_md(const std::vector<Run>& runs) {
  std::string o;
  for (const auto& r : runs) {
    std::string t = r.text;
    for (auto& c : t)
      if (c == '\n') c = ' ';
    // Markup around the words only: "**x** " not "**x **".
    size_t a = t.find_first_not_of(' '), z = t.find_last_not_of(' ');
    if ((r.bold || r.italic) && a != std::string::npos) {
      const std::string mark = r.bold ? "**" : "*";
      t = t.substr(0, a) + mark + t.substr(a, z - a + 1) + mark + t.substr(z + 1);
    }
    o += t;
  }
  return o;
}

}  // namespace

std::string render_markdown(const ReportData& r) {
  std::ostringstream o;
  for (const auto& b : report_blocks(r)) {
    switch (b.kind) {
      case Block::Kind::title:
        o << "# " << runs_md(b.runs) << "\n\n";
        break;
      case Block::Kind::heading:
        o << std::string(static_cast<size_t>(b.level + 1), '#') << " " << runs_md(b.runs) << "\n\n";
        break;
      case Block::Kind::paragraph:
      case Block::Kind::note:
        o << runs_md(b.runs) << "\n\n";
        break;
      case Block::Kind::verdict:
        o << "> " << runs_md(b.runs) << "\n\n";
        break;
      case Block::Kind::quote:
        o << "> " << runs_md(b.runs) << "\n>\n> — " << b.cite << "\n\n";
        break;
      case Block::Kind::table:
        if (!b.header && !b.rows.empty()) {  // Markdown tables need a head: an empty one
          o << "|";
          for (size_t k = 0; k < b.rows[0].size(); ++k) o << "   |";
          o << "\n|";
          for (size_t k = 0; k < b.rows[0].size(); ++k) o << "---|";
          o << "\n";
        }
        for (size_t i = 0; i < b.rows.size(); ++i) {
          o << "|";
          for (const auto& c : b.rows[i]) o << " " << escape_md(c) << " |";
          o << "\n";
          if (i == 0 && b.header) {
            o << "|";
            for (size_t k = 0; k < b.rows[0].size(); ++k) o << "---|";
            o << "\n";
          }
        }
        o << "\n";
        break;
      case Block::Kind::bullets:
        for (const auto& item : b.items) o << "- " << item << "\n";
        o << "\n";
        break;
      case Block::Kind::figure:
        break;  // the table after it carries the same content
    }
  }
  return o.str();
}

}  // namespace telaah::exchange
