// telaah summaries: the summary grid, a written synthesis per indicator and
// source type (or indicator and case) that cites codings as [#ID].
#include <cctype>
#include <filesystem>
#include <iostream>

#include "analysis/judgement.h"
#include "cli/cli.h"
#include "cli/judgement_common.h"
#include "exchange/judgement.h"
#include "store/judgement.h"
#include "store/safe_output.h"

namespace telaah::cli {
namespace {

namespace fs = std::filesystem;

struct Args {
  std::string project, action, file, indicator, type, case_name, text, csv, format = "table", by = "type";
  std::vector<std::string> cite;
  bool clear = false, force = false, bom = false;
};

nlohmann::json cell_json(const store::Project& p, const analysis::SummaryCell& c) {
  nlohmann::json cites = nlohmann::json::array();
  for (const auto& x : c.citations) cites.push_back({{"coding", x.coding}, {"valid", x.valid}});
  return {{"id", c.summary.id},
          {"indicator", c.summary.code},
          {"path", p.code_path(c.summary.code)},
          {"dimension", c.summary.source_type ? "type" : "case"},
          {"column", c.summary.column},
          {"text", c.summary.text},
          {"citations", cites},
          {"broken", c.broken()},
          {"coder", c.summary.coder},
          {"modified", c.summary.modified}};
}

Registrar reg(60, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "summaries",
      "The summary grid: set --indicator I (--type T | --case C) --text \"... [#12] ...\", ls [--csv FILE], show "
      "--indicator I, export FILE.csv|FILE.xlsx [--by type|case]");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("action", a->action, "set, ls, show or export")
      ->required()
      ->check(CLI::IsMember({"set", "ls", "show", "export"}));
  cmd->add_option("file", a->file, "export: the .csv or .xlsx file to write");
  cmd->add_option("--by", a->by, "export: the grid's columns, type (default) or case (a CSV holds one grid)")
      ->check(CLI::IsMember({"type", "case"}));
  cmd->add_flag("--bom", a->bom, "export: begin the CSV with a UTF-8 byte-order mark (for Excel)");
  cmd->add_option("--indicator", a->indicator, "the indicator (code path, name or alias)");
  cmd->add_option("--type", a->type, "the source type of the cell");
  cmd->add_option("--case", a->case_name, "the case of the cell (instead of --type)");
  cmd->add_option("--text", a->text, "the synthesis; cite a coding as [#ID]");
  cmd->add_option("--cite", a->cite, "set: append citations of these codings to the text (repeat or comma-separate)");
  cmd->add_flag("--clear", a->clear, "set: empty the cell");
  cmd->add_option("--csv", a->csv, "ls: write every cell to this CSV file");
  cmd->add_option("--format", a->format, "ls: table (default) or csv on standard output")
      ->check(CLI::IsMember({"table", "csv"}));
  cmd->add_flag("--force", a->force, "replace an existing --csv or export file");
  cmd->footer(
      "A citation [#ID] links the text to a coding. When the coding goes (removed, or its creation undone) the "
      "citation shows as broken; undo or redo that brings the coding back restores it. Each set is one undoable "
      "action. export writes the grid: one row per indicator (and per other code with a summary), per source type "
      "(--by type) or case (--by case) the summary and its citations (\"#12 Title, para. 2\"; a broken one says so); "
      "an .xlsx file holds three sheets: the grid by source type, by case, and every cell as a list.");
  cmd->callback([a, &ctx] {
    if (a->action == "export") {
      if (a->file.empty()) throw UserError("give the file to write: summaries P export FILE.csv|FILE.xlsx");
      std::string ext = fs::path(a->file).extension().string();
      for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (ext != ".csv" && ext != ".xlsx") throw UserError("the export file must end in .csv or .xlsx: " + a->file);
      store::SafeOutput out(a->file, a->force, {a->project});
      auto p = open_for_reading(a->project);
      exchange::ExportSummary s;
      if (ext == ".csv") {
        exchange::CsvOptions co;
        co.bom = a->bom;
        s = exchange::write_csv(exchange::summary_grid_table(*p, a->by), out.temp(), co);
      } else {
        s = exchange::write_xlsx({exchange::summary_grid_table(*p, "type"), exchange::summary_grid_table(*p, "case"),
                                  exchange::summaries_table(*p)},
                                 out.temp());
      }
      out.commit();
      s.file = a->file;
      if (ctx.json) return print_json(s.to_json());
      std::cout << s.to_text();
      return;
    }
    if (!a->file.empty()) throw UserError("a file is given only to export");
    auto p = open_project(a->project);
    if (a->action == "set") {
      if (a->indicator.empty()) throw UserError("give --indicator");
      if (a->type.empty() == a->case_name.empty()) throw UserError("give --type T or --case C (one of them)");
      if (a->clear && (!a->text.empty() || !a->cite.empty())) throw UserError("give --clear or --text, not both");
      text::require_valid_utf8(a->text, "the summary");
      const store::Id code = p->resolve_code(a->indicator);
      std::string text = a->text;
      const std::string dim = a->type.empty() ? "case" : "type";
      const std::string col = a->type.empty() ? a->case_name : a->type;
      if (!a->clear && text.empty() && a->cite.empty())
        throw UserError("give --text (or --cite, or --clear to empty the cell)");
      if (text.empty() && !a->clear)  // --cite alone appends to what the cell holds
        for (const auto& s : store::summaries(*p, code))
          if (s.column == col && (dim == "type") == s.source_type.has_value()) text = s.text;
      for (auto id : id_list(a->cite, "a cited coding"))
        text += (text.empty() ? "" : " ") + ("[#" + std::to_string(id) + "]");
      store::set_summary(*p, code, dim, col, a->clear ? "" : text);
      if (ctx.json) {
        for (const auto& c : analysis::summary_cells(*p, code))
          if (c.summary.column == col && (dim == "type") == c.summary.source_type.has_value())
            return print_json({{"summary", cell_json(*p, c)}, {"revision", p->revision()}});
        return print_json({{"cleared", true}, {"revision", p->revision()}});
      }
      std::cout << (a->clear ? "cleared " : "wrote ") << p->code_path(code) << " × " << col << "\n";
      return;
    }
    if (a->action == "ls") {
      const auto table = exchange::summaries_table(*p);
      if (!a->csv.empty()) {
        store::write_output(a->csv, exchange::to_csv(table), a->force, {p->path()});
        if (ctx.json) return print_json({{"file", a->csv}, {"cells", table.rows.size()}});
        std::cout << "wrote " << table.rows.size() << " summary cells to " << a->csv << "\n";
        return;
      }
      if (a->format == "csv" && !ctx.json) {
        std::cout << exchange::to_csv(table);
        return;
      }
    }
    std::vector<store::Id> codes;
    if (!a->indicator.empty())
      codes.push_back(p->resolve_code(a->indicator));
    else if (a->action == "show")
      throw UserError("give --indicator");
    else
      for (const auto& c : p->codes()) codes.push_back(c.id);
    nlohmann::json out = nlohmann::json::array();
    for (store::Id code : codes) {
      auto cells = analysis::summary_cells(*p, code);
      if (cells.empty() && a->action == "ls") continue;
      if (!ctx.json) std::cout << p->code_path(code) << (cells.empty() ? "  (no summaries yet)" : "") << "\n";
      for (const auto& c : cells) {
        if (ctx.json) {
          out.push_back(cell_json(*p, c));
          continue;
        }
        std::cout << "  " << (c.summary.source_type ? "" : "case ") << c.summary.column << ": " << c.summary.text
                  << "\n";
        if (a->action == "show")
          for (const auto& x : c.citations)
            std::cout << "    "
                      << (x.valid ? coding_line(*p, x.coding)
                                  : "#" + std::to_string(x.coding) + " (broken citation: the coding is gone)")
                      << "\n";
        else if (c.broken())
          std::cout << "    " << c.broken() << " broken citation(s)\n";
      }
    }
    if (ctx.json) print_json(out);
  });
});

}  // namespace
}  // namespace telaah::cli
