// The retrieval list written out: a spreadsheet table (CSV and XLSX through
// the exchange writers) and a self-contained HTML page with each quote in its
// context. No ImGui here: the GUI calls it, tests call it directly.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/retrieval.h"
#include "exchange/exchange.h"

namespace telaah::ui {

enum class ExportFormat { csv, xlsx, html };
const char* extension(ExportFormat f);  // ".csv", ".xlsx", ".html"

// One row per coding: quote, context, document, source type, date, page,
// paragraph, speaker, code, stance, coder, memo, positions.
exchange::Table retrieval_table(const std::vector<analysis::RetrievalRow>& rows);
// `title` says what the list is (the query or the matrix cell).
std::string retrieval_html(const std::vector<analysis::RetrievalRow>& rows, const std::string& title);
// Writes the file atomically; throws UserError (exchange::ExchangeError) on failure.
void export_retrieval(const std::vector<analysis::RetrievalRow>& rows, const std::string& title, ExportFormat f,
                      const std::filesystem::path& out);

}  // namespace telaah::ui
