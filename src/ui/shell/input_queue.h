// The keyboard and mouse events of the window, queued in the order they
// happened and fed to Dear ImGui between frames.
//
// Debian 12's Dear ImGui (1.86) has no input event queue: it samples key and
// button state once per frame. With slow frames (software rendering, a busy
// laptop) a whole burst of events lands between two frames and was misread:
// the last letters typed before Ctrl+Enter arrived in the frame where Ctrl was
// already down (ImGui drops characters while Ctrl is held: "kbd only" saved as
// "kbd onl"), and Ctrl+A followed quickly by "sister" saw Ctrl still down with
// I (the Import dialog opened). The platform layer (src/platform/gui.cpp) and
// the headless tests push events here; feed() hands ImGui, per frame, only
// events that do not change the meaning of each other ("input trickling" as
// ImGui 1.87+ does it):
//   - a key or mouse button that changes twice waits for the next frame, so a
//     tap shorter than a frame is seen down for one frame and up in the next;
//   - a key change after characters waits (the characters come first, in
//     their own frame), and characters after a key change wait (ImGui 1.86's
//     text box reads characters before keys in a frame);
//   - a modifier (Ctrl, Shift, Alt, Super) change is never merged with a
//     change of another key in the same frame, in either order;
//   - a mouse move after a button change, a wheel after a move or button, and
//     a button after a wheel wait.
// Key codes are GLFW's (the real window's io.KeysDown indices); this file has
// no GLFW or GL of its own, so the headless tests use it as the window does.
#pragma once
#include <imgui.h>

#include <deque>

namespace telaah::ui {

// GLFW's key codes for the keys this file must recognise (gui.cpp checks them).
namespace keycode {
inline constexpr int left_shift = 340, left_control = 341, left_alt = 342, left_super = 343;
inline constexpr int right_shift = 344, right_control = 345, right_alt = 346, right_super = 347;
inline constexpr int last = 348;
}  // namespace keycode

bool is_modifier_key(int key);

class InputQueue {
 public:
  void key(int key, bool down);  // a GLFW key code; repeats are not events (ImGui repeats itself)
  void character(unsigned c);
  void mouse_pos(float x, float y);
  void mouse_button(int button, bool down);
  void wheel(float dx, float dy);
  void focus(bool focused);  // the window lost (false) or got the input focus

  bool empty() const { return events_.empty(); }
  size_t size() const { return events_.size(); }

  // Applies the events of one frame to `io` (between frames, before
  // ImGui::NewFrame); what must wait stays queued for the next frame.
  void feed(ImGuiIO& io);

  // The mouse as the queue last set it: the GLFW backend overwrites
  // io.MousePos and io.MouseDown in its NewFrame; the window puts ours back.
  void restore_mouse(ImGuiIO& io) const;

 private:
  struct Event {
    enum Kind { key, character, pos, button, wheel, focus } kind;
    int code = 0;  // key code, button, or character
    bool down = false;
    float x = 0, y = 0;
  };
  std::deque<Event> events_;
  ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
  bool buttons_[5] = {};
  bool mouse_known_ = false;
};

}  // namespace telaah::ui
