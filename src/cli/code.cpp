// telaah code | uncode | codings | stance
#include <iostream>
#include <set>

#include "cli/cli.h"
#include "cli/set_option.h"
#include "store/media.h"
#include "store/quote.h"
#include "text/timecode.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct CodeArgs {
  std::string project, doc, quote, code, stance = "neutral", memo, coder, from, to;
  int64_t start = -1, end = -1;
  int occurrence = 0;
};

Registrar reg_code(40, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<CodeArgs>();
  auto* cmd = app.add_subcommand("code", "Code a passage: by --start/--end (code points) or by exact --quote");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--doc", a->doc, "document number, title or file name")->required();
  cmd->add_option("--code", a->code, "code path, e.g. \"Input/Legal infrastructure\"")->required();
  auto* o_start = cmd->add_option("--start", a->start, "start offset (code points, 0-based)");
  auto* o_end = cmd->add_option("--end", a->end, "end offset (code points, exclusive)");
  auto* o_quote = cmd->add_option("--quote", a->quote, "the exact text of the passage");
  cmd->add_option("--occurrence", a->occurrence,
                  "which occurrence of the quote (1-based) when it occurs more than once");
  auto* o_from = cmd->add_option("--from", a->from,
                                 "with --to: code a stretch of a recording's transcript by time (mm:ss, h:mm:ss, "
                                 "fractions after '.'); its text span follows from the sync points");
  cmd->add_option("--to", a->to, "the end of the stretch (see --from)");
  cmd->add_option("--stance", a->stance, "supports, contradicts or neutral (default)");
  cmd->add_option("--memo", a->memo, "a memo on this coding");
  cmd->add_option("--coder", a->coder, "who codes (default: the project's default coder, then $USER)");
  cmd->callback([a, &ctx, o_start, o_end, o_quote, o_from] {
    const bool by_quote = o_quote->count() > 0;
    const bool by_offsets = o_start->count() > 0 || o_end->count() > 0;
    if (o_from->count() > 0 || !a->to.empty()) {  // a stretch of a recording (store/media.h)
      if (by_quote || by_offsets) throw UserError("--from/--to code by time; leave out --quote, --start and --end");
      const auto from = text::parse_clock(a->from), to = text::parse_clock(a->to);
      if (!from || !to) throw UserError("--from and --to need times such as 01:23 or 0:01:23.5");
      auto p = open_project(a->project, a->coder);
      store::Coding c;
      c.doc = p->resolve_document(a->doc);
      c.code = p->resolve_code(a->code);
      c.stance = store::stance_from_string(a->stance);
      c.memo = a->memo;
      const store::Id id = store::add_media_coding(*p, c, *from, *to);
      auto j = to_json(p->coding(id), *p);
      const auto span = store::coding_media(*p, id);
      j["start_ms"] = span->start_ms;
      j["end_ms"] = span->end_ms;
      j["revision"] = p->revision();
      if (ctx.json) return print_json(j);
      std::cout << "coded #" << id << " " << j["code"].get<std::string>() << " " << text::format_clock(span->start_ms)
                << "-" << text::format_clock(span->end_ms) << " [" << j["start"] << "," << j["end"] << ") "
                << store::to_string(c.stance) << "\n";
      return;
    }
    if (by_quote == by_offsets) throw UserError("give either --quote TEXT or both --start and --end");
    if (by_offsets && (o_start->count() == 0 || o_end->count() == 0)) throw UserError("give both --start and --end");
    text::require_valid_utf8(a->quote, "the quote");
    text::require_valid_utf8(a->memo, "the memo");
    auto p = open_project(a->project, a->coder);
    store::Coding c;
    c.doc = p->resolve_document(a->doc);
    c.code = p->resolve_code(a->code);
    c.stance = store::stance_from_string(a->stance);
    c.memo = a->memo;
    if (by_quote) {
      auto span = store::resolve_quote(p->text(c.doc), a->quote, a->occurrence, p->document(c.doc).title);
      c.start = span.start;
      c.end = span.end;
    } else {
      c.start = a->start;
      c.end = a->end;
    }
    store::Id id = p->add_coding(c);
    auto j = to_json(p->coding(id), *p);
    j["revision"] = p->revision();
    if (ctx.json)
      print_json(j);
    else
      std::cout << "coded #" << id << " " << j["code"].get<std::string>() << " [" << c.start << "," << c.end << ") "
                << store::to_string(c.stance) << "\n";
  });
});

struct IdArgs {
  std::string project, stance, memo;
  int64_t id = 0;
};

Registrar reg_uncode(41, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<IdArgs>();
  auto* cmd = app.add_subcommand("uncode", "Remove a coding");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("coding", a->id, "the coding number (see 'telaah codings')")->required();
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    p->remove_coding(a->id);
    if (ctx.json)
      print_json({{"removed", a->id}, {"revision", p->revision()}});
    else
      std::cout << "removed coding #" << a->id << "\n";
  });
});

Registrar reg_edit(42, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<IdArgs>();
  auto* cmd = app.add_subcommand("recode", "Change a coding's stance or memo");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("coding", a->id, "the coding number")->required();
  auto* st = cmd->add_option("--stance", a->stance, "supports, contradicts or neutral");
  auto* me = cmd->add_option("--memo", a->memo, "new memo");
  cmd->callback([a, &ctx, st, me] {
    if (!*st && !*me) throw UserError("nothing to change: give --stance or --memo");
    text::require_valid_utf8(a->memo, "the memo");
    auto p = open_project(a->project);
    auto act = p->begin_action("Edit coding #" + std::to_string(a->id));
    if (*st) p->set_stance(a->id, store::stance_from_string(a->stance));
    if (*me) p->set_coding_memo(a->id, a->memo);
    act.commit();
    if (ctx.json)
      print_json(to_json(p->coding(a->id), *p));
    else
      std::cout << "changed coding #" << a->id << "\n";
  });
});

struct ListArgs {
  std::string project, doc, code, type, coder, stance, set;
  bool no_sub = false;
};

Registrar reg_list(43, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ListArgs>();
  auto* cmd =
      app.add_subcommand("codings", "List codings, filtered by document, code (with sub-codes), type, coder, stance");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--doc", a->doc, "document number, title or file name");
  cmd->add_option("--code", a->code, "code path (its sub-codes are included)");
  cmd->add_flag("--no-subcodes", a->no_sub, "with --code: that code only");
  cmd->add_option("--type", a->type, "source type");
  cmd->add_option("--coder", a->coder, "coder name");
  cmd->add_option("--stance", a->stance, "supports, contradicts or neutral");
  cmd->add_option("--set", a->set, kSetHelp);
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    std::set<store::Id> members;
    const auto in_set = set_members(*p, a->set);
    if (in_set) members.insert(in_set->begin(), in_set->end());
    auto outside = [&](const store::Coding& c) { return in_set && !members.count(c.doc); };
    store::CodingFilter f;
    if (!a->doc.empty()) f.doc = p->resolve_document(a->doc);
    if (!a->code.empty()) {
      store::Id c = p->resolve_code(a->code);
      f.codes = a->no_sub ? std::vector<store::Id>{c} : p->code_descendants(c);
    }
    if (!a->type.empty()) {
      p->source_type_id(a->type);
      f.source_type = a->type;
    }
    if (!a->coder.empty()) {
      auto id = p->find_coder(a->coder);
      if (!id) throw NotFound("no coder '" + a->coder + "' in this project");
      f.coder = *id;
    }
    if (!a->stance.empty()) f.stance = store::stance_from_string(a->stance);
    // Streamed: one coding at a time, and only the current document's text
    // held (codings come by document), not the whole list.
    CodingWriter write(*p);
    int64_t n = 0;
    if (ctx.json) {
      // The same bytes as print_json of the whole array (dump with indent 2).
      std::string item;
      p->for_each_coding(f, [&](const store::Coding& c) {
        if (outside(c)) return;
        item = write(c).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        std::string indented;
        indented.reserve(item.size() + 64);
        for (char ch : item) {
          indented += ch;
          if (ch == '\n') indented += "  ";  // JSON strings hold no raw newline: only layout ones
        }
        std::cout << (n++ ? ",\n  " : "[\n  ") << indented;
      });
      std::cout << (n ? "\n]\n" : "[]\n");
      return;
    }
    p->for_each_coding(f, [&](const store::Coding& c) {
      if (outside(c)) return;
      ++n;
      auto j = write(c);
      std::string q = j["quote"];
      if (text::count_code_points(q) > 80) {
        text::OffsetMap m(q);
        q = std::string(text::slice_cp(q, m, 0, 77)) + "...";
      }
      for (auto& ch : q)
        if (ch == '\n') ch = ' ';
      std::cout << "#" << c.id << "\tdoc " << c.doc << " [" << c.start << "," << c.end << ")\t"
                << j["code"].get<std::string>() << "\t" << store::to_string(c.stance) << "\t"
                << j["coder"].get<std::string>() << "\t\"" << q << "\"\n";
    });
    std::cout << n << " codings\n";
  });
});

}  // namespace
}  // namespace telaah::cli
