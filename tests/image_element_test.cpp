// The image element end to end: PNG and JPEG pictures painted in the PDF (the JPEG embedded
// byte for byte, read back by poppler's pdfimages) and in the PPTX (read back with zipfile),
// alt required, paths confined to the spec's and the registry's folders.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support.h"

using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
using tenkai::testing::write_file;

namespace {

const char* kTextDeck = R"(tenkai: 1
deck:
  output: text.pdf
  formats: [pdf]
  slides:
    - title: 画像の元
      elements:
        - {type: text, text: 研修会}
)";

// A PNG and a JPEG made by poppler from a page of our own.
void make_pictures(const ScratchDir& dir) {
  write_file(dir.file("text.yaml"), kTextDeck);
  auto built = run_tenkai("build " + shell_quote(dir.file("text.yaml")) + " --out " +
                          shell_quote(dir.path().string()));
  REQUIRE_MESSAGE(built.exit_code == 0, built.err);
  std::string pdf = shell_quote(dir.file("text.pdf"));
  REQUIRE(run("pdftoppm -r 12 -png -singlefile " + pdf + " " + shell_quote(dir.file("logo")))
              .exit_code == 0);
  REQUIRE(run("pdftoppm -r 12 -jpeg -singlefile " + pdf + " " + shell_quote(dir.file("photo")))
              .exit_code == 0);
}

}  // namespace

TEST_CASE("image: PNG and JPEG in the PDF and the PPTX, the JPEG unchanged") {
  ScratchDir dir;
  make_pictures(dir);
  write_file(dir.file("deck.yaml"), R"(tenkai: 1
deck:
  output: pictures.pdf
  slides:
    - title: 画像
      elements:
        - type: columns
          elements:
            - {type: image, path: logo.png, alt: 研修会のロゴ, size: 120}
            - {type: image, path: ./photo.jpg, alt: 会場の写真, caption: 会場}
)");
  auto built = run_tenkai("build " + shell_quote(dir.file("deck.yaml")) + " --out " +
                          shell_quote(dir.path().string()));
  INFO(built.err);
  REQUIRE(built.exit_code == 0);

  auto list = run("pdfimages -list " + shell_quote(dir.file("pictures.pdf")));
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.find(" jpeg ") != std::string::npos);
  CHECK(list.out.find(" image ") != std::string::npos);
  REQUIRE(run("pdfimages -j " + shell_quote(dir.file("pictures.pdf")) + " " +
              shell_quote(dir.file("x")))
              .exit_code == 0);
  bool found = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().extension() == ".jpg" && entry.path().filename().string().rfind("x-", 0) == 0)
      found = found || read_file(entry.path().string()) == read_file(dir.file("photo.jpg"));
  }
  CHECK_MESSAGE(found, "the PDF holds the JPEG file unchanged");
  CHECK(run("pdftotext " + shell_quote(dir.file("pictures.pdf")) + " - | grep -q 会場").exit_code ==
        0);

  auto dumped = run(shell_quote(source_path("tests/pptx_readback.py")) + " dump " +
                    shell_quote(dir.file("pictures.pptx")));
  REQUIRE(dumped.exit_code == 0);
  auto deck = nlohmann::json::parse(dumped.out);
  const auto& pictures = deck["slides"][0]["pictures"];
  REQUIRE(pictures.size() == 2);
  CHECK(pictures[0]["alt"] == "研修会のロゴ");
  CHECK(pictures[1]["alt"] == "会場の写真");
  std::string media = pictures[1]["media"];
  CHECK(media.size() > 5);
  CHECK(media.substr(media.size() - 5) == ".jpeg");
  auto extracted =
      run("python3 -c 'import sys, zipfile; "
          "sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' " +
          shell_quote(dir.file("pictures.pptx")) + " " + shell_quote(media));
  REQUIRE(extracted.exit_code == 0);
  CHECK(extracted.out == read_file(dir.file("photo.jpg")));
  std::string png = pictures[0]["media"];
  CHECK(png.substr(png.size() - 4) == ".png");
  auto png_bytes =
      run("python3 -c 'import sys, zipfile; "
          "sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' " +
          shell_quote(dir.file("pictures.pptx")) + " " + shell_quote(png));
  REQUIRE(png_bytes.exit_code == 0);
  CHECK_MESSAGE(png_bytes.out == read_file(dir.file("logo.png")),
                "the PPTX holds the PNG unchanged");
}

TEST_CASE("image: alt required, files confined to the spec's and the registry's folders") {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "deck");
  write_file(dir.file("outside.png"), "not really");
  write_file(dir.file("deck/notes.txt"), "plain text");
  write_file(dir.file("deck/bad.yaml"), R"(tenkai: 1
deck:
  output: bad.pdf
  slides:
    - title: 画像
      elements:
        - {type: image, path: notes.txt, alt: 文字}
        - {type: image, path: ../outside.png, alt: 外}
        - {type: image, path: missing.png}
        - {type: image, path: /etc/hostname, alt: 絶対パス}
)");
  auto result = run_tenkai("check " + shell_quote(dir.file("deck/bad.yaml")));
  CHECK(result.exit_code == 1);
  INFO(result.err);
  CHECK(result.err.find("bad.yaml:7:") != std::string::npos);
  CHECK(result.err.find("is not a PNG or JPEG file") != std::string::npos);
  CHECK(result.err.find("bad.yaml:8:") != std::string::npos);
  CHECK(result.err.find("image '../outside.png' is outside the folders images may come from") !=
        std::string::npos);
  CHECK(result.err.find("bad.yaml:9:") != std::string::npos);
  CHECK(result.err.find("'alt'") != std::string::npos);
  CHECK(result.err.find("bad.yaml:10:") != std::string::npos);
  CHECK(result.err.find("image '/etc/hostname' is outside") != std::string::npos);
}
