// dlib's own face detector and model reader behind the shim's C types, for the tests only.
#include "face_reference.h"

// The shim's private headers: the compiled-in filters and the model object the shim's C
// functions take.
#include "../../Sources/CFaceShim/frontal_model.hpp"
#include "../../Sources/CFaceShim/gray_view.hpp"
#include "../../Sources/CFaceShim/shape_model.hpp"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/serialize.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <vector>

namespace {

void put_error(char *error, size_t size, const char *message) {
    if (!error || size == 0) return;
    std::strncpy(error, message, size - 1);
    error[size - 1] = '\0';
}

// dlib's detector, decompressed once per process.
const dlib::frontal_face_detector &dlib_detector() {
    static const dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    return detector;
}

// True when the shim's table holds exactly dlib's detector: filters, thresholds and settings.
bool matches_dlib() {
    using photocheck::frontal_model;
    namespace generated = photocheck::generated;
    const auto &detector = dlib_detector();
    const auto &scanner = detector.get_scanner();
    const frontal_model &model = frontal_model::shared();
    constexpr int sub_detectors = frontal_model::sub_detectors;
    if (detector.num_detectors() != sub_detectors || static_cast<long>(scanner.get_fhog_window_height()) != model.filter_rows ||
        static_cast<long>(scanner.get_fhog_window_width()) != model.filter_cols ||
        static_cast<long>(scanner.get_padding()) != generated::frontal_padding ||
        static_cast<int>(scanner.get_cell_size()) != model.cell_size ||
        static_cast<long>(scanner.get_min_pyramid_layer_width()) != model.min_level_width ||
        static_cast<long>(scanner.get_min_pyramid_layer_height()) != model.min_level_height ||
        scanner.get_max_pyramid_levels() != model.max_levels ||
        detector.get_overlap_tester().get_iou_thresh() != model.overlaps.get_iou_thresh() ||
        detector.get_overlap_tester().get_percent_covered_thresh() != model.overlaps.get_percent_covered_thresh())
        return false;
    for (int d = 0; d < sub_detectors; ++d) {
        if (detector.get_w(d)(scanner.get_num_dimensions()) != model.thresholds[d]) return false;
        const auto bank = scanner.build_fhog_filterbank(detector.get_w(d));
        if (static_cast<long>(bank.filters.size()) != model.planes) return false;
        for (long p = 0; p < model.planes; ++p)
            for (long i = 0; i < model.filter_rows; ++i)
                for (long j = 0; j < model.filter_cols; ++j)
                    if (bank.filters[p](i, j) != model.weights[((p * model.filter_rows + i) * model.filter_cols + j) * sub_detectors + d])
                        return false;
    }
    return true;
}

}  // namespace

extern "C" int32_t pc_reference_filters_match_dlib(void) {
    try {
        return matches_dlib() ? 1 : 0;
    } catch (...) {
        return -1;
    }
}

extern "C" int32_t pc_reference_detect(
    const uint8_t *gray, int32_t width, int32_t height, int32_t stride, double adjust_threshold,
    pc_face_box *boxes, int32_t capacity, char *error, size_t error_size) {
    if (!gray || width <= 0 || height <= 0 || stride < width || (capacity > 0 && !boxes)) {
        put_error(error, error_size, "invalid arguments");
        return -1;
    }
    try {
        photocheck::gray_view view{gray, width, height, stride};
        std::vector<dlib::rect_detection> found;
        dlib::frontal_face_detector own = dlib_detector();
        own(view, found, adjust_threshold);
        // Best first, as pc_detector_detect writes them.
        std::sort(found.begin(), found.end(), [](const dlib::rect_detection &a, const dlib::rect_detection &b) {
            return a.detection_confidence > b.detection_confidence;
        });
        const int32_t count = static_cast<int32_t>(found.size());
        for (int32_t i = 0; i < count && i < capacity; ++i) {
            const auto &d = found[i];
            boxes[i].left = static_cast<int32_t>(d.rect.left());
            boxes[i].top = static_cast<int32_t>(d.rect.top());
            boxes[i].right = static_cast<int32_t>(d.rect.right());
            boxes[i].bottom = static_cast<int32_t>(d.rect.bottom());
            boxes[i].score = d.detection_confidence;
            boxes[i].sub_detector = static_cast<int32_t>(d.weight_index);
        }
        return count;
    } catch (const std::exception &e) {
        put_error(error, error_size, e.what());
    } catch (...) {
        put_error(error, error_size, "unknown error in face detection");
    }
    return -1;
}

extern "C" pc_shape_model *pc_reference_shape_model_load(const char *path, char *error, size_t error_size) {
    if (!path) {
        put_error(error, error_size, "no model path");
        return nullptr;
    }
    pc_shape_model *made = nullptr;
    try {
        made = new pc_shape_model;
        dlib::deserialize(path) >> made->predictor;
        return made;
    } catch (const std::exception &e) {
        put_error(error, error_size, e.what());
    } catch (...) {
        put_error(error, error_size, "unknown error loading the shape model");
    }
    delete made;
    return nullptr;
}
