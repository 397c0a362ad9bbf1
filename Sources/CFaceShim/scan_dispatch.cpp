// Chooses, once per process, the copy of the face scan compiled for the widest instruction set
// this CPU has. Every copy finds the same faces: they differ only in how many floats a vector
// instruction adds at once (and, with FMA, in rounding in the last bits of a score).
#include "frontal_model.hpp"

namespace photocheck {

std::unique_ptr<face_scan> make_face_scan_baseline(const frontal_model &model);
#if defined(__x86_64__)
std::unique_ptr<face_scan> make_face_scan_avx2(const frontal_model &model);
std::unique_ptr<face_scan> make_face_scan_avx512(const frontal_model &model);
#endif

namespace {

enum class instruction_set { baseline, avx2, avx512 };

instruction_set detect_instruction_set() {
#if defined(__x86_64__)
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq"))
        return instruction_set::avx512;
    if (avx2) return instruction_set::avx2;
#endif
    return instruction_set::baseline;
}

instruction_set chosen() {
    static const instruction_set set = detect_instruction_set();
    return set;
}

}  // namespace

std::unique_ptr<face_scan> make_face_scan(const frontal_model &model) {
    switch (chosen()) {
#if defined(__x86_64__)
    case instruction_set::avx512: return make_face_scan_avx512(model);
    case instruction_set::avx2: return make_face_scan_avx2(model);
#endif
    default: return make_face_scan_baseline(model);
    }
}

const char *face_scan_instruction_set() {
    switch (chosen()) {
    case instruction_set::avx512: return "avx512";
    case instruction_set::avx2: return "avx2";
    default: return "baseline";
    }
}

}  // namespace photocheck
