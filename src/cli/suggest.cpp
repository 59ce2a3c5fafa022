// telaah suggest: code suggestions from the passages already coded (issue 27;
// the rule in index/suggest.h), and the researcher's decisions on them.
#include <iostream>

#include "cli/cli.h"
#include "index/suggest.h"
#include "store/suggestions.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, code, scope = "paragraph", coder, type, filter;
  int64_t limit = 20;
  bool supports_only = false;
  std::vector<std::string> accept, reject;
};

const char* kRule =
    "Suggestions are made on this machine from the project's own search index; nothing leaves it.\n"
    "How they are made: the passages overlapping the codings of CODE and its sub-codes (--coder: one coder's\n"
    "only; --supports-only: stance supports only) are the relevance set; the index picks the 40 words that best\n"
    "tell them from the rest (Xapian expansion, each with a weight; common Indonesian and English function words\n"
    "such as yang, dan, dengan, the, of are never used, nor words in more than 20% of the passages of an index of\n"
    "100 passages or more); the words of the code's name and definition are added with\n"
    "0.5 x the mean weight. Passages that do not carry CODE yet are ranked by those words (BM25, each word scaled\n"
    "by its weight). Rejected passages are never suggested again; their own expansion words (weight w-) lower\n"
    "the same word's weight (w+ - w-), and a word with w- > w+ that no coded passage holds demotes every passage that "
    "holds it: its score is\n"
    "multiplied by 1 - 0.75 x (its share of those words' weight). Scope: paragraph = the passage; sentence = its\n"
    "sentence with the most weight; hit = that sentence from its first to its last model word.\n"
    "Each suggestion shows its words with their weights and the coded passage most like it.\n"
    "Accepted suggestions become codings of the coder named by setting suggestions.coder (default\n"
    "\"suggestions\"), so 'telaah agreement' can compare you with the suggestions; all decisions of one call are\n"
    "one undoable action. Setting suggestions.enabled false switches the feature off.";

std::string one_line(const std::string& s, int64_t max_cp) {
  std::string q = s;
  if (static_cast<int64_t>(text::count_code_points(q)) > max_cp) {
    text::OffsetMap m(q);
    q = std::string(text::slice_cp(q, m, 0, max_cp - 3)) + "...";
  }
  for (auto& ch : q)
    if (ch == '\n' || ch == '\t') ch = ' ';
  return q;
}

std::string weight_text(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", w);
  return buf;
}

Registrar reg_suggest(62, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "suggest",
      "Suggest passages for a code from the passages already coded, with the reasons; accept or reject them");
  cmd->footer(kRule);
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--code", a->code, "code path, e.g. \"Process/Community involvement\"")->required();
  cmd->add_option("--limit", a->limit, "how many suggestions (default 20)");
  cmd->add_option("--scope", a->scope, "sentence, paragraph (default) or hit");
  cmd->add_option("--coder", a->coder, "learn only from this coder's codings");
  cmd->add_flag("--supports-only", a->supports_only, "learn only from codings with stance supports");
  cmd->add_option("--type", a->type, "suggest only from documents of this source type");
  cmd->add_option("--filter", a->filter,
                  "suggest only from passages matching these search filters, e.g. \"year:2013..2015 doc:4\"");
  cmd->add_option("--accept", a->accept, "accept these suggestions (ids as listed: DOC:START-END)");
  cmd->add_option("--reject", a->reject,
                  "reject these suggestions: never suggested again, and they demote similar ones");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    if (!store::suggestions_enabled(*p))
      throw UserError(
          "suggestions are switched off in this project (setting suggestions.enabled); switch them on "
          "with: telaah settings " +
          a->project + " suggestions.enabled true");
    const store::Id code = p->resolve_code(a->code);
    if (!a->accept.empty() || !a->reject.empty()) {
      std::vector<store::SuggestionDecision> ds;
      for (const auto& id : a->accept) {
        auto s = index::parse_suggestion_id(id);
        ds.push_back({store::SuggestionDecision::Kind::accept, s.doc, s.start, s.end, code});
      }
      for (const auto& id : a->reject) {
        auto s = index::parse_suggestion_id(id);
        ds.push_back({store::SuggestionDecision::Kind::reject, s.doc, s.start, s.end, code});
      }
      auto r = store::apply_suggestion_decisions(*p, code, ds);
      if (r.revision) {
        auto idx = index::Index::open(a->project);
        idx->ensure_current();
      }
      if (ctx.json)
        return print_json({{"code", p->code_path(code)},
                           {"coder", store::suggestions_coder(*p)},
                           {"codings", r.codings},
                           {"rejections", r.rejections},
                           {"skipped", r.skipped},
                           {"revision", p->revision()}});
      std::cout << "accepted " << r.codings.size() << " suggestions as codings of " << p->code_path(code)
                << " by coder '" << store::suggestions_coder(*p) << "', rejected " << r.rejections.size();
      if (r.skipped) std::cout << " (" << r.skipped << " skipped: already coded or rejected)";
      std::cout << (r.revision ? "; one action (undo with 'telaah undo')\n" : "; nothing changed\n");
      return;
    }
    index::SuggestOptions opt;
    opt.coder = a->coder;
    opt.supports_only = a->supports_only;
    opt.scope = index::scope_from_string(a->scope);
    opt.limit = a->limit;
    opt.filter = a->filter;
    if (!a->type.empty()) {
      std::string t = a->type;
      for (char& c : t)
        if (c == '"') c = ' ';
      opt.filter += (opt.filter.empty() ? "" : " ") + std::string("type:\"") + t + "\"";
    }
    auto req = index::suggest_request(*p, code, opt);
    auto idx = index::Index::open(a->project);
    idx->ensure_current();
    auto res = index::suggest(*idx, req);
    auto terms_json = [](const std::vector<index::TermWeight>& ts) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& t : ts) j.push_back({{"term", t.term}, {"weight", t.weight}});
      return j;
    };
    if (ctx.json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& s : res.suggestions)
        list.push_back({{"id", s.id},
                        {"document", s.doc},
                        {"title", s.title},
                        {"start", s.start},
                        {"end", s.end},
                        {"quote", s.quote},
                        {"score", s.score},
                        {"demotion", s.demotion},
                        {"terms", terms_json(s.terms)},
                        {"demoted_by", s.demoted_by},
                        {"most_similar",
                         {{"document", s.similar.doc},
                          {"title", s.similar.title},
                          {"start", s.similar.start},
                          {"end", s.similar.end},
                          {"quote", s.similar.quote},
                          {"overlap", s.similar.overlap},
                          {"shared", s.similar.shared}}}});
      return print_json({{"code", p->code_path(code)},
                         {"scope", index::to_string(opt.scope)},
                         {"seed_passages", res.seed_passages},
                         {"rejected_passages", res.rejected_passages},
                         {"model", terms_json(res.model)},
                         {"rejection_terms", terms_json(res.negative)},
                         {"suggestions", list},
                         {"notes", res.notes}});
    }
    std::cout << "Suggestions for " << p->code_path(code) << " from " << res.seed_passages << " coded passages";
    if (res.rejected_passages) std::cout << " and " << res.rejected_passages << " rejected";
    std::cout << " (scope " << index::to_string(opt.scope) << ")\n";
    for (const auto& n : res.notes) std::cout << "note: " << n << "\n";
    if (res.suggestions.empty()) std::cout << "no passage outside the coded ones holds the code's words\n";
    int k = 0;
    for (const auto& s : res.suggestions) {
      std::cout << ++k << ". " << s.id << "  score " << weight_text(s.score) << "  " << s.title << "\n   \""
                << one_line(s.quote, 160) << "\"\n   why:";
      for (const auto& t : s.terms) std::cout << " " << t.term << " " << weight_text(t.weight);
      std::cout << "\n";
      if (s.similar.end > s.similar.start)
        std::cout << "   like coded " << index::suggestion_id(s.similar.doc, s.similar.start, s.similar.end) << " \""
                  << one_line(s.similar.quote, 80) << "\"\n";
      if (!s.demoted_by.empty()) {
        std::cout << "   demoted " << static_cast<int>(s.demotion * 100 + 0.5) << "% by rejected words:";
        for (const auto& t : s.demoted_by) std::cout << " " << t;
        std::cout << "\n";
      }
    }
    if (!res.suggestions.empty())
      std::cout << "accept or reject with: telaah suggest " << a->project << " --code \"" << p->code_path(code)
                << "\" --accept ID... --reject ID...\n";
  });
});

}  // namespace
}  // namespace telaah::cli
