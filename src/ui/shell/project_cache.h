// What the panels show about the project, read once per project revision
// (Tracy's StatisticsCache idea): documents, the codebook with counts,
// coders and source types. Panels read this plain data every frame and never
// query the project file while drawing.
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
};

struct ProjectCache {
  int64_t revision = -1;
  std::vector<DocInfo> docs;    // by id
  std::vector<CodeInfo> codes;  // depth-first, tree order
  std::vector<store::Coder> coders;
  std::vector<store::SourceType> source_types;

  void reload(const store::Project& p);
  const CodeInfo* code(store::Id id) const;
  const DocInfo* doc(store::Id id) const;
  std::string coder_name(store::Id id) const;

 private:
  std::unordered_map<store::Id, size_t> code_index_, doc_index_;
};

// "#RRGGBB" to an opaque ImU32; `fallback` for anything else.
ImU32 parse_colour(const std::string& hex, ImU32 fallback = IM_COL32(136, 136, 136, 255));
std::string format_colour(const ImVec4& c);  // "#RRGGBB"
ImU32 with_alpha(ImU32 c, float alpha);

}  // namespace telaah::ui
