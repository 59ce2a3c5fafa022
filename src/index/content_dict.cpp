// Dictionaries as queries and their counts per document (content.h).
#include <map>
#include <set>

#include "index/content.h"
#include "index/search.h"
#include "store/dictionaries.h"
#include "store/errors.h"

namespace telaah::index {

std::string term_query(const store::DictionaryTerm& t) {
  std::string q;
  switch (store::term_kind(t.term)) {
    case store::TermKind::word:
    case store::TermKind::phrase:
      q = "=" + t.term;
      break;
    case store::TermKind::wildcard:
      q = t.term;
      break;
  }
  if (!t.language.empty()) q = "(" + q + " lang:" + t.language + ")";
  return q;
}

std::string dictionary_query(const store::Dictionary& d) {
  if (d.terms.empty()) throw ValidationError("dictionary " + d.name + " has no terms yet");
  std::string q;
  for (const auto& t : d.terms) q += (q.empty() ? "" : " OR ") + term_query(t);
  return q;
}

static std::vector<size_t> concept_of_terms(const store::Dictionary& d, std::vector<std::string>* names) {
  std::map<int64_t, size_t> group;
  std::vector<size_t> out;
  for (const auto& t : d.terms) {
    if (t.syn != 0) {
      auto it = group.find(t.syn);
      if (it != group.end()) {
        out.push_back(it->second);
        continue;
      }
      group[t.syn] = names->size();
    }
    out.push_back(names->size());
    names->push_back(t.term);
  }
  return out;
}

std::vector<std::string> dictionary_concepts(const store::Dictionary& d) {
  std::vector<std::string> names;
  concept_of_terms(d, &names);
  return names;
}

std::vector<DictionaryDocCount> count_dictionary(Index& idx, const store::Dictionary& d) {
  std::vector<std::string> names;
  const auto concept_of = concept_of_terms(d, &names);
  if (d.terms.empty()) throw ValidationError("dictionary " + d.name + " has no terms yet");
  std::map<Id, DictionaryDocCount> docs;
  // A place matched by two terms of one concept (ekspor, ekspor*) counts once.
  std::map<Id, std::vector<std::set<std::pair<int64_t, int64_t>>>> seen;
  for (size_t i = 0; i < d.terms.size(); ++i) {
    Query q;
    q.text = term_query(d.terms[i]);
    q.limit = 100'000'000;
    q.all_matches = true;
    q.snippet_length = 0;
    for (const auto& h : idx.search(q).hits) {
      auto& c = docs[h.doc];
      if (c.counts.empty()) {
        c.doc = h.doc;
        c.title = h.title;
        c.date = h.date;
        c.counts.assign(names.size(), 0);
        seen[h.doc].resize(names.size());
      }
      auto& places = seen[h.doc][concept_of[i]];
      for (const auto& m : h.matches)
        if (places.insert({m.start, m.end}).second) {
          ++c.counts[concept_of[i]];
          ++c.total;
        }
    }
  }
  std::vector<DictionaryDocCount> out;
  for (auto& [id, c] : docs)
    if (c.total > 0) out.push_back(std::move(c));
  return out;
}

}  // namespace telaah::index
