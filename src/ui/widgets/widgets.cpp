// Our own small ImGui widgets (see widgets.h).
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <cfloat>
#include <vector>

#include <imgui_internal.h>

#include "text/utf8.h"
#include "ui/shell/strings.h"

namespace telaah::ui::widgets {

bool splitter(const char* id, bool vertical, float thickness, float* size, float min, float max, float length) {
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 bar = vertical ? ImVec2(thickness, length) : ImVec2(length, thickness);
  ImGui::InvisibleButton(id, bar);
  const bool active = ImGui::IsItemActive();
  if (active) *size += vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
  *size = std::clamp(*size, min, std::max(min, max));
  if (ImGui::IsItemHovered() || active)
    ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
  const ImU32 col = ImGui::GetColorU32(active                   ? ImGuiCol_SeparatorActive
                                       : ImGui::IsItemHovered() ? ImGuiCol_SeparatorHovered
                                                                : ImGuiCol_Separator);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (vertical)
    dl->AddLine(ImVec2(pos.x + thickness * 0.5f, pos.y), ImVec2(pos.x + thickness * 0.5f, pos.y + length), col);
  else
    dl->AddLine(ImVec2(pos.x, pos.y + thickness * 0.5f), ImVec2(pos.x + length, pos.y + thickness * 0.5f), col);
  return active;
}

void colour_chip(ImU32 colour, float size) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::Dummy(ImVec2(size, h));
  const float y = p.y + (h - size) * 0.5f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + size, y + size), colour, size * 0.2f);
}

namespace {
int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
}  // namespace

bool input_text(const char* label, std::string* s, ImGuiInputTextFlags flags) {
  return ImGui::InputText(label, s->data(), s->capacity() + 1, flags | ImGuiInputTextFlags_CallbackResize,
                          resize_callback, s);
}

bool input_text_hint(const char* label, const char* hint, std::string* s, ImGuiInputTextFlags flags) {
  return ImGui::InputTextWithHint(label, hint, s->data(), s->capacity() + 1, flags | ImGuiInputTextFlags_CallbackResize,
                                  resize_callback, s);
}

// --- the wrapped multi-line text box ---------------------------------------
// ImGui 1.86's InputTextMultiline does not wrap. The box is given a display
// copy of the text in which the spaces where a line wraps are replaced by
// '\n' ("soft" breaks, same length, so positions and the caret are the same in
// both); after every edit the soft breaks go back to spaces and the text is
// wrapped again. Only one box is active at a time: its display copy and soft
// break positions live in `g_wrap` while it is.

void wrap_breaks(std::string_view text, const ImFont* font, float size, float width, std::vector<size_t>& out) {
  out.clear();
  size_t ls = 0, last_space = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != ' ') continue;
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + ls, text.data() + i).x;
    if (w > width && last_space != std::string_view::npos && last_space >= ls) {
      out.push_back(last_space);
      ls = last_space + 1;
    }
    if (i == text.size()) break;
    if (text[i] == '\n') {
      ls = i + 1;
      last_space = std::string_view::npos;
    } else {
      last_space = i;
    }
  }
}

namespace {
struct WrapState {
  ImGuiID id = 0;
  std::string buf;           // what the box shows: the text with soft breaks
  std::vector<size_t> soft;  // byte positions of the soft breaks in buf
  float width = 0;
  const ImFont* font = nullptr;
  float size = 0;
  bool fresh = false;  // not active yet: on activation the caret goes to the end (no select-all)
};
WrapState g_wrap;
std::string g_scratch;  // the display copy of a box drawn while another one is active

int wrap_callback(ImGuiInputTextCallbackData* data) {
  auto* buf = static_cast<std::string*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    buf->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = buf->data();
    return 0;
  }
  if (buf != &g_wrap.buf) return 0;
  if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
    if (g_wrap.fresh && !ImGui::GetIO().MouseClicked[0])  // focused by the keyboard or by code: append, never replace
      data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
    g_wrap.fresh = false;
    return 0;
  }
  if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
  g_wrap.fresh = false;
  // g_wrap.buf still holds the text before this edit: the soft breaks before
  // the edited range stay, those after it move with the text, those inside go.
  const std::string_view before = g_wrap.buf, now(data->Buf, static_cast<size_t>(data->BufTextLen));
  size_t pre = 0;
  while (pre < before.size() && pre < now.size() && before[pre] == now[pre]) ++pre;
  size_t suf = 0;
  while (suf < before.size() - pre && suf < now.size() - pre &&
         before[before.size() - 1 - suf] == now[now.size() - 1 - suf])
    ++suf;
  for (size_t p : g_wrap.soft) {
    size_t q = std::string_view::npos;
    if (p < pre)
      q = p;
    else if (p >= before.size() - suf)
      q = p + now.size() - before.size();
    if (q < now.size() && data->Buf[q] == '\n') data->Buf[q] = ' ';
  }
  wrap_breaks(std::string_view(data->Buf, now.size()), g_wrap.font, g_wrap.size, g_wrap.width, g_wrap.soft);
  for (size_t p : g_wrap.soft) data->Buf[p] = '\n';
  data->BufDirty = true;  // same length: the caret stays where it is
  return 0;
}

std::string unwrap(std::string display, const std::vector<size_t>& soft) {
  for (size_t p : soft)
    if (p < display.size() && display[p] == '\n') display[p] = ' ';
  return display;
}
}  // namespace

bool input_text_multiline(const char* label, std::string* s, const ImVec2& size, ImGuiInputTextFlags flags) {
  const ImGuiID id = ImGui::GetID(label);
  const ImGuiStyle& st = ImGui::GetStyle();
  const ImVec2 frame = ImGui::CalcItemSize(size, ImGui::CalcItemWidth(), ImGui::GetTextLineHeight() * 8.0f);
  const float width = std::max(ImGui::GetFontSize() * 2, frame.x - st.FramePadding.x * 2 - st.ScrollbarSize - 2);
  const bool editing = ImGui::GetActiveID() == id && g_wrap.id == id;
  std::string* buf = &g_wrap.buf;
  if (!editing) {
    std::vector<size_t> soft;
    std::string display = *s;
    wrap_breaks(display, ImGui::GetFont(), ImGui::GetFontSize(), width, soft);
    for (size_t p : soft) display[p] = '\n';
    if (ImGui::GetActiveID() != g_wrap.id || g_wrap.id == id) {  // this box may become the active one
      g_wrap = WrapState{id,
                         std::move(display),
                         std::move(soft),
                         width,
                         ImGui::GetFont(),
                         ImGui::GetFontSize(),
                         ImGui::GetActiveID() != id};
    } else {
      g_scratch = std::move(display);
      buf = &g_scratch;
    }
  }
  ImGui::InputTextMultiline(label, buf->data(), buf->capacity() + 1, size,
                            flags | ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit |
                                ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_NoHorizontalScroll,
                            wrap_callback, buf);
  if (buf != &g_wrap.buf) return false;
  std::string text = unwrap(g_wrap.buf, g_wrap.soft);
  if (text == *s) return false;
  *s = std::move(text);
  return true;
}

static std::string fit(const ImFont* font, float size, std::string_view text, float width) {
  const float scale = size / font->FontSize;
  float w = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    char32_t c = text::decode_next(text, j);
    w += font->GetCharAdvance(static_cast<ImWchar>(c > 0xFFFF ? 0xFFFD : c)) * scale;
    if (w > width) break;
    i = j;
  }
  if (i >= text.size()) return std::string(text);
  const float ell = font->GetCharAdvance(0x2026) * scale;
  w = 0;
  i = 0;
  while (i < text.size()) {
    size_t j = i;
    char32_t c = text::decode_next(text, j);
    w += font->GetCharAdvance(static_cast<ImWchar>(c > 0xFFFF ? 0xFFFD : c)) * scale;
    if (w + ell > width) break;
    i = j;
  }
  return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
}

std::string ellipsize(std::string_view text, float width) {
  return fit(ImGui::GetFont(), ImGui::GetFontSize(), text, width);
}

void add_text_vertical(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col, std::string_view text,
                       float max_length) {
  if (max_length < size) return;
  std::string s = fit(font, size, text, max_length);
  const int first = dl->VtxBuffer.Size;
  dl->AddText(font, size, pos, col, s.data(), s.data() + s.size());
  // Rotate the glyph quads just emitted about `pos`: (dx, dy) -> (size - dy, dx).
  for (int i = first; i < dl->VtxBuffer.Size; ++i) {
    ImVec2& v = dl->VtxBuffer[i].pos;
    const float dx = v.x - pos.x, dy = v.y - pos.y;
    v = ImVec2(pos.x + size - dy, pos.y + dx);
  }
}

void help_marker(const char* text) {
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void centre_next(float width_em) {
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(ds.x * 0.5f, ds.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * width_em, 0), ImGuiCond_Appearing);
}

int ok_cancel(const char* ok, bool ok_enabled) {
  const float bw = ImGui::GetFontSize() * 7;
  ImGui::SetCursorPosX(
      std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - 2 * bw - ImGui::GetStyle().ItemSpacing.x));
  if (ImGui::Button(::telaah::ui::tr(::telaah::ui::S::cancel), ImVec2(bw, 0)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
    return -1;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!ok_enabled);
  const bool pressed = ImGui::Button(ok, ImVec2(bw, 0));
  ImGui::EndDisabled();
  if (pressed) ImGui::CloseCurrentPopup();
  return pressed ? 1 : 0;
}

namespace {
ImGuiID pending_pane = 0;
bool arrived = false;
}  // namespace

std::vector<PaneRecord>& panes() {
  static std::vector<PaneRecord> list;
  return list;
}

void focus_pane(ImGuiID id) {
  pending_pane = id;
}

void begin_pane(const char* id, const ImVec2& size, bool border, ImGuiWindowFlags flags) {
  ImGui::BeginChild(id, size, border, flags);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  panes().push_back({w->ID, w});
  arrived = false;
  if (pending_pane == w->ID) {
    pending_pane = 0;
    ImGui::FocusWindow(w);
    arrived = true;
  }
}

void end_pane() {
  arrived = false;
  ImGui::EndChild();
}

bool pane_focus_arrived() {
  const bool a = arrived;
  arrived = false;
  return a;
}

}  // namespace telaah::ui::widgets
