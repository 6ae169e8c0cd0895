// Writes the JSON Schema of avtal/1 (json::agreement_schema()), or checks
// that a checked-in copy is current:
//   avtal_schema FILE          write the schema to FILE
//   avtal_schema --check FILE  exit 1 when FILE differs from the schema
#include <avtal/io/json.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
    const bool check = argc == 3 && std::string_view{argv[1]} == "--check";
    if (argc != 2 && !check) {
        std::cerr << "usage: avtal_schema FILE | avtal_schema --check FILE\n";
        return 2;
    }
    const std::string file = argv[argc - 1];
    const std::string schema = avtal::json::agreement_schema();
    if (check) {
        std::ifstream in{file, std::ios::binary};
        const std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
        if (in.bad() || text != schema) {
            std::cerr << file << " is not the schema the field tables give (src/io/json/fields.hpp): run ./build.sh schema\n";
            return 1;
        }
        return 0;
    }
    std::ofstream out{file, std::ios::binary};
    out << schema;
    out.close();
    if (!out) {
        std::cerr << "cannot write " << file << "\n";
        return 1;
    }
    return 0;
}
