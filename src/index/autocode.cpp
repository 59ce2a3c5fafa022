// Auto-coding from search (see autocode.h).
#include "index/autocode.h"

#include <algorithm>
#include <map>

#include "text/structure.h"
#include "text/utf8.h"

namespace telaah::index {

Scope scope_from_string(const std::string& s) {
  if (s == "hit" || s.empty()) return Scope::hit;
  if (s == "sentence") return Scope::sentence;
  if (s == "paragraph") return Scope::paragraph;
  if (s == "document") return Scope::document;
  throw ValidationError("unknown scope '" + s + "' (use hit, sentence, paragraph or document)");
}

const char* to_string(Scope s) {
  switch (s) {
    case Scope::sentence:
      return "sentence";
    case Scope::paragraph:
      return "paragraph";
    case Scope::document:
      return "document";
    default:
      return "hit";
  }
}

std::vector<AutocodeSpan> autocode_plan(Index& idx, const std::string& query, Scope scope, Id code, bool synonyms) {
  Query q;
  q.text = query;
  q.by_document = false;  // every matching passage
  q.limit = 10'000'000;
  q.synonyms = synonyms;
  q.snippet_length = 0;
  Results r = idx.search(q);
  if (!r.marks && (scope == Scope::hit || scope == Scope::sentence))
    throw UserError("the query '" + query +
                    "' has no words to find in the text (only filters, title, outlet or speaker fields, or NOT parts), "
                    "so it marks no " +
                    (scope == Scope::hit ? "words" : "sentences") +
                    ": auto-code its matches by paragraph or by document instead");
  if (r.partial) {
    std::string missing;
    for (const auto& m : r.missing_shards) missing += (missing.empty() ? "" : ", ") + m;
    throw UserError("auto-coding needs every document, but the search index shards " + missing +
                    " did not answer; try again when they are back");
  }

  std::map<Id, std::vector<AutocodeSpan>> by_doc;
  std::map<Id, std::string> texts;
  for (const auto& h : r.hits) {
    auto& text = texts[h.doc];
    if (text.empty()) text = idx.source().text(h.doc);
    auto& spans = by_doc[h.doc];
    auto add = [&](int64_t a, int64_t b) { spans.push_back({h.doc, a, b, h.title, "", false}); };
    switch (scope) {
      case Scope::hit:
        for (const auto& m : h.matches) add(m.start, m.end);
        break;
      case Scope::sentence: {
        auto sentences = text::split_sentences(text, {h.start, h.end});
        for (const auto& s : sentences)
          for (const auto& m : h.matches)
            if (m.start < s.end && m.end > s.start) {
              add(s.start, s.end);
              break;
            }
        break;
      }
      case Scope::paragraph:
        add(h.start, h.end);
        break;
      case Scope::document:
        add(0, static_cast<int64_t>(text::count_code_points(text)));
        break;
    }
  }

  std::vector<AutocodeSpan> out;
  for (auto& [doc, spans] : by_doc) {
    std::sort(spans.begin(), spans.end(), [](const AutocodeSpan& a, const AutocodeSpan& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<AutocodeSpan> merged;
    for (auto& s : spans) {
      if (s.end <= s.start) continue;
      if (!merged.empty() && s.start < merged.back().end)
        merged.back().end = std::max(merged.back().end, s.end);
      else
        merged.push_back(s);
    }
    const std::string& text = texts[doc];
    text::OffsetMap map(text);
    auto existing = idx.source().codings(doc);
    for (auto& s : merged) {
      s.quote = std::string(text::slice_cp(text, map, s.start, s.end));
      for (const auto& c : existing)
        if (c.code == code && c.start == s.start && c.end == s.end) s.already_coded = true;
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::vector<Id> autocode_apply(store::Project& p, const std::vector<AutocodeSpan>& plan, Id code,
                               const std::string& query, store::Stance stance) {
  std::vector<store::Coding> cs;
  for (const auto& s : plan) {
    if (s.already_coded) continue;
    store::Coding c;
    c.doc = s.doc;
    c.code = code;
    c.start = s.start;
    c.end = s.end;
    c.stance = stance;
    c.origin = "search: " + query;
    cs.push_back(std::move(c));
  }
  if (cs.empty()) return {};
  const std::string label =
      "Auto-code " + std::to_string(cs.size()) + " passages as " + p.code_path(code) + " from search '" + query + "'";
  auto action = p.begin_action(label);
  std::vector<Id> ids = p.add_codings(cs, label);
  action.commit();
  return ids;
}

}  // namespace telaah::index
