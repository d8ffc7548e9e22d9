// A plain ONNX Runtime loop, the reference the harness is compared with (bench/harness-vs-native.sh):
// the session settings SessionFactory uses, inputs and outputs bound once through an IoBinding, and
// nothing between the two clock reads but the inference.
//
// usage: native_loop MODEL [--threads N] [--warmup N] [--runs M] [--samples]
//   --threads  intra-op threads (default 1); inter-op is always 1, execution sequential
//   --warmup   untimed runs first (default 200)
//   --runs     timed runs (default 2000)
//   --samples  print every latency in ns, one per line, instead of median/p90/p99
#include <onnxruntime_cxx_api.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

struct Arguments {
  std::string model;
  int threads = 1;
  long warmup = 200;
  long runs = 2000;
  bool samples = false;
};

[[noreturn]] void Usage(const char* message) {
  std::fprintf(stderr, "native_loop: %s\nusage: native_loop MODEL [--threads N] [--warmup N] [--runs M] [--samples]\n", message);
  std::exit(2);
}

long Positive(const char* option, const char* text, long minimum) {
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < minimum) Usage((std::string(option) + " needs a whole number >= " + std::to_string(minimum)).c_str());
  return value;
}

Arguments Parse(int argc, char** argv) {
  Arguments parsed;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool hasValue = i + 1 < argc;
    if (arg == "--samples") parsed.samples = true;
    else if (arg == "--threads" && hasValue) parsed.threads = static_cast<int>(Positive("--threads", argv[++i], 1));
    else if (arg == "--warmup" && hasValue) parsed.warmup = Positive("--warmup", argv[++i], 0);
    else if (arg == "--runs" && hasValue) parsed.runs = Positive("--runs", argv[++i], 1);
    else if (!arg.empty() && arg[0] != '-' && parsed.model.empty()) parsed.model = arg;
    else Usage(("unexpected argument '" + arg + "'").c_str());
  }
  if (parsed.model.empty()) Usage("no model given");
  return parsed;
}

// The nearest-rank quantile of sorted samples: enough for a reference figure.
double Quantile(const std::vector<long long>& sorted, double q) {
  size_t rank = static_cast<size_t>(std::ceil(q * sorted.size()));
  return static_cast<double>(sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)]);
}

}  // namespace

int main(int argc, char** argv) {
  Arguments args = Parse(argc, argv);
  try {
    Ort::Env env(ORT_LOGGING_LEVEL_WARNING, "native_loop");
    Ort::SessionOptions options;
    options.SetIntraOpNumThreads(args.threads);
    options.SetInterOpNumThreads(1);
    options.SetExecutionMode(ExecutionMode::ORT_SEQUENTIAL);
    options.SetGraphOptimizationLevel(GraphOptimizationLevel::ORT_ENABLE_ALL);
    Ort::Session session(env, args.model.c_str(), options);

    Ort::AllocatorWithDefaultOptions allocator;
    Ort::IoBinding binding(session);
    std::vector<Ort::Value> inputs;
    std::vector<std::string> inputNames;
    std::mt19937 random(42);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    for (size_t i = 0; i < session.GetInputCount(); ++i) {
      inputNames.push_back(session.GetInputNameAllocated(i, allocator).get());
      Ort::TypeInfo type = session.GetInputTypeInfo(i);  // owns what info points into
      auto info = type.GetTensorTypeAndShapeInfo();
      if (info.GetElementType() != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT) Usage(("input '" + inputNames.back() + "' is not float").c_str());
      std::vector<int64_t> shape = info.GetShape();
      // Every symbolic dimension is bound to 1: the batch dimension of the models this compares.
      for (auto& dim : shape) dim = dim < 0 ? 1 : dim;
      Ort::Value value = Ort::Value::CreateTensor<float>(allocator, shape.data(), shape.size());
      float* data = value.GetTensorMutableData<float>();
      size_t count = value.GetTensorTypeAndShapeInfo().GetElementCount();
      for (size_t k = 0; k < count; ++k) data[k] = uniform(random);
      binding.BindInput(inputNames.back().c_str(), value);
      inputs.push_back(std::move(value));
    }

    // Outputs: one run with ONNX Runtime allocating them, then those very values bound as pre-allocated
    // outputs, so that outputs of symbolic shape are handled like static ones.
    Ort::MemoryInfo cpu = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);
    std::vector<std::string> outputNames;
    for (size_t i = 0; i < session.GetOutputCount(); ++i) {
      outputNames.push_back(session.GetOutputNameAllocated(i, allocator).get());
      binding.BindOutput(outputNames.back().c_str(), cpu);
    }
    Ort::RunOptions run;
    session.Run(run, binding);
    std::vector<Ort::Value> outputs = binding.GetOutputValues();
    binding.ClearBoundOutputs();
    for (size_t i = 0; i < outputNames.size(); ++i) binding.BindOutput(outputNames[i].c_str(), outputs[i]);

    for (long i = 0; i < args.warmup; ++i) session.Run(run, binding);

    std::vector<long long> ns(static_cast<size_t>(args.runs));
    for (long i = 0; i < args.runs; ++i) {
      auto before = std::chrono::steady_clock::now();
      session.Run(run, binding);
      auto after = std::chrono::steady_clock::now();
      ns[static_cast<size_t>(i)] = std::chrono::duration_cast<std::chrono::nanoseconds>(after - before).count();
    }

    if (args.samples) {
      for (long long sample : ns) std::printf("%lld\n", sample);
    } else {
      std::sort(ns.begin(), ns.end());
      std::printf("runs %ld threads %d median_ns %.0f p90_ns %.0f p99_ns %.0f\n", args.runs, args.threads,
                  Quantile(ns, 0.5), Quantile(ns, 0.9), Quantile(ns, 0.99));
    }
  } catch (const Ort::Exception& e) {
    std::fprintf(stderr, "native_loop: ONNX Runtime: %s\n", e.what());
    return 1;
  }
  return 0;
}
