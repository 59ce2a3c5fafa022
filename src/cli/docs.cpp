// telaah docs | show
#include <iostream>

#include "cli/cli.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, doc, type;
  int64_t around = -1, context = 300;
};

Registrar reg_docs(21, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("docs", "List the documents of a project");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--type", a->type, "only this source type");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : p->documents()) {
      if (!a->type.empty() && d.source_type != a->type) continue;
      auto j = to_json(d);
      nlohmann::json attrs = nlohmann::json::object();
      for (const auto& at : p->attributes(d.id)) attrs[at.name] = at.value;
      j["attributes"] = attrs;
      if (ctx.json) out.push_back(j);
      else
        std::cout << "#" << d.id << "\t" << d.source_type << "\t" << (d.language.empty() ? "-" : d.language) << "\t"
                  << (d.date.empty() ? "-" : d.date) << "\t" << d.length_cp << " chars\t" << d.title << "\n";
    }
    if (ctx.json) print_json(out);
  });
});

Registrar reg_show(22, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("show", "Print a document's text, whole or around an offset");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("doc", a->doc, "document number, title or file name")->required();
  cmd->add_option("--around", a->around, "code-point offset to show the text around");
  cmd->add_option("--context", a->context, "characters of context on each side with --around (default 300)");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    store::Id id = p->resolve_document(a->doc);
    std::string body = p->text(id);
    text::OffsetMap m(body);
    int64_t start = 0, end = static_cast<int64_t>(m.size_cp());
    if (a->around >= 0) {
      if (a->around > end)
        throw UserError("offset " + std::to_string(a->around) + " is outside the document (it has " + std::to_string(end) + " characters)");
      start = std::max<int64_t>(0, a->around - a->context);
      end = std::min<int64_t>(end, a->around + a->context);
    }
    std::string part(text::slice_cp(body, m, start, end));
    if (ctx.json) print_json({{"document", id}, {"start", start}, {"end", end}, {"text", part}});
    else std::cout << part << (part.empty() || part.back() != '\n' ? "\n" : "");
  });
});

}  // namespace
}  // namespace telaah::cli
