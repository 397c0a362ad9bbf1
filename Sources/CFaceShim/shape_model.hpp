// The object behind the C interface's pc_shape_model: the 68-point model as our reader read it
// (landmark_model.hpp) or, for a file in a layout it does not know, as dlib's deserialize read it.
#pragma once

#include "face_shim.h"
#include "landmark_model.hpp"

#include <dlib/image_processing.h>
#include <dlib/image_processing/shape_predictor.h>

#include <memory>

struct pc_shape_model {
    std::unique_ptr<photocheck::landmark_model> read;
    dlib::shape_predictor predictor;

    unsigned long parts() const { return read ? read->parts() : predictor.num_parts(); }

    template <typename image_type>
    dlib::full_object_detection operator()(const image_type &image, const dlib::rectangle &box) const {
        return read ? (*read)(image, box) : predictor(image, box);
    }
};
