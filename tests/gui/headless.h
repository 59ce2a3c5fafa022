// A headless ImGui harness for the GUI tests and the GUI benchmark: an ImGui
// context with a display size and a built font atlas (CPU only, no GL, no
// window), synthetic mouse and keyboard input, and frames that run
// NewFrame / draw / Render. Key indices mirror GLFW's, as the real window's.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>

#include "ui/shell/fonts.h"
#include "ui/shell/input_queue.h"

namespace telaah::test {

// GLFW key codes (the real backend puts these into io.KeysDown).
enum Key : int {
  kSpace = 32,
  kEscape = 256,
  kEnter = 257,
  kTab = 258,
  kBackspace = 259,
  kInsert = 260,
  kDelete = 261,
  kRight = 262,
  kLeft = 263,
  kDown = 264,
  kUp = 265,
  kPageUp = 266,
  kPageDown = 267,
  kHome = 268,
  kEnd = 269,
  kF10 = 299,
};

class Headless {
 public:
  explicit Headless(float width = 1400, float height = 900, const ui::GlyphSet& glyphs = ui::GlyphSet()) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.IniFilename = nullptr;
    io.DeltaTime = 1.0f / 60.0f;
    const int map[][2] = {{ImGuiKey_Tab, kTab},
                          {ImGuiKey_LeftArrow, kLeft},
                          {ImGuiKey_RightArrow, kRight},
                          {ImGuiKey_UpArrow, kUp},
                          {ImGuiKey_DownArrow, kDown},
                          {ImGuiKey_PageUp, kPageUp},
                          {ImGuiKey_PageDown, kPageDown},
                          {ImGuiKey_Home, kHome},
                          {ImGuiKey_End, kEnd},
                          {ImGuiKey_Insert, kInsert},
                          {ImGuiKey_Delete, kDelete},
                          {ImGuiKey_Backspace, kBackspace},
                          {ImGuiKey_Space, kSpace},
                          {ImGuiKey_Enter, kEnter},
                          {ImGuiKey_Escape, kEscape},
                          {ImGuiKey_KeyPadEnter, kEnter},
                          {ImGuiKey_A, 'A'},
                          {ImGuiKey_C, 'C'},
                          {ImGuiKey_V, 'V'},
                          {ImGuiKey_X, 'X'},
                          {ImGuiKey_Y, 'Y'},
                          {ImGuiKey_Z, 'Z'}};
    for (const auto& m : map) io.KeyMap[m[0]] = m[1];
    rebuild_fonts(ui::FontSpec{}, glyphs);
  }

  // What the platform does between frames when the UI asks for new glyphs or sizes.
  void rebuild_fonts(const ui::FontSpec& spec, const ui::GlyphSet& glyphs) {
    ImGuiIO& io = ImGui::GetIO();
    fonts = ui::build_fonts(*io.Fonts, spec, glyphs, ui::find_font_files());
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    io.FontDefault = fonts.ui;
  }
  ~Headless() { ImGui::DestroyContext(ctx_); }
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  // One frame: input state as set, then draw() between NewFrame and Render.
  void frame(const std::function<void()>& draw) {
    if (between_frames) between_frames();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse_;
    io.MouseDown[0] = left_;
    io.MouseDown[1] = right_;
    io.MouseWheel = wheel_;
    wheel_ = 0;
    queue.feed(io);  // events pushed as the window's callbacks push them
    mouse_ = io.MousePos;
    left_ = io.MouseDown[0];
    right_ = io.MouseDown[1];
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    io.DeltaTime = 1.0f / 60.0f;
    if (pressed_count_ > 0) {  // a key press (and its modifiers) lasts one frame, then one frame up
      for (int i = 0; i < pressed_count_; ++i) io.KeysDown[pressed_[i]] = false;
      io.KeyCtrl = io.KeyShift = false;
      pressed_count_ = 0;
      frame(draw);
    }
  }
  void frames(int n, const std::function<void()>& draw) {
    for (int i = 0; i < n; ++i) frame(draw);
  }
  // Frames until every queued event has reached ImGui, then one more; the
  // number of frames it took.
  int drain(const std::function<void()>& draw, int max_frames = 1000) {
    int n = 0;
    while (!queue.empty() && n < max_frames) frame(draw), ++n;
    frame(draw);
    return n + 1;
  }
  // A frame that lets half a second pass, so the next click is not a double-click.
  void pause(const std::function<void()>& draw) {
    ImGui::GetIO().DeltaTime = 0.5f;
    frame(draw);
  }

  void move(ImVec2 p) { mouse_ = p; }
  void down(int button = 0) { (button == 0 ? left_ : right_) = true; }
  void up(int button = 0) { (button == 0 ? left_ : right_) = false; }
  void wheel(float w) { wheel_ = w; }
  // Press (and release after the next frame) a key with modifiers.
  void key(int k, bool ctrl = false, bool shift = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[k] = true;
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    if (pressed_count_ < 8) pressed_[pressed_count_++] = k;
  }
  void modifiers(bool ctrl, bool shift) {
    ImGui::GetIO().KeyCtrl = ctrl;
    ImGui::GetIO().KeyShift = shift;
  }
  void type(unsigned c) { ImGui::GetIO().AddInputCharacter(c); }

  // Events queued without a frame between them, as a burst of input arrives
  // at the real window between two slow frames (see ui/shell/input_queue.h).
  // Typing: each character is its key down, the character, its key up (Shift
  // around capitals); other characters come without a key.
  void push_text(const std::string& utf8) {
    for (unsigned char c : utf8) {
      int k = -1;
      bool shift = false;
      if (c >= 'a' && c <= 'z')
        k = c - 'a' + 'A';
      else if (c >= 'A' && c <= 'Z')
        k = c, shift = true;
      else if ((c >= '0' && c <= '9') || c == ' ' || c == ',' || c == '-' || c == '.' || c == '/' || c == ';' ||
               c == '=' || c == '\'')
        k = c;
      if (shift) queue.key(ui::keycode::left_shift, true);
      if (k >= 0) queue.key(k, true);
      queue.character(c);
      if (k >= 0) queue.key(k, false);
      if (shift) queue.key(ui::keycode::left_shift, false);
    }
  }
  // A key with modifiers, pressed and released: Ctrl down, Shift down, key down, key up, Shift up, Ctrl up.
  void push_chord(int k, bool ctrl = false, bool shift = false, bool alt = false) {
    if (ctrl) queue.key(ui::keycode::left_control, true);
    if (shift) queue.key(ui::keycode::left_shift, true);
    if (alt) queue.key(ui::keycode::left_alt, true);
    queue.key(k, true);
    queue.key(k, false);
    if (alt) queue.key(ui::keycode::left_alt, false);
    if (shift) queue.key(ui::keycode::left_shift, false);
    if (ctrl) queue.key(ui::keycode::left_control, false);
  }

  // Mouse gestures spread over frames, as a real hand would make them.
  void click(ImVec2 p, const std::function<void()>& draw, int button = 0) {
    move(p);
    frame(draw);
    down(button);
    frame(draw);
    up(button);
    frame(draw);
  }
  void drag(ImVec2 from, ImVec2 to, const std::function<void()>& draw, int steps = 6) {
    move(from);
    frame(draw);
    down();
    frame(draw);
    for (int i = 1; i <= steps; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(steps);
      move(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
      frame(draw);
    }
    up();
    frame(draw);
    frame(draw);
  }

  // The largest vertex count of any one draw list in the last frame
  // (Debian's imgui uses 16-bit indices: it must stay below 65,536).
  static int max_vertices() {
    ImDrawData* d = ImGui::GetDrawData();
    int m = 0;
    for (int i = 0; d && i < d->CmdListsCount; ++i) m = std::max(m, d->CmdLists[i]->VtxBuffer.Size);
    return m;
  }

  ui::FontSet fonts;
  ui::InputQueue queue;
  // Runs before each NewFrame, where the platform rebuilds fonts (the atlas is locked during a frame).
  std::function<void()> between_frames;

 private:
  ImGuiContext* ctx_ = nullptr;
  ImVec2 mouse_{-1, -1};
  bool left_ = false, right_ = false;
  float wheel_ = 0;
  int pressed_[8] = {};
  int pressed_count_ = 0;
};

}  // namespace telaah::test
