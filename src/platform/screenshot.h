// Writes what was just drawn (the back buffer) to a PNG file.
#pragma once
#include <string>

namespace telaah::platform {

// Reads the current GL back buffer (width x height) and writes it as an RGB PNG.
// Returns false with a message when the file cannot be written.
bool write_screenshot(const std::string& path, int width, int height, std::string* error);

}  // namespace telaah::platform
