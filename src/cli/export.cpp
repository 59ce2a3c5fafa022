// telaah export: REFI-QDA project (.qdpx) or codebook (.qdc), or a
// spreadsheet (CSV, XLSX) of the codings, the codebook or the triangulation
// matrix. Every export prints what it wrote and what the format cannot hold.
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "exchange/exchange.h"
#include "store/safe_output.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, qdpx, qdc, csv, xlsx, what, by = "type", case_name;
  std::vector<std::string> coders;
  bool bom = false, force = false, matrix = false;
};

Registrar reg(90, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("export",
                                 "Export to REFI-QDA (.qdpx project, .qdc codebook) for NVivo, ATLAS.ti, MAXQDA, "
                                 "QualCoder, or to a spreadsheet (CSV, XLSX)");
  cmd->add_option("project", a->project, "the project file")->required();
  auto* o1 = cmd->add_option("--qdpx", a->qdpx, "REFI-QDA project exchange file to write");
  auto* o2 = cmd->add_option("--qdc", a->qdc, "REFI-QDA codebook file to write");
  auto* o3 = cmd->add_option("--csv", a->csv, "CSV file to write (one table: see --what)");
  auto* o4 =
      cmd->add_option("--xlsx", a->xlsx, "Excel workbook to write (default: codings, codebook and matrix sheets)");
  o1->excludes(o2, o3, o4);
  o2->excludes(o3, o4);
  o3->excludes(o4);
  cmd->add_option("--what", a->what, "for spreadsheets: codings (CSV default), codebook, matrix, or all (XLSX default)")
      ->check(CLI::IsMember({"codings", "codebook", "matrix", "all"}));
  cmd->add_flag("--matrix", a->matrix, "same as --what matrix: the triangulation matrix");
  cmd->add_option("--by", a->by,
                  "matrix columns: type (default), year, language, author, a document attribute, or case "
                  "(indicator x case)");
  cmd->add_option("--case", a->case_name, "matrix: only this case's evidence (indicator x source type within it)");
  cmd->add_option("--coder", a->coders, "matrix: count this coder's codings (as in 'telaah triangulate')");
  cmd->add_flag("--bom", a->bom,
                "CSV: begin with a UTF-8 byte-order mark so that Excel reads accents and Hangul correctly");
  cmd->add_flag("--force", a->force, "replace the output file if it exists");
  cmd->callback([a, &ctx] {
    const int outputs = !a->qdpx.empty() + !a->qdc.empty() + !a->csv.empty() + !a->xlsx.empty();
    if (outputs != 1) throw UserError("give one of --qdpx FILE, --qdc FILE, --csv FILE or --xlsx FILE");
    if (a->matrix) {
      if (!a->what.empty() && a->what != "matrix")
        throw UserError("--matrix and --what " + a->what + " contradict each other");
      a->what = "matrix";
    }
    const bool sheet = !a->csv.empty() || !a->xlsx.empty();
    if (!sheet && !a->what.empty()) throw UserError("--what and --matrix apply to --csv and --xlsx only");
    if (!a->csv.empty() && a->what == "all")
      throw UserError("a CSV file holds one table: choose --what codings, codebook or matrix");
    const std::string target = a->qdpx + a->qdc + a->csv + a->xlsx;
    // Never the project or its files, a folder, a FIFO, a device or a symlink;
    // written aside and renamed into place (store/safe_output.h).
    store::SafeOutput out(target, a->force, {a->project});
    auto p = open_for_reading(a->project);
    exchange::ExportSummary s;
    if (!a->qdpx.empty())
      s = exchange::export_qdpx(*p, out.temp());
    else if (!a->qdc.empty())
      s = exchange::export_qdc(*p, out.temp());
    else {
      auto table = [&](const std::string& what) {
        if (what == "codebook") return exchange::codebook_table(*p);
        if (what == "matrix") return exchange::triangulation_table(*p, a->by, a->coders, a->case_name);
        return exchange::codings_table(*p);
      };
      if (!a->csv.empty()) {
        exchange::CsvOptions co;
        co.bom = a->bom;
        s = exchange::write_csv(table(a->what.empty() ? "codings" : a->what), out.temp(), co);
      } else {
        std::vector<exchange::Table> tables;
        if (a->what.empty() || a->what == "all")
          for (const char* w : {"codings", "codebook", "matrix"}) tables.push_back(table(w));
        else
          tables.push_back(table(a->what));
        s = exchange::write_xlsx(tables, out.temp());
      }
    }
    out.commit();
    s.file = target;
    if (ctx.json)
      print_json(s.to_json());
    else
      std::cout << s.to_text();
  });
});

}  // namespace
}  // namespace telaah::cli
