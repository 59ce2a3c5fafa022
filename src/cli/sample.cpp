// telaah sample: build the coded sample project from corpus/.
#include <iostream>

#include "cli/cli.h"
#include "sample/sample.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, corpus;
};

Registrar reg(15, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("sample", "Build the coded sample project (the Jakarta-Seoul sister-city study)");
  cmd->add_option("project", a->project, "the project file to create")->required();
  cmd->add_option("--corpus", a->corpus, "the corpus folder (default: the one shipped with Telaah)");
  cmd->callback([a, &ctx] {
    std::filesystem::path corpus = a->corpus.empty() ? sample::default_corpus_dir() : std::filesystem::path(a->corpus);
    if (corpus.empty()) throw UserError("cannot find the sample corpus; give --corpus DIR");
    auto r = sample::build_sample(a->project, corpus, [&](const std::string& s) {
      if (!ctx.json) std::cerr << s << "...\n";
    });
    if (ctx.json)
      print_json({{"project", a->project},
                  {"documents", r.documents},
                  {"codes", r.codes},
                  {"codings", r.codings},
                  {"coders", r.coders}});
    else
      std::cout << "built " << a->project << ": " << r.documents << " documents, " << r.codes << " codes, " << r.codings
                << " codings by " << r.coders.size() << " coders\n";
  });
});

}  // namespace
}  // namespace telaah::cli
