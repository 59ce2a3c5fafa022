// Our own small ImGui widgets (see widgets.h).
#include "ui/widgets/widgets.h"

#include <algorithm>

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

bool input_text_multiline(const char* label, std::string* s, const ImVec2& size, ImGuiInputTextFlags flags) {
  return ImGui::InputTextMultiline(label, s->data(), s->capacity() + 1, size,
                                   flags | ImGuiInputTextFlags_CallbackResize, resize_callback, s);
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

}  // namespace telaah::ui::widgets
