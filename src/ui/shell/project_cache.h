// What the panels show about the project, read once per project revision
// (Tracy's StatisticsCache idea): documents, the codebook with counts,
// coders and source types. Panels read this plain data every frame and never
// query the project file while drawing.
//
// After the first load the cache follows the change log: each change-log row
// names the documents whose rows, attributes or codings changed and whether
// the codebook did, so update() re-reads only those documents (and the small
// codebook, coders and source types) — a coding at 100,000 documents costs
// what it costs at 36. Far behind (more than 2,000 documents and a quarter of
// the project changed: a large import or its undo) it reloads everything,
// which is then the faster way.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/project.h"

namespace telaah::ui {

struct CodeInfo {
  store::Code code;
  std::string path;   // "Output/Trade goals reached"
  ImU32 colour = 0;   // the code's colour, opaque
  int depth = 0;      // 0 for top-level codes
  int64_t count = 0;  // codings of this code itself
  int64_t total = 0;  // with its sub-codes (evidence rolls up)
  bool has_children = false;
};

struct DocInfo {
  store::Document doc;
  int64_t codings = 0;
  std::vector<store::Attribute> attributes;
  std::vector<std::pair<store::Id, int64_t>> per_code;  // codings in this document per code id, by code id
};

struct ProjectCache {
  int64_t revision = -1;
  // Bumped when the document list changes in what it shows (a document
  // added, removed, renamed, its fields or attributes changed), not when only
  // coding counts move: the document list filters again only then.
  uint64_t docs_version = 0;
  std::vector<DocInfo> docs;    // by id
  std::vector<CodeInfo> codes;  // depth-first, tree order
  std::vector<store::Coder> coders;
  std::vector<store::SourceType> source_types;

  // What one update changed.
  struct Delta {
    bool full = false;            // everything was read again
    bool behind = false;          // far behind and not allowed to reload: nothing done (reload elsewhere)
    bool codebook = false;        // the codes were read again
    std::vector<store::Id> docs;  // documents re-read (with full: none listed)
    bool any() const { return full || behind || codebook || !docs.empty(); }
  };

  void reload(const store::Project& p);  // everything, from scratch
  // What changed since `revision` (reload() when never loaded or far behind;
  // with allow_reload false it then does nothing and says `behind`).
  Delta update(const store::Project& p, bool allow_reload = true);
  const CodeInfo* code(store::Id id) const;
  const DocInfo* doc(store::Id id) const;  // binary search: docs are by id
  std::string coder_name(store::Id id) const;

 private:
  std::unordered_map<store::Id, size_t> code_index_;
  std::unordered_map<store::Id, int64_t> per_code_;  // codings of live documents per code
  void build_codes(std::vector<store::Code> codes);
  void count_codes();
};

// "#RRGGBB" to an opaque ImU32; `fallback` for anything else.
ImU32 parse_colour(const std::string& hex, ImU32 fallback = IM_COL32(136, 136, 136, 255));
std::string format_colour(const ImVec4& c);  // "#RRGGBB"
ImU32 with_alpha(ImU32 c, float alpha);

}  // namespace telaah::ui
