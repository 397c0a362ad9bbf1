// dlib's 68-point shape predictor, read from its model file by a reader of our own.
//
// dlib's deserialize reads the 100 MB model through an istream one number at a time (each float
// a variable-length mantissa and exponent), which made the model's load most of
// `photocheck me.jpg`'s start-up. This reader decodes the same format from a large buffer into flat
// arrays (the regression trees' splits and leaves, dlib's anchors and deltas), and
// landmark_model places points with dlib's own helpers in dlib's order, so the landmarks are
// dlib's to the bit. A file this reader does not understand throws, and the caller falls back
// to dlib's own deserialize.
#pragma once

#include <dlib/image_processing.h>
#include <dlib/image_processing/shape_predictor.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace photocheck {

// Reads dlib's serialisation format (serialize.h: integers as a control byte, sign 0x80 and
// length, then little-endian bytes; floats as an int64 mantissa and int16 exponent) from a file
// through a 4 MB buffer.
class dlib_reader {
public:
    explicit dlib_reader(const char *path) : file_(std::fopen(path, "rb"), &std::fclose), buffer_(1 << 22) {
        if (!file_) throw dlib::serialization_error(std::string("cannot open ") + path);
    }

    template <typename T>
    T integer() {
        static_assert(std::numeric_limits<T>::is_integer && sizeof(T) <= 8, "integers only");
        const uint8_t *p = need(9);
        const uint8_t control = p[0];
        const bool negative = (control & 0x80) != 0;
        const unsigned size = control & 0x0F;
        if ((control & 0x70) != 0 || size == 0 || size > sizeof(T) || (negative && !std::numeric_limits<T>::is_signed) ||
            available() < 1 + size)
            throw dlib::serialization_error("unexpected integer in the model file");
        uint64_t magnitude = 0;
        if (available() >= 9) {
            // One 8-byte load, masked to the integer's length (the format is little-endian).
            std::memcpy(&magnitude, p + 1, 8);
            if (size < 8) magnitude &= (uint64_t{1} << (8 * size)) - 1;
        } else {
            for (unsigned i = 0; i < size; ++i) magnitude |= static_cast<uint64_t>(p[1 + i]) << (8 * i);
        }
        position_ += 1 + size;
        return negative ? static_cast<T>(-static_cast<int64_t>(magnitude)) : static_cast<T>(magnitude);
    }

    float real() {
        int64_t mantissa;
        int16_t exponent;
        const uint8_t *p = need(20);
        if (available() >= 20 && (p[0] & 0x70) == 0) {
            // The common case, in one go from the buffer: a mantissa of at most 8 bytes and an
            // exponent of at most 2, both with dlib's control byte (the model's 16 million floats
            // are most of its load time).
            const unsigned mantissa_size = p[0] & 0x0F;
            const uint8_t *e = p + 1 + mantissa_size;
            const unsigned exponent_size = e[0] & 0x0F;
            if (mantissa_size == 0 || mantissa_size > 8 || (e[0] & 0x70) != 0 || exponent_size == 0 || exponent_size > 2)
                throw dlib::serialization_error("unexpected float in the model file");
            uint64_t m = 0;
            std::memcpy(&m, p + 1, 8);
            if (mantissa_size < 8) m &= (uint64_t{1} << (8 * mantissa_size)) - 1;
            mantissa = (p[0] & 0x80) ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
            const unsigned magnitude = exponent_size == 1 ? e[1] : static_cast<unsigned>(e[1]) | static_cast<unsigned>(e[2]) << 8;
            exponent = static_cast<int16_t>((e[0] & 0x80) ? -static_cast<int>(magnitude) : static_cast<int>(magnitude));
            position_ += 2 + mantissa_size + exponent_size;
        } else {
            // The older text format starts with a character having one of the bits 0x70.
            if ((p[0] & 0x70) != 0) throw dlib::serialization_error("text-format float in the model file");
            mantissa = integer<int64_t>();
            exponent = integer<int16_t>();
        }
        if (exponent >= -126 && exponent <= 127) {
            // ldexp by a multiplication: both give the correctly rounded m·2^e, and 2^e is a
            // normal float here (ldexp was a sixth of the load).
            const uint32_t bits = static_cast<uint32_t>(exponent + 127) << 23;
            float power;
            std::memcpy(&power, &bits, sizeof power);
            return static_cast<float>(mantissa) * power;
        }
        if (exponent < dlib::float_details::is_inf) return std::ldexp(static_cast<float>(mantissa), exponent);
        if (exponent == dlib::float_details::is_inf) return std::numeric_limits<float>::infinity();
        if (exponent == dlib::float_details::is_ninf) return -std::numeric_limits<float>::infinity();
        return std::numeric_limits<float>::quiet_NaN();
    }

    // A matrix<float,0,1> (dlib writes the sizes negated in its current format).
    void column(dlib::matrix<float, 0, 1> &m) {
        long rows = integer<long>(), columns = integer<long>();
        if (rows < 0 || columns < 0) {
            rows = -rows;
            columns = -columns;
        }
        if (columns != 1 || rows > (1 << 20)) throw dlib::serialization_error("unexpected matrix in the model file");
        m.set_size(rows);
        for (long r = 0; r < rows; ++r) m(r) = real();
    }

    // A float column of exactly `rows` values, appended to `out`.
    void append_column(std::vector<float> &out, size_t rows) {
        long r = integer<long>(), c = integer<long>();
        if (r < 0 || c < 0) {
            r = -r;
            c = -c;
        }
        if (c != 1 || static_cast<size_t>(r) != rows) throw dlib::serialization_error("unexpected matrix in the model file");
        for (size_t i = 0; i < rows; ++i) out.push_back(real());
    }

    // The file's size in bytes.
    size_t file_size() {
        const long here = std::ftell(file_.get());
        std::fseek(file_.get(), 0, SEEK_END);
        const long size = std::ftell(file_.get());
        std::fseek(file_.get(), here, SEEK_SET);
        if (size < 0) throw dlib::serialization_error("cannot size the model file");
        return static_cast<size_t>(size);
    }

    // A std::vector's length (bounded: a corrupt file must not allocate without limit).
    size_t length() {
        const auto n = integer<unsigned long>();
        if (n > (1UL << 24)) throw dlib::serialization_error("implausible length in the model file");
        return static_cast<size_t>(n);
    }

    bool at_end() {
        if (available() > 0) return false;
        position_ = 0;
        filled_ = std::fread(buffer_.data(), 1, buffer_.size(), file_.get());
        return filled_ == 0;
    }

private:
    std::unique_ptr<FILE, int (*)(FILE *)> file_;
    std::vector<uint8_t> buffer_;
    size_t position_ = 0, filled_ = 0;

    size_t available() const { return filled_ - position_; }

    // The next bytes, with at least `n` of them in the buffer unless the file ends first.
    const uint8_t *need(size_t n) {
        if (available() < n) refill();
        return buffer_.data() + position_;
    }

    __attribute__((noinline)) void refill() {
        std::memmove(buffer_.data(), buffer_.data() + position_, available());
        filled_ = available();
        position_ = 0;
        filled_ += std::fread(buffer_.data() + filled_, 1, buffer_.size() - filled_, file_.get());
        if (filled_ == 0) throw dlib::serialization_error("the model file ends early");
    }
};

// dlib::shape_predictor's parts in flat arrays, and its prediction. The regression trees' splits
// sit in one array and their leaf vectors in another, instead of dlib's vector per tree and heap
// block per leaf: prediction reads 7 500 leaves of 544 bytes from all over 65 MB for every face,
// and flat arrays leave one pointer less to follow per tree. It walks the trees as
// dlib's regression_tree does and adds the same leaves in the same order, so the landmarks are
// dlib's to the bit.
struct landmark_model {
    struct split {
        uint32_t idx1, idx2;  // feature pixels compared
        float thresh;
    };
    struct tree {
        size_t first_split, splits;  // splits[first_split ..< first_split + splits], heap order
        size_t first_leaf;           // leaf vectors from here, each `dimensions` floats
    };

    dlib::matrix<float, 0, 1> initial_shape;
    std::vector<std::vector<unsigned long>> anchor_idx;
    std::vector<std::vector<dlib::vector<float, 2>>> deltas;
    std::vector<size_t> level_trees;  // the trees of level l are trees[level_trees[l] ..< level_trees[l + 1]]
    std::vector<tree> trees;
    std::vector<split> splits;
    std::vector<float> leaves;
    size_t dimensions = 0;

    // Reads a model file written by dlib's serialize(shape_predictor).
    static landmark_model read(const char *path) {
        dlib_reader in(path);
        landmark_model m;
        // Every float takes at least 4 bytes of the file: room for all the leaves, reserved
        // once (only the part written is ever backed by memory).
        m.leaves.reserve(in.file_size() / 4);
        if (in.integer<int>() != 1) throw dlib::serialization_error("unexpected shape predictor version");
        in.column(m.initial_shape);
        m.dimensions = static_cast<size_t>(m.initial_shape.size());
        const size_t levels = in.length();
        m.level_trees.push_back(0);
        for (size_t level = 0; level < levels; ++level) {
            const size_t count = in.length();
            for (size_t t = 0; t < count; ++t) {
                tree tree{m.splits.size(), in.length(), m.leaves.size() / std::max<size_t>(m.dimensions, 1)};
                for (size_t i = 0; i < tree.splits; ++i) {
                    const auto idx1 = in.integer<unsigned long>(), idx2 = in.integer<unsigned long>();
                    if (idx1 > UINT32_MAX || idx2 > UINT32_MAX) throw dlib::serialization_error("inconsistent shape predictor");
                    m.splits.push_back(split{static_cast<uint32_t>(idx1), static_cast<uint32_t>(idx2), in.real()});
                }
                const size_t leaves = in.length();
                if (leaves != tree.splits + 1) throw dlib::serialization_error("inconsistent shape predictor");
                for (size_t l = 0; l < leaves; ++l) in.append_column(m.leaves, m.dimensions);
                m.trees.push_back(tree);
            }
            m.level_trees.push_back(m.trees.size());
        }
        m.anchor_idx.resize(in.length());
        for (auto &anchors : m.anchor_idx) {
            anchors.resize(in.length());
            for (auto &a : anchors) a = in.integer<unsigned long>();
        }
        m.deltas.resize(in.length());
        for (auto &list : m.deltas) {
            list.resize(in.length());
            for (auto &d : list) {
                d.x() = in.real();
                d.y() = in.real();
            }
        }
        if (!in.at_end()) throw dlib::serialization_error("unexpected data after the shape predictor");
        m.check();
        return m;
    }

    unsigned long parts() const { return static_cast<unsigned long>(initial_shape.size() / 2); }

    // dlib's shape_predictor::operator(), step for step.
    template <typename image_type>
    dlib::full_object_detection operator()(const image_type &image, const dlib::rectangle &box) const {
        dlib::matrix<float, 0, 1> shape = initial_shape;
        float *current = &shape(0);
        std::vector<float> pixels;
        for (size_t level = 0; level + 1 < level_trees.size(); ++level) {
            dlib::impl::extract_feature_pixel_values(image, box, shape, initial_shape, anchor_idx[level], deltas[level],
                                                     pixels);
            for (size_t t = level_trees[level]; t < level_trees[level + 1]; ++t) {
                // As regression_tree::operator(): left child when the difference exceeds the
                // threshold, right otherwise, down to a leaf.
                const split *node = splits.data() + trees[t].first_split;
                const size_t inner = trees[t].splits;
                size_t i = 0;
                while (i < inner) i = pixels[node[i].idx1] - pixels[node[i].idx2] > node[i].thresh ? 2 * i + 1 : 2 * i + 2;
                const float *leaf = leaves.data() + (trees[t].first_leaf + (i - inner)) * dimensions;
                for (size_t d = 0; d < dimensions; ++d) current[d] += leaf[d];
            }
        }
        const dlib::point_transform_affine to_image = dlib::impl::unnormalizing_tform(box);
        std::vector<dlib::point> points(parts());
        for (unsigned long i = 0; i < points.size(); ++i) points[i] = to_image(dlib::impl::location(shape, i));
        return dlib::full_object_detection(box, points);
    }

private:
    // What prediction takes for granted, so that a damaged file cannot index out of range.
    void check() const {
        if (initial_shape.size() == 0 || initial_shape.size() % 2 != 0 || level_trees.size() != anchor_idx.size() + 1 ||
            anchor_idx.size() != deltas.size())
            throw dlib::serialization_error("inconsistent shape predictor");
        for (size_t level = 0; level + 1 < level_trees.size(); ++level) {
            const size_t features = anchor_idx[level].size();
            if (deltas[level].size() != features) throw dlib::serialization_error("inconsistent shape predictor");
            for (unsigned long a : anchor_idx[level])
                if (a >= parts()) throw dlib::serialization_error("inconsistent shape predictor");
            for (size_t t = level_trees[level]; t < level_trees[level + 1]; ++t) {
                const size_t leaves = trees[t].splits + 1;
                if ((leaves & (leaves - 1)) != 0) throw dlib::serialization_error("inconsistent shape predictor");
                for (size_t i = 0; i < trees[t].splits; ++i) {
                    const split &s = splits[trees[t].first_split + i];
                    if (s.idx1 >= features || s.idx2 >= features) throw dlib::serialization_error("inconsistent shape predictor");
                }
            }
        }
    }
};

}  // namespace photocheck
