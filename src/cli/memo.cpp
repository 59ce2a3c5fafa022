// telaah memo: list, add, edit and delete memos on the project, a document or a code.
#include <iostream>

#include "cli/cli.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, doc, code, title, text;
  int64_t edit = 0, del = 0;
};

Registrar reg(50, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("memo", "List memos, or add (--text), edit (--edit N) or delete (--delete N) one");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--doc", a->doc, "the memo is about this document");
  cmd->add_option("--code", a->code, "the memo is about this code");
  auto* o_title = cmd->add_option("--title", a->title, "memo title");
  auto* o_text = cmd->add_option("--text", a->text, "memo text (adds a memo)");
  cmd->add_option("--edit", a->edit, "edit memo number N (with --title and/or --text; what is not given stays)");
  cmd->add_option("--delete", a->del, "delete memo number N");
  cmd->callback([a, &ctx, o_title, o_text] {
    text::require_valid_utf8(a->text, "the memo text");
    text::require_valid_utf8(a->title, "the memo title");
    auto p = open_project(a->project);
    std::string kind = "project";
    store::Id target = 0;
    if (!a->doc.empty() && !a->code.empty()) throw UserError("a memo is about a document or a code, not both");
    if (!a->doc.empty()) {
      kind = "document";
      target = p->resolve_document(a->doc);
    }
    if (!a->code.empty()) {
      kind = "code";
      target = p->resolve_code(a->code);
    }
    if (a->del && a->edit) throw UserError("give --edit or --delete, not both");
    if (a->del) {
      p->delete_memo(a->del);
      if (!ctx.json) std::cout << "deleted memo #" << a->del << "\n";
    } else if (a->edit) {
      if (!*o_title && !*o_text)
        throw UserError("nothing to change in memo #" + std::to_string(a->edit) + ": give --title or --text");
      std::optional<store::Memo> old;
      for (const auto& m : p->memos())
        if (m.id == a->edit) old = m;
      if (!old) throw NotFound("no memo #" + std::to_string(a->edit));
      p->edit_memo(a->edit, *o_title ? a->title : old->title, *o_text ? a->text : old->body);
      if (!ctx.json) std::cout << "edited memo #" << a->edit << "\n";
    } else if (*o_text || *o_title) {
      store::Id id = p->add_memo(kind, target, a->title, a->text);
      if (!ctx.json) std::cout << "added memo #" << id << "\n";
    }
    auto list = p->memos((a->doc.empty() && a->code.empty()) ? "" : kind,
                         (a->doc.empty() && a->code.empty()) ? std::nullopt : std::optional<store::Id>(target));
    if (ctx.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& m : list)
        out.push_back({{"id", m.id},
                       {"kind", m.kind},
                       {"target", m.target},
                       {"title", m.title},
                       {"text", m.body},
                       {"created", m.created},
                       {"modified", m.modified}});
      return print_json(out);
    }
    if (!a->text.empty() || a->edit || a->del) return;
    for (const auto& m : list)
      std::cout << "#" << m.id << "\t" << m.kind << (m.target ? " #" + std::to_string(m.target) : "") << "\t" << m.title
                << "\n  " << m.body << "\n";
  });
});

}  // namespace
}  // namespace telaah::cli
