// telaah report: the evaluation report as one self-contained HTML file or as
// Markdown, to a file (written whole, then renamed into place) or stdout.
#include <iostream>

#include "cli/cli.h"
#include "exchange/report.h"
#include "store/safe_output.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, format = "html", out, by = "type", from, to;
  std::vector<std::string> coders;
  size_t quotes = 6;
};

Registrar reg(73, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("report",
                                 "The evaluation report: framework, triangulation matrix, evidence with quotes and "
                                 "citations, ratings, impediments, verdict and method (HTML or Markdown)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--format", a->format, "html (default: one self-contained file) or md")
      ->check(CLI::IsMember({"html", "md"}));
  cmd->add_option("--out", a->out, "write to this file (default: standard output)");
  cmd->add_option("--by", a->by, "matrix columns: type (default) or a document attribute");
  cmd->add_option("--coder", a->coders, "coders whose codings count (default as in 'telaah triangulate')");
  cmd->add_option("--from", a->from, "only documents dated from");
  cmd->add_option("--to", a->to, "only documents dated up to");
  cmd->add_option("--quotes", a->quotes, "quotes per indicator and column (default 6)");
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    auto t = analysis::EvidenceTable::load(*p);
    exchange::ReportOptions o;
    o.query.by = a->by;
    o.query.from = a->from;
    o.query.to = a->to;
    o.query.coders = analysis::resolve_coders(*p, t, a->coders);
    o.quotes_per_cell = a->quotes;
    auto data = exchange::build_report(*p, t, o);
    std::string body = a->format == "md" ? exchange::render_markdown(data) : exchange::render_html(data);
    if (a->out.empty()) {
      std::cout << body;
      return;
    }
    // Replaces an earlier report, never the project, a folder, a FIFO, a device or a symlink.
    store::write_output(a->out, body, true, {a->project});
    if (ctx.json)
      print_json({{"out", a->out},
                  {"format", a->format},
                  {"bytes", body.size()},
                  {"verdict", to_string(data.evaluation.verdict.effective())}});
    else
      std::cerr << "wrote " << a->out << " (" << body.size() / 1024 << " KB)\n";
  });
});

}  // namespace
}  // namespace telaah::cli
