// telaah autocode
#include <iostream>

#include "cli/cli.h"
#include "index/autocode.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, query, code, scope = "hit", stance = "neutral", coder;
  bool dry_run = false, synonyms = false;
};

Registrar reg_autocode(61, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "autocode", "Code every match of a search query (one undoable action; --dry-run lists them first)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("query", a->query, "the search query")->required();
  cmd->add_option("--code", a->code, "code path, e.g. \"Process/Programme continuity\"")->required();
  cmd->add_option("--scope", a->scope,
                  "what to code around each match: hit (the words), sentence, paragraph or document");
  cmd->add_option("--stance", a->stance, "supports, contradicts or neutral (default)");
  cmd->add_option("--coder", a->coder, "who codes (default: the project's default coder, then $USER)");
  cmd->add_flag("--dry-run", a->dry_run, "list what would be coded, change nothing");
  cmd->add_flag("--synonyms", a->synonyms, "expand the query with the synonym table");
  cmd->callback([a, &ctx] {
    const index::Scope scope = index::scope_from_string(a->scope);
    const store::Stance stance = store::stance_from_string(a->stance);
    auto p = open_project(a->project, a->coder);  // holds the project lock for the whole run
    const store::Id code = p->resolve_code(a->code);
    auto idx = index::Index::open(a->project);
    idx->ensure_current();
    auto plan = index::autocode_plan(*idx, a->query, scope, code, a->synonyms);
    std::vector<store::Id> ids;
    if (!a->dry_run) {
      ids = index::autocode_apply(*p, plan, code, a->query, stance);
      idx->ensure_current();  // so that code: filters see the new codings at once
    }
    size_t fresh = 0;
    for (const auto& s : plan) fresh += !s.already_coded;
    if (ctx.json) {
      nlohmann::json spans = nlohmann::json::array();
      for (const auto& s : plan)
        spans.push_back({{"document", s.doc},
                         {"start", s.start},
                         {"end", s.end},
                         {"title", s.title},
                         {"quote", s.quote},
                         {"already_coded", s.already_coded}});
      return print_json({{"query", a->query},
                         {"code", p->code_path(code)},
                         {"scope", index::to_string(scope)},
                         {"dry_run", a->dry_run},
                         {"spans", spans},
                         {"codings", ids},
                         {"revision", p->revision()}});
    }
    for (const auto& s : plan) {
      std::string q = s.quote;
      if (text::count_code_points(q) > 100) {
        text::OffsetMap m(q);
        q = std::string(text::slice_cp(q, m, 0, 97)) + "...";
      }
      for (auto& ch : q)
        if (ch == '\n') ch = ' ';
      std::cout << (s.already_coded ? "  (already coded) " : "  ") << "doc " << s.doc << " [" << s.start << "," << s.end
                << ")  \"" << q << "\"\n";
    }
    if (a->dry_run)
      std::cout << "dry run: " << fresh << " passages would be coded as " << p->code_path(code) << " ("
                << plan.size() - fresh << " already are); nothing was changed\n";
    else
      std::cout << "coded " << ids.size() << " passages as " << p->code_path(code)
                << " in one action (undo with 'telaah undo')\n";
  });
});

}  // namespace
}  // namespace telaah::cli
