// The filters of dlib's frontal face detector, laid out for frontal_scan (see frontal_scan.hpp), and
// the interface through which the shim reaches the scan compiled for this CPU (scan_dispatch.cpp).
#pragma once

#include "gray_view.hpp"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <memory>
#include <vector>

namespace photocheck {


namespace generated {
#include "frontal_filters.inc"
}  // namespace generated

// The detector's filters laid out for scanning, from the table generated out of dlib's detector
// (frontal_filters.inc). Read-only, shared by threads.
struct frontal_model {
    static constexpr int sub_detectors = 5;
    static_assert(generated::frontal_sub_detectors == sub_detectors, "the frontal detector has five filters");

    long filter_rows = generated::frontal_rows, filter_cols = generated::frontal_columns;
    long planes = generated::frontal_planes;
    long box_rows = filter_rows - 2 * generated::frontal_padding, box_cols = filter_cols - 2 * generated::frontal_padding;
    int cell_size = static_cast<int>(generated::frontal_cell_size);
    long min_level_width = generated::frontal_min_level_width, min_level_height = generated::frontal_min_level_height;
    unsigned long max_levels = generated::frontal_max_levels;
    // One threshold per sub-detector (a window scoring at least this is a face).
    const double *thresholds = generated::frontal_thresholds;
    // weights[((plane * filter_rows + i) * filter_cols + j) * 5 + d]: the five sub-detectors'
    // weights for one tap lie side by side.
    const float *weights = generated::frontal_weights;
    dlib::test_box_overlap overlaps{generated::frontal_overlap_iou, generated::frontal_overlap_covered};
    // dlib's mapping of a window in cells to its box in pixels (the features are fhog_extractor's).
    dlib::default_fhog_feature_extractor box_mapping;

    static const frontal_model &shared() {
        static const frontal_model model;
        return model;
    }
};

// A face scan over the shared model, compiled once per instruction set (scan_*.cpp). Holds
// scratch memory: one per thread.
class face_scan {
public:
    virtual ~face_scan() = default;
    // Detects faces in `image` scoring above the detector's threshold plus `adjust_threshold`.
    virtual void detect(const gray_view &image, std::vector<dlib::rect_detection> &found, double adjust_threshold) = 0;
};

// The scan for the instruction set this CPU has (AVX-512, AVX2 with FMA, or the x86-64 / arm64
// baseline), chosen at run time so that one binary runs everywhere and uses wide vectors where
// they exist.
std::unique_ptr<face_scan> make_face_scan(const frontal_model &model);
// Which one make_face_scan chooses: "avx512", "avx2" or "baseline".
const char *face_scan_instruction_set();

}  // namespace photocheck
