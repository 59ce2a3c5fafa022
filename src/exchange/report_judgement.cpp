// PLACEHOLDER for the judgement sections of the report (issue 21 items 1–4):
// the lead wires them here after merging the `judgement` branch (schema v4).
//   judgement_indicator_blocks — per indicator, after the rating: summary cells
//     (indicator × source type, × case) with their citations, the impediment
//     findings attached to the indicator, typed links between its quotes.
//   judgement_report_blocks — after section 7 (impediment codings): the list of
//     impediment findings, the summary grid, the cases with their attributes.
// Use tr()/fmt() of report_text.h for every label (add the labels to
// TELAAH_REPORT_LABELS in both languages; tests/test_report_lang.cpp checks
// them) and the Block kinds of report_doc.h, so HTML, Markdown and DOCX all
// carry the new sections.
#include "exchange/report_doc.h"

namespace telaah::exchange {

void judgement_indicator_blocks(const ReportData&, const IndicatorSection&, std::vector<Block>&) {}

void judgement_report_blocks(const ReportData&, std::vector<Block>&) {}

}  // namespace telaah::exchange
