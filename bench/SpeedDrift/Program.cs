using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;

// usage: speed-drift MODEL SECONDS [WINDOW_SECONDS]
// Every window: the model (one intra-op thread, fixed random input) and two reference workloads run alternately; the
// medians of each are printed as CSV. A reference that tracks the model's drift from window to window could guard
// stored-baseline comparisons against a machine that got slower since the baseline was recorded.
var model = args[0];
var total = double.Parse(args[1], CultureInfo.InvariantCulture);
var window = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5;

using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
using var session = new InferenceSession(model, options);
var input = session.InputMetadata.First();
var dims = input.Value.Dimensions.Select(d => d < 0 ? 1L : d).ToArray();
var data = new float[dims.Aggregate(1L, (a, b) => a * b)];
var random = new Random(1);
for (int i = 0; i < data.Length; i++)
{
    data[i] = (float)random.NextDouble();
}

using var value = OrtValue.CreateTensorValueFromMemory(data, dims);
using var runOptions = new RunOptions();
var inputs = new[] { input.Key };
var outputs = session.OutputMetadata.Keys.ToArray();
void RunModel()
{
    using var results = session.Run(runOptions, inputs, new[] { value }, outputs);
}

// Compute-bound: multiply-adds over vectors that stay in L1.
var a = new float[4096];
var b = new float[4096];
for (int i = 0; i < a.Length; i++)
{
    a[i] = (float)random.NextDouble();
    b[i] = (float)random.NextDouble();
}

float sink = 0;
void Compute()
{
    var acc = Vector<float>.Zero;
    for (int r = 0; r < 64; r++)
    {
        for (int i = 0; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            acc += new Vector<float>(a, i) * new Vector<float>(b, i);
        }
    }

    sink += Vector.Dot(acc, Vector<float>.One);
}

// Memory-bound: one touch per cache line of a 32 MiB buffer, beyond the caches of one core.
var big = new long[4 * 1024 * 1024];
long memorySink = 0;
void Memory()
{
    long sum = 0;
    for (int i = 0; i < big.Length; i += 8)
    {
        sum += big[i]++;
    }

    memorySink += sum;
}

double Time(Action action)
{
    var start = Stopwatch.GetTimestamp();
    action();
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

for (int i = 0; i < 20; i++)
{
    RunModel();
    Compute();
    Memory();
}

Console.WriteLine("window,seconds,model_ms,compute_ms,memory_ms,samples");
var clock = Stopwatch.StartNew();
for (int w = 0; clock.Elapsed.TotalSeconds < total; w++)
{
    var model_ = new List<double>();
    var compute = new List<double>();
    var memory = new List<double>();
    var end = clock.Elapsed.TotalSeconds + window;
    while (clock.Elapsed.TotalSeconds < end)
    {
        model_.Add(Time(RunModel));
        compute.Add(Time(Compute));
        memory.Add(Time(Memory));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{w},{clock.Elapsed.TotalSeconds:0.0},{Median(model_):0.0000},{Median(compute):0.0000},{Median(memory):0.0000},{model_.Count}"));
}

GC.KeepAlive(sink);
GC.KeepAlive(memorySink);

static double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
}
