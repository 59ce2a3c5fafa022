// Our own small ImGui widgets (ImHex keeps its own in ImGuiExt): the library
// itself stays untouched. No state lives here between frames.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>

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
bool input_text_multiline(const char* label, std::string* s, const ImVec2& size, ImGuiInputTextFlags flags = 0);

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

}  // namespace telaah::ui::widgets
