// "Open document by name" (Ctrl+P): a popup with a box; typing filters the
// documents by title (then author, date, language, file name and attributes),
// Up/Down/PageUp/PageDown choose, Enter opens the document in the coding view,
// Esc closes. Fast at 100,000 documents: the lower-cased text of every
// document is kept once per change of the document list, a longer query
// filters only the previous hits, and only the visible rows are drawn.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/shell/project_cache.h"

namespace telaah::ui {

class DocPicker {
 public:
  void open() { open_request_ = true; }
  bool is_open() const { return open_; }
  // Draws the popup while it is open; the document chosen (the popup is closed then).
  std::optional<store::Id> draw(const ProjectCache& cache);

  // The filter without drawing (the popup runs it on each change of the box; tests and benches).
  void set_query(const ProjectCache& cache, const std::string& q);
  const std::string& query() const { return query_; }
  // The documents shown, best first (indexes into cache.docs), and the chosen row.
  const std::vector<uint32_t>& hits() const { return hits_; }
  int chosen_row() const { return chosen_; }
  size_t rows_drawn() const { return rows_drawn_; }
  size_t scanned() const { return scanned_; }  // documents the last filtering looked at

 private:
  void index(const ProjectCache& cache);

  bool open_request_ = false, open_ = false, scroll_to_chosen_ = false;
  std::string query_, applied_;  // the box, and the (lower-cased) query the hits are for
  std::vector<uint32_t> hits_;
  int chosen_ = 0;
  size_t rows_drawn_ = 0, scanned_ = 0;
  // Lower-cased text per document: its title, and the rest (author, date, language, file name, attributes).
  std::vector<std::string> titles_, others_;
  uint64_t version_ = 0;
  const void* docs_at_ = nullptr;
  size_t docs_n_ = 0;
  bool indexed_ = false;
};

}  // namespace telaah::ui
