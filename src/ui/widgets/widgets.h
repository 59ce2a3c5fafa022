// Our own small ImGui widgets (ImHex keeps its own in ImGuiExt): the library
// itself stays untouched. No state lives here between frames, except the
// panes' list of the frame and a pending Tab (below).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <string_view>
#include <vector>

namespace telaah::ui::widgets {

// A draggable bar between two panes. `size` is the size of the pane before
// the bar (width when vertical, height otherwise), kept within [min, max].
// Returns true while it is being dragged.
bool splitter(const char* id, bool vertical, float thickness, float* size, float min, float max, float length);

// A small square in a code's colour, as an item on the current line.
void colour_chip(ImU32 colour, float size);

// InputText / InputTextMultiline over a std::string (imgui_stdlib is not in Debian's imgui).
bool input_text(const char* label, std::string* s, ImGuiInputTextFlags flags = 0);
bool input_text_hint(const char* label, const char* hint, std::string* s, ImGuiInputTextFlags flags = 0);
// The multi-line box wraps its lines at the box's width (ImGui 1.86's does not;
// the text itself gets no line breaks), and a box focused by the keyboard or by
// code puts the caret at the end instead of selecting everything.
bool input_text_multiline(const char* label, std::string* s, const ImVec2& size, ImGuiInputTextFlags flags = 0);
// Where a text wraps at `width` pixels: the byte positions of the spaces that end a line.
void wrap_breaks(std::string_view text, const ImFont* font, float size, float width, std::vector<size_t>& out);

// Text drawn rotated by 90 degrees clockwise (reading downwards) from `pos`,
// cut with an ellipsis to `max_length` pixels. Used for stripe labels.
void add_text_vertical(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col, std::string_view text,
                       float max_length);

// `text` shortened with an ellipsis to fit `width` pixels in the current font.
std::string ellipsize(std::string_view text, float width);

// A greyed "(?)" that shows `text` in a tooltip when hovered.
void help_marker(const char* text);

// The next popup centred on the display, `width_em` font sizes wide, when it appears.
void centre_next(float width_em);
// Cancel (or Esc) and OK buttons at the right of a modal; closes it. 1: OK, -1: cancelled, 0: still open.
int ok_cancel(const char* ok, bool ok_enabled = true);

// Panes: the parts of a view that Tab and Shift+Tab move the keyboard
// between (the shell does: App::cycle_panes), in the order they are drawn.
// begin_pane / end_pane are BeginChild / EndChild that also record the pane.
void begin_pane(const char* id, const ImVec2& size, bool border, ImGuiWindowFlags flags = 0);
void end_pane();
// Inside a pane: true in the frame the keyboard arrived there by Tab; the
// pane then gives it to the window inside it that takes keys (a list, the
// document's text). Otherwise the pane's own window keeps it.
bool pane_focus_arrived();
struct PaneRecord {
  ImGuiID id = 0;
  ImGuiWindow* window = nullptr;
};
std::vector<PaneRecord>& panes();  // this frame's, in drawing order (the shell clears it each frame)
void focus_pane(ImGuiID id);       // the pane takes the keyboard at its next begin_pane

}  // namespace telaah::ui::widgets
