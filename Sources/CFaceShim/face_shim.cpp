// dlib behind a plain-C interface. Every entry point catches every exception: Swift cannot.
#include "face_shim.h"
#include "frontal_model.hpp"
#include "gray_view.hpp"
#include "landmark_model.hpp"
#include "shape_model.hpp"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/serialize.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {

using photocheck::gray_view;

void put_error(char *error, size_t size, const char *message) {
    if (!error || size == 0) return;
    std::strncpy(error, message, size - 1);
    error[size - 1] = '\0';
}

}  // namespace

struct pc_face_detector {
    std::unique_ptr<photocheck::face_scan> scan;
};

extern "C" pc_face_detector *pc_detector_create(char *error, size_t error_size) {
    try {
        return new pc_face_detector{photocheck::make_face_scan(photocheck::frontal_model::shared())};
    } catch (const std::exception &e) {
        put_error(error, error_size, e.what());
    } catch (...) {
        put_error(error, error_size, "unknown error building the face detector");
    }
    return nullptr;
}

extern "C" void pc_detector_destroy(pc_face_detector *detector) { delete detector; }

namespace {

// Runs `detect(view, found)` and writes the boxes best first.
template <typename Detect>
int32_t detect_into(const uint8_t *gray, int32_t width, int32_t height, int32_t stride, pc_face_box *boxes,
                    int32_t capacity, char *error, size_t error_size, Detect detect) {
    if (!gray || width <= 0 || height <= 0 || stride < width || (capacity > 0 && !boxes)) {
        put_error(error, error_size, "invalid arguments");
        return -1;
    }
    try {
        gray_view view{gray, width, height, stride};
        std::vector<dlib::rect_detection> found;
        detect(view, found);
        std::sort(found.begin(), found.end(),
                  [](const dlib::rect_detection &a, const dlib::rect_detection &b) {
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

}  // namespace

extern "C" const char *pc_detector_instruction_set(void) { return photocheck::face_scan_instruction_set(); }

extern "C" int32_t pc_detector_detect(
    pc_face_detector *detector, const uint8_t *gray, int32_t width, int32_t height, int32_t stride,
    double adjust_threshold, pc_face_box *boxes, int32_t capacity, char *error, size_t error_size) {
    if (!detector) {
        put_error(error, error_size, "invalid arguments");
        return -1;
    }
    return detect_into(gray, width, height, stride, boxes, capacity, error, error_size,
                       [&](const gray_view &view, std::vector<dlib::rect_detection> &found) {
                           detector->scan->detect(view, found, adjust_threshold);
                       });
}

extern "C" pc_shape_model *pc_shape_model_load(const char *path, char *error, size_t error_size) {
    if (!path) {
        put_error(error, error_size, "no model path");
        return nullptr;
    }
    pc_shape_model *made = nullptr;
    try {
        made = new pc_shape_model;
        try {
            made->read = std::make_unique<photocheck::landmark_model>(photocheck::landmark_model::read(path));
            return made;
        } catch (const std::exception &) {
            // Not a layout our reader knows (or no file): dlib reads it, or says why not.
        }
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

extern "C" void pc_shape_model_destroy(pc_shape_model *model) { delete model; }

extern "C" int32_t pc_shape_model_parts(const pc_shape_model *model) {
    if (!model) return 0;
    try {
        return static_cast<int32_t>(model->parts());
    } catch (...) {
        return 0;
    }
}

extern "C" int32_t pc_shape_model_fit(
    const pc_shape_model *model, const uint8_t *gray, int32_t width, int32_t height, int32_t stride,
    int32_t left, int32_t top, int32_t right, int32_t bottom, double *xy, int32_t capacity,
    char *error, size_t error_size) {
    if (!model || !gray || !xy || width <= 0 || height <= 0 || stride < width || right < left || bottom < top) {
        put_error(error, error_size, "invalid arguments");
        return -1;
    }
    try {
        gray_view view{gray, width, height, stride};
        const dlib::full_object_detection shape = (*model)(view, dlib::rectangle(left, top, right, bottom));
        const int32_t parts = static_cast<int32_t>(shape.num_parts());
        for (int32_t i = 0; i < parts && i < capacity; ++i) {
            xy[2 * i] = static_cast<double>(shape.part(i).x());
            xy[2 * i + 1] = static_cast<double>(shape.part(i).y());
        }
        return parts;
    } catch (const std::exception &e) {
        put_error(error, error_size, e.what());
    } catch (...) {
        put_error(error, error_size, "unknown error placing landmarks");
    }
    return -1;
}
