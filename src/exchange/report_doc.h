// The report laid out once, as a list of blocks (headings, paragraphs,
// quotes, tables, lists, the matrix figure), in the report's language. The
// HTML, Markdown and DOCX renderers only format these blocks, so the three
// outputs carry the same text (tests compare the DOCX read back by pandoc
// with the HTML).
#pragma once
#include <string>
#include <vector>

#include "exchange/report.h"

namespace telaah::exchange {

struct Run {
  std::string text;
  bool bold = false, italic = false;
};

struct Block {
  enum class Kind { title, heading, paragraph, note, verdict, quote, table, bullets, figure };
  Kind kind = Kind::paragraph;
  int level = 1;            // heading: 1 section, 2 sub-section, 3 minor heading
  bool page_break = false;  // begins a new page when printed (each indicator)
  std::string anchor;       // HTML id
  std::string css;          // an extra HTML class: a quote's stance ("supports", "contradicts"), "stale"
  std::vector<Run> runs;    // the text of a title, heading, paragraph, note, verdict or quote
  std::string cite;         // quote: where it is from (citation, stance, code, coder, memo)
  std::vector<std::vector<std::string>> rows;  // table: rows[0] is the header row (unless !header)
  bool header = true;                          // table: false for a two-column list of facts
  std::vector<std::string> items;              // bullets
  std::string svg;  // figure: an inline SVG (HTML only; a table with the same content follows it)
};

std::vector<Block> report_blocks(const ReportData& r);

// The sections of the judgement work (issue 21 items 1–4: typed links,
// impediment findings, summary cells, cases): report_judgement.cpp. Each
// appends its blocks, in the report's language (what shows when: there).
//   judgement_indicator_blocks: after the rating of one indicator (its summary
//     cells per source type and case, its impediment findings, the links
//     between its quotes).
//   judgement_report_blocks: after the impediment codings (the impediment
//     findings list; section 8, the summary grid; section 9, the cases).
void judgement_indicator_blocks(const ReportData& r, const IndicatorSection& s, std::vector<Block>& out);
void judgement_report_blocks(const ReportData& r, std::vector<Block>& out);
//   judgement_rating_blocks: under the rating's justification, the summary
//     cells it cites (and the broken citations of cells that are gone).
void judgement_rating_blocks(const ReportData& r, const IndicatorSection& s, std::vector<Block>& out);

// The plain text of a run list.
std::string text_of(const std::vector<Run>& runs);

}  // namespace telaah::exchange
