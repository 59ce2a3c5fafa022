// telaah import-qdpx: a new project from a REFI-QDA project (.qdpx, .qde) or
// codebook (.qdc) made by NVivo, ATLAS.ti, MAXQDA, QualCoder or Telaah, with
// a report of every deviation from the standard and every loss.
#include <iostream>

#include "cli/cli.h"
#include "exchange/exchange.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string file, project, type = "interview", coder = "imported", sources;
  bool quiet = false;
};

Registrar reg(91, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("import-qdpx",
                                 "Create a new project from a REFI-QDA file (.qdpx, .qde or .qdc) of another QDA tool");
  cmd->add_option("file", a->file, "the .qdpx, .qde or .qdc file")->required();
  cmd->add_option("project", a->project, "the new project file (must not exist)")->required();
  cmd->add_option("--type", a->type, "source type for sources that carry none (default interview)");
  cmd->add_option("--coder", a->coder, "coder for codings that name no user (default 'imported')");
  cmd->add_option("--sources", a->sources, "a folder with source files the archive lacks (looked up by file name)");
  cmd->add_flag("--quiet", a->quiet, "no progress lines");
  cmd->callback([a, &ctx] {
    exchange::ImportOptions o;
    o.default_source_type = a->type;
    o.coder_fallback = a->coder;
    o.sources_dir = a->sources;
    if (!ctx.json && !a->quiet) o.progress = [](const std::string& s) { std::cerr << s << "\n"; };
    auto r = exchange::import_refi(a->file, a->project, o);
    if (ctx.json)
      print_json(r.to_json());
    else
      std::cout << r.to_text() << "project " << a->project << " created (revision " << r.revision << ")\n";
  });
});

}  // namespace
}  // namespace telaah::cli
