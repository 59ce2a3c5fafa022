// The evaluation report as one self-contained HTML file: inline CSS, the
// matrix as inline SVG, no scripts, no external resources; print rules for
// A4 (a new page before each section and each indicator, table rows and
// quotes never cut, table heads repeated on every page).
#include <sstream>

#include "exchange/report.h"
#include "exchange/report_doc.h"
#include "exchange/report_matrix.h"

namespace telaah::exchange {

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
.stale { border-left: 4px solid #c62828; padding-left: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
figure.matrix { margin: .6rem 0; } figure.matrix svg { max-width: 100%; height: auto; }
blockquote { margin: .5rem 0; padding: .3rem .6rem; border-left: 4px solid var(--neu); background: var(--soft); }
blockquote.supports { border-left-color: var(--sup); } blockquote.contradicts { border-left-color: var(--con); }
blockquote p { margin: 0; }
cite { display: block; font-style: normal; color: var(--muted); font-size: .8rem; margin-top: .2rem; }
ul li { margin-bottom: .3rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; }
  .page { break-before: page; }
  thead { display: table-header-group; }
  tr, blockquote, figure, svg { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

std::string esc(const std::string& s) {
  return escape_xml(s);
}

std::string runs_html(const std::vector<Run>& runs) {
  std::string o;
  for (const auto& r : runs) {
    std::string t = esc(r.text);
    if (r.italic) t = "<i>" + t + "</i>";
    if (r.bold) t = "<b>" + t + "</b>";
    o += t;
  }
  return o;
}

std::string attrs(const Block& b, std::string cls) {
  if (b.page_break) cls += cls.empty() ? "page" : " page";
  if (!b.css.empty()) cls += (cls.empty() ? "" : " ") + b.css;
  std::string a;
  if (!cls.empty()) a += " class=\"" + esc(cls) + "\"";
  if (!b.anchor.empty()) a += " id=\"" + esc(b.anchor) + "\"";
  return a;
}

}  // namespace

std::string render_html(const ReportData& r) {
  const auto blocks = report_blocks(r);
  std::ostringstream o;
  const std::string title = blocks.empty() ? "" : text_of(blocks.front().runs);
  o << "<!DOCTYPE html>\n<html lang=\"" << to_string(r.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<meta name=\"generator\" content=\"Telaah\">\n<title>" << esc(title) << "</title>\n<style>" << kCss
    << "</style>\n</head>\n<body>\n";
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::Kind::title:
        o << "<h1" << attrs(b, "") << ">" << runs_html(b.runs) << "</h1>\n";
        break;
      case Block::Kind::heading: {
        const int h = std::min(b.level + 1, 6);
        o << "<h" << h << attrs(b, "") << ">" << runs_html(b.runs) << "</h" << h << ">\n";
        break;
      }
      case Block::Kind::paragraph:
        o << "<p" << attrs(b, "") << ">" << runs_html(b.runs) << "</p>\n";
        break;
      case Block::Kind::note:
        o << "<p" << attrs(b, "meta") << ">" << runs_html(b.runs) << "</p>\n";
        break;
      case Block::Kind::verdict:
        o << "<p" << attrs(b, "verdict") << ">" << runs_html(b.runs) << "</p>\n";
        break;
      case Block::Kind::quote:
        o << "<blockquote" << attrs(b, "") << "><p>" << runs_html(b.runs) << "</p><cite>" << esc(b.cite)
          << "</cite></blockquote>\n";
        break;
      case Block::Kind::table:
        o << "<table" << attrs(b, "") << ">\n";
        for (size_t i = 0; i < b.rows.size(); ++i) {
          const bool head = b.header && i == 0;
          if (head) o << "<thead>";
          if (i == (b.header ? 1u : 0u)) o << "<tbody>";
          o << "<tr>";
          for (size_t c = 0; c < b.rows[i].size(); ++c) {
            const bool th = head || (!b.header && c == 0);  // a list of facts: the name column
            o << (th ? "<th>" : "<td>") << esc(b.rows[i][c]) << (th ? "</th>" : "</td>");
          }
          o << "</tr>";
          if (head) o << "</thead>";
          o << "\n";
        }
        if (b.rows.size() > (b.header ? 1u : 0u)) o << "</tbody>";
        o << "</table>\n";
        break;
      case Block::Kind::bullets:
        o << "<ul" << attrs(b, "") << ">\n";
        for (const auto& item : b.items) o << "<li>" << esc(item) << "</li>\n";
        o << "</ul>\n";
        break;
      case Block::Kind::figure:
        o << "<figure" << attrs(b, "matrix") << ">" << b.svg << "</figure>\n";
        break;
    }
  }
  o << "</body>\n</html>\n";
  return o.str();
}

}  // namespace telaah::exchange
