// glReadPixels of the back buffer + stb_image_write (libstb-dev's static library).
#include "platform/screenshot.h"

#include <GL/gl.h>
#include <stb/stb_image_write.h>

#include <cstring>
#include <vector>

namespace telaah::platform {

bool write_screenshot(const std::string& path, int width, int height, std::string* error) {
  if (width <= 0 || height <= 0) {
    if (error) *error = "the window has no size; no screenshot written";
    return false;
  }
  const size_t row = static_cast<size_t>(width) * 3;
  std::vector<unsigned char> pixels(row * static_cast<size_t>(height));
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  // GL rows go bottom-up, PNG rows top-down.
  std::vector<unsigned char> tmp(row);
  for (int y = 0; y < height / 2; ++y) {
    unsigned char* a = pixels.data() + static_cast<size_t>(y) * row;
    unsigned char* b = pixels.data() + static_cast<size_t>(height - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), static_cast<int>(row))) {
    if (error) *error = "cannot write the screenshot " + path;
    return false;
  }
  return true;
}

}  // namespace telaah::platform
