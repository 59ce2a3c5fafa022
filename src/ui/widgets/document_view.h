// The document view: our own text widget, the heart of the coding window.
//
// It draws an OpenDocument word-wrapped to the pane width (layout cached per
// width, see doc_layout.h), only the visible lines; codings as highlights in
// their code colours with overlaps layered (fill plus one underline level per
// overlap) and as labelled stripes in a margin, one lane per code. It owns
// the selection, scrolling and find-in-document; everything that changes the
// project is handed back to the caller as a ViewRequest, so this widget never
// writes to the model itself.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <optional>
#include <string>
#include <vector>

#include "store/types.h"
#include "ui/coding/open_document.h"
#include "ui/shell/project_cache.h"
#include "ui/widgets/doc_layout.h"

namespace telaah::ui {

struct DocPalette {
  ImU32 text, text_dim, heading, selection, find, find_current, rule, gutter_text, stripe_bg;
  float highlight_alpha = 0.22f;
  std::vector<ImU32> speakers;  // speaker label colours, picked by the speaker's name
};

// What the user asked for that changes the project; the caller carries it out.
struct ViewRequest {
  enum Kind { none, quick_code, in_vivo, remove_coding, set_stance, edit_memo, link_to, link } kind = none;
  store::Stance stance = store::Stance::neutral;
  store::Id coding = 0;
  store::Id other = 0;  // link: the coding dropped onto `coding`
};

// Where a stripe was drawn in the last frame (hover, click, tests).
struct StripeHit {
  ImRect rect;
  store::Id coding = 0;
  store::Id code = 0;
  bool label = false;  // the stripe carries its code's name
};

// Payload of dragging the selection onto the codebook.
struct SpanPayload {
  store::Id doc = 0;
  int64_t start = 0, end = 0;
};
inline constexpr const char* kSpanPayload = "TELAAH_SPAN";
// Payload of dragging a coding (its stripe here, its chip in the inspector) onto another to link them: its id.
inline constexpr const char* kCodingPayload = "TELAAH_CODING";

class DocumentView {
 public:
  // Draws into the remaining content region of the current window.
  ViewRequest draw(OpenDocument& doc, const ProjectCache& cache, const DocFonts& fonts, const DocPalette& pal);

  // Forget per-document state (selection, scroll, find) when another document opens.
  void reset();

  // Selection in code points; empty when start == end.
  text::Span selection() const;
  bool has_selection() const { return anchor_ != caret_; }
  int64_t caret() const { return caret_; }
  void focus() { focus_ = true; }  // the keyboard goes to the text at the next draw
  bool has_focus() const {
    return has_focus_;
  }  // the text had the keyboard in the last frame  // where the keyboard caret is (the moving end of the selection)
  void set_caret(int64_t cp) { anchor_ = caret_ = cp; }
  void set_selection(int64_t start, int64_t end);
  void clear_selection() { anchor_ = caret_; }

  std::optional<store::Id> selected_coding() const { return selected_coding_; }
  void select_coding(std::optional<store::Id> id) { selected_coding_ = id; }

  // Scrolls so that cp's line lands `align` of the view height from the top
  // (a third by default); `smooth` animates.
  void jump_to(int64_t cp, bool smooth = true, float align = 0.33f);
  int64_t top_cp() const { return top_cp_; }  // first visible code point (remembered per project)

  // Find in document.
  void open_find();
  void set_find_query(const std::string& q);
  void find_next(bool forward);
  size_t find_matches() const { return matches_.size(); }
  bool find_open() const { return find_open_; }

  // True while scrolling animates: the frame loop keeps drawing.
  bool animating() const { return animating_ || pending_jump_.has_value(); }

  // Geometry of the last frame, for the codebook drop target and tests.
  std::optional<ImVec2> screen_pos(int64_t cp) const;  // top-left of the glyph cell at cp, if laid out
  float line_height() const { return line_h_; }
  const std::vector<StripeHit>& stripes() const { return stripes_; }
  const DocLayout& layout() const { return layout_; }
  ImRect text_rect() const { return text_rect_; }
  ImRect view_rect() const { return view_rect_; }  // the whole text area (gutter, text, stripe margin)

 private:
  // document_view.cpp: geometry and input
  void update_geometry(OpenDocument& doc, const DocFonts& fonts);
  int64_t hit_cp(const OpenDocument& doc, ImVec2 mouse) const;
  float line_y(size_t line) const;
  void handle_mouse(OpenDocument& doc, ViewRequest& req);
  void handle_keys(OpenDocument& doc, ViewRequest& req);
  void handle_scroll(const OpenDocument& doc);
  void compute_stripes(const OpenDocument& doc);
  void ensure_visible(int64_t cp);
  void scroll_towards(float y);  // animated, clamped; a user scroll (forgets any jump goal)
  int64_t cp_at_line_x(const OpenDocument& doc, size_t line, float x) const;
  int64_t word_right(const OpenDocument& doc, int64_t cp) const;
  int64_t word_left(const OpenDocument& doc, int64_t cp) const;
  int64_t paragraph_down(const OpenDocument& doc, int64_t cp) const;
  int64_t paragraph_up(const OpenDocument& doc, int64_t cp) const;
  void context_menu(OpenDocument& doc, const ProjectCache& cache, ViewRequest& req);
  // document_view_draw.cpp: the drawing passes over the visible lines
  void draw_lines(const OpenDocument& doc, const ProjectCache& cache, const DocPalette& pal);
  void draw_caret(const DocPalette& pal);  // while the document has the keyboard
  void draw_gutter(const OpenDocument& doc, size_t line, float y, const DocPalette& pal);
  void draw_stripes(const OpenDocument& doc, const ProjectCache& cache, const DocPalette& pal);
  void draw_text_runs(const OpenDocument& doc, size_t line, float y, const DocPalette& pal);
  void stripe_tooltip(const OpenDocument& doc, const ProjectCache& cache, store::Id coding);
  // document_find.cpp
  void draw_find_bar(const OpenDocument& doc);
  void run_find(const OpenDocument& doc);

  DocLayout layout_;
  DocFonts fonts_;
  mutable LineGeometry geom_;              // scratch, reused for every line
  const std::string* doc_text_ = nullptr;  // the document of the last frame (for screen_pos)
  const StyleRuns* doc_runs_ = nullptr;

  // Geometry of the current frame (screen coordinates).
  ImVec2 origin_;     // top-left of line 0 (scroll included)
  ImRect view_rect_;  // the visible child area
  ImRect text_rect_;  // visible text column
  float gutter_w_ = 0, margin_w_ = 0, margin_x_ = 0, lane_w_ = 0, bar_w_ = 0, text_w_ = 0, line_h_ = 16, pad_top_ = 0;
  float content_h_ = 0;
  size_t first_line_ = 0, last_line_ = 0;  // visible [first, last)

  // Selection and interaction.
  int64_t anchor_ = 0, caret_ = 0;
  bool focus_ = false, has_focus_ = false;
  enum class Drag { none, selecting, maybe_move, moving, stripe } drag_ = Drag::none;
  int64_t press_cp_ = 0;
  std::optional<store::Id> selected_coding_;
  std::optional<store::Id> hovered_coding_;
  std::optional<store::Id> menu_coding_;
  store::Id drag_coding_ = 0;  // Drag::stripe: the coding whose stripe is dragged
  std::vector<StripeHit> stripes_;

  // Scrolling.
  float scroll_ = 0, target_ = 0;
  bool animating_ = false;
  struct Jump {
    int64_t cp;
    bool smooth;
    float align;  // where the line lands: 0 = top of the view, 0.33 = a third down
  };
  std::optional<Jump> pending_jump_;
  std::optional<Jump> goal_;  // the jump being animated (re-aimed after a new layout)
  int64_t top_cp_ = 0;

  // Find.
  bool find_open_ = false, find_focus_ = false, find_dirty_ = false, find_jump_ = false;
  std::string find_query_;
  std::vector<text::Span> matches_;
  size_t current_match_ = 0;
  uint64_t find_generation_ = 0;
};

}  // namespace telaah::ui
