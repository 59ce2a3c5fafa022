// telaah report: the evaluation report as one self-contained HTML file, as
// Markdown or as a Word document (DOCX), in Indonesian or English, to a file
// (written whole, then renamed into place) or stdout.
// telaah project: the study's title, research question, period and framework
// citation that open the report (project settings project.*).
#include <iostream>

#include "cli/cli.h"
#include "exchange/report.h"
#include "exchange/report_meta.h"
#include "store/safe_output.h"
#include "text/utf8.h"
#include "ui/shell/ui_state.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, format = "html", out, by = "type", from, to, lang;
  std::vector<std::string> coders;
  size_t quotes = 6;
  bool no_agreement = false;
};

Registrar reg(73, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "report",
      "The evaluation report in Indonesian or English: the study (title, question, period, framework citation), "
      "method and settings, document inventory, intercoder agreement, triangulation, per indicator the evidence "
      "(contradicting passages always shown), ratings, impediments, verdict and audit trail (HTML, Markdown or DOCX)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--format", a->format, "html (default: one self-contained file), md or docx (a Word document)")
      ->check(CLI::IsMember({"html", "md", "docx"}));
  cmd->add_option("--lang", a->lang, "id or en (default: the window's language, View › Language)");
  cmd->add_option("--out", a->out, "write to this file (default: standard output; docx needs --out)");
  cmd->add_option("--by", a->by, "matrix columns: type (default) or a document attribute");
  cmd->add_option("--coder", a->coders, "coders whose codings count (default as in 'telaah triangulate')");
  cmd->add_option("--from", a->from, "only documents dated from");
  cmd->add_option("--to", a->to, "only documents dated up to");
  cmd->add_option("--quotes", a->quotes,
                  "quotes per indicator and column (default 6); contradicting ones are always all shown, first");
  cmd->add_flag("--no-agreement", a->no_agreement, "leave out the intercoder agreement section (faster)");
  cmd->footer(
      "The first page shows the study's title, research question, period and framework citation: set them with "
      "'telaah project P title|question|period|citation VALUE'.");
  cmd->callback([a, &ctx] {
    if (a->format == "docx" && a->out.empty()) throw UserError("a DOCX report is a binary file: give --out FILE.docx");
    exchange::ReportOptions o;
    o.lang = exchange::lang_from_string(a->lang.empty() ? ui::load_prefs().language : a->lang);
    auto p = open_for_reading(a->project);
    auto t = analysis::EvidenceTable::load(*p);
    o.query.by = a->by;
    o.query.from = a->from;
    o.query.to = a->to;
    o.query.coders = analysis::resolve_coders(*p, t, a->coders);
    o.quotes_per_cell = a->quotes;
    o.agreement = !a->no_agreement;
    auto data = exchange::build_report(*p, t, o);
    std::string body = a->format == "md"     ? exchange::render_markdown(data)
                       : a->format == "docx" ? exchange::render_docx(data)
                                             : exchange::render_html(data);
    if (a->out.empty()) {
      std::cout << body;
      return;
    }
    // Replaces an earlier report, never the project, a folder, a FIFO, a device or a symlink.
    store::write_output(a->out, body, true, {a->project});
    if (ctx.json)
      print_json({{"out", a->out},
                  {"format", a->format},
                  {"lang", exchange::to_string(o.lang)},
                  {"bytes", body.size()},
                  {"verdict", to_string(data.evaluation.verdict.effective())}});
    else
      std::cerr << "wrote " << a->out << " (" << body.size() / 1024 << " KB)\n";
  });
});

struct MetaArgs {
  std::string project, field, value;
  bool clear = false;
};

Registrar reg_project(77, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<MetaArgs>();
  auto* cmd = app.add_subcommand("project",
                                 "The study's title, research question, period and framework citation (the "
                                 "report's first page): list them, or set one: telaah project P FIELD VALUE");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("field", a->field, "title, question, period or citation");
  cmd->add_option("value", a->value, "the new value");
  cmd->add_flag("--clear", a->clear, "with FIELD: empty it");
  cmd->footer(
      "Stored as project settings project.title, project.question, project.period, project.citation; each change "
      "is one undoable action. 'telaah codes P --load F.json' keeps the framework's \"citation\" when the file "
      "names one.");
  cmd->callback([a, &ctx] {
    if (!a->field.empty()) exchange::meta_key(a->field);  // a bad field name before opening anything
    if (!a->field.empty() && a->value.empty() && !a->clear)
      throw UserError("give a value for " + a->field + " (or --clear), e.g. telaah project P " + a->field + " \"...\"");
    if (a->clear && a->field.empty()) throw UserError("--clear needs a field");
    if (a->clear && !a->value.empty()) throw UserError("give a value or --clear, not both");
    text::require_valid_utf8(a->value, "the value");
    auto p = a->field.empty() ? open_for_reading(a->project) : open_project(a->project);
    if (!a->field.empty()) exchange::set_meta(*p, a->field, a->clear ? "" : a->value);
    const auto m = exchange::load_meta(*p);
    if (ctx.json)
      return print_json({{"title", m.title},
                         {"question", m.question},
                         {"period", m.period},
                         {"citation", m.citation},
                         {"revision", p->revision()}});
    const std::pair<const char*, const std::string*> rows[] = {
        {"title", &m.title}, {"question", &m.question}, {"period", &m.period}, {"citation", &m.citation}};
    for (const auto& [name, v] : rows)
      if (a->field.empty() || a->field == name) std::cout << name << ": " << (v->empty() ? "(not set)" : *v) << "\n";
  });
});

}  // namespace
}  // namespace telaah::cli
