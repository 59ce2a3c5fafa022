// The document open in the coding view: its text, structure and codings,
// prepared for drawing (style runs, coding overlap levels, stripe lanes).
// Plain data, reloaded from the project when its revision changes; it never
// holds anything of the screen except colours.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/project.h"
#include "text/utf8.h"
#include "ui/shell/project_cache.h"
#include "ui/shell/ui_state.h"
#include "ui/widgets/doc_layout.h"

namespace telaah::ui {

// A styled stretch of text: a speaker label ("Informan B:") or a heading.
struct Styled {
  enum Kind : uint8_t { speaker, heading } kind = speaker;
  text::Span span;
  uint32_t colour_index = 0;  // speakers: index into the speaker palette
};

// Whose codings the document view shows: every coder's, or only some
// (blind mode: only the session coder's). Applied where the codings are loaded.
struct CoderFilter {
  std::vector<store::Id> coders;  // empty: every coder; {0}: nobody (a coder without codings yet)
  bool keeps(store::Id coder) const;
  bool operator==(const CoderFilter&) const = default;
};
// The filter the remembered choice asks for ("show codings of", blind mode);
// `me` is the session's coder.
CoderFilter coder_filter(const ProjectUiState& s, const ProjectCache& cache, const std::string& me);

struct OpenDocument {
  store::Document meta;
  std::string text;
  text::OffsetMap map;  // views `text`: an OpenDocument lives behind a unique_ptr and never moves
  std::vector<text::Block> blocks;
  std::vector<store::Page> pages;
  std::vector<store::Attribute> attributes;
  std::vector<text::Span> low_confidence;                   // OCR'd words under ingest::ocr::kLowConfidence, by start
  StyleRuns runs;                                           // bold spans for the layout
  std::unordered_map<std::string, uint32_t> speaker_index;  // speakers in order of first turn: their colour
  std::vector<Styled> styled;                               // sorted by start
  uint64_t generation = 0;                                  // changes whenever `text` changes

  // Codings sorted by start; max_end[i] is the largest end among codings[0..i],
  // so the codings overlapping a range are found without scanning them all.
  std::vector<store::Coding> codings;
  std::vector<int64_t> max_end;
  std::vector<uint8_t> level;  // overlap level: 0 for the first layer, 1 above it ...
  int levels = 0;
  std::vector<store::Id> lanes;  // codes with codings here, in codebook order: one stripe lane each
  std::unordered_map<store::Id, int> lane_of;
  CoderFilter who;  // whose codings are kept by set_codings
  int hidden = 0;   // codings of this document the filter left out

  // Calls f(index) for every coding that overlaps [a, b), from the last start backwards.
  template <class F>
  void for_codings_in(int64_t a, int64_t b, F&& f) const;
  const store::Coding* coding(store::Id id) const;
  // The innermost (shortest) coding containing cp, if any.
  const store::Coding* coding_at(int64_t cp) const;

  // Replaces the codings (filtered by `who`, sorted, levels and lanes recomputed).
  void set_codings(std::vector<store::Coding> cs, const ProjectCache& cache);
  // The paragraph (block) around cp, or the text between blank lines.
  text::Span paragraph_at(int64_t cp) const;
  int64_t length() const { return static_cast<int64_t>(map.size_cp()); }
  std::string slice(int64_t start, int64_t end) const;
};

// Loads a document with its codings. Throws NotFound when it is gone.
std::unique_ptr<OpenDocument> load_document(const store::Project& p, store::Id id, const ProjectCache& cache);

template <class F>
void OpenDocument::for_codings_in(int64_t a, int64_t b, F&& f) const {
  // Codings starting before b, walked backwards until no earlier one can reach a.
  size_t hi = static_cast<size_t>(std::lower_bound(codings.begin(), codings.end(), b,
                                                   [](const store::Coding& c, int64_t v) { return c.start < v; }) -
                                  codings.begin());
  for (size_t i = hi; i-- > 0;) {
    if (max_end[i] <= a) break;
    if (codings[i].end > a) f(i);
  }
}

}  // namespace telaah::ui
